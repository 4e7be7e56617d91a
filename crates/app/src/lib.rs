//! The application layer of `credits`: the workflows every command shares ([`ops`]), and
//! everything that touches the world: pricing tables and shot lists read from files
//! ([`tables`], [`shot_lists`]), the config file ([`config`]), media and C2PA metadata
//! ([`media`], [`c2pa`]), import and export file formats ([`exchange`]), platforms' APIs
//! ([`http`], for `credits sync`), the clock
//! ([`clock`]), and who is recording on which machine ([`who`]).
//!
//! It returns typed results and notes as data; it never formats text for a terminal (that is
//! the binary's `render`). It opens the database only through `credits_store`, so it names
//! no SQL driver.

pub mod c2pa;
pub mod clock;
pub mod config;
pub mod exchange;
pub mod http;
pub mod media;
pub mod ops;
pub mod shot_lists;
pub mod tables;
pub mod who;

/// Per-user directories (`~/.config/credits`, `~/.local/share/credits` on Linux).
pub(crate) fn project_dirs() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("", "", "credits")
}

/// The user config dir's `pricing/` folder.
pub fn user_pricing_dir() -> Option<std::path::PathBuf> {
    project_dirs().map(|d| d.config_dir().join("pricing"))
}

/// Where `credits pricing update` installs the pricing bundle: the user data dir's
/// `pricing-bundle.json` (`~/.local/share/credits/` on Linux, or `$XDG_DATA_HOME/credits/`).
pub fn installed_bundle_path() -> Option<std::path::PathBuf> {
    project_dirs().map(|d| {
        d.data_dir()
            .join(credits_core::pricing::bundle::INSTALLED_NAME)
    })
}
