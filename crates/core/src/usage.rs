//! A month of work: what a creator makes in a month, as `credits plans` takes it.
//!
//! A usage is a list of items, each a number of kept outputs a month of one model (or of
//! any model of a kind), plus a retry rate that inflates them into generations. It is read
//! from `--usage` text, from a shot list times N, or (in `ops::advice`) from the log.
//!
//! The `--usage` grammar, items separated by commas, words by spaces:
//!
//! ```text
//! 40x gen-4 10s, 100x image, 12x runway/gen-4.5 10s 1080p audio, 5x kling-v2.1 5s mode=pro
//! ```
//!
//! An item is `[COUNT x] WHAT [SECONDS] [RESOLUTION] [audio] [mode=M] [refs=N] [chars=N]`
//! (`chars` for text to speech); `WHAT` is a
//! kind (`video`, `image`, `audio`, `text`, `other`: the cheapest model of that kind each
//! option allows) or `[PLATFORM/]MODEL`; `gen-4:10s` is the same as `gen-4 10s`.

// The operators of Decimal panic on overflow; every operation here must be checked, so
// that no flag can panic.
#![deny(clippy::arithmetic_side_effects)]

use crate::cost::Request;
use crate::error::fail_with_help;
use crate::pricing::Kind;
use anyhow::Result;
use rust_decimal::Decimal;

/// What an item asks for: one model (on one platform or any that has it) or a kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// The cheapest model of this kind that an option allows.
    Kind(Kind),
    /// A model by id or name, on `platform` only when one is given.
    Model {
        platform: Option<String>,
        model: String,
    },
}

/// One line of a month's work.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    pub target: Target,
    /// The request of one generation (`count` is 1).
    pub request: Request,
    /// Outputs kept a month (before retries).
    pub kept: Decimal,
}

impl Item {
    /// `gen-4 10 s 1080p audio`: the item as the user reads it back.
    pub fn label(&self) -> String {
        let mut words = vec![match &self.target {
            Target::Kind(kind) => kind.as_str().to_string(),
            Target::Model {
                platform: Some(p),
                model,
            } => format!("{p}/{model}"),
            Target::Model {
                platform: None,
                model,
            } => model.clone(),
        }];
        let r = &self.request;
        if let Some(d) = r.duration {
            words.push(format!("{} s", d.normalize()));
        }
        if let Some(res) = &r.resolution {
            words.push(res.clone());
        }
        if r.audio {
            words.push("audio".to_string());
        }
        if let Some(mode) = &r.mode {
            words.push(format!("mode={mode}"));
        }
        if r.refs > 0 {
            words.push(format!("refs={}", r.refs));
        }
        if let Some(chars) = r.chars {
            words.push(format!("chars={chars}"));
        }
        if let Some(credits) = r.pinned_credits {
            words.push(format!("{} credits", credits.normalize()));
        }
        words.join(" ")
    }
}

/// A month of work and the share of extra generations (retries, reruns, failures).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Usage {
    pub items: Vec<Item>,
    /// Extra generations per 100 kept outputs (30 means 1.3 generations per kept output).
    pub retry_percent: Decimal,
    /// Items (indexes) whose generations are rounded once, together: the log's items of one
    /// platform, a month measured as a whole. An item in no group is rounded on its own.
    pub round_together: Vec<Vec<usize>>,
    /// An item's own retries where the log measured them (its model and length: extra
    /// generations per 100 of its kept outputs), by item index; an item without one (or
    /// past the end) takes `retry_percent`. A typed `--retries` leaves this empty.
    pub item_retries: Vec<Option<Decimal>>,
}

