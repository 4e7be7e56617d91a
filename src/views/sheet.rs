//! `report --html FILE`: the cost sheet as one self-contained HTML page.
//!
//! Self-contained means it loads nothing: the CSS is inline, the chart an inline SVG, no
//! font, script or image is fetched (the pricing sources are links a reader may follow, never
//! loaded). It prints well (`@media print`: no background, rows kept whole, a link's address
//! printed after it).
//!
//! Every text that comes from the user or a pricing file (project, tags, notes, models,
//! source titles and URLs) goes through [`esc`]: `<script>` in a project name is shown as
//! text. Amounts are rounded once, here, for display; each total also carries its exact value
//! in a `data-exact` attribute, for a program that reads the sheet.
//!
//! No table is wider than the page: amounts are kept whole (`.nw`), but the words about
//! unknown money, credits side by side and long model names may wrap (`overflow-wrap:
//! anywhere`, `<wbr>` after a model id's `/`). The chart is on a true date axis and keeps
//! its labels inside its viewBox ([`chart_svg`]).
//!
//! The numbers are `ops::sheet`'s: this module only lays them out.

use crate::views::Dec;
use anyhow::Result;
use credits_app::ops::reports::Line;
use credits_app::ops::sheet::Sheet;
use credits_core::money;
use credits_core::records::{Entry, Status};
use rust_decimal::Decimal;
use std::fmt::Write as _;

/// `text` safe inside HTML text and attribute values.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' && c != '\t' => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out
}

const CSS: &str = r#"
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a1a1a;
  margin: 2rem auto; max-width: 1100px; padding: 0 1rem; line-height: 1.4; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; }
