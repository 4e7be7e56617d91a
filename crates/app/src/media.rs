//! What a downloaded clip or image says about itself: length, size, sound, when it was made.
//!
//! Read with well-kept crates, never guessed: `mp4` reads MP4 and MOV containers (the movie
//! header's duration in its timescale units, the video track's size, whether an audio track
//! is there, the creation time), `matroska` reads WebM and MKV (duration, video size,
//! audio), `imagesize` reads the size of an image from its header. A file these crates refuse
//! is unreadable, with the crate's reason, never priced from nothing.

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use std::fs::File;
use std::io::{BufReader, Read};
use std::path::Path;

/// What kind of media a file name says it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MediaKind {
    Video,
    Image,
}

impl MediaKind {
    pub fn as_str(self) -> &'static str {
        match self {
            MediaKind::Video => "video",
            MediaKind::Image => "image",
        }
    }
}

/// Extensions of the videos `scan` looks at.
const VIDEO: &[&str] = &["mp4", "m4v", "mov", "webm", "mkv"];
/// Extensions of the images `scan` looks at.
const IMAGE: &[&str] = &[
    "png", "jpg", "jpeg", "webp", "gif", "avif", "heic", "heif", "bmp", "tif", "tiff",
];
/// What browsers name a download still under way (and some tools their temp files): such a
/// file is not a finished clip, whatever it ends in before.
const PARTIAL: &[&str] = &[
    "part",
    "crdownload",
    "download",
    "tmp",
    "partial",
    "opdownload",
];

/// Whether a file is a video or an image `scan` should read (by its extension); `None` for
/// anything else, a hidden file or a download still under way.
pub fn kind_of(path: &Path) -> Option<MediaKind> {
    let name = path.file_name()?.to_str()?;
    if name.starts_with('.') {
        return None;
    }
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    if PARTIAL.contains(&ext.as_str()) {
        return None;
    }
    if VIDEO.contains(&ext.as_str()) {
        Some(MediaKind::Video)
    } else if IMAGE.contains(&ext.as_str()) {
        Some(MediaKind::Image)
    } else {
        None
    }
}

/// What a media file says about itself.
#[derive(Debug, Clone, PartialEq)]
pub struct Probe {
    pub kind: MediaKind,
    /// Seconds of video: the container's duration, exact (see [`seconds`]).
    pub duration: Option<Decimal>,
    pub width: u32,
    pub height: u32,
    /// A video with at least one audio track.
    pub audio: bool,
    /// When the container says it was made (the MP4 movie header), if it says.
    pub created: Option<DateTime<Utc>>,
}

impl Probe {
    /// The resolution as the pricing tables name it: a video's shorter side with `p`
    /// (`720p`, `1080p`), `4k` for 2160 and above; an image's `WIDTHxHEIGHT`.
    pub fn resolution(&self) -> String {
        match self.kind {
            MediaKind::Image => format!("{}x{}", self.width, self.height),
            MediaKind::Video => {
                let short = self.width.min(self.height);
                if short >= 2160 {
                    "4k".to_string()
                } else {
                    format!("{short}p")
                }
            }
        }
    }
}

/// Why a file could not be read, in words for the user.
pub type Unreadable = String;

/// Reads a media file's length, size and sound.
pub fn probe(path: &Path, kind: MediaKind) -> Result<Probe, Unreadable> {
    match kind {
        MediaKind::Image => probe_image(path),
        MediaKind::Video => {
            let ext = path
                .extension()
                .and_then(|e| e.to_str())
                .map(|e| e.to_ascii_lowercase())
                .unwrap_or_default();
            if ext == "webm" || ext == "mkv" {
                return quietly(|| probe_matroska(path)).unwrap_or_else(|| {
                    Err("the WebM/Matroska reader failed on this file".to_string())
                });
            }
            quietly(|| probe_mp4(path))
                .unwrap_or_else(|| Err("the MP4 reader failed on this file".to_string()))
        }
    }
}

/// Runs a reader that might panic on a malformed file (a crate's bug must not end the
/// scan): `None` if it did, with the panic message kept off the terminal.
fn quietly<T>(f: impl FnOnce() -> T) -> Option<T> {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).ok();
    std::panic::set_hook(hook);
    result
}