impl Usage {
    /// Generations of every item a month, in order: kept × (1 + retries). An item alone is
    /// rounded up to a whole generation (a part of a retry is still a generation). A group
    /// of `round_together` is rounded up once, on its total: each item gets the whole
    /// generations of its exact share, and the generations left one each to the items with
    /// the largest remainders (the first listed on a tie), so `1 × aleph 5 s` with 12.5%
    /// retries stays 1 generation unless its remainder is among the largest.
    pub fn generations(&self) -> Result<Vec<Decimal>> {
        let exact = self
            .items
            .iter()
            .enumerate()
            .map(|(i, item)| self.exact_generations(i, item))
            .collect::<Result<Vec<_>>>()?;
        let mut whole: Vec<Option<Decimal>> = vec![None; exact.len()];
        for group in &self.round_together {
            let members: Vec<usize> = group
                .iter()
                .copied()
                .filter(|i| *i < exact.len() && whole.get(*i) == Some(&None))
                .collect();
            let mut total = Decimal::ZERO;
            let mut floors = Decimal::ZERO;
            let mut remainders = Vec::new();
            for i in &members {
                let value = exact.get(*i).copied().unwrap_or_default();
                let floor = value.trunc();
                total = total.checked_add(value).ok_or_else(too_many)?;
                floors = floors.checked_add(floor).ok_or_else(too_many)?;
                remainders.push((*i, value.checked_sub(floor).unwrap_or_default()));
                if let Some(slot) = whole.get_mut(*i) {
                    *slot = Some(floor);
                }
            }
            let mut left = round_up_whole(total)
                .checked_sub(floors)
                .unwrap_or_default();
            // Largest remainder first; a stable sort keeps the first listed first on a tie.
            remainders.sort_by_key(|r| std::cmp::Reverse(r.1));
            for (i, _) in remainders {
                if left <= Decimal::ZERO {
                    break;
                }
                if let Some(Some(w)) = whole.get_mut(i) {
                    *w = w.checked_add(Decimal::ONE).ok_or_else(too_many)?;
                }
                left = left.checked_sub(Decimal::ONE).unwrap_or_default();
            }
        }
        Ok(exact
            .into_iter()
            .zip(whole)
            .map(|(value, w)| w.unwrap_or_else(|| round_up_whole(value)))
            .collect())
    }

    /// The retry rate item `index` is priced at: its own measured one, or `retry_percent`.
    pub fn retries_of(&self, index: usize) -> Decimal {
        self.item_retries
            .get(index)
            .copied()
            .flatten()
            .unwrap_or(self.retry_percent)
    }

    /// Item `index`'s generations before any rounding: kept × (1 + its retries), so a
    /// reader can redo [`Usage::generations`] (`plans --explain`).
    pub fn exact(&self, index: usize) -> Result<Decimal> {
        match self.items.get(index) {
            Some(item) => self.exact_generations(index, item),
            None => Ok(Decimal::ZERO),
        }
    }

    /// The group of `round_together` item `index` is rounded with, if any.
    pub fn rounded_with(&self, index: usize) -> Option<&[usize]> {
        self.round_together
            .iter()
            .find(|g| g.contains(&index))
            .map(Vec::as_slice)
    }

    /// kept × (1 + retries), unrounded but for the last digits' noise (see `round_up_whole`).
    fn exact_generations(&self, index: usize, item: &Item) -> Result<Decimal> {
        let retries = self.retries_of(index);
        let factor = Decimal::ONE_HUNDRED
            .checked_add(retries)
            .and_then(|f| f.checked_div(Decimal::ONE_HUNDRED));
        factor
            .and_then(|f| item.kept.checked_mul(f))
            .map(|v| v.round_dp(12))
            .ok_or_else(|| {
                fail_with_help(
                    format!("{} generations of {} do not fit", item.kept, item.label()),
                    "pass a smaller count or --retries",
                )
            })
    }
}

fn too_many() -> anyhow::Error {
    fail_with_help(
        "a month's generations do not fit",
        "pass a smaller count or --retries",
    )
}

/// Rounds up to a whole number after dropping the last digits' noise: a measured rate is a
/// 28-digit quotient (2 of 13 is 15.384615…%), and 13 × 1.15384615… must give 15, not 16.
/// `Decimal::ceil` adds one with `+`, so this rounds toward positive infinity instead.
pub fn round_up_whole(value: Decimal) -> Decimal {
    value
        .round_dp(12)
        .round_dp_with_strategy(0, rust_decimal::RoundingStrategy::ToPositiveInfinity)
}

