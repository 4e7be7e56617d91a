//! C2PA Content Credentials a file carries: who made it (the claim generator) and, where the
//! manifest says, with what (the `softwareAgent` of its `c2pa.created` action).
//!
//! Read, not verified: the manifest store is found where the C2PA specification puts it (an
//! MP4/MOV top-level `uuid` box with the C2PA UUID; a PNG `caBX` chunk; JPEG APP11 segments),
//! its JUMBF boxes are walked by their labels, and the claim and actions are decoded with
//! `ciborium` (CBOR). Signatures and hashes are not checked (that needs the `c2pa` crate,
//! too heavy for this tool's build, see docs/guide.md): a manifest identifies a file as its
//! name or folder would, and `scan` says it came from the manifest.

use std::io::{Read, Seek, SeekFrom};
use std::path::Path;

/// What a manifest says about the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Credentials {
    /// `claim_generator`, or the first `claim_generator_info` name (v2 claims).
    pub generator: String,
    /// The software agent of the `c2pa.created` action (or of the first action naming
    /// one), when the manifest states it.
    pub agent: Option<String>,
}

/// The manifest store is never larger than this in the files `scan` reads; a box claiming
/// more is not read (no allocation from a size in the file).
const MAX_STORE: u64 = 16 * 1024 * 1024;

/// The UUID of the C2PA box in ISO BMFF (MP4, MOV).
const BMFF_UUID: [u8; 16] = [
    0xd8, 0xfe, 0xc3, 0xd6, 0x1b, 0x0e, 0x48, 0x3c, 0x92, 0x97, 0x58, 0x28, 0x87, 0x7e, 0xc4, 0x81,
];

/// The Content Credentials in a file, if it has readable ones.
pub fn read(path: &Path) -> Option<Credentials> {
    let store = manifest_store(path).ok().flatten()?;
    credentials(&store)
}

/// The JUMBF manifest store's bytes, by container.
fn manifest_store(path: &Path) -> std::io::Result<Option<Vec<u8>>> {
    let mut file = std::fs::File::open(path)?;
    let mut magic = [0u8; 12];
    let n = file.read(&mut magic)?;
    file.seek(SeekFrom::Start(0))?;
    if n >= 8 && &magic[..8] == b"\x89PNG\r\n\x1a\n" {
        return png_store(&mut file);
    }
    if n >= 2 && magic[..2] == [0xff, 0xd8] {
        return jpeg_store(&mut file);
    }
    if n >= 8 && &magic[4..8] == b"ftyp" {
        return bmff_store(&mut file);
    }
    Ok(None)
}

fn read_exact_vec(r: &mut impl Read, len: u64) -> std::io::Result<Option<Vec<u8>>> {
    if len > MAX_STORE {
        return Ok(None);
    }
    let mut buf = Vec::new();
    r.take(len).read_to_end(&mut buf)?;
    Ok((buf.len() as u64 == len).then_some(buf))
}

/// Top-level boxes: the `uuid` box with the C2PA UUID holds a FullBox header, a purpose
/// string (`manifest`), a 64-bit offset, then the store.
fn bmff_store(file: &mut std::fs::File) -> std::io::Result<Option<Vec<u8>>> {
    let len = file.metadata()?.len();
    let mut at = 0u64;
    while at.saturating_add(8) <= len {
        file.seek(SeekFrom::Start(at))?;
        let mut head = [0u8; 8];
        file.read_exact(&mut head)?;
        let mut size = u64::from(u32::from_be_bytes([head[0], head[1], head[2], head[3]]));
        let mut header = 8u64;
        if size == 1 {
            let mut large = [0u8; 8];
            file.read_exact(&mut large)?;
            size = u64::from_be_bytes(large);
            header = 16;
        } else if size == 0 {
            size = len - at;
        }
        if size < header || at.saturating_add(size) > len {
            return Ok(None);
        }
        if &head[4..8] == b"uuid" && size >= header + 16 {
            let mut uuid = [0u8; 16];
            file.read_exact(&mut uuid)?;
            if uuid == BMFF_UUID {
                let Some(body) = read_exact_vec(file, size - header - 16)? else {
                    return Ok(None);
                };
                // version and flags, then the purpose, NUL-terminated.
                let rest = body.get(4..).unwrap_or_default();
                let Some(nul) = rest.iter().position(|b| *b == 0) else {
                    return Ok(None);
                };
                if &rest[..nul] != b"manifest" {
                    at = at.saturating_add(size);
                    continue;
                }
                let store = rest.get(nul + 1 + 8..).unwrap_or_default();
                return Ok(Some(store.to_vec()));
            }
        }
        at = at.saturating_add(size);
    }
    Ok(None)
}

