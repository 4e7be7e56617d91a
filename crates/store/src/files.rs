//! The files entries were logged from (`credits scan`): table `entry_file`, schema 7 (its
//! size and modification time since schema 8).
//!
//! A file is known by the SHA-256 of its bytes, unique in the table: the row is written in
//! the transaction that writes its entry, so an entry logged from a file always has its row
//! and a file is never logged twice, however a scan was interrupted. The file at the path it
//! was logged from, with the size and modification time it had then, is known without
//! reading it again.

use super::Tx;
use crate::db::{params, Row};
use anyhow::Result;

/// The file an entry was logged from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryFile {
    pub entry_id: i64,
    pub sha256: [u8; 32],
    /// Where the file was when it was logged.
    pub path: String,
    /// How its platform and model were identified, as `scan` said it.
    pub identified_by: String,
    /// Its size and modification time when it was hashed, if known.
    pub stamp: Option<FileStamp>,
}

/// A file's size in bytes and modification time in nanoseconds since 1970 (UTC).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileStamp {
    pub size: i64,
    pub modified_ns: i64,
}

impl FileStamp {
    /// From a file's metadata; `None` when its time is unknown, before 1970 or past 2262.
    pub fn of(size: u64, modified: Option<std::time::SystemTime>) -> Option<FileStamp> {
        let since = modified?.duration_since(std::time::UNIX_EPOCH).ok()?;
        Some(FileStamp {
            size: i64::try_from(size).ok()?,
            modified_ns: i64::try_from(since.as_nanos()).ok()?,
        })
    }
}

const COLUMNS: &str = "entry_id, sha256, path, identified_by, size, modified_ns";

fn entry_file(r: &Row<'_>) -> Result<EntryFile> {
    let sha: Vec<u8> = r.get(1)?;
    let stamp = match (r.get::<Option<i64>>(4)?, r.get::<Option<i64>>(5)?) {
        (Some(size), Some(modified_ns)) => Some(FileStamp { size, modified_ns }),
        _ => None,
    };
    Ok(EntryFile {
        entry_id: r.get(0)?,
        // 32 bytes: the table's CHECK.
        sha256: sha.try_into().unwrap_or([0; 32]),
        path: r.get(2)?,
        identified_by: r.get(3)?,
        stamp,
    })
}

impl Tx<'_> {
    /// The file logged with this content, if any.
    pub fn file_by_hash(&self, sha256: &[u8; 32]) -> Result<Option<EntryFile>> {
        self.conn.query_opt(
            &format!("SELECT {COLUMNS} FROM entry_file WHERE sha256 = ?1"),
            params![&sha256[..]],
            entry_file,
        )
    }

    /// The file logged from `path` when it had this size and modification time, if any.
    pub fn file_at(&self, path: &str, stamp: FileStamp) -> Result<Option<EntryFile>> {
        self.conn.query_opt(
            &format!(
                "SELECT {COLUMNS} FROM entry_file \
                     WHERE path = ?1 AND size = ?2 AND modified_ns = ?3"
            ),
            params![path, stamp.size, stamp.modified_ns],
            entry_file,
        )
    }

    /// Records the size and modification time the file logged as `entry_id` has now (after
    /// its bytes were found to be the logged ones).
    pub fn restamp_file(&self, entry_id: i64, stamp: FileStamp) -> Result<()> {
        self.conn.execute(
            "UPDATE entry_file SET size = ?2, modified_ns = ?3 WHERE entry_id = ?1",
            params![entry_id, stamp.size, stamp.modified_ns],
        )?;
        Ok(())
    }

    /// Records the file entry `entry_id` was logged from.
    pub fn insert_entry_file(&self, file: &EntryFile) -> Result<()> {
        self.conn.execute(
            "INSERT INTO entry_file (entry_id, sha256, path, identified_by, size, modified_ns) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                file.entry_id,
                &file.sha256[..],
                file.path,
                file.identified_by,
                file.stamp.map(|s| s.size),
                file.stamp.map(|s| s.modified_ns),
            ],
        )?;
        Ok(())
    }

    /// The paths of the files entries were logged from, by entry id (for `history`).
    pub fn entry_paths(&self, ids: &[i64]) -> Result<std::collections::HashMap<i64, String>> {
        let mut out = std::collections::HashMap::new();
        for id in ids {
            if let Some(path) = self.conn.query_opt(
                "SELECT path FROM entry_file WHERE entry_id = ?1",
                params![id],
                |r| r.get::<String>(0),
            )? {
                out.insert(*id, path);
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Store;
    use credits_core::records::NewEntry;

    fn file(entry_id: i64, byte: u8) -> EntryFile {
        EntryFile {
            entry_id,
            sha256: [byte; 32],
            path: "/clips/a.mp4".into(),
            identified_by: "flags".into(),
            stamp: Some(FileStamp {
                size: 1000,
                modified_ns: 1_700_000_000_000_000_000,
            }),
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
        let mut store = Store::open_for_tests();
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
        assert_eq!(found, Some(file(id, 7)), "read back as written");
        store.write(|tx| tx.remove(id)).unwrap();
        assert_eq!(store.read(|tx| tx.file_by_hash(&[7; 32])).unwrap(), None);
    }

    #[test]
    fn a_file_is_known_at_its_path_only_with_the_same_size_and_time() {
        let mut store = Store::open_for_tests();
        let id = store.insert_entry(&entry()).unwrap();
        let logged = file(id, 7);
        store.write(|tx| tx.insert_entry_file(&logged)).unwrap();
        let stamp = logged.stamp.unwrap();
        fn at(store: &mut Store, path: &str, stamp: FileStamp) -> Option<i64> {
            store
                .read(|tx| tx.file_at(path, stamp))
                .unwrap()
                .map(|f| f.entry_id)
        }
        assert_eq!(at(&mut store, "/clips/a.mp4", stamp), Some(id));
        assert_eq!(
            at(&mut store, "/clips/b.mp4", stamp),
            None,
            "another path is hashed"
        );
        let grown = FileStamp {
            size: stamp.size + 1,
            ..stamp
        };
        assert_eq!(
            at(&mut store, "/clips/a.mp4", grown),
            None,
            "another size is hashed"
        );
        let touched = FileStamp {
            modified_ns: stamp.modified_ns + 1,
            ..stamp
        };
        assert_eq!(
            at(&mut store, "/clips/a.mp4", touched),
            None,
            "another time is hashed"
        );
        // Found the same by its hash, the row takes the new time.
        store.write(|tx| tx.restamp_file(id, touched)).unwrap();
        assert_eq!(at(&mut store, "/clips/a.mp4", touched), Some(id));
        assert_eq!(at(&mut store, "/clips/a.mp4", stamp), None);
    }

    #[test]
    fn a_stamp_needs_a_time_after_1970() {
        let t = std::time::UNIX_EPOCH + std::time::Duration::from_nanos(5);
        assert_eq!(
            FileStamp::of(10, Some(t)),
            Some(FileStamp {
                size: 10,
                modified_ns: 5
            })
        );
        assert_eq!(FileStamp::of(10, None), None);
        let before = std::time::UNIX_EPOCH - std::time::Duration::from_secs(1);
        assert_eq!(FileStamp::of(10, Some(before)), None);
    }
}
