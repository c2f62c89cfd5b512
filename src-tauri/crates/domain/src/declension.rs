//! People and positions in the cases an order's ready wordings need: «назначить (кого?)
//! Смирнову О.П., главного специалиста», «возложить на (кого?) …», «поручить (кому?) …».
//! Surnames are declined by the Petrovich rules (the `petrovich` crate), their gender guessed
//! from the ending; positions by their head words (adjectives and the first noun), the
//! dependent words after them kept («главного специалиста сектора развития»). The result is a
//! proposal in an editable field: the person corrects what a rule gets wrong.

pub use petrovich::Case;
use petrovich::Gender;

/// «Смирнова О.П.» → «Смирновой О.П.» (genitive), «Смирновой О.П.» (dative), «Смирнову О.П.»
/// (accusative). Initials and anything after the surname are kept.
pub fn person(name: &str, case: Case) -> String {
    let name = name.trim();
    let (surname, rest) = name.split_once(' ').unwrap_or((name, ""));
    if surname.is_empty() || !surname.chars().all(|c| c.is_alphabetic() || c == '-') {
        return name.to_owned();
    }
    // Double surnames decline part by part: «Салтыков-Щедрин» → «Салтыкова-Щедрина».
    let gender = gender_of(surname);
    let declined: Vec<String> =
        surname.split('-').map(|part| petrovich::lastname(gender, part, case)).collect();
    let declined = declined.join("-");
    if rest.is_empty() {
        declined
    } else {
        format!("{declined} {rest}")
    }
}

/// The gender a Russian surname's ending tells, else both (the rules then decline only what
/// declines the same for either).
fn gender_of(surname: &str) -> Gender {
    let s = surname.to_lowercase();
    const FEMALE: [&str; 8] = ["ова", "ева", "ёва", "ина", "ына", "ская", "цкая", "ая"];
    const MALE: [&str; 9] = ["ов", "ев", "ёв", "ин", "ын", "ский", "цкий", "ой", "ый"];
    if FEMALE.iter().any(|e| s.ends_with(e)) {
        Gender::Female
    } else if MALE.iter().any(|e| s.ends_with(e)) {
        Gender::Male
    } else {
        Gender::Androgynous
    }
}

/// «главный специалист сектора …» → «главного специалиста сектора …» (accusative of a person
/// is the genitive); «заведующая сектором» → «заведующую сектором».
pub fn position(text: &str, case: Case) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut out = Vec::with_capacity(words.len());
    let mut head_done = false;
    for w in &words {
        if head_done {
            out.push((*w).to_owned());
            continue;
        }
        let lower = w.to_lowercase();
        if let Some(a) = adjective(&lower, case) {
            out.push(keep_capital(w, &a));
            // A participle that governs what follows is the head itself: «заведующая сектором»,
            // «исполняющий обязанности директора».
            head_done = ["заведующ", "исполняющ", "управляющ"].iter().any(|p| lower.starts_with(p));
            continue;
        }
        match noun(&lower, case) {
            Some(n) => out.push(keep_capital(w, &n)),
            None => out.push((*w).to_owned()),
        }
        head_done = true;
    }
    out.join(" ")
}

fn keep_capital(original: &str, declined: &str) -> String {
    if original.chars().next().is_some_and(char::is_uppercase) {
        let mut c = declined.chars();
        c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
    } else {
        declined.to_owned()
    }
}

/// A masculine or feminine adjective in the nominative, declined as for a person.
fn adjective(w: &str, case: Case) -> Option<String> {
    if w.chars().count() <= 4 {
        return None;
    }
    let ending = ["ый", "ий", "ой", "ая", "яя"].into_iter().find(|e| w.ends_with(e))?;
    let stem = &w[..w.len() - ending.len()];
    // «главный» → «главного», «старший» → «старшего», «строгий» → «строгого».
    let soft = ending == "ий" && !stem.ends_with(['г', 'к', 'х']);
    let declined = match (ending, case, soft) {
        ("ая", Case::Genitive | Case::Dative, _) => "ой",
        ("ая", Case::Accusative, _) => "ую",
        ("яя", Case::Genitive | Case::Dative, _) => "ей",
        ("яя", Case::Accusative, _) => "юю",
        (_, Case::Genitive | Case::Accusative, false) => "ого",
        (_, Case::Genitive | Case::Accusative, true) => "его",
        (_, Case::Dative, false) => "ому",
        (_, Case::Dative, true) => "ему",
        _ => return None,
    };
    Some(format!("{stem}{declined}"))
}

/// A masculine noun naming a post («специалист», «начальник», «заместитель», «учитель-логопед»),
/// declined as an animate noun; other words (feminine posts are rare) are left as written.
fn noun(w: &str, case: Case) -> Option<String> {
    if w.contains('-') {
        let parts: Option<Vec<String>> = w.split('-').map(|p| noun(p, case)).collect();
        return parts.map(|p| p.join("-"));
    }
    let last = w.chars().last()?;
    let (stem, soft) = match last {
        'ь' | 'й' => (&w[..w.len() - last.len_utf8()], true),
        c if c.is_alphabetic() && !"аеёиоуыэюя".contains(c) => (w, false),
        _ => return None,
    };
    let ending = match (case, soft) {
        (Case::Genitive | Case::Accusative, false) => "а",
        (Case::Genitive | Case::Accusative, true) => "я",
        (Case::Dative, false) => "у",
        (Case::Dative, true) => "ю",
        _ => return None,
    };
    Some(format!("{stem}{ending}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seeds_people_in_the_accusative_and_dative() {
        assert_eq!(person("Смирнова О.П.", Case::Accusative), "Смирнову О.П.");
        assert_eq!(person("Баркалова Е.В.", Case::Accusative), "Баркалову Е.В.");
        assert_eq!(person("Морозова О.Л.", Case::Dative), "Морозовой О.Л.");
        assert_eq!(person("Иванов И.И.", Case::Accusative), "Иванова И.И.");
        assert_eq!(person("Чудный А.В.", Case::Genitive), "Чудного А.В.");
        assert_eq!(person("Сирота Л.И.", Case::Accusative), "Сироту Л.И.");
        assert_eq!(person("Салтыков-Щедрин М.Е.", Case::Accusative), "Салтыкова-Щедрина М.Е.");
        assert_eq!(person("МОБУ СОШ № 5", Case::Accusative), "МОБУ СОШ № 5");
    }

    #[test]
    fn positions_decline_their_head_and_keep_the_rest() {
        let cases = [
            (
                "главный специалист сектора перспективного развития и методического сопровождения Управления образования г. Таганрога",
                Case::Accusative,
                "главного специалиста сектора перспективного развития и методического сопровождения Управления образования г. Таганрога",
            ),
            ("начальник Управления образования г. Таганрога", Case::Accusative, "начальника Управления образования г. Таганрога"),
            ("муниципальный координатор", Case::Accusative, "муниципального координатора"),
            ("заместитель директора по УВР", Case::Dative, "заместителю директора по УВР"),
            ("учитель-логопед", Case::Accusative, "учителя-логопеда"),
            ("ведущий специалист", Case::Dative, "ведущему специалисту"),
            ("заведующая сектором", Case::Accusative, "заведующую сектором"),
            ("исполняющий обязанности директора", Case::Accusative, "исполняющего обязанности директора"),
            ("Директор МОБУ СОШ № 5", Case::Accusative, "Директора МОБУ СОШ № 5"),
        ];
        for (text, case, want) in cases {
            assert_eq!(position(text, case), want, "{text}");
        }
    }
}