fn probe_image(path: &Path) -> Result<Probe, Unreadable> {
    let size = imagesize::size(path).map_err(|e| match e {
        imagesize::ImageError::NotSupported => "not an image this tool can read".to_string(),
        imagesize::ImageError::CorruptedImage => "the image is cut short or corrupt".to_string(),
        imagesize::ImageError::IoError(e) => format!("cannot read it: {e}"),
    })?;
    if size.width == 0 || size.height == 0 {
        return Err("the image says it has no pixels".to_string());
    }
    Ok(Probe {
        kind: MediaKind::Image,
        duration: None,
        width: u32::try_from(size.width).map_err(|_| "the image is too large".to_string())?,
        height: u32::try_from(size.height).map_err(|_| "the image is too large".to_string())?,
        audio: false,
        created: None,
    })
}

/// Seconds since 1904-01-01 (the MP4 epoch) to 1970-01-01.
const MP4_EPOCH_OFFSET: u64 = 2_082_844_800;

fn probe_mp4(path: &Path) -> Result<Probe, Unreadable> {
    let file = File::open(path).map_err(|e| format!("cannot read it: {e}"))?;
    let size = file
        .metadata()
        .map_err(|e| format!("cannot read it: {e}"))?
        .len();
    let reader = mp4::Mp4Reader::read_header(BufReader::new(file), size).map_err(|e| match e {
        mp4::Error::BoxNotFound(_) => {
            format!("not a complete MP4/MOV: {e} (cut short, or still downloading?)")
        }
        mp4::Error::InvalidData(why) if why.contains("larger size") => {
            "not a complete MP4/MOV: a box runs past the end of the file (cut short, or \
             still downloading?)"
                .to_string()
        }
        e => format!("not a readable MP4/MOV: {e}"),
    })?;
    let mvhd = &reader.moov.mvhd;
    let duration = seconds(mvhd.duration, mvhd.timescale)
        .ok_or_else(|| "the movie header gives no duration".to_string())?;
    let mut tracks: Vec<&mp4::Mp4Track> = reader.tracks().values().collect();
    tracks.sort_by_key(|t| t.track_id());
    let video = tracks
        .iter()
        .find(|t| matches!(t.track_type(), Ok(mp4::TrackType::Video)))
        .ok_or_else(|| "it has no video track".to_string())?;
    let (width, height) = (u32::from(video.width()), u32::from(video.height()));
    if width == 0 || height == 0 {
        return Err("its video track gives no picture size".to_string());
    }
    let audio = tracks
        .iter()
        .any(|t| matches!(t.track_type(), Ok(mp4::TrackType::Audio)));
    // 0 is "not set"; a time before 2000 is a camera's or encoder's unset clock.
    let created = mvhd
        .creation_time
        .checked_sub(MP4_EPOCH_OFFSET)
        .and_then(|s| i64::try_from(s).ok())
        .and_then(|s| DateTime::<Utc>::from_timestamp(s, 0))
        .filter(|t| t.timestamp() >= 946_684_800);
    Ok(Probe {
        kind: MediaKind::Video,
        duration: Some(duration),
        width,
        height,
        audio,
        created,
    })
}

