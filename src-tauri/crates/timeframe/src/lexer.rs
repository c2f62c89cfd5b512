//! Normalised text → tokens. Words borrow from the normalised text; nothing here can fail.

/// One token of a timeframe text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tok<'a> {
    /// A run of digits: its value (saturating) and how many digits it had.
    Num(u32, u8),
    /// `a.b` with one or two digits each: a day and month («10.03») or a time («15.00»).
    Pair(u32, u32),
    /// `d.m.y` («16.02.2023», «16.02.23»).
    DotDate(u32, u32, i32),
    /// `h:m` («14:00»).
    Time(u32, u32),
    Word(&'a str),
    Dash,
    Comma,
    Slash,
    Semicolon,
    Newline,
}

/// Lower-cases, folds «ё», dashes and odd spaces, and drops text in parentheses (a note such as
/// «(по графику)» does not change when something happens) — unless the note is a rhythm:
/// «март (ежегодно)» happens every March.
pub(crate) fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0u32;
    let mut note = String::new();
    for c in text.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    let n = note.trim().to_lowercase();
                    if ["ежегодно", "ежемесячно", "ежеквартально", "еженедельно"].contains(&n.as_str())
                    {
                        out.push(' ');
                        out.push_str(&n);
                        out.push(' ');
                    }
                    note.clear();
                }
            }
            _ if depth > 0 => note.push(c),
            '\u{2010}'..='\u{2015}' | '\u{2212}' => out.push('-'),
            '\u{a0}' | '\u{2007}' | '\u{2009}' | '\u{202f}' | '\t' | '\r' => out.push(' '),
            // The Cyrillic «І» stands in for the Latin one in Roman numerals.
            'І' | 'і' | 'Ӏ' => out.push('i'),
            'Ё' | 'ё' => out.push('е'),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

pub(crate) fn tokens(norm: &str) -> Vec<Tok<'_>> {
    let bytes = norm.as_bytes();
    let mut out = Vec::with_capacity(8);
    let mut i = 0;
    while i < norm.len() {
        let c = match norm[i..].chars().next() {
            Some(c) => c,
            None => break,
        };
        if c.is_ascii_digit() {
            let (a, da, next) = digits(bytes, i);
            i = next;
            if i + 1 < bytes.len() && bytes[i] == b':' && bytes[i + 1].is_ascii_digit() {
                let (b, _, next) = digits(bytes, i + 1);
                out.push(Tok::Time(a, b));
                i = next;
            } else if da <= 2 && i + 1 < bytes.len() && bytes[i] == b'.' && bytes[i + 1].is_ascii_digit() {
                let (b, db, next) = digits(bytes, i + 1);
                i = next;
                if db <= 2 && i + 1 < bytes.len() && bytes[i] == b'.' && bytes[i + 1].is_ascii_digit() {
                    let (y, dy, next) = digits(bytes, i + 1);
                    i = next;
                    let year = if dy == 2 { 2000 + y as i32 } else { y as i32 };
                    out.push(Tok::DotDate(a, b, year));
                } else {
                    out.push(Tok::Pair(a, b));
                }
            } else {
                out.push(Tok::Num(a, da));
            }
            continue;
        }
        if c.is_alphabetic() {
            let start = i;
            while let Some(c) = norm[i..].chars().next() {
                if !c.is_alphabetic() {
                    break;
                }
                i += c.len_utf8();
            }
            out.push(Tok::Word(&norm[start..i]));
            continue;
        }
        match c {
            '-' => out.push(Tok::Dash),
            ',' => out.push(Tok::Comma),
            '/' | '\\' => out.push(Tok::Slash),
            ';' => out.push(Tok::Semicolon),
            '\n' => out.push(Tok::Newline),
            _ => {}
        }
        i += c.len_utf8();
    }
    out
}

/// Reads ASCII digits from `at`: (value, digit count capped at 255, index after).
fn digits(bytes: &[u8], at: usize) -> (u32, u8, usize) {
    let mut value: u32 = 0;
    let mut count: u8 = 0;
    let mut i = at;
    while i < bytes.len() && bytes[i].is_ascii_digit() {
        value = value.saturating_mul(10).saturating_add(u32::from(bytes[i] - b'0'));
        count = count.saturating_add(1);
        i += 1;
    }
    (value, count, i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_dashes_and_notes() {
        assert_eq!(normalise("Февраль – Апрель (по графику)"), "февраль - апрель ");
        assert_eq!(normalise("IV квартал"), "iv квартал");
        assert_eq!(normalise("Іі"), "ii");
    }

    #[test]
    fn numbers_dates_and_times() {
        let n = normalise("16.02.2023, 15.00 в 14:00 до 10.03");
        assert_eq!(
            tokens(&n),
            vec![
                Tok::DotDate(16, 2, 2023),
                Tok::Comma,
                Tok::Pair(15, 0),
                Tok::Word("в"),
                Tok::Time(14, 0),
                Tok::Word("до"),
                Tok::Pair(10, 3)
            ]
        );
    }

    #[test]
    fn huge_numbers_saturate() {
        let n = normalise("99999999999999999999");
        assert_eq!(tokens(&n), vec![Tok::Num(u32::MAX, 20)]);
    }
}
