//! Excel 97–2003 workbooks (.xls), read with calamine — after a pass of our own over the BIFF
//! records: calamine lays each sheet out as a dense range from its first to its last cell (and
//! a second one for formulas) while opening the book, so a sheet with cells at A1 and IV65536
//! costs a gigabyte. The pass measures what calamine would allocate and refuses it first.

use std::io::{Cursor, Read};

use calamine::{Data, Reader, Xls};

use super::super::limits::{self, Deadline, MAX_CELLS};
use super::sparse::{Merge, Sparse};
use super::{excel_date, number_text};

/// Every sheet of the book, in its order.
pub fn read(bytes: &[u8], deadline: Deadline) -> Result<Vec<Sparse>, String> {
    let broken = || {
        "Файл таблицы Excel 97–2003 (.xls) повреждён или защищён паролем. Ничего не импортировано.".to_owned()
    };
    let stream = workbook_stream(bytes).ok_or_else(broken)?;
    measure(&stream)?;
    deadline.check()?;
    // calamine is given a container made anew around the checked stream: its own reader of
    // the container follows sector chains as the file declares them (a cycle grows a buffer
    // without end), the cfb crate's checks them.
    let clean = container_of(&stream).ok_or_else(broken)?;
    let mut book = Xls::new(Cursor::new(clean.as_slice())).map_err(|_| broken())?;
    let names = book.sheet_names().to_vec();
    if names.len() > limits::MAX_SHEETS {
        return Err(format!(
            "В книге больше {} листов — это не дорожная карта. Сохраните нужный лист отдельным файлом.",
            limits::MAX_SHEETS
        ));
    }
    let mut out = Vec::new();
    for name in names {
        deadline.check()?;
        let mut sheet = Sparse::new(&name);
        if let Ok(range) = book.worksheet_range(&name) {
            let (row0, col0) = range.start().unwrap_or((0, 0));
            for (r, c, d) in range.used_cells() {
                sheet.push(row0 + r as u32, col0 + c as u32, text_of(d))?;
            }
            for m in book.merge_cells_by_sheet_name(&name).unwrap_or_default() {
                sheet.merge(Merge { first: m.start, last: m.end })?;
            }
        }
        out.push(sheet);
    }
    Ok(out)
}

fn text_of(d: &Data) -> String {
    match d {
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number_text(*f),
        Data::Bool(b) => if *b { "да" } else { "нет" }.to_owned(),
        Data::DateTime(dt) => excel_date(dt.as_f64()),
        Data::Error(_) | Data::Empty => String::new(),
    }
}

/// The book's «Workbook» stream (or «Book», Excel 5), read through the cfb crate, which
/// checks the container's chains; None for a container that does not hold together.
fn workbook_stream(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut file = cfb::CompoundFile::open(Cursor::new(bytes)).ok()?;
    let name = ["/Workbook", "/Book"].into_iter().find(|s| file.is_stream(s))?;
    let stream = file.open_stream(name).ok()?;
    let mut data = Vec::new();
    // The stream cannot be longer than the file it is in.
    stream.take(bytes.len() as u64).read_to_end(&mut data).ok()?;
    Some(data)
}

/// A compound file holding only `stream` as «Workbook».
fn container_of(stream: &[u8]) -> Option<Vec<u8>> {
    let mut file = cfb::CompoundFile::create(Cursor::new(Vec::new())).ok()?;
    std::io::Write::write_all(&mut file.create_stream("/Workbook").ok()?, stream).ok()?;
    file.flush().ok()?;
    Some(file.into_inner().into_inner())
}

