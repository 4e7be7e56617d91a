//! Output: tables for people, JSON for scripts.
//!
//! Tables are plain space-aligned columns; on a terminal a rule underlines the header. No
//! styling (no bold) but the colours of `report --chart`: every byte of text output passes
//! through [`SafeOut`], which shows control characters as text, letting through only the
//! colour codes the binary itself writes ([`sgr`]) and only once [`set_colour`] allowed them
//! (a terminal, no `NO_COLOR`).
//! Tables fit the width ([`output_width`]: `COLUMNS`, else the terminal's) without ever
//! wrapping a cell: each table declares its [`Column`]s, which are essential, which may be
//! hidden and in what order, which free text may be shortened; `--wide` shows all.
//! JSON carries decimals as exact strings.
//!
//! Text for people never carries a control character from a name, note, tag or pricing file
//! to the terminal: [`safe_text`] writes each one as an escape (`\u{1b}` for ESC, `\u{7}` for
//! BEL, `\r`; in a table cell or a key-value also `\n` and `\t`), as do the bidirectional
//! overrides that reorder what is shown. Tables, paragraphs, key-values, notes and errors all
//! pass through it, and text output as a whole through [`SafeOut`]. JSON is unchanged (its
//! strings escape them already); CSV and export files keep the text exactly.

use comfy_table::{presets, Attribute, Cell, ContentArrangement, Table};
use credits_core::money::{self, Amount, MoneyRange};
use serde_json::Value;
use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};

/// Whether `c` must not reach a terminal as it is: a control character (C0, DEL, C1) or a
/// bidirectional override or isolate.
fn unsafe_char(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fn escape_into(out: &mut String, c: char) {
    match c {
        '\n' => out.push_str("\\n"),
        '\t' => out.push_str("\\t"),
        '\r' => out.push_str("\\r"),
        c => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
    }
}

fn escaped(text: &str, keep: impl Fn(char) -> bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if unsafe_char(c) && !keep(c) {
            escape_into(&mut out, c);
        } else {
            out.push(c);
        }
    }
    out
}

/// `text` safe for a terminal, line breaks and tabs kept: every other control character and
/// bidirectional override written as an escape (`\u{1b}`, `\r`).
pub fn safe_text(text: &str) -> String {
    if !text.chars().any(unsafe_char) {
        return text.to_string();
    }
    escaped(text, |c| c == '\n' || c == '\t')
}

/// `text` safe for a terminal on one line (a table cell, a value): [`safe_text`], and line
/// breaks and tabs written as `\n` and `\t` too.
pub fn safe_line(text: &str) -> String {
    if !text.chars().any(unsafe_char) {
        return text.to_string();
    }
    escaped(text, |_| false)
}

/// Text output as a whole, the net under every command's writes: a control byte other than a
/// line break or tab (ASCII, so never inside a UTF-8 sequence) is written as its escape.
/// Tables and prose are escaped before this (their widths count the escapes); this catches a
/// line a command writes itself.
pub struct SafeOut<'a> {
    pub inner: &'a mut dyn std::io::Write,
}

/// The length of the colour code [`sgr`] writes at the start of `bytes` (`ESC [ digits m`,
/// at most three digits), 0 when it is not one.
fn sgr_len(bytes: &[u8]) -> usize {
    let digits = bytes
        .iter()
        .skip(2)
        .take_while(|b| b.is_ascii_digit())
        .count();
    let ok = bytes.starts_with(b"\x1b[")
        && (1..=3).contains(&digits)
        && bytes.get(2 + digits) == Some(&b'm');
    if ok {
        3 + digits
    } else {
        0
    }
}

impl std::io::Write for SafeOut<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let unsafe_byte = |b: &u8| (*b < 0x20 && *b != b'\n' && *b != b'\t') || *b == 0x7f;
        if !buf.iter().any(unsafe_byte) {
            return self.inner.write(buf);
        }
        let colour = COLOUR.load(Ordering::Relaxed);
        let mut text = Vec::with_capacity(buf.len().saturating_add(16));
        let mut i = 0;
        while let Some(b) = buf.get(i) {
            let keep = if colour { sgr_len(&buf[i..]) } else { 0 };
            if keep > 0 {
                text.extend_from_slice(&buf[i..i + keep]);
                i += keep;
                continue;
            }
            i += 1;
            if unsafe_byte(b) {
                let mut s = String::new();
                escape_into(&mut s, char::from(*b));
                text.extend_from_slice(s.as_bytes());
            } else {
                text.push(*b);
            }
        }
        self.inner.write_all(&text)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// Whether stdout is a terminal (decides borders, styling and width).