/// WebM and Matroska, read with `matroska`. Their duration is a float in the file (the
/// format's own choice): taken as the nanoseconds the crate makes of it and rounded *up* to
/// the millisecond, like a timescale with no finite decimal.
fn probe_matroska(path: &Path) -> Result<Probe, Unreadable> {
    let file = File::open(path).map_err(|e| format!("cannot read it: {e}"))?;
    let m = matroska::Matroska::open(BufReader::new(file)).map_err(|e| {
        format!("not a readable WebM/Matroska: {e} (cut short, or still downloading?)")
    })?;
    let nanos = m
        .info
        .duration
        .map(|d| d.as_nanos())
        .filter(|n| *n > 0)
        .ok_or_else(|| {
            "the file gives no duration (a recording saved while it was written?)".to_string()
        })?;
    let duration = i128::try_from(nanos)
        .ok()
        .and_then(|n| Decimal::try_from_i128_with_scale(n, 9).ok())
        .ok_or_else(|| "its duration is too large".to_string())?
        .round_dp_with_strategy(3, rust_decimal::RoundingStrategy::AwayFromZero)
        .normalize();
    let (width, height) = m
        .tracks
        .iter()
        .find_map(|t| match (&t.tracktype, &t.settings) {
            (matroska::Tracktype::Video, matroska::Settings::Video(v)) => {
                Some((v.pixel_width, v.pixel_height))
            }
            _ => None,
        })
        .ok_or_else(|| "it has no video track".to_string())?;
    let size = |n: u64| u32::try_from(n).ok().filter(|n| *n > 0);
    let (Some(width), Some(height)) = (size(width), size(height)) else {
        return Err("its video track gives no picture size".to_string());
    };
    let audio = m
        .tracks
        .iter()
        .any(|t| matches!(t.tracktype, matroska::Tracktype::Audio));
    Ok(Probe {
        kind: MediaKind::Video,
        duration: Some(duration),
        width,
        height,
        audio,
        created: None,
    })
}

/// `units / timescale` seconds as a Decimal: exact when it has a finite decimal expansion
/// (timescales of 600, 1000, 90000 …), else rounded *up* to the millisecond, so that a length
/// never falls into a shorter bucket than the file has. `None` for a zero timescale or
/// length.
pub fn seconds(units: u64, timescale: u32) -> Option<Decimal> {
    if units == 0 || timescale == 0 {
        return None;
    }
    // units/timescale has a finite decimal expansion when the reduced denominator has no
    // prime factors but 2 and 5.
    let (mut a, mut b) = (units, u64::from(timescale));
    while b != 0 {
        (a, b) = (b, a % b);
    }
    let mut denominator = u64::from(timescale) / a;
    for p in [2, 5] {
        while denominator % p == 0 {
            denominator /= p;
        }
    }
    let value = Decimal::from(units).checked_div(Decimal::from(timescale))?;
    if denominator == 1 {
        Some(value.normalize())
    } else {
        Some(
            value
                .round_dp_with_strategy(3, rust_decimal::RoundingStrategy::AwayFromZero)
                .normalize(),
        )
    }
}

/// The SHA-256 of a file's bytes: its identity, whatever its name or folder. `stop` is
/// looked at between blocks, so that an interrupt ends a long hash at once: `Ok(None)`.
pub(crate) fn content_hash(
    path: &Path,
    stop: &std::sync::atomic::AtomicBool,
) -> std::io::Result<Option<[u8; 32]>> {
    use sha2::{Digest, Sha256};
    let mut file = File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        if stop.load(std::sync::atomic::Ordering::Relaxed) {
            return Ok(None);
        }
        let n = file.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(Some(hasher.finalize().into()))
}

/// Whether a file holds all of itself, as far as its format says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Completeness {
    /// Its end marker is there, or its header's sizes fit in the file.
    Complete,
    /// Its end marker is missing, or its header says it is longer than it is: still
    /// downloading, or cut short. The words say what is missing.
    Incomplete(&'static str),
    /// Its format cannot tell (a WebM of unknown length, as live recordings write, or a
    /// format without an end marker): taken as it is once it has stopped changing.
    Unknown,
}

