//! Line breaking: at spaces, after hyphens, and inside a word by Russian hyphenation when the
//! word does not fit; a word longer than a whole line is cut where it must be.

use super::{Align, Paragraph};
use crate::fonts::Face;
use crate::hyphenate;

/// A laid-out line: runs of text at x offsets from the paragraph's left edge.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub runs: Vec<(f32, String)>,
}

struct Run {
    text: String,
    width: f32,
    /// A space stands before it (a place to stretch when justifying).
    spaced: bool,
}

/// Breaks the paragraph into lines that fit `width` pt.
pub fn wrap(p: &Paragraph, width: f32, face: &Face) -> Vec<Line> {
    let mut lines = Vec::new();
    for hard in p.text.split('\n') {
        wrap_hard_line(p, hard, width, face, &mut lines);
    }
    lines
}

/// «- пункт» and «• пункт» are list items: their text wraps under itself, not under the dash.
fn list_marker(line: &str) -> Option<(&str, &str)> {
    for m in ["- ", "– ", "— ", "• ", "· "] {
        if let Some(rest) = line.strip_prefix(m) {
            return Some((m, rest));
        }
    }
    None
}

fn wrap_hard_line(p: &Paragraph, hard: &str, width: f32, face: &Face, out: &mut Vec<Line>) {
    let size = p.size;
    let space = face.width(" ", size);
    let hard = hard.trim_end();
    let (marker, body) = match list_marker(hard.trim_start()) {
        Some((m, rest)) => (Some(m.trim_end()), rest),
        None => (None, hard.trim_start()),
    };
    let first_x = p.left_indent + p.first_indent.max(0.0);
    // A list item hangs: its lines start after the marker.
    let (marker_w, hang_x) = match marker {
        Some(m) => {
            let w = face.width(m, size) + space;
            (w, first_x + w)
        }
        None => (0.0, p.left_indent),
    };
    let first_text_x = first_x + marker_w;
    let mut pieces = Vec::new();
    for word in body.split(' ').filter(|w| !w.is_empty()) {
        // Break opportunities after hyphens inside a word: «школ-партнеров».
        let mut rest = word;
        let mut spaced = true;
        while let Some(i) = rest.find('-').filter(|&i| i > 0 && i + 1 < rest.len()) {
            pieces.push((rest[..=i].to_owned(), spaced));
            rest = &rest[i + 1..];
            spaced = false;
        }
        pieces.push((rest.to_owned(), spaced));
    }
    let pieces = keep_together(pieces);
    let mut lines: Vec<(f32, Vec<Run>)> = Vec::new();
    let mut cur: Vec<Run> = Vec::new();
    let mut x0 = first_text_x;
    let mut cur_w = 0.0;
    let mut queue: std::collections::VecDeque<(String, bool)> = pieces.into();
    while let Some((text, spaced)) = queue.pop_front() {
        let avail = (width - x0).max(size);
        let w = face.width(&text, size);
        let gap = if cur.is_empty() || !spaced { 0.0 } else { space };
        if cur_w + gap + w <= avail + 0.01 {
            cur_w += gap + w;
            cur.push(Run { text, width: w, spaced: spaced && gap > 0.0 });
            continue;
        }
        let room = avail - cur_w - gap;
        // Justified text fills the rest of the line with a hyphenated head when there is real
        // room for one; ragged text breaks a word only when it is wider than the whole line.
        if (p.align == Align::Justify && room > 3.0 * size) || cur.is_empty() {
            if let Some((head, tail)) = split_to_fit(&text, room, face, size, cur.is_empty()) {
                let hw = face.width(&head, size);
                cur.push(Run { text: head, width: hw, spaced: spaced && gap > 0.0 });
                lines.push((x0, std::mem::take(&mut cur)));
                x0 = hang_x;
                cur_w = 0.0;
                queue.push_front((tail, false));
                continue;
            }
        }
        lines.push((x0, std::mem::take(&mut cur)));
        x0 = hang_x;
        cur_w = 0.0;
        queue.push_front((text, spaced));
    }
    if !cur.is_empty() || lines.is_empty() {
        lines.push((x0, cur));
    }
    let count = lines.len();
    for (i, (x, runs)) in lines.into_iter().enumerate() {
        let mut placed = Vec::with_capacity(runs.len() + 1);
        if i == 0 {
            if let Some(m) = marker {
                placed.push((first_x, m.to_owned()));
            }
        }
        let avail = width - x;
        let used: f32 = runs.iter().map(|r| r.width).sum::<f32>()
            + runs.iter().filter(|r| r.spaced).count() as f32 * space;
        let stretches = runs.iter().filter(|r| r.spaced).count();
        let (mut cx, extra) = match p.align {
            Align::Left => (x, 0.0),
            Align::Center => (x + ((avail - used) / 2.0).max(0.0), 0.0),
            Align::Right => (x + (avail - used).max(0.0), 0.0),
            Align::Justify if i + 1 < count && stretches > 0 => {
                (x, (avail - used).max(0.0) / stretches as f32)
            }
            Align::Justify => (x, 0.0),
        };
        // Runs joined without a space (after a hyphen) are drawn as one word.
        for (j, r) in runs.into_iter().enumerate() {
            if r.spaced {
                cx += space + extra;
            }
            match placed.last_mut() {
                Some((_, prev)) if j > 0 && !r.spaced => prev.push_str(&r.text),
                _ => placed.push((cx, r.text)),
            }
            cx += r.width;
        }
        out.push(Line { runs: placed });
    }
}

