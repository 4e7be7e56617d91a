//! The files entries were logged from (`credits scan`): table `entry_file`, schema 7.
//!
//! A file is known by the SHA-256 of its bytes, unique in the table: the row is written in
//! the transaction that writes its entry, so an entry logged from a file always has its row
//! and a file is never logged twice, however a scan was interrupted.

use super::Tx;
use anyhow::Result;
use rusqlite::{params, OptionalExtension};

/// The file an entry was logged from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryFile {
    pub entry_id: i64,
    pub sha256: [u8; 32],
    /// Where the file was when it was logged.
    pub path: String,
    /// How its platform and model were identified, as `scan` said it.
    pub identified_by: String,
}

impl Tx<'_> {
    /// The file logged with this content, if any.
    pub fn file_by_hash(&self, sha256: &[u8; 32]) -> Result<Option<EntryFile>> {
        Ok(self
            .conn
            .query_row(
                "SELECT entry_id, path, identified_by FROM entry_file WHERE sha256 = ?1",
                params![&sha256[..]],
                |r| {
                    Ok(EntryFile {
                        entry_id: r.get(0)?,
                        sha256: *sha256,
                        path: r.get(1)?,
                        identified_by: r.get(2)?,
                    })
                },
            )
            .optional()?)
    }

    /// Records the file entry `entry_id` was logged from.
    pub fn insert_entry_file(&self, file: &EntryFile) -> Result<()> {
        self.conn.execute(
            "INSERT INTO entry_file (entry_id, sha256, path, identified_by) \
             VALUES (?1, ?2, ?3, ?4)",
            params![
                file.entry_id,
                &file.sha256[..],
                file.path,
                file.identified_by
            ],
        )?;
        Ok(())
    }

    /// The paths of the files entries were logged from, by entry id (for `history`).
    pub fn entry_paths(&self, ids: &[i64]) -> Result<std::collections::HashMap<i64, String>> {
        let mut out = std::collections::HashMap::new();
        let mut stmt = self
            .conn
            .prepare_cached("SELECT path FROM entry_file WHERE entry_id = ?1")?;
        for id in ids {
            if let Some(path) = stmt
                .query_row(params![id], |r| r.get::<_, String>(0))
                .optional()?
            {
                out.insert(*id, path);
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::NewEntry;
    use crate::store::Store;

    fn file(entry_id: i64, byte: u8) -> EntryFile {
        EntryFile {
            entry_id,
            sha256: [byte; 32],
            path: "/clips/a.mp4".into(),
            identified_by: "flags".into(),
        }
    }

    fn entry() -> NewEntry {
        NewEntry {
            platform: "runway".into(),
            model: "gen-4".into(),
            ..NewEntry::default()
        }
    }

    #[test]
    fn a_hash_is_logged_once_and_freed_when_its_entry_is_removed() {
        let mut store = Store::open_in_memory().unwrap();
        let id = store.insert_entry(&entry()).unwrap();
        store
            .write(|tx| tx.insert_entry_file(&file(id, 7)))
            .unwrap();
        let other = store.insert_entry(&entry()).unwrap();
        // The same content under another entry is refused by the database itself.
        assert!(store
            .write(|tx| tx.insert_entry_file(&file(other, 7)))
            .is_err());
        let found = store.read(|tx| tx.file_by_hash(&[7; 32])).unwrap();
        assert_eq!(found.map(|f| f.entry_id), Some(id));
        store.write(|tx| tx.remove(id)).unwrap();
        assert_eq!(store.read(|tx| tx.file_by_hash(&[7; 32])).unwrap(), None);
    }
}
