//! Tables pasted from Word or Excel arrive as HTML on the clipboard: rows, cells (with
//! `colspan`), paragraphs and list items inside them. A tolerant reader of just that.

use super::grid::{tidy, Grid, TableBuilder};

/// The first table's rows (later tables continue it: Word splits long tables at page breaks),
/// and the text outside tables.
pub fn read(html: &str) -> (Grid, Vec<String>) {
    let mut table = TableBuilder::default();
    let mut preamble = String::new();
    let mut cell: Option<String> = None;
    let mut size = (1u32, 1u32);
    let mut depth = 0usize;
    let mut rest = html;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            text_into(&mut cell, &mut preamble, depth, rest);
            break;
        };
        text_into(&mut cell, &mut preamble, depth, &rest[..lt]);
        rest = &rest[lt..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |end| &after[end + 3..]);
            continue;
        }
        let Some(gt) = rest.find('>') else { break };
        let tag = &rest[1..gt];
        rest = &rest[gt + 1..];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == ':')
            .collect::<String>()
            .to_ascii_lowercase();
        match (name.as_str(), closing) {
            ("style" | "script" | "head" | "title", false) => {
                let close = format!("</{name}");
                let lower = rest.to_ascii_lowercase();
                rest = lower.find(&close).map_or("", |i| &rest[i..]);
            }
            ("table", false) => depth += 1,
            ("table", true) => depth = depth.saturating_sub(1),
            ("tr", false) => table.start_row(),
            ("tr", true) => {
                if let Some(c) = cell.take() {
                    table.cell(tidy(&c), size.0, size.1);
                }
                // Too many rows is refused by the import's size check afterwards.
                let _ = table.end_row();
            }
            ("td" | "th", false) => {
                if let Some(c) = cell.take() {
                    table.cell(tidy(&c), size.0, size.1);
                }
                cell = Some(String::new());
                let number =
                    |name| attribute(tag, name).and_then(|v| v.trim().parse::<u32>().ok()).unwrap_or(1);
                size = (number("colspan"), number("rowspan"));
            }
            ("td" | "th", true) => {
                if let Some(c) = cell.take() {
                    table.cell(tidy(&c), size.0, size.1);
                }
            }
            ("li", false) => push(&mut cell, &mut preamble, depth, "\n- "),
            ("br" | "p" | "div" | "li" | "h1" | "h2" | "h3", _) => {
                push(&mut cell, &mut preamble, depth, "\n")
            }
            _ => {}
        }
    }
    (table.grid, preamble.lines().map(tidy).filter(|l| !l.is_empty()).collect())
}

fn text_into(cell: &mut Option<String>, preamble: &mut String, depth: usize, raw: &str) {
    push(cell, preamble, depth, &decode(raw));
}

/// Text into the open cell, or into the preamble outside tables.
fn push(cell: &mut Option<String>, preamble: &mut String, depth: usize, text: &str) {
    match cell {
        Some(c) if depth > 0 => c.push_str(text),
        _ if depth == 0 => preamble.push_str(text),
        _ => {}
    }
}

/// The value of `name="…"` (or unquoted) in a tag.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let lower = tag.to_ascii_lowercase();
    let at = lower.find(&format!("{name}="))? + name.len() + 1;
    let value = &tag[at..];
    match value.chars().next()? {
        q @ ('"' | '\'') => value[1..].split(q).next(),
        _ => value.split(|c: char| c.is_whitespace() || c == '>').next(),
    }
}

/// HTML text to plain: entities decoded, source line breaks are spaces (HTML collapses them).
fn decode(raw: &str) -> String {
    let raw = raw.replace(['\n', '\r', '\t'], " ");
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw.as_str();
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let Some(semi) = rest.bytes().take(12).position(|b| b == b';') else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..semi];
        let decoded = match entity {
            "nbsp" => Some('\u{a0}'),
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "laquo" => Some('«'),
            "raquo" => Some('»'),
            "ndash" => Some('–'),
            "mdash" => Some('—'),
            _ => entity
                .strip_prefix("#x")
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_clipboard_table_is_read() {
        let html = r#"<html><head><style>td {}</style></head><body><!--[if gte mso 9]><xml></xml><![endif]-->
<p>Цель: создание условий</p>
<table><tr><td><p>№</p></td><td><p>Мероприятия</p></td><td>Сроки</td></tr>
<tr><td colspan=3><p class=x>Этап&nbsp;1</p></td></tr>
<tr><td>1.</td><td><p>Совещание:</p><ul><li>первое;</li><li>второе</li></ul></td><td>до 10&nbsp;марта 2023&#160;г.</td></tr>
</table></body></html>"#;
        let (grid, preamble) = read(html);
        assert_eq!(preamble, ["Цель: создание условий"]);
        assert_eq!(grid.rows.len(), 3);
        assert_eq!(grid.rows[0].cells, ["№", "Мероприятия", "Сроки"]);
        assert!(grid.rows[1].spans);
        assert_eq!(grid.rows[2].cells[1], "Совещание:\n- первое;\n- второе");
        assert_eq!(grid.rows[2].cells[2], "до 10 марта 2023 г.");
    }

    #[test]
    fn broken_html_is_not_a_panic() {
        for html in ["<table><tr><td>а", "<", "&#99999999;", "<td colspan='", "&", "<!--"] {
            let _ = read(html);
        }
    }
}