/// Checks a retry rate the user typed (0 to 1000 percent).
pub fn check_retries(percent: Decimal) -> Result<Decimal> {
    if percent < Decimal::ZERO || percent > Decimal::from(1000) {
        return Err(fail_with_help(
            format!("--retries must be between 0 and 1000 percent, got {percent}"),
            "e.g. --retries 30 for 1.3 generations per kept clip",
        ));
    }
    Ok(percent)
}

/// Parses `--usage` text (see the module docs).
pub fn parse(text: &str) -> Result<Vec<Item>> {
    let mut items = Vec::new();
    for part in text.split(',') {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        items.push(parse_item(part)?);
    }
    if items.is_empty() {
        return Err(bad(text, "no items"));
    }
    Ok(items)
}

fn bad(item: &str, why: &str) -> anyhow::Error {
    fail_with_help(
        format!("cannot read usage `{item}`: {why}"),
        "write items as `COUNTx MODEL SECONDS`, e.g. --usage \"40x gen-4 10s, 100x image\"",
    )
}

fn parse_item(text: &str) -> Result<Item> {
    let mut words: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        // `gen-4:10s` is `gen-4 10s`.
        match word.split_once(':') {
            Some((what, secs)) if !what.is_empty() && !secs.is_empty() && !word.contains('=') => {
                words.push(what.to_string());
                words.push(secs.to_string());
            }
            _ => words.push(word.to_string()),
        }
    }
    let mut kept = Decimal::ONE;
    let count_word = words.first().and_then(|first| {
        let digits = |n: &str| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit());
        match first.strip_suffix(['x', 'X', '×']) {
            Some(n) if digits(n) => Some(n.to_string()),
            // `40 gen-4 10s`: a bare number before a model is the count.
            _ if digits(first) && words.len() > 1 => Some(first.clone()),
            _ => None,
        }
    });
    let mut words = words.into_iter();
    if let Some(n) = count_word {
        kept = n
            .parse::<Decimal>()
            .map_err(|_| bad(text, "the count is not a number"))?;
        words.next();
    }
    if kept.is_zero() {
        return Err(bad(text, "the count must be at least 1"));
    }
    let what = words.next().ok_or_else(|| bad(text, "no model or kind"))?;
    let target = match Kind::parse(&what) {
        Some(kind) => Target::Kind(kind),
        None => match what.split_once('/') {
            Some((p, m)) if !p.is_empty() && !m.is_empty() => Target::Model {
                platform: Some(p.to_string()),
                model: m.to_string(),
            },
            Some(_) => return Err(bad(text, "write PLATFORM/MODEL")),
            None => Target::Model {
                platform: None,
                model: what,
            },
        },
    };
    let mut request = Request {
        count: 1,
        ..Request::default()
    };
    for word in words {
        let lower = word.to_lowercase();
        if lower == "audio" || lower == "+audio" {
            request.audio = true;
        } else if let Some(mode) = lower.strip_prefix("mode=") {
            request.mode = Some(mode.to_string());
        } else if let Some(chars) = lower.strip_prefix("chars=") {
            request.chars = Some(
                chars
                    .parse()
                    .map_err(|_| bad(text, "chars= takes a whole number"))?,
            );
        } else if let Some(refs) = lower.strip_prefix("refs=") {
            request.refs = refs
                .parse()
                .map_err(|_| bad(text, "refs= takes a whole number"))?;
        } else if is_resolution(&lower) {
            request.resolution = Some(lower);
        } else if let Some(secs) = seconds(&lower) {
            if request.duration.is_some() {
                return Err(bad(text, "two lengths"));
            }
            request.duration = Some(secs);
        } else {
            return Err(bad(
                text,
                &format!(
                    "`{word}` is not a length (10s), resolution (1080p), `audio`, mode=M, refs=N or chars=N"
                ),
            ));
        }
    }
    let request = request.normalized()?;
    Ok(Item {
        target,
        request,
        kept,
    })
}

fn is_resolution(word: &str) -> bool {
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    word.strip_suffix('p').is_some_and(digits) || word.strip_suffix('k').is_some_and(digits)
}

