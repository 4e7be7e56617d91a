//! Media files the tests write themselves: an MP4 with `mp4::Mp4Writer` (an H.264 track of a
//! given size and length, optionally an AAC track; the sample bytes are not decodable, the
//! container is what `scan` reads). Used by `scan.rs` and by `fit.rs` for scan's table.

use std::fs;
use std::path::Path;

/// An MP4 of `width`×`height` lasting `millis` ms (movie timescale 1000), with an AAC track
/// when `audio`.
pub fn write_mp4(path: &Path, width: u16, height: u16, millis: u32, audio: bool) {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    let config = mp4::Mp4Config {
        major_brand: "isom".parse().unwrap(),
        minor_version: 512,
        compatible_brands: vec![
            "isom".parse().unwrap(),
            "iso2".parse().unwrap(),
            "avc1".parse().unwrap(),
            "mp41".parse().unwrap(),
        ],
        timescale: 1000,
    };
    let file = fs::File::create(path).unwrap();
    let mut w = mp4::Mp4Writer::write_start(file, &config).unwrap();
    w.add_track(&mp4::TrackConfig {
        track_type: mp4::TrackType::Video,
        timescale: 1000,
        language: "und".into(),
        media_conf: mp4::MediaConfig::AvcConfig(mp4::AvcConfig {
            width,
            height,
            seq_param_set: vec![0x67, 0x64, 0x00, 0x1f, 0xac],
            pic_param_set: vec![0x68, 0xee, 0x3c, 0x80],
        }),
    })
    .unwrap();
    if audio {
        w.add_track(&mp4::TrackConfig {
            track_type: mp4::TrackType::Audio,
            timescale: 1000,
            language: "und".into(),
            media_conf: mp4::MediaConfig::AacConfig(mp4::AacConfig::default()),
        })
        .unwrap();
    }
    // Two samples per track covering the whole length; bytes differ per size and length
    // so that two test clips never share a hash by accident.
    let half = millis / 2;
    let tracks = if audio { 2 } else { 1 };
    for track in 1..=tracks {
        for (start, dur) in [(0, half), (u64::from(half), millis - half)] {
            let bytes = format!("{width}x{height}:{millis}:{track}:{start}").into_bytes();
            w.write_sample(
                track,
                &mp4::Mp4Sample {
                    start_time: start,
                    duration: dur,
                    rendering_offset: 0,
                    is_sync: true,
                    bytes: mp4::Bytes::from(bytes),
                },
            )
            .unwrap();
        }
    }
    w.write_end().unwrap();
}