/// PNG chunks: `caBX` holds the store.
fn png_store(file: &mut std::fs::File) -> std::io::Result<Option<Vec<u8>>> {
    file.seek(SeekFrom::Start(8))?;
    loop {
        let mut head = [0u8; 8];
        if file.read_exact(&mut head).is_err() {
            return Ok(None);
        }
        let len = u64::from(u32::from_be_bytes([head[0], head[1], head[2], head[3]]));
        if &head[4..8] == b"caBX" {
            return read_exact_vec(file, len);
        }
        if &head[4..8] == b"IEND" {
            return Ok(None);
        }
        file.seek(SeekFrom::Current(
            i64::try_from(len + 4).unwrap_or(i64::MAX),
        ))?;
    }
}

/// JPEG APP11 segments with the `JP` common identifier: the first holds the store's box
/// header and the start of its data; the following ones (same box instance) repeat the
/// 8-byte box header and continue the data.
fn jpeg_store(file: &mut std::fs::File) -> std::io::Result<Option<Vec<u8>>> {
    file.seek(SeekFrom::Start(2))?;
    let mut store: Vec<u8> = Vec::new();
    loop {
        let mut marker = [0u8; 4];
        if file.read_exact(&mut marker).is_err() || marker[0] != 0xff {
            break;
        }
        // Start of scan or end of image: no more metadata segments.
        if marker[1] == 0xda || marker[1] == 0xd9 {
            break;
        }
        let len = u64::from(u16::from_be_bytes([marker[2], marker[3]])).saturating_sub(2);
        let Some(seg) = read_exact_vec(file, len)? else {
            break;
        };
        // APP11, "JP", instance (2), sequence (4), then the box.
        if marker[1] == 0xeb && seg.len() > 16 && &seg[..2] == b"JP" {
            let seq = u32::from_be_bytes([seg[4], seg[5], seg[6], seg[7]]);
            let data = &seg[8..];
            if seq == 1 || store.is_empty() {
                store.extend_from_slice(data);
            } else {
                store.extend_from_slice(data.get(8..).unwrap_or_default());
            }
            if store.len() as u64 > MAX_STORE {
                return Ok(None);
            }
        }
    }
    Ok((!store.is_empty()).then_some(store))
}

/// One JUMBF box: its type and payload.
struct JBox<'a> {
    kind: [u8; 4],
    payload: &'a [u8],
}

/// The boxes in `data`, one after another (stops at the first malformed one).
fn boxes(mut data: &[u8]) -> Vec<JBox<'_>> {
    let mut out = Vec::new();
    while data.len() >= 8 {
        let size = u32::from_be_bytes([data[0], data[1], data[2], data[3]]) as usize;
        let kind = [data[4], data[5], data[6], data[7]];
        let (header, size) = match size {
            0 => (8, data.len()),
            1 if data.len() >= 16 => {
                let mut large = [0u8; 8];
                large.copy_from_slice(&data[8..16]);
                (
                    16,
                    usize::try_from(u64::from_be_bytes(large)).unwrap_or(usize::MAX),
                )
            }
            s => (8, s),
        };
        if size < header || size > data.len() {
            break;
        }
        out.push(JBox {
            kind,
            payload: &data[header..size],
        });
        data = &data[size..];
    }
    out
}