/// `10s`, `10`, `2.5s`, `1m30s`, `90s`: the durations `--duration` takes, above zero.
fn seconds(word: &str) -> Option<Decimal> {
    crate::dates::parse_seconds(word)
        .ok()
        .filter(|s| *s > Decimal::ZERO)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_read_as_people_write_them() {
        let items = parse("40x gen-4 10s, 100x image, 3 runway/gen-4.5:10s 1080p audio").unwrap();
        assert_eq!(items.len(), 3);
        assert_eq!(items[0].kept, Decimal::from(40));
        assert_eq!(
            items[0].target,
            Target::Model {
                platform: None,
                model: "gen-4".into()
            }
        );
        assert_eq!(items[0].request.duration, Some(Decimal::from(10)));
        assert_eq!(items[1].target, Target::Kind(Kind::Image));
        assert_eq!(items[1].request.duration, None);
        assert_eq!(items[2].kept, Decimal::from(3));
        assert_eq!(items[2].request.resolution.as_deref(), Some("1080p"));
        assert!(items[2].request.audio);
        assert_eq!(items[2].label(), "runway/gen-4.5 10 s 1080p audio");
        assert_eq!(
            parse("video 1m30s").unwrap()[0].request.duration,
            Some(Decimal::from(90))
        );
        assert_eq!(parse("2× video").unwrap()[0].kept, Decimal::from(2));
    }

    #[test]
    fn bad_items_say_what_is_wrong() {
        for (text, says) in [
            ("0x gen-4", "at least 1"),
            ("40x", "no model"),
            ("40x gen-4 banana", "`banana` is not a length"),
            ("40x gen-4 10s 5s", "two lengths"),
            (" , ", "no items"),
            ("gen-4 -5s", "is not a length"),
        ] {
            let err = parse(text).unwrap_err().to_string();
            assert!(err.contains(says), "{text}: {err}");
        }
    }

    #[test]
    fn retries_round_up_to_whole_generations() {
        let usage = Usage {
            items: parse("7x video 5s").unwrap(),
            retry_percent: Decimal::from(30),
            ..Usage::default()
        };
        // 7 × 1.3 = 9.1 → 10 generations.
        assert_eq!(usage.generations().unwrap(), vec![Decimal::from(10)]);
        let none = Usage {
            retry_percent: Decimal::ZERO,
            ..usage
        };
        assert_eq!(none.generations().unwrap(), vec![Decimal::from(7)]);
        assert!(check_retries(Decimal::from(-1)).is_err());
        // A measured rate, 2 extra of 13 kept, gives back 15 generations exactly.
        let measured = Usage {
            items: parse("13x video 5s").unwrap(),
            retry_percent: Decimal::from(200) / Decimal::from(13),
            ..Usage::default()
        };
        assert_eq!(measured.generations().unwrap(), vec![Decimal::from(15)]);
    }

    #[test]
    fn a_group_is_rounded_once_and_its_remainders_go_to_the_largest() {
        // 12.5%: 8 × 1.125 = 9, 1 × 1.125 = 1.125, 3 × 1.125 = 3.375: 13.5 → 14 once.
        // Floors 9 + 1 + 3 = 13; the one left goes to the largest remainder (0.375).
        let items = parse("8x aleph 10s, 1x aleph 5s, 3x gen-4 5s").unwrap();
        let alone = Usage {
            items: items.clone(),
            retry_percent: Decimal::new(125, 1),
            ..Usage::default()
        };
        let each = [9, 2, 4].map(Decimal::from).to_vec();
        assert_eq!(alone.generations().unwrap(), each);
        let together = Usage {
            round_together: vec![vec![0, 1, 2]],
            ..alone
        };
        let once = [9, 1, 4].map(Decimal::from).to_vec();
        assert_eq!(together.generations().unwrap(), once);
        // Exact totals give no remainder to hand out: 8 × 1.25 = 10, 4 × 1.25 = 5.
        let exact = Usage {
            items: parse("8x a 5s, 4x b 5s").unwrap(),
            retry_percent: Decimal::from(25),
            round_together: vec![vec![0, 1]],
            item_retries: Vec::new(),
        };
        let whole = [10, 5].map(Decimal::from).to_vec();
        assert_eq!(exact.generations().unwrap(), whole);
    }
}
