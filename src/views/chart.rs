//! `report --chart`: the chart drawn as text, and its numbers in `--json`.
//!
//! One horizontal bar per period, its length the period's known amount on a scale where the
//! largest period fills the bar column (`credits_core::chart`: exact, no floats). With one
//! series the bar ends in an eighth block (Unicode); with several each series is a segment
//! of its own fill (and colour, on a terminal) and a legend names them. The amount is printed
//! at the end of each line; unknown money is said ("unknown (2 unpriced)"), never drawn as 0.
//!
//! Every line fits `width` (the tables' width, 80 when unknown): the bar column is what is
//! left after the period and the amount. When that leaves less than a short bar, the long
//! amounts give way first (`$4.32 + 1 unpriced` becomes `$4.32…`, `unknown (1 unpriced)`
//! `unknown…`: the known part stays whole, and the notes under the chart say what is
//! unknown); when even that leaves no room, the bars are left out and [`Drawn::needs`] says
//! the width that would draw them, for the command to say so (issue 24 trial: at 30 columns
//! a chart drew no bar and said nothing).
//! ASCII mode draws with `#`, `=`, … and uses no byte above 0x7f of its own; colour is SGR
//! codes (`render::sgr`), only where `render::colour` allows them.

use super::Dec;
use crate::render;
use credits_app::ops::chart::{Chart, Measure, Point, Section};
use credits_core::money;
use rust_decimal::Decimal;
use serde::Serialize;

/// How the chart is drawn.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub unicode: bool,
    pub colour: bool,
}

/// The fills of the named series, in order, then the fill of "other".
const UNICODE_FILLS: [char; 9] = ['█', '▓', '▒', '▞', '▚', '▙', '▛', '▜', '▟'];
const ASCII_FILLS: [char; 9] = ['#', '=', '*', '+', 'o', '%', '@', 'x', '~'];
const UNICODE_OTHER: char = '░';
const ASCII_OTHER: char = '.';
/// SGR foreground colours of the named series, then of "other" (grey).
const COLOURS: [u8; 9] = [36, 33, 35, 32, 34, 31, 96, 93, 95];
const OTHER_COLOUR: u8 = 90;
/// The eighth blocks that end a single series' bar: 1/8 to 7/8 of a cell.
const EIGHTHS: [char; 7] = ['▏', '▎', '▍', '▌', '▋', '▊', '▉'];

fn width_of(text: &str) -> usize {
    text.chars().count()
}

/// `text` cut to `max` characters, ending in `…` (`...` in ASCII) when cut.
fn cut(text: &str, max: usize, unicode: bool) -> String {
    if width_of(text) <= max {
        return text.to_string();
    }
    let ellipsis = if unicode { "…" } else { "..." };
    let keep = max.saturating_sub(width_of(ellipsis));
    let mut out: String = text.chars().take(keep).collect();
    if max >= width_of(ellipsis) {
        out.push_str(ellipsis);
    }
    out
}

fn money_text(value: Decimal, currency: &str, unicode: bool) -> String {
    let text = money::fmt_money(value, currency);
    if unicode || text.is_ascii() {
        text
    } else {
        // `€12.00` has no ASCII form: the code after the number.
        format!("{} {currency}", money::fmt_money(value, "").trim_end())
    }
}

/// What a section measures, for its title and its amounts.
fn unit_text(section: &Section, measure: Measure) -> String {
    match measure {
        Measure::Money => section.currency.clone().unwrap_or_else(|| "USD".into()),
        Measure::Credits => format!(
            "{} credits",
            section.platform.as_deref().unwrap_or_default()
        ),
    }
}

/// A period's amount as text: `$12.40`, `$12.40 + 2 unpriced`, `unknown (2 unpriced)`; and
/// its short form where there is one, for a narrow width: the known part alone (`$12.40…`,
/// `unknown…`).
fn point_text(
    point: &Point,
    section: &Section,
    measure: Measure,
    unicode: bool,
) -> (String, Option<String>) {
    let show = |v: Decimal| match measure {
        Measure::Money => money_text(v, section.currency.as_deref().unwrap_or("USD"), unicode),
        Measure::Credits => money::fmt_credits(v),
    };
    let ellipsis = if unicode { "…" } else { "..." };
    match (point.amount, point.unpriced) {
        (None, 0) => (show(Decimal::ZERO), None),
        (None, n) => (
            format!("unknown ({n} unpriced)"),
            Some(format!("unknown{ellipsis}")),
        ),
        (Some(v), 0) => (show(v), None),
        (Some(v), n) => (
            format!("{} + {n} unpriced", show(v)),
            Some(format!("{}{ellipsis}", show(v))),
        ),
    }
}