/// A `jumb` superbox: its label (from its `jumd` description box) and its other boxes.
fn superbox<'a>(b: &JBox<'a>) -> Option<(String, Vec<JBox<'a>>)> {
    if &b.kind != b"jumb" {
        return None;
    }
    let mut inner = boxes(b.payload).into_iter();
    let desc = inner.next().filter(|d| &d.kind == b"jumd")?;
    // 16-byte type UUID, toggles, then the label when toggles has bit 1.
    let toggles = *desc.payload.get(16)?;
    let label = if toggles & 0x02 != 0 {
        let rest = desc.payload.get(17..)?;
        let end = rest.iter().position(|c| *c == 0).unwrap_or(rest.len());
        String::from_utf8_lossy(&rest[..end]).into_owned()
    } else {
        String::new()
    };
    Some((label, inner.collect()))
}

/// The CBOR content of a superbox labelled `label` among `children`.
fn cbor_of(children: &[JBox<'_>], label: &[&str]) -> Option<ciborium::Value> {
    children.iter().find_map(|b| {
        let (l, inner) = superbox(b)?;
        if !label.contains(&l.as_str()) {
            return None;
        }
        let content = inner.iter().find(|c| &c.kind == b"cbor")?;
        ciborium::de::from_reader(content.payload).ok()
    })
}

fn field<'v>(map: &'v ciborium::Value, name: &str) -> Option<&'v ciborium::Value> {
    map.as_map()?
        .iter()
        .find(|(k, _)| k.as_text() == Some(name))
        .map(|(_, v)| v)
}

/// A text, or the `name` of a map (`softwareAgent` and generator infos are either).
fn name_of(v: &ciborium::Value) -> Option<String> {
    v.as_text()
        .map(str::to_string)
        .or_else(|| {
            field(v, "name")
                .and_then(|n| n.as_text())
                .map(str::to_string)
        })
        .filter(|s| !s.trim().is_empty())
}

