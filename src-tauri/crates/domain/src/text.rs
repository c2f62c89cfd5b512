//! Rules for the text people typed, kept in one place.

/// A document's multi-line title as a one-line title: line breaks and runs of spaces become one
/// space («…(«дорожная карта»)\nпо работе» → «…(«дорожная карта») по работе»). Non-breaking
/// spaces (in «№ 6») stay as they are.
pub fn one_line(text: &str) -> String {
    text.split([' ', '\n', '\r', '\t']).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

/// «text» in Russian quotes; quotes inside become the inner „…“ («План „Школа“»).
pub fn quoted(text: &str) -> String {
    let mut inner = String::with_capacity(text.len());
    for c in text.chars() {
        inner.push(match c {
            '«' => '„',
            '»' => '“',
            c => c,
        });
    }
    format!("«{inner}»")
}

/// A name inside a sentence: «Доля отметок «2»» → «доля отметок «2»», but «ВПР …» and «ОГЭ …»
/// keep their capitals (an abbreviation's second letter is a capital too).
pub fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match (chars.next(), text.chars().nth(1)) {
        (Some(first), second) if !second.is_some_and(char::is_uppercase) => {
            first.to_lowercase().chain(chars).collect()
        }
        _ => text.to_owned(),
    }
}

/// The start of a sentence or of a signature's line: «начальник Управления» → «Начальник Управления».
pub fn upper_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| first.to_uppercase().chain(chars).collect())
}

/// The word for `n` things Russian needs: «школа» (1, 21), «школы» (2–4, 22) or «школ» (5–20,
/// 11–14) — the timeframe crate's rule, the one home of it.
pub use timeframe::plural;

/// «24 мероприятия»: a number with its word.
pub fn count(n: usize, one: &str, few: &str, many: &str) -> String {
    format!("{n} {}", plural(n, one, few, many))
}

/// «9 403 142»: thousands apart (a no-break space), as Russian prints them.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('\u{a0}');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russian_plurals() {
        let w = |n| count(n, "школа", "школы", "школ");
        assert_eq!(
            [w(1), w(2), w(5), w(11), w(12), w(21), w(22), w(25), w(111), w(0)],
            [
                "1 школа",
                "2 школы",
                "5 школ",
                "11 школ",
                "12 школ",
                "21 школа",
                "22 школы",
                "25 школ",
                "111 школ",
                "0 школ"
            ]
        );
    }

    #[test]
    fn a_name_is_lowered_inside_a_sentence_but_not_an_abbreviation() {
        assert_eq!(lower_first("Доля отметок «2», %"), "доля отметок «2», %");
        assert_eq!(lower_first("ВПР: доля «2»"), "ВПР: доля «2»");
        assert_eq!(lower_first("Я"), "я");
        assert_eq!(lower_first(""), "");
    }

    #[test]
    fn multi_line_titles_become_one_line() {
        assert_eq!(
            one_line("Дорожная карта («дорожная карта»)\nпо работе со школами,\r\n  показавшими низкие   результаты\nна территории"),
            "Дорожная карта («дорожная карта») по работе со школами, показавшими низкие результаты на территории"
        );
        assert_eq!(one_line("МОБУ СОШ №\u{a0}6"), "МОБУ СОШ №\u{a0}6");
        assert_eq!(one_line("  \n "), "");
    }

    #[test]
    fn quotes_inside_quotes_are_the_inner_ones() {
        assert_eq!(quoted("План «Школа»"), "«План „Школа“»");
        assert_eq!(quoted("Дорожная карта"), "«Дорожная карта»");
    }
}