/// Whether a file is whole, from a few bytes at its start and end: readers such as
/// `imagesize` need only an image's header and `matroska` does not notice a cluster cut in
/// two, so a half-written file would otherwise read as a finished one (and, logged with the
/// hash of its half, be logged again when done).
/// - PNG ends with its `IEND` chunk; JPEG with the EOI marker `FF D9`; GIF with its trailer
///   `3B`; WebP's RIFF header gives the file's size;
/// - MP4/MOV/M4V and HEIF/AVIF (ISO boxes): each top-level box's size fits in the file;
/// - WebM/MKV: the segment's size in the EBML header fits in the file (an unknown size,
///   which live recordings write, cannot tell).
pub(crate) fn completeness(path: &Path) -> std::io::Result<Completeness> {
    use std::io::{Seek, SeekFrom};
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase())
        .unwrap_or_default();
    let mut file = File::open(path)?;
    let len = file.metadata()?.len();
    let mut tail = |n: u64| -> std::io::Result<Vec<u8>> {
        let n = n.min(len);
        file.seek(SeekFrom::Start(len - n))?;
        let mut b = vec![0u8; usize::try_from(n).unwrap_or(0)];
        file.read_exact(&mut b)?;
        Ok(b)
    };
    let ends = |bytes: &[u8], end: &[u8]| bytes.ends_with(end);
    Ok(match ext.as_str() {
        "png" => {
            if ends(&tail(12)?, b"\x00\x00\x00\x00IEND\xae\x42\x60\x82") {
                Completeness::Complete
            } else {
                Completeness::Incomplete("no IEND chunk at its end")
            }
        }
        "jpg" | "jpeg" => {
            // Some writers pad after the marker: zeros at the end are looked past.
            let t = tail(64)?;
            let end = t.iter().rposition(|b| *b != 0).map_or(0, |i| i + 1);
            if t[..end].ends_with(&[0xff, 0xd9]) {
                Completeness::Complete
            } else {
                Completeness::Incomplete("no end-of-image marker at its end")
            }
        }
        "gif" => {
            if ends(&tail(1)?, &[0x3b]) {
                Completeness::Complete
            } else {
                Completeness::Incomplete("no GIF trailer at its end")
            }
        }
        "webp" => {
            let mut head = [0u8; 12];
            file.seek(SeekFrom::Start(0))?;
            match file.read_exact(&mut head) {
                Ok(()) if &head[..4] == b"RIFF" => {
                    let size = u64::from(u32::from_le_bytes([head[4], head[5], head[6], head[7]]));
                    if len >= size + 8 {
                        Completeness::Complete
                    } else {
                        Completeness::Incomplete("shorter than its RIFF header says")
                    }
                }
                _ => Completeness::Unknown,
            }
        }
        "mp4" | "m4v" | "mov" | "heic" | "heif" | "avif" => iso_boxes(&mut file, len)?,
        "webm" | "mkv" => ebml_segment(&mut file, len)?,
        _ => Completeness::Unknown,
    })
}

/// Top-level box types an MP4, MOV or HEIF file may start with. A file that starts with
/// anything else is not one (the probe says so); it is not "cut short".
const FIRST_BOXES: [&[u8; 4]; 11] = [
    b"ftyp", b"moov", b"mdat", b"free", b"skip", b"wide", b"pnot", b"uuid", b"styp", b"sidx",
    b"meta",
];

/// Walks the top-level ISO boxes: each must fit in the file.
fn iso_boxes(file: &mut File, len: u64) -> std::io::Result<Completeness> {
    use std::io::{Seek, SeekFrom};
    let mut first = [0u8; 8];
    if len < 8 || file.read(&mut first)? < 8 || !FIRST_BOXES.iter().any(|b| first[4..] == b[..]) {
        return Ok(Completeness::Unknown);
    }
    let mut at = 0u64;
    while at < len {
        if len - at < 8 {
            return Ok(Completeness::Incomplete("a box header is cut short"));
        }
        file.seek(SeekFrom::Start(at))?;
        let mut h = [0u8; 16];
        let got = file.read(&mut h)?;
        let size = u64::from(u32::from_be_bytes([h[0], h[1], h[2], h[3]]));
        let size = match size {
            // To the end of the file.
            0 => return Ok(Completeness::Complete),
            1 if got >= 16 => {
                u64::from_be_bytes([h[8], h[9], h[10], h[11], h[12], h[13], h[14], h[15]])
            }
            1 => return Ok(Completeness::Incomplete("a box header is cut short")),
            n if n < 8 => return Ok(Completeness::Unknown),
            n => n,
        };
        match at.checked_add(size) {
            Some(end) if end <= len => at = end,
            _ => {
                return Ok(Completeness::Incomplete(
                    "a box runs past the end of the file",
                ))
            }
        }
    }
    Ok(Completeness::Complete)
}

