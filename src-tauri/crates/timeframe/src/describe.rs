//! The Russian reading of a timeframe shown beside the field: «с 01.02.2022 по 30.04.2022».

use crate::resolve::ru;
use crate::{Kind, Part, Recurrence, Timeframe};

impl Timeframe {
    /// How the program understood the text, or why it could not.
    pub fn describe(&self) -> String {
        match self.kind {
            Kind::Free => self.warnings.first().cloned().unwrap_or_else(|| "срок не определён".into()),
            Kind::Recurring => {
                let word = match self.recurrence {
                    Some(Recurrence::Weekly) => "еженедельно",
                    Some(Recurrence::Monthly) => "ежемесячно",
                    Some(Recurrence::Quarterly) => "ежеквартально",
                    Some(Recurrence::HalfYearly) => "раз в полугодие",
                    Some(Recurrence::Yearly) | None => "ежегодно",
                };
                let n = self.occurrences().len();
                format!("{word}: {n} {}", times(n))
            }
            _ => {
                let parts: Vec<String> = self.parts.iter().map(describe_part).collect();
                parts.join("; ")
            }
        }
    }
}

fn describe_part(p: &Part) -> String {
    let time = p.time.map(|t| match t.end {
        Some(end) => format!(" с {} до {end}", t.start),
        None => format!(" в {}", t.start),
    });
    let span = match (p.start, p.end) {
        (None, Some(e)) => format!("до {}", ru(e)),
        (Some(s), Some(e)) if s == e => ru(s),
        (Some(s), Some(e)) => format!("с {} по {}", ru(s), ru(e)),
        _ => String::new(),
    };
    span + &time.unwrap_or_default()
}

/// «раз» takes the Russian plural: 1 раз, 2 раза, 5 раз, 12 раз, 22 раза.
fn times(n: usize) -> &'static str {
    crate::plural(n, "раз", "раза", "раз")
}

#[cfg(test)]
mod tests {
    use super::times;

    #[test]
    fn plural_of_raz() {
        assert_eq!(times(1), "раз");
        assert_eq!(times(3), "раза");
        assert_eq!(times(12), "раз");
        assert_eq!(times(22), "раза");
        assert_eq!(times(52), "раза");
        assert_eq!(times(14), "раз");
    }
}
