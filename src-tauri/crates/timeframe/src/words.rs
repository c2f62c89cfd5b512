//! The vocabulary: which Russian word means what. One place, so a new spelling is one line.

use crate::Recurrence;

/// What a word contributes to the meaning of a timeframe.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Word {
    Month(u32),
    /// «г.», «года», «гг.»: marks the number before it as a year.
    YearMark,
    Quarter,
    Half,
    /// «четверть»: school quarters have no fixed dates.
    SchoolQuarter,
    Ordinal(u32),
    /// «учебного»: the years before it are an academic year.
    Academic,
    /// «до», «не позднее».
    Until,
    /// «с», «со», «от».
    From,
    /// «по».
    Through,
    /// «конца», «окончания».
    EndOf,
    /// «течение», «весь», «всего», «постоянно» …: a span of the whole plan unless a span is named.
    During,
    /// «года» after «конца»/«течение» is a [`Word::YearMark`]; «месяца» names a unit.
    MonthUnit,
    WeekUnit,
    Every(Recurrence),
    /// «раз» in «раз в месяц».
    Times,
    /// «каждый», «каждую»: «каждый месяц».
    Each,
    /// A condition: the text names no time at all («по мере необходимости»).
    Condition,
    /// Words that never change the meaning («в», «срок», «по графику»).
    Filler,
    /// «и»: joins list items.
    And,
}

pub(crate) fn classify(w: &str) -> Option<Word> {
    use Word::*;
    Some(match w {
        "г" | "год" | "года" | "году" | "гг" | "годы" | "годов" | "годах" => {
            YearMark
        }
        "квартал" | "квартала" | "квартале" | "кварталы" | "кварталов" | "кварталах" | "кварталом" | "кв" => {
            Quarter
        }
        "полугодие" | "полугодия" | "полугодии" | "полугодий" | "полугодиях" | "полуг" | "пг" => {
            Half
        }
        "четверть" | "четверти" | "четвертей" => SchoolQuarter,
        "i" => Ordinal(1),
        "ii" => Ordinal(2),
        "iii" => Ordinal(3),
        "iv" => Ordinal(4),
        "учебного" | "учебный" | "учебном" | "учебному" | "уч" => Academic,
        "до" | "позднее" | "позже" | "окончанию" => Until,
        "с" | "со" | "от" => From,
        "по" => Through,
        "конца" | "конец" | "окончания" | "завершения" => EndOf,
        "течение"
        | "весь"
        | "всего"
        | "всем"
        | "всему"
        | "протяжении"
        | "постоянно"
        | "ежедневно"
        | "систематически"
        | "регулярно" => During,
        "месяц" | "месяца" | "месяце" | "месяцев" => MonthUnit,
        "неделю" | "неделя" | "недели" | "недель" => WeekUnit,
        "ежемесячно" => Every(Recurrence::Monthly),
        "еженедельно" => Every(Recurrence::Weekly),
        "ежеквартально" => Every(Recurrence::Quarterly),
        "ежегодно" => Every(Recurrence::Yearly),
        "понедельникам" | "вторникам" | "средам" | "четвергам" | "пятницам" | "субботам" => {
            Every(Recurrence::Weekly)
        }
        "раз" | "раза" => Times,
        "каждый" | "каждую" | "каждое" | "каждого" | "каждом" | "один" | "одного" | "отчетным"
        | "отчётным" | "отчетного" | "отчётного" | "отчетный" | "отчётный" => {
            Each
        }
        "мере"
        | "необходимости"
        | "наличии"
        | "запросу"
        | "согласованию"
        | "требованию"
        | "решению"
        | "после"
        | "итогам"
        | "условии"
        | "финансирования"
        | "поступлении"
        | "установленные"
        | "установленный"
        | "установленным"
        | "установленных" => Condition,
        "в"
        | "во"
        | "на"
        | "за"
        | "не"
        | "срок"
        | "сроки"
        | "срока"
        | "период"
        | "периода"
        | "периоде"
        | "числа"
        | "число"
        | "включительно"
        | "графику"
        | "графиком"
        | "графика"
        | "плану"
        | "согласно"
        | "соответствии"
        | "проекта"
        | "программы"
        | "реализации"
        | "мероприятия"
        | "том"
        | "числе"
        | "а"
        | "также"
        | "ежегодного"
        | "дней"
        | "дня"
        | "реже"
        | "чаще"
        | "далее"
        | "отдельному"
        | "отдельным"
        | "отдельного"
        | "проведения"
        | "следующего"
        | "следующим"
        | "следующий" => Filler,
        "и" => And,
        _ => return month(w).map(Month).or_else(|| ordinal(w).map(Ordinal)),
    })
}

