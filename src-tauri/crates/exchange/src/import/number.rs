//! Hierarchical numbers of roadmap rows: «1.», «2.3», «1.1.1.».

/// The number a text starts with and the rest: «1.1.Сбор» → («1.1», «Сбор»). A single
/// number needs its dot («5 шагов» is not numbered); parts have at most three digits.
pub fn leading(text: &str) -> Option<(String, &str)> {
    let t = text.trim_start();
    let bytes = t.as_bytes();
    let mut i = 0;
    let mut parts = 0;
    let mut end_of_number = 0;
    let mut ends_with_dot = false;
    loop {
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        if i == start || i - start > 3 {
            break;
        }
        parts += 1;
        end_of_number = i;
        ends_with_dot = false;
        if i < bytes.len() && bytes[i] == b'.' {
            i += 1;
            ends_with_dot = true;
            end_of_number = i;
        } else {
            break;
        }
    }
    if parts == 0 || (parts == 1 && !ends_with_dot) {
        return None;
    }
    let rest = &t[end_of_number..];
    // «2023 г.», «10.03.2023» are dates, not numbers; a digit right after is a longer number.
    if rest.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let number = t[..end_of_number].trim_end_matches('.').to_owned();
    Some((number, rest.trim_start()))
}

/// A cell holding only a number: «1.», «5», «2.3».
pub fn is_number_cell(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty()
        && t.len() <= 12
        && t.chars().all(|c| c.is_ascii_digit() || c == '.')
        && t.split('.').filter(|p| !p.is_empty()).all(|p| p.len() <= 3)
}

/// «1.2.3» → 3.
pub fn depth(number: &str) -> usize {
    number.split('.').filter(|p| !p.is_empty()).count()
}

/// The number that follows `number` at its level: «3.6.1» → «3.6.2».
pub fn next_sibling(number: &str) -> Option<String> {
    let mut parts: Vec<u32> = number.split('.').map(|p| p.parse().ok()).collect::<Option<_>>()?;
    *parts.last_mut()? += 1;
    Some(parts.iter().map(u32::to_string).collect::<Vec<_>>().join("."))
}

/// «1.2.3» → «1.2».
pub fn parent(number: &str) -> Option<&str> {
    number.rsplit_once('.').map(|(p, _)| p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_found_at_the_start() {
        assert_eq!(leading("1.1.Сбор и анализ"), Some(("1.1".into(), "Сбор и анализ")));
        assert_eq!(leading("4.1 Мониторинг"), Some(("4.1".into(), "Мониторинг")));
        assert_eq!(leading("1. Исследование"), Some(("1".into(), "Исследование")));
        assert_eq!(leading("3.6.2. Проведение"), Some(("3.6.2".into(), "Проведение")));
        assert_eq!(leading("5 шагов"), None);
        assert_eq!(leading("2023 г."), None);
        assert_eq!(leading("10.03.2023"), None);
        assert_eq!(leading("Трек 1."), None);
        assert!(
            is_number_cell("1.")
                && is_number_cell(" 6. ")
                && !is_number_cell("16.02.2023")
                && !is_number_cell("")
        );
        assert_eq!(next_sibling("3.6.1").as_deref(), Some("3.6.2"));
        assert_eq!(parent("1.2.3"), Some("1.2"));
        assert_eq!(depth("1.2.3"), 3);
    }
}
