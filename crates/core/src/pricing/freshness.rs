//! How fresh each table's numbers are: every platform and model by the date of the newest
//! source it cites, oldest first, so a maintainer's refresh starts from a list
//! (`credits pricing status --stale`, issue 21).

use super::{Platform, Provenance};
use chrono::NaiveDate;

/// One row of the list: a platform's table (`model: None`) or one of its models.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceAge {
    pub platform: String,
    pub model: Option<String>,
    /// The newest dated source the numbers rest on; `None`: no dated source.
    pub newest_source: Option<NaiveDate>,
    /// Days from it to `today`; `None` with no dated source.
    pub age_days: Option<i64>,
    /// The grade of the source the numbers rest on (`official`, `third-party`, …).
    pub grade: Option<&'static str>,
    /// "shut down on …", "deprecated on …", when the table says so.
    pub lifecycle: Option<String>,
}

/// Every table and model of `platforms`, the oldest or undated first (then by platform and
/// model), as of `today`.
pub fn by_source_age<'a>(
    platforms: impl IntoIterator<Item = &'a Platform>,
    today: NaiveDate,
) -> Vec<SourceAge> {
    let row = |platform: &str, model: Option<&str>, prov: &Provenance, lifecycle| {
        let newest = Provenance::newest_source_date(&prov.sources);
        SourceAge {
            platform: platform.to_string(),
            model: model.map(str::to_string),
            newest_source: newest,
            age_days: newest.map(|d| today.signed_duration_since(d).num_days()),
            grade: prov.grade().map(|g| g.as_str()),
            lifecycle,
        }
    };
    let mut rows = Vec::new();
    for p in platforms {
        // The table's own facts (plans, packs): the sources the platform cites for them and
        // those each plan and pack cites; a table with neither has no such row.
        if !p.plans.is_empty() || !p.packs.is_empty() {
            let mut prov = p.facts.clone();
            for plan in &p.plans {
                prov.sources.extend(plan.provenance.sources.iter().cloned());
            }
            for pack in &p.packs {
                prov.sources.extend(pack.provenance.sources.iter().cloned());
            }
            rows.push(row(&p.id, None, &prov, None));
        }
        for m in &p.models {
            // A model's own sources, and those of variants citing their own: the newest of
            // them all is what a refresh would re-read.
            let mut prov = m.provenance.clone();
            for v in &m.variants {
                prov.sources.extend(v.provenance.sources.iter().cloned());
            }
            rows.push(row(&p.id, Some(&m.id), &prov, m.lifecycle.describe()));
        }
    }
    rows.sort_by(|a, b| {
        a.newest_source
            .cmp(&b.newest_source)
            .then_with(|| a.platform.cmp(&b.platform))
            .then_with(|| a.model.cmp(&b.model))
    });
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pricing::catalog::Catalog;

    #[test]
    fn the_oldest_sources_come_first_and_every_model_is_listed() {
        let catalog = Catalog::builtin();
        let today = NaiveDate::from_ymd_opt(2026, 12, 6).unwrap();
        let rows = by_source_age(catalog.platforms(), today);
        let models: usize = catalog
            .platforms()
            .map(|p| p.models.len() + usize::from(!p.plans.is_empty() || !p.packs.is_empty()))
            .sum();
        assert_eq!(rows.len(), models);
        let dated: Vec<NaiveDate> = rows.iter().filter_map(|r| r.newest_source).collect();
        assert!(
            dated.windows(2).all(|w| w[0] <= w[1]),
            "sorted oldest first"
        );
        let fast = rows
            .iter()
            .find(|r| r.platform == "google" && r.model.as_deref() == Some("veo-3.1-fast"))
            .unwrap();
        assert!(fast
            .lifecycle
            .as_deref()
            .unwrap()
            .starts_with("shut down on 2026-10-22"));
        // Runway's plans cite dated pages: its table row is dated.
        let runway = rows
            .iter()
            .find(|r| r.platform == "runway" && r.model.is_none())
            .unwrap();
        assert!(runway.newest_source.is_some(), "{runway:?}");
        assert!(!rows
            .iter()
            .any(|r| r.platform == "fal" && r.model.is_none()));
        assert_eq!(
            fast.age_days,
            fast.newest_source
                .map(|d| today.signed_duration_since(d).num_days())
        );
    }
}
