//! Any bytes as text, against two plan periods: no panic, the text kept, start ≤ end,
//! a free value always explained.
#![no_main]

use libfuzzer_sys::fuzz_target;
use timeframe::{parse, Kind, Period};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for period in ["2022-09-01..2023-08-31", "2023-01-01..2023-12-31"] {
        let period: Period = period.parse().unwrap();
        let tf = parse(&text, &period);
        assert_eq!(tf.text, text);
        if let (Some(s), Some(e)) = (tf.start, tf.end) {
            assert!(s <= e);
        }
        if tf.kind == Kind::Free {
            assert!(!tf.warnings.is_empty());
        }
        let _ = tf.occurrences();
        let _ = tf.describe();
    }
});