fn paint(text: &str, colour: Option<u8>) -> String {
    match colour {
        Some(c) if !text.is_empty() => format!("{}{text}{}", render::sgr(c), render::sgr(0)),
        _ => text.to_string(),
    }
}

/// A bar column narrower than this says nothing: the bars are left out instead.
const MIN_BAR: usize = 4;

/// A chart drawn as text.
#[derive(Debug)]
pub struct Drawn {
    /// The chart, every line at most the width asked for (unless a period and its shortest
    /// amount alone are wider).
    pub text: String,
    /// When the width left no room for bars (in any section): the width that would draw them.
    pub needs: Option<usize>,
}

/// The chart as text, every line at most `width` characters.
pub fn draw(chart: &Chart, style: Style, width: usize) -> Drawn {
    let mut out = String::new();
    let mut needs = None;
    let time = chart.time.to_string();
    for (n, section) in chart.sections.iter().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        if let Some(need) = draw_section(&mut out, chart, section, &time, style, width) {
            needs = needs.max(Some(need));
        }
    }
    Drawn { text: out, needs }
}

/// The amounts' column: each amount whole where the bars keep at least [`MIN_BAR`] cells,
/// else in its short form; `Err` with the width that would draw bars when even the short
/// forms leave no room for them.
fn fit_amounts(
    texts: &[(String, Option<String>)],
    label_w: usize,
    width: usize,
) -> Result<Vec<String>, usize> {
    // Period, two spaces, the bar, two spaces, the amount.
    let room = width.saturating_sub(label_w + 2 + MIN_BAR + 2);
    let short = |(long, short): &(String, Option<String>)| short.as_ref().unwrap_or(long).clone();
    let shortest = texts.iter().map(|t| width_of(&short(t))).max().unwrap_or(0);
    if shortest > room {
        return Err(label_w + 2 + MIN_BAR + 2 + shortest);
    }
    // Whole where it fits the room, else short: every amount then fits it.
    Ok(texts
        .iter()
        .map(|t| {
            if width_of(&t.0) <= room {
                t.0.clone()
            } else {
                short(t)
            }
        })
        .collect())
}