/// The active (last) manifest's claim generator and creating agent.
fn credentials(store: &[u8]) -> Option<Credentials> {
    let top = boxes(store);
    let (label, manifests) = superbox(top.first()?)?;
    if label != "c2pa" {
        return None;
    }
    let manifest = manifests.iter().rev().find_map(superbox)?.1;
    let claim = cbor_of(&manifest, &["c2pa.claim", "c2pa.claim.v2"])?;
    let generator = field(&claim, "claim_generator")
        .and_then(name_of)
        .or_else(|| {
            let info = field(&claim, "claim_generator_info")?;
            match info.as_array() {
                Some(list) => list.iter().find_map(name_of),
                None => name_of(info),
            }
        })?;
    let agent = manifest.iter().find_map(|b| {
        let (label, assertions) = superbox(b)?;
        if label != "c2pa.assertions" {
            return None;
        }
        let actions = cbor_of(&assertions, &["c2pa.actions", "c2pa.actions.v2"])?;
        let list = field(&actions, "actions")?.as_array()?;
        let created = list
            .iter()
            .find(|a| field(a, "action").and_then(|x| x.as_text()) == Some("c2pa.created"));
        created
            .into_iter()
            .chain(list.iter())
            .find_map(|a| field(a, "softwareAgent").and_then(name_of))
    });
    Some(Credentials { generator, agent })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jbox(kind: &[u8; 4], payload: &[u8]) -> Vec<u8> {
        let mut b = ((payload.len() + 8) as u32).to_be_bytes().to_vec();
        b.extend_from_slice(kind);
        b.extend_from_slice(payload);
        b
    }

    fn labelled(label: &str, content: &[u8]) -> Vec<u8> {
        let mut desc = vec![0u8; 16];
        desc.push(0x03);
        desc.extend_from_slice(label.as_bytes());
        desc.push(0);
        let mut inner = jbox(b"jumd", &desc);
        inner.extend_from_slice(content);
        jbox(b"jumb", &inner)
    }

    fn cbor(value: &ciborium::Value) -> Vec<u8> {
        let mut out = Vec::new();
        ciborium::ser::into_writer(value, &mut out).unwrap();
        jbox(b"cbor", &out)
    }

    /// A minimal store: claim generator `gen`, no actions.
    fn store(gen: &str) -> Vec<u8> {
        use ciborium::Value as V;
        let claim = V::Map(vec![(
            V::Text("claim_generator".into()),
            V::Text(gen.into()),
        )]);
        labelled(
            "c2pa",
            &labelled("urn:uuid:m", &labelled("c2pa.claim", &cbor(&claim))),
        )
    }

    fn read_bytes(bytes: &[u8]) -> Option<Credentials> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        std::fs::write(&path, bytes).unwrap();
        read(&path)
    }

    #[test]
    fn the_store_is_found_in_png_and_jpeg_files() {
        let expected = Some(Credentials {
            generator: "Adobe Firefly".into(),
            agent: None,
        });
        // PNG: signature, IHDR, the `caBX` chunk, IEND (CRCs are not read).
        let chunk = |kind: &[u8; 4], data: &[u8]| {
            let mut c = (data.len() as u32).to_be_bytes().to_vec();
            c.extend_from_slice(kind);
            c.extend_from_slice(data);
            c.extend_from_slice(&[0; 4]);
            c
        };
        let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
        png.extend(chunk(b"IHDR", &[0; 13]));
        png.extend(chunk(b"caBX", &store("Adobe Firefly")));
        png.extend(chunk(b"IEND", &[]));
        assert_eq!(read_bytes(&png), expected);
        // JPEG: the store split over two APP11 segments; the second repeats the box header.
        let whole = store("Adobe Firefly");
        let (first, rest) = whole.split_at(whole.len() / 2);
        let segment = |seq: u32, data: &[u8]| {
            let mut body = b"JP".to_vec();
            body.extend_from_slice(&[0, 1]);
            body.extend_from_slice(&seq.to_be_bytes());
            body.extend_from_slice(data);
            let mut seg = vec![0xff, 0xeb];
            seg.extend_from_slice(&((body.len() + 2) as u16).to_be_bytes());
            seg.extend(body);
            seg
        };
        let mut second = whole[..8].to_vec();
        second.extend_from_slice(rest);
        let mut jpeg = vec![0xff, 0xd8];
        jpeg.extend(segment(1, first));
        jpeg.extend(segment(2, &second));
        jpeg.extend_from_slice(&[0xff, 0xda, 0, 2]);
        assert_eq!(read_bytes(&jpeg), expected);
        // No store, or another file: none.
        assert_eq!(read_bytes(b"\x89PNG\r\n\x1a\n"), None);
        assert_eq!(read_bytes(b"plain text"), None);
    }

    #[test]
    fn the_generator_and_creating_agent_are_read_from_a_manifest_store() {
        use ciborium::Value as V;
        let claim = V::Map(vec![(
            V::Text("claim_generator_info".into()),
            V::Array(vec![V::Map(vec![(
                V::Text("name".into()),
                V::Text("OpenAI".into()),
            )])]),
        )]);
        let actions = V::Map(vec![(
            V::Text("actions".into()),
            V::Array(vec![V::Map(vec![
                (V::Text("action".into()), V::Text("c2pa.created".into())),
                (
                    V::Text("softwareAgent".into()),
                    V::Map(vec![(V::Text("name".into()), V::Text("sora-2".into()))]),
                ),
            ])]),
        )]);
        let assertions = labelled(
            "c2pa.assertions",
            &labelled("c2pa.actions.v2", &cbor(&actions)),
        );
        let mut manifest_content = assertions;
        manifest_content.extend(labelled("c2pa.claim.v2", &cbor(&claim)));
        let store = labelled("c2pa", &labelled("urn:uuid:x", &manifest_content));
        assert_eq!(
            credentials(&store),
            Some(Credentials {
                generator: "OpenAI".into(),
                agent: Some("sora-2".into())
            })
        );
        // Anything else is no credentials, never an error or a panic.
        assert_eq!(credentials(b""), None);
        assert_eq!(credentials(&store[..store.len() / 2]), None);
        assert_eq!(credentials(&labelled("other", b"")), None);
    }
}
