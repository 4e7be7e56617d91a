//! Names the user typed → canonical ids: one resolver for `estimate`, `log`, `import`,
//! `edit`, filters and budgets, so `Runway` / `Gen-4 Turbo` typed anywhere is stored and
//! looked up as `runway` / `gen-4-turbo`.
//!
//! A name in the tables resolves to its id (by id or display name, case-insensitively); a
//! name not in them (a platform the user logs with `--credits`) becomes its slug, so the
//! same unknown name typed two ways is still one name.

use anyhow::Result;
use credits_core::pricing::catalog::Catalog;
use credits_core::pricing::{Model, Platform};
use credits_core::slug;

/// A generation's platform and model in the tables, or why not.
pub enum Generation<'c> {
    Known {
        platform: &'c Platform,
        model: &'c Model,
    },
    /// Not in the tables: canonical (slug) ids, and the lookup's error with its suggestion.
    Unknown {
        platform: String,
        model: String,
        why: anyhow::Error,
    },
}

impl Generation<'_> {
    /// The canonical ids, known or not.
    pub fn ids(&self) -> (String, String) {
        match self {
            Generation::Known { platform, model } => (platform.id.clone(), model.id.clone()),
            Generation::Unknown {
                platform, model, ..
            } => (platform.clone(), model.clone()),
        }
    }
}

/// Looks a generation's platform and model up in the tables.
pub fn generation<'c>(catalog: &'c Catalog, platform: &str, model: &str) -> Generation<'c> {
    match catalog.platform(platform) {
        Ok(p) => match p.model(model) {
            Ok(m) => Generation::Known {
                platform: p,
                model: m,
            },
            Err(why) => Generation::Unknown {
                platform: p.id.clone(),
                model: slug::slugify(model),
                why,
            },
        },
        Err(why) => Generation::Unknown {
            platform: slug::slugify(platform),
            model: slug::slugify(model),
            why,
        },
    }
}

/// Canonical ids for a platform and model as typed (or as stored by an older version).
pub(crate) fn canonical_names(catalog: &Catalog, platform: &str, model: &str) -> (String, String) {
    generation(catalog, platform, model).ids()
}

/// A platform's canonical id: its table's id, or the slug of an unknown name.
pub fn platform_id(catalog: &Catalog, typed: &str) -> String {
    catalog
        .platform(typed)
        .map(|p| p.id.clone())
        .unwrap_or_else(|_| slug::slugify(typed))
}

/// A model's canonical id for a filter: within the platform when one is given, else the
/// first table that knows the name, else its slug.
pub fn model_id(catalog: &Catalog, platform: Option<&str>, typed: &str) -> String {
    let found = match platform.and_then(|p| catalog.platform(p).ok()) {
        Some(p) => p.model(typed).ok().map(|m| m.id.clone()),
        None => catalog
            .platforms()
            .find_map(|p| p.model(typed).ok().map(|m| m.id.clone())),
    };
    found.unwrap_or_else(|| slug::slugify(typed))
}

/// A platform in the tables that bills in credits (balances, top-ups, plans need one).
pub fn credit_platform<'c>(catalog: &'c Catalog, typed: &str) -> Result<&'c Platform> {
    let p = catalog.platform(typed)?;
    if p.billing == credits_core::pricing::Billing::Money {
        return Err(credits_core::error::fail(format!(
            "{} bills in money: it has no credits, plans or balance",
            p.id
        )));
    }
    Ok(p)
}