/// Reads an EBML variable-size number at the file's position: (value, all ones = unknown).
fn ebml_vint(file: &mut File) -> std::io::Result<Option<(u64, bool, u64)>> {
    let mut first = [0u8; 1];
    if file.read(&mut first)? == 0 || first[0] == 0 {
        return Ok(None);
    }
    let width = first[0].leading_zeros() + 1;
    let mut value = u64::from(first[0]) & (0xff >> width);
    let mut rest = vec![0u8; width as usize - 1];
    if file.read(&mut rest)? < rest.len() {
        return Ok(None);
    }
    for b in &rest {
        value = (value << 8) | u64::from(*b);
    }
    let unknown = value == (1u64 << (7 * width)) - 1;
    Ok(Some((value, unknown, u64::from(width))))
}

/// The EBML header, then the segment: its size must fit in the file.
fn ebml_segment(file: &mut File, len: u64) -> std::io::Result<Completeness> {
    use std::io::{Seek, SeekFrom};
    const CUT: Completeness = Completeness::Incomplete("its header is cut short");
    file.seek(SeekFrom::Start(0))?;
    let mut id = [0u8; 4];
    if file.read(&mut id)? < 4 || id != [0x1a, 0x45, 0xdf, 0xa3] {
        return Ok(Completeness::Unknown);
    }
    let Some((header, _, w)) = ebml_vint(file)? else {
        return Ok(CUT);
    };
    let Some(segment_at) = header.checked_add(4 + w) else {
        return Ok(CUT);
    };
    file.seek(SeekFrom::Start(segment_at))?;
    if file.read(&mut id)? < 4 {
        return Ok(CUT);
    }
    if id != [0x18, 0x53, 0x80, 0x67] {
        return Ok(Completeness::Unknown);
    }
    let Some((size, unknown, w)) = ebml_vint(file)? else {
        return Ok(CUT);
    };
    if unknown {
        return Ok(Completeness::Unknown);
    }
    match segment_at
        .checked_add(4 + w)
        .and_then(|s| s.checked_add(size))
    {
        Some(end) if end <= len => Ok(Completeness::Complete),
        _ => Ok(Completeness::Incomplete(
            "shorter than its segment header says",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn container_durations_are_exact() {
        assert_eq!(
            seconds(5040, 1000),
            Some(Decimal::from_str("5.04").unwrap())
        );
        assert_eq!(seconds(900_000, 90_000), Some(Decimal::from(10)));
        assert_eq!(seconds(5880, 600), Some(Decimal::from_str("9.8").unwrap()));
        // 1001/3 s has no finite decimal: rounded up, never down.
        assert_eq!(
            seconds(1001, 3),
            Some(Decimal::from_str("333.667").unwrap())
        );
        assert_eq!(seconds(0, 600), None);
        assert_eq!(seconds(10, 0), None);
    }

    #[test]
    fn partial_and_hidden_files_are_not_media() {
        assert_eq!(kind_of(Path::new("a/clip.mp4")), Some(MediaKind::Video));
        assert_eq!(kind_of(Path::new("a/CLIP.MOV")), Some(MediaKind::Video));
        assert_eq!(kind_of(Path::new("a/still.jpeg")), Some(MediaKind::Image));
        assert_eq!(kind_of(Path::new("a/clip.mp4.part")), None);
        assert_eq!(kind_of(Path::new("a/clip.mp4.crdownload")), None);
        assert_eq!(kind_of(Path::new("a/clip.download")), None);
        assert_eq!(kind_of(Path::new("a/.clip.mp4")), None);
        assert_eq!(kind_of(Path::new("a/notes.txt")), None);
        assert_eq!(kind_of(Path::new("a/mp4")), None);
    }

    #[test]
    fn resolutions_are_named_by_the_shorter_side() {
        let p = |w, h, kind| Probe {
            kind,
            duration: None,
            width: w,
            height: h,
            audio: false,
            created: None,
        };
        assert_eq!(p(1920, 1080, MediaKind::Video).resolution(), "1080p");
        assert_eq!(p(720, 1280, MediaKind::Video).resolution(), "720p");
        assert_eq!(p(3840, 2160, MediaKind::Video).resolution(), "4k");
        assert_eq!(p(1024, 1536, MediaKind::Image).resolution(), "1024x1536");
    }
}