h2 { font-size: 1.15rem; margin-top: 2rem; border-bottom: 1px solid #ccc; padding-bottom: .2rem; }
dl.scope { display: grid; grid-template-columns: max-content auto; gap: .1rem 1rem; }
dl.scope dt { color: #555; }
dl.scope dd { margin: 0; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { text-align: left; padding: .25rem .5rem; border-bottom: 1px solid #e3e3e3; vertical-align: top; }
td { overflow-wrap: anywhere; }
th { background: #f3f5f7; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.nw { white-space: nowrap; }
.unknown { color: #555; }
tr.total td, tr.total th { font-weight: 600; border-top: 2px solid #1a1a1a; }
table#totals { width: auto; min-width: 50%; }
table#totals th { background: none; font-weight: normal; }
.status-failed { color: #a15c00; }
.status-refunded { color: #5c6b7a; }
.status-retry { color: #7a5ca1; }
s { color: #888; }
.note { color: #555; font-size: .88rem; }
svg { width: 100%; height: auto; max-height: 320px; }
footer { margin-top: 2.5rem; color: #666; font-size: .85rem; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  th { background: none; }
  h2 { break-after: avoid; }
  tr, svg { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  a[href]::after { content: " (" attr(href) ")"; font-size: .85em; color: #555; }
}
"#;

struct Money<'a> {
    sheet: &'a Sheet,
}

impl Money<'_> {
    fn currency(&self) -> &str {
        self.sheet.currency.as_deref().unwrap_or("USD")
    }

    fn cost(&self, v: Decimal) -> String {
        money::fmt_money(v, self.currency())
    }

    fn billed(&self, v: Decimal) -> Result<String> {
        let currency = self.sheet.billed_currency().unwrap_or("USD");
        Ok(money::fmt_money(self.sheet.billing.billed(v)?, currency))
    }
}

fn unpriced_text(n: u64) -> String {
    format!(
        " + {} of unknown money",
        money::fmt_count(n, "entry", "entries")
    )
}

/// A line's cost cell and billed cell (`<td>`s), the known part and what is unknown. The
/// amount never wraps; the words about unknown money may, so a cell with them does not
/// widen its table past the page (the trial of issue 24: the per-model table overflowed a
/// 1200-px page).
fn line_money(m: &Money, line: &Line) -> Result<(String, String)> {
    let row = &line.row;
    if row.currency.is_none() && row.unpriced > 0 {
        let text = format!(
            "<span class=\"nw\">unknown</span> <span class=\"unknown\">({} unpriced)</span>",
            row.unpriced
        );
        return Ok((
            format!("<td class=\"num\">{text}</td>"),
            format!("<td class=\"num\">{text}</td>"),
        ));
    }
    let tail = if row.unpriced > 0 {
        format!(
            " <span class=\"unknown\">{}</span>",
            esc(unpriced_text(row.unpriced).trim_start())
        )
    } else {
        String::new()
    };
    let exact = row.cost.normalize().to_string();
    let billed_exact = m.sheet.billing.billed(row.cost)?.normalize().to_string();
    Ok((
        format!(
            "<td class=\"num\" data-exact=\"{exact}\"><span class=\"nw\">{}</span>{tail}</td>",
            esc(&m.cost(row.cost))
        ),
        format!(
            "<td class=\"num\" data-exact=\"{billed_exact}\"><span class=\"nw\">{}</span>{tail}</td>",
            esc(&m.billed(row.cost)?)
        ),
    ))
}

/// `120 runway`, or side by side when a line spans platforms (never added), as HTML: each
/// platform's credits whole, the line free to wrap between them.
fn credits_html(line: &Line) -> String {
    let parts: Vec<String> = line
        .by_platform
        .iter()
        .filter(|(_, c)| !c.credits.is_zero())
        .map(|(p, c)| {
            format!(
                "<span class=\"nw\">{}</span>",
                esc(&format!("{} {p}", money::fmt_credits(c.credits)))
            )
        })
        .collect();
    if parts.is_empty() {
        "0".into()
    } else {
        parts.join(" + ")
    }
}

/// A model's name as HTML: a line may break after each `/` of a path-like id
/// (`fal-ai/kling-video/v2.1/…`) before it breaks anywhere else.
fn model_html(model: &str) -> String {
    esc(model).replace('/', "/<wbr>")
}

/// `10 s, 1080p, audio, ×2`: an entry's request in short.
fn request_text(e: &Entry) -> String {
    let r = &e.request;
    let mut parts = Vec::new();
    if let Some(d) = r.duration {
        parts.push(format!("{} s", d.normalize()));
    }
    if let Some(x) = &r.resolution {
        parts.push(x.clone());
    }
    if let Some(x) = &r.mode {
        parts.push(x.clone());
    }
    if r.audio {
        parts.push("audio".into());
    }
    if r.count > 1 {
        parts.push(format!("×{}", r.count));
    }
    parts.join(", ")
}

/// An entry's status as the sheet says it, and its CSS class.
fn status_text(e: &Entry) -> (&'static str, &'static str) {
    match (e.status, e.kept) {
        (Status::Refunded, _) => ("refunded", "status-refunded"),
        (Status::Failed, _) => ("failed, not refunded", "status-failed"),
        (Status::Ok, true) => ("kept", "status-kept"),
        (Status::Ok, false) => ("retry, not used", "status-retry"),
    }
}

/// The chart's geometry, in the viewBox's units (its width is the page's width).
const CHART_W: usize = 1000;
const CHART_H: usize = 260;
/// Above the plot: the "highest day" line.
const CHART_TOP: usize = 28;
/// Below the plot: the date labels, horizontal.
const CHART_BOTTOM: usize = 36;
/// Each side of the plot: more than half a date label (`2026-11-02` at 12 px is about 65
/// wide), so a label centred on the first or last day stays inside the viewBox.
const CHART_SIDE: usize = 48;
/// The least room between two labels' centres.
const LABEL_EVERY: usize = 90;
/// The widest a bar is drawn, however few the days.
const MAX_BAR: usize = 48;

/// The daily cost as an SVG bar chart on a true date axis: every day from the first to the
/// last logged one has its slot, days with nothing logged empty, so the gaps show as they
/// were (the trial of issue 24 found logged days spaced evenly, whatever lay between them).
/// A day's slot starts at `side + i × plot ÷ days` (integer arithmetic, `i` the days since
/// the first) and its bar is centred in it; bar heights scale exactly
/// (`credits_core::chart`). Labels are horizontal, centred on their day, one every
/// [`LABEL_EVERY`] units at least, and kept inside the viewBox by the side margins.
fn chart_svg(sheet: &Sheet, m: &Money) -> String {
    use chrono::NaiveDate;
    let plot_h = CHART_H - CHART_TOP - CHART_BOTTOM;
    let plot_w = CHART_W - 2 * CHART_SIDE;
    let base = CHART_TOP + plot_h;
    let day_of = |line: &Line| line.row.keys.first().cloned().flatten().unwrap_or_default();
    let date = |day: &str| NaiveDate::parse_from_str(day, "%Y-%m-%d").ok();
    let logged: Vec<(NaiveDate, &Line)> = sheet
        .by_day
        .iter()
        .filter_map(|l| date(&day_of(l)).map(|d| (d, l)))
        .collect();
    let first = logged.iter().map(|(d, _)| *d).min();
    let last = logged.iter().map(|(d, _)| *d).max();
    let days = match (first, last) {
        (Some(a), Some(b)) => usize::try_from((b - a).num_days()).unwrap_or(0) + 1,
        _ => 1,
    };
    let slot_start = |i: usize| CHART_SIDE + i * plot_w / days;
    let centre = |i: usize| CHART_SIDE + (2 * i + 1) * plot_w / (2 * days);
    let bar = (plot_w * 7 / (10 * days)).clamp(1, MAX_BAR);
    let max = logged
        .iter()
        .map(|(_, l)| l.row.cost)
        .max()
        .unwrap_or_default();
    let mut svg = format!(
        "<svg id=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {CHART_W} {CHART_H}\" \
         role=\"img\" aria-label=\"cost per day\" data-first-day=\"{}\" data-days=\"{days}\">\n",
        first.map(|d| d.to_string()).unwrap_or_default()
    );
    let _ = writeln!(
        svg,
        "<line x1=\"{CHART_SIDE}\" y1=\"{base}\" x2=\"{x2}\" y2=\"{base}\" stroke=\"#999\"/>",
        x2 = CHART_SIDE + plot_w
    );
    // A tick per day where they are far enough apart to be seen, else at the labels only.
    let slot = plot_w / days;
    let label_every = LABEL_EVERY.div_ceil(slot.max(1)).max(1);
    if let Some(first) = first {
        for i in 0..days {
            let labelled = i % label_every == 0;
            if slot < 4 && !labelled {
                continue;
            }
            let x = centre(i);
            let day = (first + chrono::Duration::days(i64::try_from(i).unwrap_or(0))).to_string();
            let _ = writeln!(
                svg,
                "<line class=\"tick\" data-day=\"{day}\" x1=\"{x}\" y1=\"{base}\" x2=\"{x}\" y2=\"{y2}\" stroke=\"#999\"/>",
                y2 = base + 4
            );
            if labelled {
                let _ = writeln!(
                    svg,
                    "<text class=\"day\" x=\"{x}\" y=\"{y}\" font-size=\"12\" text-anchor=\"middle\" fill=\"#333\">{day}</text>",
                    y = base + 18
                );
            }
        }
    }
    for (d, line) in &logged {
        let i = first.map_or(0, |f| usize::try_from((*d - f).num_days()).unwrap_or(0));
        let day = d.to_string();
        let x = centre(i).saturating_sub(bar / 2).max(slot_start(i));
        let known = line.row.currency.is_some() || line.row.unpriced == 0;
        let h = if known {
            credits_core::chart::length(line.row.cost, max, plot_h)
        } else {
            0
        };
        let title = if known {
            m.cost(line.row.cost)
        } else {
            "unknown".into()
        };
        let _ = writeln!(
            svg,
            "<rect class=\"bar\" data-day=\"{day}\" x=\"{x}\" y=\"{y}\" width=\"{bar}\" height=\"{h}\" fill=\"#2f6db5\"><title>{day} {}</title></rect>",
            esc(&title),
            y = base - h,
        );
        if !known {
            let _ = writeln!(
                svg,
                "<text x=\"{cx}\" y=\"{y}\" font-size=\"12\" text-anchor=\"middle\" fill=\"#a15c00\">?</text>",
                cx = centre(i),
                y = base - 4
            );
        }
    }
    let _ = writeln!(
        svg,
        "<text x=\"{CHART_SIDE}\" y=\"16\" font-size=\"13\" fill=\"#333\">highest day: {}</text>",
        esc(&m.cost(max))
    );
    svg.push_str("</svg>\n");
    svg
}

/// The sheet as HTML. `scope` says what it covers (label, value: the filters as typed);
/// `made` when and by what it was made.
pub fn html(sheet: &Sheet, scope: &[(String, String)], made: &str) -> Result<String> {
    let m = Money { sheet };
    let billed = sheet.billing.changes();
    let mut h = String::new();
    let title = scope
        .iter()
        .find(|(k, _)| k == "project")
        .or_else(|| scope.first())
        .map(|(_, v)| format!("Cost sheet: {v}"))
        .unwrap_or_else(|| "Cost sheet".to_string());
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<h1>{}</h1>\n",
        esc(&title),
        esc(&title)
    );
    h.push_str("<dl class=\"scope\" id=\"scope\">\n");
    for (k, v) in scope {
        let _ = writeln!(h, "<dt>{}</dt><dd>{}</dd>", esc(k), esc(v));
    }
    h.push_str("</dl>\n");

    // Totals.
    let entries = &sheet.entries;
    let count = |f: fn(&Entry) -> bool| entries.iter().filter(|e| f(e)).count();
    let kept = count(|e| e.status == Status::Ok && e.kept);
    let retries = count(|e| e.status == Status::Ok && !e.kept);
    let failed = count(|e| e.status == Status::Failed);
    let refunded = count(|e| e.status == Status::Refunded);
    h.push_str("<h2>Total</h2>\n<table id=\"totals\">\n");
    let _ = writeln!(
        h,
        "<tr><th>generations</th><td class=\"num\" data-exact=\"{}\">{}</td></tr>\n\
         <tr><th>kept</th><td class=\"num\">{kept}</td></tr>\n\
         <tr><th>retries, not used</th><td class=\"num\">{retries}</td></tr>\n\
         <tr><th>failed, not refunded (charged)</th><td class=\"num\">{failed}</td></tr>\n\
         <tr><th>refunded (not charged)</th><td class=\"num\">{refunded}</td></tr>",
        entries.len(),
        entries.len()
    );
    let (cost_td, billed_td) = line_money(&m, &sheet.total)?;
    let _ = writeln!(h, "<tr id=\"total-cost\"><th>cost</th>{cost_td}</tr>");
    let total = &sheet.total.row;
    if let Some(pct) = sheet.billing.markup {
        let marked = sheet.billing.marked_up(total.cost)?;
        let _ = writeln!(
            h,
            "<tr id=\"markup\"><th>markup {}%</th><td class=\"num\" data-exact=\"{}\">+ {}</td></tr>\n\
             <tr id=\"marked-up\"><th>cost with markup</th><td class=\"num\" data-exact=\"{}\">{}</td></tr>",
            pct.normalize(),
            (marked - total.cost).normalize(),
            esc(&m.cost(marked - total.cost)),
            marked.normalize(),
            esc(&m.cost(marked)),
        );
    }
    if let Some(rate) = &sheet.billing.rate {
        let _ = writeln!(
            h,
            "<tr id=\"rate\"><th>converted at</th><td class=\"num\" data-exact=\"{}\">1 {} = {} {} (rate of {})</td></tr>",
            rate.rate.normalize(),
            esc(m.currency()),
            rate.rate.normalize(),
            esc(&rate.currency),
            rate.date
        );
    }
    if billed {
        let _ = writeln!(
            h,
            "<tr id=\"total-billed\" class=\"total\"><th>total billed</th>{billed_td}</tr>"
        );
    }
    h.push_str("</table>\n");
    if total.unpriced > 0 {
        let _ = writeln!(
            h,
            "<p class=\"note\">{} unknown money: the totals are the known part.</p>",
            esc(&money::fmt_count(
                total.unpriced,
                "entry has",
                "entries have"
            ))
        );
    }
    h.push_str(
        "<p class=\"note\">Failed generations cost what the platform charged until it refunds \
         them; refunded ones cost nothing. Retries are generations made again and not used: \
         they cost what they cost.</p>\n",
    );

    // Chart.
    h.push_str("<h2>Cost per day</h2>\n");
    h.push_str(&chart_svg(sheet, &m));

    // Per model.
    let billed_th = if billed {
        "<th class=\"num\">billed</th>"
    } else {
        ""
    };
    let _ = writeln!(
        h,
        "<h2>Per model</h2>\n<table id=\"by-model\">\n<tr><th>platform</th><th>model</th>\
         <th class=\"num\">generations</th><th class=\"num\">credits</th><th class=\"num\">cost</th>{billed_th}</tr>"
    );
    for line in &sheet.by_model {
        let key = |i: usize| line.row.keys.get(i).cloned().flatten().unwrap_or_default();
        let (c, b) = line_money(&m, line)?;
        let _ = writeln!(
            h,
            "<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>{c}{}</tr>",
            esc(&key(0)),
            model_html(&key(1)),
            line.row.entries,
            credits_html(line),
            if billed { b } else { String::new() }
        );
    }
    let _ = writeln!(
        h,
        "<tr class=\"total\"><th colspan=\"2\">total</th><td class=\"num\">{}</td><td class=\"num\">{}</td>{cost_td}{}</tr>\n</table>",
        sheet.total.row.entries,
        credits_html(&sheet.total),
        if billed { billed_td.clone() } else { String::new() }
    );

    // Per day.
    let _ = writeln!(
        h,
        "<h2>Per day</h2>\n<table id=\"by-day\">\n<tr><th>day</th><th class=\"num\">generations</th>\
         <th class=\"num\">cost</th>{billed_th}</tr>"
    );
    for line in &sheet.by_day {
        let day = line.row.keys.first().cloned().flatten().unwrap_or_default();
        let (c, b) = line_money(&m, line)?;
        let _ = writeln!(
            h,
            "<tr><td>{}</td><td class=\"num\">{}</td>{c}{}</tr>",
            esc(&day),
            line.row.entries,
            if billed { b } else { String::new() }
        );
    }
    let _ = writeln!(
        h,
        "<tr class=\"total\"><th>total</th><td class=\"num\">{}</td>{cost_td}{}</tr>\n</table>",
        sheet.total.row.entries,
        if billed {
            billed_td.clone()
        } else {
            String::new()
        }
    );

    // Every generation.
    let _ = writeln!(
        h,
        "<h2>Every generation</h2>\n<table id=\"entries\">\n<tr><th>id</th><th>time</th>\
         <th>platform</th><th>model</th><th>request</th><th>project</th><th>status</th>\
         <th class=\"num\">credits</th><th class=\"num\">cost</th>{billed_th}<th>note</th></tr>"
    );
    for e in entries {
        let (status, class) = status_text(e);
        let (cost, bill) = match (&e.cost, e.status) {
            (None, Status::Refunded) => {
                ("<s>unknown</s> refunded".to_string(), m.cost(Decimal::ZERO))
            }
            (None, _) => ("unknown".to_string(), "unknown".to_string()),
            (Some(c), Status::Refunded) => (
                format!(
                    "<s>{}</s> {}",
                    esc(&m.cost(c.amount)),
                    esc(&m.cost(Decimal::ZERO))
                ),
                esc(&m.billed(Decimal::ZERO)?),
            ),
            (Some(c), _) => (esc(&m.cost(c.amount)), esc(&m.billed(c.amount)?)),
        };
        let tags: Vec<String> = e.tags.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let note = match (&e.note, tags.is_empty()) {
            (Some(n), true) => n.clone(),
            (Some(n), false) => format!("{n} ({})", tags.join(", ")),
            (None, _) => tags.join(", "),
        };
        let _ = writeln!(
            h,
            "<tr class=\"{class}\"><td>{}</td><td class=\"nw\">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>\
             <td>{status}</td><td class=\"num nw\">{}</td><td class=\"num nw\">{cost}</td>{}<td>{}</td></tr>",
            e.id,
            esc(&e.at.format("%Y-%m-%d %H:%M").to_string()),
            esc(&e.platform),
            model_html(&e.model),
            esc(&request_text(e)),
            esc(e.project.as_deref().unwrap_or("")),
            esc(&money::fmt_credits(e.credits)),
            if billed {
                format!("<td class=\"num nw\">{bill}</td>")
            } else {
                String::new()
            },
            esc(&note),
        );
    }
    h.push_str("</table>\n");

    // Sources.
    h.push_str("<h2>Where the prices come from</h2>\n<div id=\"sources\">\n");
    for p in &sheet.sources {
        let _ = writeln!(
            h,
            "<h3>{}</h3>",
            esc(p.name.as_deref().unwrap_or(&p.platform))
        );
        for t in &p.priced_with {
            let _ = writeln!(
                h,
                "<p class=\"note\">priced with the {} table of {} ({}) for {}{}</p>",
                esc(&p.platform),
                t.table.as_of,
                esc(t.table.sha256.get(..8).unwrap_or(&t.table.sha256)),
                money::fmt_count(t.entries, "generation", "generations"),
                if t.current { "" } else { " (an older table)" }
            );
        }
        if p.sources.is_empty() {
            h.push_str("<p class=\"note\">no sources: the platform is not in the pricing tables, or its table names none</p>\n");
            continue;
        }
        h.push_str("<ul>\n");
        for s in &p.sources {
            let date = match (s.date, s.read) {
                (Some(d), _) => format!(", dated {d}"),
                (None, Some(r)) => format!(", read {r}"),
                (None, None) => String::new(),
            };
            let link = match &s.url {
                Some(u) => format!(" <a href=\"{}\" rel=\"noreferrer\">{}</a>", esc(u), esc(u)),
                None => String::new(),
            };
            let _ = writeln!(h, "<li>{}{link}{}</li>", esc(&s.title), esc(&date));
        }
        h.push_str("</ul>\n");
    }
    h.push_str("</div>\n");
    let _ = write!(h, "<footer>{}</footer>\n</body>\n</html>\n", esc(made));
    Ok(h)
}

#[cfg(test)]
mod tests {
    use super::esc;

    #[test]
    fn text_is_escaped_for_html() {
        assert_eq!(
            esc("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
    }
}

/// `report --html FILE --json`: what was written.
#[derive(serde::Serialize)]
pub struct WrittenView<'a> {
    pub path: String,
    pub entries: usize,
    /// The known cost; null when none is known.
    pub cost: Option<Dec>,
    pub currency: Option<&'a str>,
    /// Entries whose money is unknown (left out of `cost` and `billed`).
    pub unpriced: u64,
    /// The cost with the markup, converted at the rate (the cost without either).
    pub billed: Option<Dec>,
    pub billed_currency: Option<&'a str>,
}