pub fn stdout_is_terminal() -> bool {
    std::io::stdout().is_terminal()
}

/// Whether colour codes may reach the output (see [`set_colour`]).
static COLOUR: AtomicBool = AtomicBool::new(false);

/// Whether colour is wanted: stdout is a terminal, `NO_COLOR` is unset or empty
/// (no-color.org), and `TERM` is not `dumb`.
pub fn colour_wanted() -> bool {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let dumb = std::env::var("TERM").is_ok_and(|t| t == "dumb");
    stdout_is_terminal() && !no_color && !dumb
}

/// Lets [`SafeOut`] pass the colour codes of [`sgr`] for the rest of the run: a command that
/// colours calls it with [`colour_wanted`].
pub fn set_colour(on: bool) {
    COLOUR.store(on, Ordering::Relaxed);
}

/// The SGR code `ESC [ n m` (a foreground colour, or 0 to reset).
pub fn sgr(n: u8) -> String {
    format!("\x1b[{n}m")
}

/// Whether the locale can show Unicode block characters: the first of `LC_ALL`, `LC_CTYPE`
/// and `LANG` that is set and not empty names UTF-8. None set is the C locale: ASCII (but on
/// Windows, whose consoles take Unicode without a locale variable).
pub fn unicode_locale() -> bool {
    let locale = ["LC_ALL", "LC_CTYPE", "LANG"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .find(|v| !v.is_empty());
    match locale {
        Some(v) => {
            let v = v.to_ascii_lowercase();
            v.contains("utf-8") || v.contains("utf8")
        }
        None => cfg!(windows),
    }
}

/// `--wide`: tables show every column whole, whatever the width.
static WIDE: AtomicBool = AtomicBool::new(false);

/// Sets `--wide` for this run (the dispatcher calls it once, before any command).
pub fn set_wide(wide: bool) {
    WIDE.store(wide, Ordering::Relaxed);
}

/// The width tables must fit: `COLUMNS` when it is a positive number (also when piped), else
/// the terminal's width when stdout is a terminal that reports a non-zero size, else unknown
/// (`None`: the table is printed whole).
pub fn output_width() -> Option<usize> {
    if let Some(n) = std::env::var("COLUMNS")
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|n| *n > 0)
    {
        return Some(n);
    }
    if !stdout_is_terminal() {
        return None;
    }
    Table::new().width().map(usize::from).filter(|n| *n > 0)
}

/// How a column gives way when its table is wider than the screen. Columns give way one at a
/// time in rank order (1 first, then 2, …) until the table fits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Keep {
    /// Always shown, whole.
    Essential,
    /// Hidden at its turn.
    Optional(u8),
    /// Free text: from its turn on, cut as far as needed (to `min` characters at most, ending
    /// in `…`); hidden only when, every column cut or hidden, the essential ones still do not
    /// fit. Never a column of numbers, money or credits.
    Shrinkable { rank: u8, min: usize },
    /// A path, always shown: from its turn on, cut in the middle (`clips/…/teaser/a.mp4`), so
    /// the file name, which tells two rows apart, stays (issue 22, item 5).
    Path { rank: u8, min: usize },
    /// A time, `2026-11-21 12:00 +00:00`, always shown: from its turn on it drops its
    /// offset, then its year (`11-21 12:00`), so a name beside it need not be cut (issue 22,
    /// trial D). Never cut inside a number.
    Time { rank: u8 },
}

/// One column of a [`table`]: its header and how it gives way to fit the width.
#[derive(Clone, Copy, Debug)]
pub struct Column<'a> {
    pub header: &'a str,
    pub keep: Keep,
}

