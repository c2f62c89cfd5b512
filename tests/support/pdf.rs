//! Reading PDFs back as a person's tools do: poppler's pdftotext, pdffonts and pdfinfo.
#![allow(dead_code)]

use std::path::Path;
use std::process::Command;

fn run(tool: &str, args: &[&str]) -> String {
    let out = Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{tool} is needed for this test (poppler-utils): {e}"));
    assert!(out.status.success(), "{tool} {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("poppler prints UTF-8")
}

/// The words of the PDF in pdftotext's reading order, joined by single spaces. Built from
/// `-bbox`, because plain pdftotext joins a hyphenated line end to whatever word it reads next,
/// even one from the next table column.
pub fn text(pdf: &Path) -> String {
    word_boxes(pdf).into_iter().map(|b| b.word).collect::<Vec<_>>().join(" ")
}

/// The words of `source` (runs of letters and digits) that the PDF's text does not give back
/// as whole words. A word broken at line ends counts when its pieces are there, each but the
/// last printed with a hyphen («управ-» … «ленческим»), wherever pdftotext put them.
pub fn missing_words(source: &str, pdf_text: &str) -> Vec<String> {
    use std::collections::HashSet;
    let mut whole = HashSet::new();
    let mut heads = HashSet::new();
    for word in pdf_text.split_whitespace() {
        let tokens: Vec<&str> =
            word.split(|c: char| !c.is_alphanumeric()).filter(|t| !t.is_empty()).collect();
        if word.ends_with('-') {
            if let Some(last) = tokens.last() {
                heads.insert(last.to_string());
            }
        }
        whole.extend(tokens.into_iter().map(str::to_owned));
    }
    fn found(w: &str, whole: &HashSet<String>, heads: &HashSet<String>) -> bool {
        whole.contains(w)
            || w.char_indices().skip(1).any(|(i, _)| heads.contains(&w[..i]) && found(&w[i..], whole, heads))
    }
    source
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .filter(|w| !found(w, &whole, &heads))
        .map(str::to_owned)
        .collect()
}

/// Every font of the PDF as (name, embedded, subset).
pub fn fonts(pdf: &Path) -> Vec<(String, bool, bool)> {
    run("pdffonts", &[pdf.to_str().unwrap()])
        .lines()
        .skip(2)
        .map(|l| {
            let cols: Vec<&str> = l.split_whitespace().collect();
            let n = cols.len();
            (cols[0].to_owned(), cols[n - 5] == "yes", cols[n - 4] == "yes")
        })
        .collect()
}

/// A word with its page's size and its box, in pt from the top-left corner.
#[derive(Debug, Clone)]
pub struct WordBox {
    pub page: usize,
    pub page_w: f32,
    pub page_h: f32,
    pub x0: f32,
    pub y0: f32,
    pub x1: f32,
    pub y1: f32,
    pub word: String,
}

/// Every word with its box, from `pdftotext -bbox`.
pub fn word_boxes(pdf: &Path) -> Vec<WordBox> {
    let html = run("pdftotext", &["-bbox", pdf.to_str().unwrap(), "-"]);
    let attr = |tag: &str, name: &str| -> f32 {
        let key = format!("{name}=\"");
        let at = tag.find(&key).map(|i| i + key.len()).unwrap_or(0);
        tag[at..].split('"').next().unwrap_or("0").parse().unwrap_or(f32::NAN)
    };
    let mut out = Vec::new();
    let (mut page, mut w, mut h) = (0, 0.0, 0.0);
    for line in html.lines() {
        let line = line.trim();
        if line.starts_with("<page ") {
            page += 1;
            w = attr(line, "width");
            h = attr(line, "height");
        } else if line.starts_with("<word ") {
            let word = line.split('>').nth(1).and_then(|s| s.split("</word").next()).unwrap_or("");
            let word =
                word.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"");
            out.push(WordBox {
                page,
                page_w: w,
                page_h: h,
                x0: attr(line, "xMin"),
                y0: attr(line, "yMin"),
                x1: attr(line, "xMax"),
                y1: attr(line, "yMax"),
                word,
            });
        }
    }
    out
}

/// Page sizes in pt, from pdfinfo.
pub fn page_sizes(pdf: &Path) -> Vec<(f32, f32)> {
    run("pdfinfo", &["-f", "1", "-l", "9999", pdf.to_str().unwrap()])
        .lines()
        .filter(|l| l.starts_with("Page") && l.contains("size:"))
        .map(|l| {
            let nums: Vec<f32> = l.split_whitespace().filter_map(|t| t.parse().ok()).collect();
            (nums[1], nums[2])
        })
        .collect()
}

/// The document information as pdfinfo prints it («CreationDate: …»).
pub fn info(pdf: &Path) -> String {
    run("pdfinfo", &[pdf.to_str().unwrap()])
}

/// The plain text of one page (1-based).
pub fn page_text(pdf: &Path, page: usize) -> String {
    let n = page.to_string();
    run("pdftotext", &["-f", &n, "-l", &n, &pdf.to_string_lossy(), "-"])
}