/// Draws one section; `Some(width)` when it had no room for bars, the width that would.
fn draw_section(
    out: &mut String,
    chart: &Chart,
    section: &Section,
    time: &str,
    style: Style,
    width: usize,
) -> Option<usize> {
    let unicode = style.unicode;
    let title = match chart.measure {
        Measure::Money => format!("cost by {time}, {}", unit_text(section, chart.measure)),
        Measure::Credits => format!("{} by {time}", unit_text(section, chart.measure)),
    };
    out.push_str(&cut(&render::safe_line(&title), width, unicode));
    out.push('\n');
    let named = section.series.len();
    let fill = |i: usize| {
        let other = section.series[i].name == "other" && section.series[i].groups > 1;
        let (fills, last) = if unicode {
            (&UNICODE_FILLS, UNICODE_OTHER)
        } else {
            (&ASCII_FILLS, ASCII_OTHER)
        };
        let colour = if other {
            OTHER_COLOUR
        } else {
            COLOURS[i % COLOURS.len()]
        };
        let c = if other { last } else { fills[i % fills.len()] };
        (c, style.colour.then_some(colour))
    };
    // The legend, when there is more than one series: `# alpha  = beta  . other (3)`.
    if named > 1 {
        let mut line = String::new();
        let mut line_width = 0;
        for (i, s) in section.series.iter().enumerate() {
            let (c, colour) = fill(i);
            let name = if s.groups > 1 {
                format!("{} ({})", s.name, s.groups)
            } else {
                s.name.clone()
            };
            let name = cut(
                &render::safe_line(&name),
                width.saturating_sub(2).max(1),
                unicode,
            );
            let item_width = 2 + width_of(&name);
            if line_width > 0 && line_width + 2 + item_width > width {
                out.push_str(&line);
                out.push('\n');
                line.clear();
                line_width = 0;
            }
            if line_width > 0 {
                line.push_str("  ");
                line_width += 2;
            }
            line.push_str(&paint(&c.to_string(), colour));
            line.push(' ');
            line.push_str(&name);
            line_width += item_width;
        }
        out.push_str(&line);
        out.push('\n');
    }
    let labels: Vec<String> = chart.periods.iter().map(|p| render::safe_line(p)).collect();
    let texts: Vec<(String, Option<String>)> = section
        .totals
        .iter()
        .map(|p| point_text(p, section, chart.measure, unicode))
        .collect();
    let label_w = labels.iter().map(|l| width_of(l)).max().unwrap_or(0);
    let (values, needs) = match fit_amounts(&texts, label_w, width) {
        Ok(values) => (values, None),
        // No bars: the amounts short where whole ones would not fit beside the periods.
        Err(needs) => {
            let room = width.saturating_sub(label_w + 2);
            let values = texts
                .into_iter()
                .map(|(long, short)| match short {
                    Some(short) if width_of(&long) > room => short,
                    _ => long,
                })
                .collect();
            (values, Some(needs))
        }
    };
    let value_w = values
        .iter()
        .map(|v: &String| width_of(v))
        .max()
        .unwrap_or(0);
    let bar_w = match needs {
        Some(_) => 0,
        None => width.saturating_sub(label_w + 2 + 2 + value_w),
    };
    let max = section
        .totals
        .iter()
        .map(Point::known)
        .max()
        .unwrap_or_default();
    let eighths = unicode && named == 1;
    for (p, (label, value)) in labels.iter().zip(&values).enumerate() {
        let mut line = format!("{label:<label_w$}  ");
        let mut drawn = 0;
        if bar_w > 0 {
            if eighths {
                let steps = credits_core::chart::length(section.totals[p].known(), max, bar_w * 8);
                let (full, part) = (steps / 8, steps % 8);
                let mut bar = "█".repeat(full);
                if part > 0 {
                    bar.push(EIGHTHS[part - 1]);
                }
                drawn = full + usize::from(part > 0);
                line.push_str(&paint(&bar, fill(0).1));
            } else {
                let parts: Vec<Decimal> =
                    section.series.iter().map(|s| s.points[p].known()).collect();
                for (i, cells) in credits_core::chart::stack(&parts, max, bar_w)
                    .into_iter()
                    .enumerate()
                {
                    let (c, colour) = fill(i);
                    line.push_str(&paint(&c.to_string().repeat(cells), colour));
                    drawn += cells;
                }
            }
            line.push_str(&" ".repeat(bar_w - drawn.min(bar_w)));
            line.push_str("  ");
        }
        line.push_str(&format!("{value:>value_w$}"));
        out.push_str(line.trim_end());
        out.push('\n');
    }
    needs
}

/// `report --chart --json`: the chart's numbers beside the report's.
#[derive(Serialize)]
pub struct ChartView<'a> {
    /// `day`, `week` or `month`.
    pub time: String,
    /// `money` or `credits`.
    pub measure: &'static str,
    pub periods: &'a [String],
    pub sections: Vec<SectionView<'a>>,
}

#[derive(Serialize)]
pub struct SectionView<'a> {
    /// The currency of a money section.
    pub currency: Option<&'a str>,
    /// The platform of a credits section.
    pub platform: Option<&'a str>,
    pub series: Vec<SeriesView<'a>>,
    /// Each period's sum over the series.
    pub totals: Vec<PointView<'a>>,
}

#[derive(Serialize)]
pub struct SeriesView<'a> {
    /// The group's keys joined with " / "; "other" for the rest folded, "all" with no key
    /// but the time.
    pub name: &'a str,
    /// How many groups it holds (more than 1 only for "other").
    pub groups: usize,
    pub points: Vec<PointView<'a>>,
}

/// A period's amount: the known part (null when none of it is known) and the entries of
/// unknown money.
#[derive(Serialize)]
pub struct PointView<'a> {
    pub period: &'a str,
    pub amount: Option<Dec>,
    pub unpriced: u64,
}

fn points<'a>(periods: &'a [String], points: &[Point]) -> Vec<PointView<'a>> {
    periods
        .iter()
        .zip(points)
        .map(|(period, p)| PointView {
            period,
            amount: match (p.amount, p.unpriced) {
                (Some(v), _) => Some(Dec(v)),
                (None, 0) => Some(Dec(Decimal::ZERO)),
                (None, _) => None,
            },
            unpriced: p.unpriced,
        })
        .collect()
}