impl<'a> Column<'a> {
    /// A column always shown whole.
    pub const fn essential(header: &'a str) -> Column<'a> {
        Column {
            header,
            keep: Keep::Essential,
        }
    }

    /// A column hidden at its turn (`rank` 1 goes first).
    pub const fn optional(header: &'a str, rank: u8) -> Column<'a> {
        Column {
            header,
            keep: Keep::Optional(rank),
        }
    }

    /// Free text, always shown, cut with `…` (down to `min` characters) from its turn on.
    pub const fn shrinkable(header: &'a str, rank: u8, min: usize) -> Column<'a> {
        Column {
            header,
            keep: Keep::Shrinkable { rank, min },
        }
    }

    /// A time, always shown, in shorter forms from its turn on (see [`Keep::Time`]).
    pub const fn time(header: &'a str, rank: u8) -> Column<'a> {
        Column {
            header,
            keep: Keep::Time { rank },
        }
    }

    /// A path, always shown, cut in the middle from its turn on (down to `min` characters).
    pub const fn path(header: &'a str, rank: u8, min: usize) -> Column<'a> {
        Column {
            header,
            keep: Keep::Path { rank, min },
        }
    }

    fn rank(&self) -> Option<u8> {
        match self.keep {
            Keep::Essential => None,
            Keep::Optional(rank)
            | Keep::Shrinkable { rank, .. }
            | Keep::Path { rank, .. }
            | Keep::Time { rank } => Some(rank),
        }
    }
}

/// A table with a header row, rendered for the current stdout and width (see [`Column`]).
///
/// At a known width it never wraps a cell: the columns give way in rank order (optional ones
/// hidden, free text cut), and one line under the table says which were hidden. `--wide`, or
/// an unknown width, prints every column whole.
pub fn table(columns: &[Column], rows: Vec<Vec<String>>) -> String {
    let rows: Vec<Vec<String>> = rows
        .into_iter()
        .map(|row| row.iter().map(|cell| safe_line(cell)).collect())
        .collect();
    let terminal = stdout_is_terminal();
    let width = if WIDE.load(Ordering::Relaxed) {
        None
    } else {
        output_width()
    };
    // No styling: the header rule marks the header, and stdout passes through `SafeOut`,
    // which shows every escape byte as text (so a bold code would print as `\u{1b}[1m`).
    let bold = false;
    table_for(columns, rows, terminal, bold, width)
}

/// [`table`] for a given output: borders on a terminal, bold headers, the width to fit.
fn table_for(
    columns: &[Column],
    rows: Vec<Vec<String>>,
    terminal: bool,
    bold: bool,
    width: Option<usize>,
) -> String {
    let layout = match width {
        Some(w) => fit(columns, &rows, terminal, w),
        None => Layout::whole(columns, &rows),
    };
    let mut text = draw(columns, &rows, &layout, terminal, bold);
    if let Some(w) = width {
        // Wrapped like every other note: continuation lines indented by two.
        for (i, line) in layout
            .note(columns, w)
            .iter()
            .flat_map(|n| wrap_words(n, w.saturating_sub(2).max(20)))
            .enumerate()
        {
            if i > 0 {
                text.push_str("  ");
            }
            text.push_str(&line);
            text.push('\n');
        }
    }
    text
}

/// Which columns are shown, and at most how many characters each shows.
struct Layout {
    shown: Vec<bool>,
    /// The widest a column's text may be (`usize::MAX`: whole).
    limit: Vec<usize>,
    /// The natural widths (header and every cell, whole).
    natural: Vec<usize>,
}

impl Layout {
    fn whole(columns: &[Column], rows: &[Vec<String>]) -> Layout {
        let natural: Vec<usize> = columns
            .iter()
            .enumerate()
            .map(|(i, c)| {
                rows.iter()
                    .filter_map(|r| r.get(i))
                    .map(|cell| cell.chars().count())
                    .chain([c.header.chars().count()])
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        Layout {
            shown: vec![true; columns.len()],
            limit: vec![usize::MAX; columns.len()],
            natural,
        }
    }

    fn width(&self, i: usize) -> usize {
        self.natural[i].min(self.limit[i])
    }

    /// The line under a fitted table: which columns were hidden, or that text was shortened
    /// (a cut cell ends in `…`); `None` when the table is whole. Header words are joined by
    /// no-break spaces, so wrapping the line never splits a column's name.
    fn note(&self, columns: &[Column], width: usize) -> Option<String> {
        let hidden: Vec<String> = columns
            .iter()
            .enumerate()
            .filter(|(i, _)| !self.shown[*i])
            .map(|(_, c)| c.header.replace(' ', "\u{a0}"))
            .collect();
        let cut = (0..columns.len()).any(|i| self.shown[i] && self.limit[i] < self.natural[i]);
        let what = if !hidden.is_empty() {
            format!("hidden to fit {width} columns: {}", hidden.join(", "))
        } else if cut {
            format!("shortened to fit {width} columns")
        } else {
            return None;
        };
        Some(format!("({what}; --wide shows all)"))
    }
}

/// The layout that fits `width`: columns give way in rank order (hidden, or from then on cut
/// as far as needed) until the widest line fits, or nothing more can give.
fn fit(columns: &[Column], rows: &[Vec<String>], terminal: bool, width: usize) -> Layout {
    let mut layout = Layout::whole(columns, rows);
    let mut order: Vec<(u8, usize)> = columns
        .iter()
        .enumerate()
        .filter_map(|(i, c)| c.rank().map(|rank| (rank, i)))
        .collect();
    order.sort();
    let mut turns = order.into_iter().map(|(_, i)| i);
    let mut may_cut = vec![false; columns.len()];
    loop {
        // Every turn starts from whole text: hiding a column may leave room for it.
        layout.limit = vec![usize::MAX; columns.len()];
        let mut over = drawn_width(columns, rows, &layout, terminal).saturating_sub(width);
        while over > 0 && shorten(columns, rows, &may_cut, &mut layout, over, true) {
            over = drawn_width(columns, rows, &layout, terminal).saturating_sub(width);
        }
        if over == 0 {
            return layout;
        }
        let Some(i) = turns.next() else {
            // Every column has given what it can: free text cut to its minimum goes whole,
            // the least useful first, so the essential columns fit (issue 22, item 5: a
            // history of `refunded` entries at 60). A path stays: it names the row.
            let last = (0..columns.len())
                .filter(|&i| layout.shown[i])
                .filter_map(|i| match columns[i].keep {
                    Keep::Shrinkable { rank, .. } => Some((rank, i)),
                    _ => None,
                })
                .min();
            if let Some((_, i)) = last {
                layout.shown[i] = false;
                continue;
            }
            // Last, a path may be cut into its file name, from the front, so its end (where
            // names of one folder differ: `…_take_01.mp4`) stays: a table wider than the
            // terminal would wrap every row.
            let mut over = drawn_width(columns, rows, &layout, terminal).saturating_sub(width);
            while over > 0 && shorten(columns, rows, &may_cut, &mut layout, over, false) {
                over = drawn_width(columns, rows, &layout, terminal).saturating_sub(width);
            }
            // Nothing left to give: the essential columns are shown as they are (a line may
            // be too wide, but no word or number is split).
            return layout;
        };
        match columns[i].keep {
            Keep::Optional(_) => layout.shown[i] = false,
            _ => may_cut[i] = true,
        }
    }
}

/// Takes up to `over` characters from the columns that may be cut: the least useful first
/// (the lowest rank, down to its minimum), the widest of one rank first; false when none can
/// give any more. So a column ranked to give way first (compare's platform) is cut before a
/// wider one that matters more (its model and variant).
fn shorten(
    columns: &[Column],
    rows: &[Vec<String>],
    may_cut: &[bool],
    layout: &mut Layout,
    mut over: usize,
    whole_file_names: bool,
) -> bool {
    // A path is never cut into its file name (`…/hero-shot-final-take.mp4`, not
    // `…o-shot-final-take.mp4`): the name tells two rows apart (issue 22, trial A). A time
    // goes no shorter than its shortest form.
    let floor: Vec<usize> = columns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let cells = rows.iter().filter_map(|r| r.get(i));
            match c.keep {
                Keep::Path { .. } if whole_file_names => {
                    cells.map(|cell| path_floor(cell)).max().unwrap_or(0)
                }
                Keep::Time { .. } => cells
                    .map(|cell| time_forms(cell).last().map_or(0, |f| f.chars().count()))
                    .max()
                    .unwrap_or(0),
                _ => 0,
            }
        })
        .collect();
    let mut gave = false;
    while over > 0 {
        let widest = columns
            .iter()
            .enumerate()
            .filter(|(i, _)| layout.shown[*i] && may_cut[*i])
            .filter_map(|(i, c)| {
                let (min, rank) = match c.keep {
                    Keep::Shrinkable { min, rank } | Keep::Path { min, rank } => (min, rank),
                    Keep::Time { rank } => (0, rank),
                    _ => return None,
                };
                let min = min.max(c.header.chars().count()).max(2).max(floor[i]);
                let now = layout.width(i);
                (now > min).then_some((std::cmp::Reverse(rank), now, i))
            })
            .max();
        let Some((_, now, i)) = widest else {
            break;
        };
        layout.limit[i] = now - 1;
        over -= 1;
        gave = true;
    }
    gave
}

/// A cell cut to `limit` characters, ending in `…`. No number is cut short: a word with a
/// digit in it is dropped whole (the cut goes back to the space before it) or, when it is the
/// first word, cut before the digits and the marks around them.
fn shorten_cell(cell: &str, limit: usize) -> String {
    let chars: Vec<char> = cell.chars().collect();
    if chars.len() <= limit {
        return cell.to_string();
    }
    let mut end = limit.saturating_sub(1);
    let mid_word = end > 0 && !chars[end - 1].is_whitespace() && !chars[end].is_whitespace();
    if mid_word {
        let start = chars[..end]
            .iter()
            .rposition(|c| c.is_whitespace())
            .map_or(0, |p| p + 1);
        let word_end = chars[end..]
            .iter()
            .position(|c| c.is_whitespace())
            .map_or(chars.len(), |p| end + p);
        // A number (`$15.65`, `1,200`) is never cut: it goes whole. A name with digits in
        // it (`kling-v2-6`) may be cut, but not inside a run of digits, which would read
        // as another number.
        let word = &chars[start..word_end];
        let number = word
            .first()
            .is_some_and(|c| c.is_ascii_digit() || "$€£-+".contains(*c));
        if number && start > 0 {
            end = start;
        } else if word.iter().any(char::is_ascii_digit) {
            while end > start
                && (chars[end - 1].is_ascii_digit() || ".,:/$€£".contains(chars[end - 1]))
            {
                end -= 1;
            }
        }
    }
    let mut text: String = chars[..end].iter().collect();
    text.truncate(text.trim_end().len());
    text.push('…');
    text
}

/// The forms of a time cell, longest first: as it is (`2026-11-21 12:00 +00:00`), without
/// its offset (`2026-11-21 12:00`), without its year too (`11-21 12:00`). A cell of another
/// shape (an empty one) has only itself.
fn time_forms(cell: &str) -> Vec<String> {
    let mut forms = vec![cell.to_string()];
    let mut now = cell.to_string();
    if let Some((rest, offset)) = now.rsplit_once(' ') {
        if offset.starts_with(['+', '-']) || offset == "Z" {
            now = rest.to_string();
            forms.push(now.clone());
        }
    }
    let year = now.as_bytes();
    if year.len() > 5 && year[..4].iter().all(u8::is_ascii_digit) && year[4] == b'-' {
        forms.push(now[5..].to_string());
    }
    forms
}

/// The longest form of a time that fits `limit` characters, or its shortest.
fn shorten_time(cell: &str, limit: usize) -> String {
    let forms = time_forms(cell);
    forms
        .iter()
        .find(|f| f.chars().count() <= limit)
        .or(forms.last())
        .cloned()
        .unwrap_or_default()
}

/// The fewest characters [`shorten_path`] may cut `cell` to and keep its file name whole:
/// `…/name`, or the whole cell when that is no shorter.
fn path_floor(cell: &str) -> usize {
    let chars: Vec<char> = cell.chars().collect();
    let name = chars
        .iter()
        .rposition(|c| *c == '/' || *c == std::path::MAIN_SEPARATOR)
        .map_or(chars.len(), |p| chars.len() - p);
    (name + 1).min(chars.len())
}

/// A path cut to `limit` characters in the middle: as much of its start as fits, `…`, and
/// its last component whole (`clips/te…/a.mp4`); a last component longer than that keeps
/// its end (`…long-name.mp4`), where names differ and the extension is.
fn shorten_path(cell: &str, limit: usize) -> String {
    let chars: Vec<char> = cell.chars().collect();
    if chars.len() <= limit {
        return cell.to_string();
    }
    let room = limit.saturating_sub(1);
    let name_start = chars
        .iter()
        .rposition(|c| *c == '/' || *c == std::path::MAIN_SEPARATOR)
        .unwrap_or(0);
    let name = &chars[name_start..];
    let mut text = String::new();
    if name.len() <= room {
        text.extend(&chars[..room - name.len()]);
        text.push('…');
        text.extend(name);
    } else {
        text.push('…');
        text.extend(&chars[chars.len() - room..]);
    }
    text
}

/// The widest line of the table drawn with `layout`, plain (no styling).
fn drawn_width(columns: &[Column], rows: &[Vec<String>], layout: &Layout, terminal: bool) -> usize {
    draw(columns, rows, layout, terminal, false)
        .lines()
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(0)
}

/// Draws the shown columns, each cell at most its limit, never wrapped.
fn draw(
    columns: &[Column],
    rows: &[Vec<String>],
    layout: &Layout,
    terminal: bool,
    bold: bool,
) -> String {
    let mut table = Table::new();
    table.set_content_arrangement(ContentArrangement::Disabled);
    // Drawn plain; on a terminal a rule is added under the header (below), and nothing
    // else: no rule between rows doubling the height, no border taking width from cells.
    table.load_style(presets::NOTHING);
    let shown: Vec<usize> = (0..columns.len()).filter(|i| layout.shown[*i]).collect();
    table.set_header(shown.iter().map(|&i| {
        let cell = Cell::new(columns[i].header);
        if bold {
            cell.add_attribute(Attribute::Bold)
        } else {
            cell
        }
    }));
    for row in rows {
        table.add_row(shown.iter().map(|&i| {
            let cell = row.get(i).map_or("", String::as_str);
            match columns[i].keep {
                Keep::Path { .. } => shorten_path(cell, layout.limit[i]),
                Keep::Time { .. } => shorten_time(cell, layout.limit[i]),
                _ => shorten_cell(cell, layout.limit[i]),
            }
        }));
    }
    let text = table.to_string();
    // No trailing spaces on any line.
    let mut lines: Vec<String> = text.lines().map(|l| l.trim_end().to_string()).collect();
    if terminal && !lines.is_empty() {
        let width = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0);
        lines.insert(1, "─".repeat(width));
    }
    let mut text = lines.join("\n");
    text.push('\n');
    text
}

/// `text` in lines of at most `width` characters, broken at spaces (a longer word stays whole;
/// a no-break space joins two words into one and is printed as a space).
fn wrap_words(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let word = word.replace('\u{a0}', " ");
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    lines.push(line);
    lines
}

/// Prose for people, fitted to the output width like the tables: each line of `text`
/// wrapped at spaces (a word longer than the width, a URL, stays whole on its own line;
/// continuation lines indented two spaces). Unknown width: unchanged. Ends as `text` ends.
pub fn paragraph(text: &str) -> String {
    let text = &safe_text(text);
    let Some(width) = output_width() else {
        return text.to_string();
    };
    let mut out = String::new();
    let mut lines = text.split('\n').peekable();
    while let Some(line) = lines.next() {
        // A line that fits (every table line does) is left exactly as it is.
        if line.chars().count() <= width {
            out.push_str(line);
            if lines.peek().is_some() {
                out.push('\n');
            }
            continue;
        }
        let indent: String = line.chars().take_while(|c| *c == ' ').collect();
        let body = &line[indent.len()..];
        let room = width.saturating_sub(indent.len() + 2).max(20);
        for (i, piece) in wrap_words(body, room).iter().enumerate() {
            if i > 0 {
                out.push('\n');
                out.push_str(&indent);
                out.push_str("  ");
            } else {
                out.push_str(&indent);
            }
            out.push_str(piece);
        }
        if lines.peek().is_some() {
            out.push('\n');
        }
    }
    out
}

/// Two columns of label and value, for one result. At a known width (see [`output_width`]) a
/// long value goes on over more lines, broken at spaces, under the first.
pub fn key_values(rows: Vec<(&str, String)>) -> String {
    let width = rows
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(0);
    let room = output_width().map(|w| w.saturating_sub(width + 2).max(20));
    let mut out = String::new();
    for (key, value) in rows {
        let value = safe_line(&value);
        let lines = match room {
            Some(room) => wrap_words(&value, room),
            None => vec![value],
        };
        for (i, line) in lines.iter().enumerate() {
            let key = if i == 0 { key } else { "" };
            out.push_str(&format!("{key:<width$}  {line}\n"));
        }
    }
    out
}

/// Money for a table cell, or `unknown`.
pub fn money_cell(value: Option<&MoneyRange>, currency: &str) -> String {
    match value {
        Some(v) => money::fmt_money_amount(&v.to_amount(), currency),
        None => "unknown".to_string(),
    }
}

/// Credits for a table cell, or `unknown`.
pub fn credits_cell(value: Option<&Amount>) -> String {
    match value {
        Some(v) => money::fmt_credits_amount(v),
        None => "unknown".to_string(),
    }
}

/// A table in a line of text: its date and the first 8 digits of its hash, `2026-05-04
/// (a1b2c3d4)`, enough to tell two tables of one date apart.
pub fn table_text(t: &credits_core::records::TableStamp) -> String {
    format!("{} ({})", t.as_of, t.sha256.get(..8).unwrap_or(&t.sha256))
}

/// Pretty JSON with a trailing newline.
pub fn json(value: &Value) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_else(|_| "null".to_string());
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn a_time_gives_way_in_whole_parts_and_a_path_keeps_its_file_name() {
        let time = "2026-11-21 12:00 +00:00";
        assert_eq!(shorten_time(time, 23), time);
        assert_eq!(shorten_time(time, 22), "2026-11-21 12:00");
        assert_eq!(shorten_time(time, 15), "11-21 12:00");
        assert_eq!(shorten_time(time, 3), "11-21 12:00");
        assert_eq!(shorten_time("", 3), "");
        assert_eq!(
            path_floor("clips/take-1/hero-shot.mp4"),
            "…/hero-shot.mp4".chars().count()
        );
        assert_eq!(path_floor("a.mp4"), 5);
    }

    #[test]
    fn safe_out_passes_only_the_binarys_colour_codes_and_only_when_allowed() {
        let text = format!("{}bar{} \x1b]0;title\x07 \x1b[2J", sgr(36), sgr(0));
        let written = |colour: bool| {
            set_colour(colour);
            let mut buf = Vec::new();
            SafeOut { inner: &mut buf }
                .write_all(text.as_bytes())
                .unwrap();
            set_colour(false);
            String::from_utf8(buf).unwrap()
        };
        assert_eq!(
            written(true),
            "\x1b[36mbar\x1b[0m \\u{1b}]0;title\\u{7} \\u{1b}[2J"
        );
        assert_eq!(
            written(false),
            "\\u{1b}[36mbar\\u{1b}[0m \\u{1b}]0;title\\u{7} \\u{1b}[2J"
        );
    }

    #[test]
    fn a_file_name_longer_than_the_room_is_cut_from_the_front_rather_than_overflow() {
        let columns = [
            Column::path("file", 1, 8),
            Column::essential("seconds"),
            Column::essential("result"),
        ];
        let rows: Vec<Vec<String>> = ["01", "02"]
            .iter()
            .map(|n| {
                vec![
                    format!("/clips/runway_gen4_hero_shot_sunrise_over_the_city_take_{n}.mp4"),
                    "5".into(),
                    "logged".into(),
                ]
            })
            .collect();
        let layout = fit(&columns, &rows, false, 40);
        let text = draw(&columns, &rows, &layout, false, false);
        for line in text.lines() {
            assert!(line.chars().count() <= 40, "{line:?} is wider than 40");
        }
        assert!(
            text.contains("take_01.mp4") && text.contains("take_02.mp4"),
            "{text}"
        );
    }

    #[test]
    fn a_path_is_cut_in_the_middle_so_its_file_name_stays() {
        let path = "/home/me/clips/client launch/teaser/a.mp4";
        assert_eq!(shorten_path(path, 100), path);
        assert_eq!(shorten_path(path, 20), "/home/me/clip…/a.mp4");
        assert_eq!(shorten_path(path, 20).chars().count(), 20);
        // Two files of one folder stay apart however narrow.
        assert_ne!(
            shorten_path("/a/very/long/folder/b.mp4", 8),
            shorten_path("/a/very/long/folder/c.mp4", 8)
        );
        // A name longer than the room keeps its end: the extension and where names differ.
        assert_eq!(
            shorten_path("/clips/a-very-long-file-name-take-2.mp4", 12),
            "…-take-2.mp4"
        );
        assert_eq!(shorten_path("no-folder-at-all.mp4", 10), "…t-all.mp4");
    }
}