/// Refuses a book whose sheets span more cells than a roadmap can (as calamine would lay them
/// out: first to last row times first to last column, values and formulas).
fn measure(data: &[u8]) -> Result<(), String> {
    let mut total = 0usize;
    let mut sheet: Option<Bounds> = None;
    let mut at = 0usize;
    while at + 4 <= data.len() {
        let kind = u16::from_le_bytes([data[at], data[at + 1]]);
        let len = u16::from_le_bytes([data[at + 2], data[at + 3]]) as usize;
        let body = &data[(at + 4).min(data.len())..(at + 4 + len).min(data.len())];
        at += 4 + len;
        let word = |i: usize| body.get(i..i + 2).map(|b| u32::from(u16::from_le_bytes([b[0], b[1]])));
        match kind {
            0x0809 => sheet = Some(Bounds::default()),
            0x000A => {
                if let Some(b) = sheet.take() {
                    total = total.saturating_add(b.area());
                    if total > MAX_CELLS {
                        return Err(limits::too_many_cells());
                    }
                }
            }
            // Number, label, bool/error, RK, label from the string table, formula.
            0x0203 | 0x0204 | 0x0205 | 0x027E | 0x00FD | 0x0006 => {
                if let (Some(b), Some(r), Some(c)) = (sheet.as_mut(), word(0), word(2)) {
                    b.add(r, c);
                }
            }
            // Several RK numbers in one row: first and last column.
            0x00BD => {
                let last = body.len().checked_sub(2).and_then(word);
                if let (Some(b), Some(r), Some(c), Some(l)) = (sheet.as_mut(), word(0), word(2), last) {
                    b.add(r, c);
                    b.add(r, l.max(c));
                }
            }
            _ => {}
        }
    }
    Ok(())
}

#[derive(Default)]
struct Bounds {
    rows: Option<(u32, u32)>,
    cols: Option<(u32, u32)>,
}

impl Bounds {
    fn add(&mut self, r: u32, c: u32) {
        let widen = |b: Option<(u32, u32)>, v: u32| Some(b.map_or((v, v), |(lo, hi)| (lo.min(v), hi.max(v))));
        self.rows = widen(self.rows, r);
        self.cols = widen(self.cols, c);
    }

    fn area(&self) -> usize {
        match (self.rows, self.cols) {
            (Some((r0, r1)), Some((c0, c1))) => {
                ((r1 - r0 + 1) as usize).saturating_mul((c1 - c0 + 1) as usize)
            }
            _ => 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A BIFF8 worksheet substream: BOF, the given cell records, EOF.
    fn records(cells: &[(u16, u16)]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut record = |kind: u16, body: &[u8]| {
            out.extend(kind.to_le_bytes());
            out.extend((body.len() as u16).to_le_bytes());
            out.extend(body);
        };
        record(0x0809, &[0, 6, 0x10, 0, 0, 0, 0, 0]);
        for (r, c) in cells {
            let mut body = Vec::new();
            body.extend(r.to_le_bytes());
            body.extend(c.to_le_bytes());
            body.extend([0u8; 10]);
            record(0x0203, &body);
        }
        record(0x000A, &[]);
        out
    }

    fn book(stream: &[u8]) -> Vec<u8> {
        let mut file = cfb::CompoundFile::create(Cursor::new(Vec::new())).unwrap();
        std::io::Write::write_all(&mut file.create_stream("/Workbook").unwrap(), stream).unwrap();
        file.into_inner().into_inner()
    }

    #[test]
    fn a_sheet_from_a1_to_iv65536_is_refused_before_calamine_lays_it_out() {
        assert!(measure(&records(&[(0, 0), (10, 3)])).is_ok());
        let err = measure(&records(&[(0, 0), (65535, 255)])).unwrap_err();
        assert!(err.contains("ячеек"), "{err}");
        let err = read(&book(&records(&[(0, 0), (65535, 255)])), Deadline::start()).unwrap_err();
        assert!(err.contains("ячеек"), "{err}");
        assert!(workbook_stream(b"not a compound file").is_none());
        let err = read(b"\xD0\xCF\x11\xE0 not a compound file", Deadline::start()).unwrap_err();
        assert!(err.contains("повреждён"), "{err}");
    }
}