impl<'a> ChartView<'a> {
    pub fn new(chart: &'a Chart) -> ChartView<'a> {
        ChartView {
            time: chart.time.to_string(),
            measure: match chart.measure {
                Measure::Money => "money",
                Measure::Credits => "credits",
            },
            periods: &chart.periods,
            sections: chart
                .sections
                .iter()
                .map(|s| SectionView {
                    currency: s.currency.as_deref(),
                    platform: s.platform.as_deref(),
                    series: s
                        .series
                        .iter()
                        .map(|x| SeriesView {
                            name: &x.name,
                            groups: x.groups,
                            points: points(&chart.periods, &x.points),
                        })
                        .collect(),
                    totals: points(&chart.periods, &s.totals),
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use credits_app::ops::chart::Series;
    use credits_store::GroupKey;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn point(v: Option<&str>, unpriced: u64) -> Point {
        Point {
            amount: v.map(d),
            unpriced,
        }
    }

    fn one_series(values: Vec<Point>) -> Chart {
        let periods = (1..=values.len()).map(|m| format!("2026-{m:02}")).collect();
        Chart {
            time: GroupKey::Month,
            measure: Measure::Money,
            periods,
            sections: vec![Section {
                currency: Some("USD".into()),
                platform: None,
                series: vec![Series {
                    name: "all".into(),
                    groups: 1,
                    points: values.clone(),
                }],
                totals: values,
            }],
        }
    }

    #[test]
    fn eighth_blocks_end_a_single_bar() {
        let chart = one_series(vec![point(Some("10"), 0), point(Some("5.3"), 0)]);
        // 21 columns: label 7 + 2 + 2 + value 6 ("$10.00") = 17, so the bar is 4 cells, 32
        // eighths: $10 fills them, $5.30 is 16.96 → 17 eighths, 2 cells and 1/8.
        let text = draw(
            &chart,
            Style {
                unicode: true,
                colour: false,
            },
            21,
        )
        .text;
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[1], "2026-01  ████  $10.00");
        assert_eq!(lines[2], "2026-02  ██▏    $5.30");
    }

    #[test]
    fn long_amounts_give_way_to_the_bars_then_the_bars_are_left_out() {
        let chart = one_series(vec![point(Some("4"), 1), point(None, 2)]);
        let style = Style {
            unicode: false,
            colour: false,
        };
        // 7 + 2 + 4 + 2 + "unknown (2 unpriced)" (20) = 35: at 35 both whole; at 34 the
        // unknown one short; at 32 "$4.00 + 1 unpriced" (18) too.
        let whole = draw(&chart, style, 35);
        assert!(whole.text.contains("$4.00 + 1 unpriced"), "{}", whole.text);
        assert!(
            whole.text.contains("unknown (2 unpriced)"),
            "{}",
            whole.text
        );
        assert_eq!(whole.needs, None);
        let one = draw(&chart, style, 34).text;
        assert!(one.contains("$4.00 + 1 unpriced"), "{one}");
        assert!(one.ends_with(" unknown...\n"), "{one}");
        let short = draw(&chart, style, 32).text;
        assert!(short.contains("  $4.00...\n"), "{short}");
        assert!(short.contains('#'), "{short}");
        // The short forms are 10 wide ("unknown..."): bars need 7 + 2 + 4 + 2 + 10 = 25.
        assert_eq!(draw(&chart, style, 25).needs, None);
        let none = draw(&chart, style, 24);
        assert_eq!(none.needs, Some(25));
        assert!(!none.text.contains('#'), "{}", none.text);
    }

    #[test]
    fn unknown_is_said_and_not_drawn() {
        let chart = one_series(vec![point(Some("4"), 1), point(None, 2)]);
        let text = draw(
            &chart,
            Style {
                unicode: false,
                colour: false,
            },
            60,
        )
        .text;
        assert!(text.contains("$4.00 + 1 unpriced"), "{text}");
        let last = text.lines().last().unwrap();
        assert!(last.ends_with("unknown (2 unpriced)"), "{text}");
        assert!(!last.contains('#'), "{text}");
    }
}