/// Russian typography's non-breaking spaces: «г. Таганрога», «№ 206», «2023 г.»,
/// «Баркалова Е.В.» and «Е.В. Баркалова» stay on one line.
fn keep_together(pieces: Vec<(String, bool)>) -> Vec<(String, bool)> {
    const BEFORE: [&str; 9] = ["г.", "№", "им.", "ул.", "д.", "с.", "п.", "ст.", "гг."];
    let initials = |w: &str| {
        let w = w.trim_end_matches([',', ';', ')']);
        let mut chars = w.chars();
        let mut n = 0;
        loop {
            match (chars.next(), chars.next()) {
                (Some(c), Some('.')) if c.is_uppercase() => n += 1,
                (None, _) => return n > 0 && n <= 2,
                _ => return false,
            }
        }
    };
    let mut out: Vec<(String, bool)> = Vec::with_capacity(pieces.len());
    for (text, spaced) in pieces {
        let glue = spaced
            && out.last().is_some_and(|(prev, _): &(String, bool)| {
                let mut words = prev.rsplit(' ');
                let last_word = words.next().unwrap_or(prev);
                let is_number = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit() || c == '-');
                // «2023 г.» is a year: the word after it is free; «г. Таганрога» is a town.
                let year = words.next().is_some_and(is_number);
                BEFORE.contains(&last_word) && !year
                    || matches!(text.trim_end_matches([',', ';', '.']), "г" | "гг") && is_number(last_word)
                    || initials(&text)
                        && !initials(last_word)
                        && last_word.chars().next().is_some_and(char::is_uppercase)
                    || initials(last_word) && text.chars().next().is_some_and(char::is_uppercase)
            });
        match out.last_mut() {
            Some((prev, _)) if glue && prev.chars().count() + text.chars().count() < 40 => {
                prev.push(' ');
                prev.push_str(&text);
            }
            _ => out.push((text, spaced)),
        }
    }
    out
}

/// Splits `word` so that its head (with a hyphen added) fits `room`: at a Russian hyphenation
/// point if one fits, else — only when `must` (the word alone is wider than a line) — at the
/// last character that fits. Good breaks leave at least two letters before and three after
/// («уточня-ется», never «уточняет-ся»), and words under six letters are not broken to fill a
/// line; a word wider than its cell takes any dictionary break before being cut.
fn split_to_fit(word: &str, room: f32, face: &Face, size: f32, must: bool) -> Option<(String, String)> {
    let hyphen = face.width("-", size);
    let letters = |t: &str| t.chars().filter(|c| c.is_alphabetic()).count();
    // Names (a capital first letter: «Таганрога», «г. Таганрога») are broken only when nothing
    // else helps.
    let name = word.split(' ').any(|w| w.chars().next().is_some_and(char::is_uppercase));
    if letters(word) >= if must { 4 } else { 6 } && (!name || must) {
        let lower = word.to_lowercase();
        if lower.len() == word.len() {
            let fitting: Vec<usize> = hyphenate::breaks(&lower)
                .into_iter()
                .filter(|&b| word.is_char_boundary(b))
                .filter(|&b| face.width(&word[..b], size) + hyphen <= room)
                .collect();
            let good = fitting
                .iter()
                .copied()
                .filter(|&b| letters(&word[..b]) >= 2 && letters(&word[b..]) >= 3)
                .max();
            let best = good.or_else(|| must.then(|| fitting.iter().copied().max()).flatten());
            if let Some(b) = best {
                return Some((format!("{}-", &word[..b]), word[b..].to_owned()));
            }
        }
    }
    if !must {
        return None;
    }
    let mut w = 0.0;
    let mut cut = 0;
    for (i, c) in word.char_indices() {
        w += face.advance(c) * size;
        if w > room && i > 0 {
            break;
        }
        cut = i + c.len_utf8();
    }
    if cut >= word.len() {
        return None;
    }
    Some((word[..cut].to_owned(), word[cut..].to_owned()))
}

#[cfg(test)]
mod tests {
    use super::{keep_together, split_to_fit};

    #[test]
    fn short_tails_and_short_words_are_not_hyphenated() {
        let fonts = crate::fonts().unwrap();
        let face = fonts.face(crate::fonts::Style::Regular);
        let size = 10.0;
        // Room for «уточняет-» but the tail would be «ся»: the break moves back to «уточня-ется».
        let room = face.width("уточняет-", size) + 0.5;
        let (head, tail) = split_to_fit("уточняется", room, face, size, false).unwrap();
        assert_eq!((head.as_str(), tail.as_str()), ("уточня-", "ется"));
        // A five-letter word is not broken to fill a line, but is when wider than the cell.
        assert_eq!(split_to_fit("марта", face.width("мар-", size) + 0.5, face, size, false), None);
        assert!(split_to_fit("марта", face.width("мар-", size) + 0.5, face, size, true).is_some());
    }

    fn glued(words: &[&str]) -> Vec<String> {
        keep_together(words.iter().map(|w| (w.to_string(), true)).collect())
            .into_iter()
            .map(|(w, _)| w)
            .collect()
    }

    #[test]
    fn russian_non_breaking_groups() {
        assert_eq!(glued(&["образования", "г.", "Таганрога"]), ["образования", "г. Таганрога"]);
        assert_eq!(glued(&["от", "16.02.2023", "№", "206"]), ["от", "16.02.2023", "№ 206"]);
        assert_eq!(glued(&["в", "2023", "г.", "году"]), ["в", "2023 г.", "году"]);
        assert_eq!(glued(&["Баркалова", "Е.В.,", "координатор"]), ["Баркалова Е.В.,", "координатор"]);
        assert_eq!(glued(&["подпись", "О.Л.", "Морозова"]), ["подпись", "О.Л. Морозова"]);
    }
}
