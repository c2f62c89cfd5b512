//! For any string: no panic, the text kept, start ≤ end, free always explained.

use proptest::prelude::*;
use timeframe::{parse, Kind, Period};

fn period() -> Period {
    "2022-09-01..2023-08-31".parse().unwrap()
}

/// Strings built from the parser's own vocabulary, so that the rules are actually reached.
fn timeframe_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("до".to_string()),
        Just("с".to_string()),
        Just("по".to_string()),
        Just("-".to_string()),
        Just("—".to_string()),
        Just(",".to_string()),
        Just("/".to_string()),
        Just("\n".to_string()),
        Just("и".to_string()),
        Just("г.".to_string()),
        Just("года".to_string()),
        Just("квартал".to_string()),
        Just("полугодие".to_string()),
        Just("учебного".to_string()),
        Just("в течение".to_string()),
        Just("конца".to_string()),
        Just("ежемесячно".to_string()),
        Just("(по графику)".to_string()),
        Just("IV".to_string()),
        Just("II".to_string()),
        Just("марта".to_string()),
        Just("декабрь".to_string()),
        Just("январь".to_string()),
        (1u32..40).prop_map(|n| n.to_string()),
        (1990u32..2100).prop_map(|n| n.to_string()),
        (0u32..40, 0u32..70).prop_map(|(a, b)| format!("{a}.{b:02}")),
        (0u32..40, 0u32..14, 1990u32..2100).prop_map(|(a, b, c)| format!("{a}.{b:02}.{c}")),
        (0u32..30, 0u32..70).prop_map(|(a, b)| format!("{a}:{b:02}")),
    ];
    prop::collection::vec(piece, 0..8).prop_map(|v| v.join(" "))
}

fn holds(text: &str) {
    let tf = parse(text, &period());
    assert_eq!(tf.text, text);
    if let (Some(s), Some(e)) = (tf.start, tf.end) {
        assert!(s <= e, "{text:?}: {s} > {e}");
    }
    for p in &tf.parts {
        if let (Some(s), Some(e)) = (p.start, p.end) {
            assert!(s <= e, "{text:?}: part {s} > {e}");
        }
    }
    if tf.kind == Kind::Free {
        assert!(!tf.warnings.is_empty(), "{text:?}: free without a reason");
        assert!(tf.start.is_none() && tf.end.is_none());
    } else {
        assert!(tf.end.is_some(), "{text:?}: placed without an end");
    }
    let _ = tf.occurrences();
    let _ = tf.describe();
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn any_string(text in any::<String>()) {
        holds(&text);
    }

    #[test]
    fn timeframe_like_strings(text in timeframe_like()) {
        holds(&text);
    }
}