fn month(w: &str) -> Option<u32> {
    const STEMS: [(&str, u32); 12] = [
        ("январ", 1),
        ("феврал", 2),
        ("март", 3),
        ("апрел", 4),
        ("ма", 5),
        ("июн", 6),
        ("июл", 7),
        ("август", 8),
        ("сентябр", 9),
        ("октябр", 10),
        ("ноябр", 11),
        ("декабр", 12),
    ];
    match w {
        "май" | "мая" | "мае" | "маю" => return Some(5),
        "янв" => return Some(1),
        "фев" | "февр" => return Some(2),
        "мар" => return Some(3),
        "апр" => return Some(4),
        "авг" => return Some(8),
        "сен" | "сент" => return Some(9),
        "окт" => return Some(10),
        "ноя" | "нояб" => return Some(11),
        "дек" => return Some(12),
        _ => {}
    }
    let endings = ["ь", "я", "е", "ю", "а", "ом", ""];
    STEMS.iter().find_map(|&(stem, m)| {
        let rest = w.strip_prefix(stem)?;
        (m != 5 && endings.contains(&rest)).then_some(m)
    })
}

fn ordinal(w: &str) -> Option<u32> {
    const STEMS: [(&str, u32); 4] = [("перв", 1), ("втор", 2), ("трет", 3), ("четверт", 4)];
    let endings =
        ["ый", "ое", "ого", "ом", "ая", "ой", "ые", "ых", "ий", "ье", "ьего", "ьем", "ья", "ьей", "ьи"];
    STEMS.iter().find_map(|&(stem, n)| {
        let rest = w.strip_prefix(stem)?;
        endings.contains(&rest).then_some(n)
    })
}

/// Suffixes after a dash that make a number an ordinal: «1-й», «2-е», «3-го».
pub(crate) fn is_ordinal_suffix(w: &str) -> bool {
    matches!(w, "й" | "е" | "го" | "ое" | "ый" | "ого" | "ом" | "м" | "ий" | "ье")
}

/// Genitive month names for messages: «31 июня».
pub(crate) const MONTHS_GENITIVE: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];

/// The word for `n` things Russian needs: «школа» (1, 21), «школы» (2–4, 22) or «школ» (5–20,
/// 11–14). Here, in the lowest crate, so that the timeframes («2 раза») and everything above
/// (`domain::text`) share the one rule.
pub fn plural<'a>(n: usize, one: &'a str, few: &'a str, many: &'a str) -> &'a str {
    match (n % 10, n % 100) {
        (_, 11..=14) => many,
        (1, _) => one,
        (2..=4, _) => few,
        _ => many,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_in_every_case() {
        for (w, m) in [
            ("январь", 1),
            ("февраля", 2),
            ("марте", 3),
            ("май", 5),
            ("мая", 5),
            ("июнь", 6),
            ("июля", 7),
            ("августе", 8),
            ("сентябрь", 9),
            ("декабря", 12),
            ("сент", 9),
        ] {
            assert_eq!(classify(w), Some(Word::Month(m)), "{w}");
        }
        assert_eq!(classify("ма"), None);
        assert_eq!(classify("марка"), None);
    }

    #[test]
    fn ordinals_in_words_and_roman() {
        assert_eq!(classify("первое"), Some(Word::Ordinal(1)));
        assert_eq!(classify("второго"), Some(Word::Ordinal(2)));
        assert_eq!(classify("третий"), Some(Word::Ordinal(3)));
        assert_eq!(classify("четвертом"), Some(Word::Ordinal(4)));
        assert_eq!(classify("iv"), Some(Word::Ordinal(4)));
        assert_eq!(classify("четверть"), Some(Word::SchoolQuarter));
    }
}
