//! Russian hyphenation (TeX patterns) for words too long for their column.

use std::sync::OnceLock;

use hyphenation::{Hyphenator, Language, Load, Standard};

static RUSSIAN: OnceLock<Option<Standard>> = OnceLock::new();

fn dictionary() -> Option<&'static Standard> {
    RUSSIAN
        .get_or_init(|| {
            let bytes: &[u8] = include_bytes!("../data/ru.standard.bincode");
            Standard::from_reader(Language::Russian, &mut &bytes[..]).ok()
        })
        .as_ref()
}

/// Byte offsets inside `word` where it may be broken with a hyphen.
pub fn breaks(word: &str) -> Vec<usize> {
    match dictionary() {
        Some(dict) => dict.hyphenate(word).breaks,
        None => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russian_words_break_at_syllables() {
        let word = "образовательными";
        let parts: Vec<&str> = {
            let b = breaks(word);
            let mut out = Vec::new();
            let mut last = 0;
            for i in b {
                out.push(&word[last..i]);
                last = i;
            }
            out.push(&word[last..]);
            out
        };
        assert!(parts.len() >= 4, "{parts:?}");
        assert_eq!(parts.concat(), word);
    }
}
