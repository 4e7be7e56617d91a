//! The arithmetic of a bar chart: amounts scaled to character cells, exactly.
//!
//! A bar's length is `value × cells ÷ max`, rounded half up to a whole number of steps (a
//! step is a cell, or an eighth of one where the drawing has eighth blocks). It is computed
//! in `Decimal`, never a binary float, so the same amounts always draw the same bars and a
//! test can hand-compute them. A stacked bar rounds the running sum, not each part: its
//! segments add up to the length the bar's total alone would have, so bars of equal totals
//! are equally long whatever their parts. Negative and unknown amounts draw nothing (the
//! caller says "unknown"; a chart of spend has no negative bars).
//!
//! Which groups get a series of their own is also decided here ([`top`]): the `n` largest,
//! the rest folded into one "other".

use rust_decimal::{Decimal, RoundingStrategy};

/// The length, in steps, of a bar of `value` on a scale where `max` fills `steps` steps.
/// 0 when `max` or `value` is not positive; never more than `steps`.
pub fn length(value: Decimal, max: Decimal, steps: usize) -> usize {
    if value <= Decimal::ZERO || max <= Decimal::ZERO || steps == 0 {
        return 0;
    }
    if value >= max {
        return steps;
    }
    // value < max here, so value × steps ÷ max < steps: no overflow for any width.
    let Some(product) = value.checked_mul(Decimal::from(steps)) else {
        return steps;
    };
    let Some(scaled) = product.checked_div(max) else {
        return 0;
    };
    let rounded = scaled.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero);
    usize::try_from(rounded.mantissa()).unwrap_or(0).min(steps)
}

/// The segments of a stacked bar of `parts` on a scale where `max` fills `steps` steps: the
/// running sum is rounded, so the segments add up to `length(sum of parts)`. Parts that are
/// not positive get 0.
pub fn stack(parts: &[Decimal], max: Decimal, steps: usize) -> Vec<usize> {
    let mut out = Vec::with_capacity(parts.len());
    let mut sum = Decimal::ZERO;
    let mut drawn = 0usize;
    for part in parts {
        if *part > Decimal::ZERO {
            sum = sum.checked_add(*part).unwrap_or(Decimal::MAX);
        }
        let end = length(sum, max, steps).max(drawn);
        out.push(end - drawn);
        drawn = end;
    }
    out
}

/// Which of `totals` (a name and its total) get a series of their own: the indexes of the
/// `n` largest (ties by name), in that order, and the indexes folded into "other" (none when
/// at most `n + 1` groups: an "other" of one group is that group, shown by its name).
pub fn top(totals: &[(String, Decimal)], n: usize) -> (Vec<usize>, Vec<usize>) {
    let mut order: Vec<usize> = (0..totals.len()).collect();
    order.sort_by(|&a, &b| {
        totals[b]
            .1
            .cmp(&totals[a].1)
            .then_with(|| totals[a].0.cmp(&totals[b].0))
    });
    if order.len() <= n.saturating_add(1) {
        return (order, Vec::new());
    }
    let rest = order.split_off(n);
    (order, rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn lengths_are_proportional_and_rounded_half_up() {
        // 7.50 of 30 on 40 cells is exactly 10 cells.
        assert_eq!(length(d("7.50"), d("30"), 40), 10);
        // 1 of 3 on 10 cells is 3.33…: 3; 2 of 3 is 6.66…: 7.
        assert_eq!(length(d("1"), d("3"), 10), 3);
        assert_eq!(length(d("2"), d("3"), 10), 7);
        // 1 of 4 on 10 cells is 2.5: rounded up to 3.
        assert_eq!(length(d("1"), d("4"), 10), 3);
        assert_eq!(length(d("30"), d("30"), 40), 40);
        assert_eq!(length(d("0"), d("30"), 40), 0);
        assert_eq!(length(d("-5"), d("30"), 40), 0);
        assert_eq!(length(d("5"), d("0"), 40), 0);
        // A tiny amount beside a huge one: no overflow, no panic.
        assert_eq!(length(Decimal::MAX, Decimal::MAX, 1000), 1000);
        assert_eq!(length(d("0.000001"), Decimal::MAX, 1000), 0);
        assert_eq!(
            length(d("79228162514264337593543950334"), Decimal::MAX, 1000),
            1000
        );
    }

    #[test]
    fn a_stack_adds_up_to_the_bar_of_its_total() {
        // Thirds of 3 on 10 cells: each 3.33…, running sums 3.33, 6.67, 10 → 3, 7, 10.
        let parts = [d("1"), d("1"), d("1")];
        assert_eq!(stack(&parts, d("3"), 10), vec![3, 4, 3]);
        let parts = [d("2.5"), d("0"), d("-1"), d("5")];
        let segments = stack(&parts, d("10"), 20);
        assert_eq!(segments, vec![5, 0, 0, 10]);
        assert_eq!(
            segments.iter().sum::<usize>(),
            length(d("7.5"), d("10"), 20)
        );
    }

    #[test]
    fn top_keeps_the_largest_and_folds_the_rest() {
        let totals: Vec<(String, Decimal)> = [("a", "5"), ("b", "9"), ("c", "1"), ("d", "9")]
            .iter()
            .map(|(n, v)| (n.to_string(), d(v)))
            .collect();
        // b and d tie at 9: by name.
        assert_eq!(top(&totals, 2), (vec![1, 3], vec![0, 2]));
        // Three groups and room for two plus other: the third is shown by its name.
        assert_eq!(top(&totals[..3], 2), (vec![1, 0, 2], vec![]));
        assert_eq!(top(&totals, 0), (vec![], vec![1, 3, 0, 2]));
    }
}
