//! Any bytes as a file the importer reads — Word, Excel/LibreOffice, HTML, text or a plan bundle
//! (.json), chosen by the first byte as the file name's extension — and as a clipboard paste: no
//! panic, no hang, no allocation past libFuzzer's limit; what is recognised keeps every
//! timeframe text as read.
#![no_main]

use libfuzzer_sys::fuzz_target;

const NAMES: [&str; 7] = ["план.docx", "план.xlsx", "план.ods", "план.xls", "план.html", "план.txt", "план.json"];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else { return };
    let name = NAMES[pick as usize % NAMES.len()];
    if name.ends_with(".json") {
        let _ = exchange::bundle::parse(&String::from_utf8_lossy(bytes));
        return;
    }
    let today = chrono::NaiveDate::from_ymd_opt(2024, 3, 1).unwrap();
    let sources = [
        exchange::import::read_bytes(bytes, name, None),
        exchange::import::read_pasted(&String::from_utf8_lossy(bytes), None),
        exchange::import::read_pasted("", Some(&String::from_utf8_lossy(bytes))),
    ];
    for source in sources.into_iter().flatten() {
        let r = exchange::import::recognise_source(&source, None, today, &[], None);
        for e in &r.events {
            assert!(e.timeframe.start <= e.timeframe.end || e.timeframe.start.is_none() || e.timeframe.end.is_none());
        }
    }
});
