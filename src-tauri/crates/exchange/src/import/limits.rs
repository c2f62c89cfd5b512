//! Limits every reader of a file keeps while it reads, before it allocates: a hostile or broken
//! file (a ZIP bomb, a sheet that declares a billion cells, a cell at XFD1048576) is refused
//! with a message that names the limit, never read until memory or patience runs out.

use std::io::Read;
use std::time::{Duration, Instant};

use super::grid::{group_thousands, MAX_ROWS};

/// The most columns a table may span: real roadmaps have under 20, quarterly plan-graphs ~60.
pub const MAX_COLUMNS: usize = 1_000;
/// The most cells a table may hold once laid out (rows × columns): 50 000 rows × 40 columns.
pub const MAX_CELLS: usize = 2_000_000;
/// The most a single XML part of a document may unpack to.
pub const MAX_XML: u64 = 128 * 1024 * 1024;
/// The most sheets a workbook may have.
pub const MAX_SHEETS: usize = 256;
/// How long reading one file may take.
pub const MAX_TIME: Duration = Duration::from_secs(15);

/// The wall-clock budget of one read, checked as the readers stream.
#[derive(Debug, Clone, Copy)]
pub struct Deadline(Instant);

impl Deadline {
    pub fn start() -> Deadline {
        Deadline(Instant::now() + MAX_TIME)
    }

    pub fn check(&self) -> Result<(), String> {
        if Instant::now() > self.0 {
            return Err(format!(
                "Файл читается дольше {} секунд — он слишком велик или повреждён. Ничего не импортировано.",
                MAX_TIME.as_secs()
            ));
        }
        Ok(())
    }
}

/// A reader that fails once more than `limit` bytes came through: an unpacked XML part is
/// streamed, never read whole, and a ZIP bomb stops at the limit.
pub struct Capped<R> {
    inner: R,
    left: u64,
}

impl<R: Read> Capped<R> {
    pub fn new(inner: R, limit: u64) -> Capped<R> {
        Capped { inner, left: limit }
    }
}

impl<R: Read> Read for Capped<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.left == 0 {
            // At the limit: only the end of the stream is still welcome.
            let mut probe = [0u8; 1];
            return match self.inner.read(&mut probe)? {
                0 => Ok(0),
                _ => Err(std::io::Error::other(too_big_xml())),
            };
        }
        let max = buf.len().min(self.left.min(usize::MAX as u64) as usize);
        let n = self.inner.read(&mut buf[..max])?;
        self.left -= n as u64;
        Ok(n)
    }
}

pub fn too_big_xml() -> String {
    format!(
        "Часть файла после распаковки больше {} МБ — это не дорожная карта (возможно, «ZIP-бомба»). Ничего не импортировано.",
        MAX_XML / 1024 / 1024
    )
}

/// «B7»: a cell's address as Excel shows it (0-based row and column).
pub fn address(row: u32, col: u32) -> String {
    let mut letters = Vec::new();
    let mut c = col as u64 + 1;
    while c > 0 {
        let rem = ((c - 1) % 26) as u8;
        letters.push((b'A' + rem) as char);
        c = (c - 1) / 26;
    }
    letters.reverse();
    format!("{}{}", letters.into_iter().collect::<String>(), row as u64 + 1)
}

pub fn too_many_rows(sheet: &str, row: u32, col: u32) -> String {
    format!(
        "На листе «{sheet}» заполнена ячейка {}: в таблице больше {} строк — столько не бывает в дорожной карте. \
         Удалите лишние строки или разделите таблицу на несколько файлов.",
        address(row, col),
        group_thousands(MAX_ROWS)
    )
}

pub fn too_many_columns(sheet: &str, row: u32, col: u32) -> String {
    format!(
        "На листе «{sheet}» заполнена ячейка {}: в таблице больше {} столбцов — столько не бывает в дорожной карте. \
         Удалите лишние столбцы и повторите.",
        address(row, col),
        group_thousands(MAX_COLUMNS)
    )
}

pub fn too_many_cells() -> String {
    format!(
        "В таблице больше {} ячеек — столько не бывает в дорожной карте. Разделите её на несколько файлов.",
        group_thousands(MAX_CELLS)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_as_excel_shows_them() {
        assert_eq!(address(0, 0), "A1");
        assert_eq!(address(6, 1), "B7");
        assert_eq!(address(199_999, 701), "ZZ200000");
        assert_eq!(address(1_048_575, 16_383), "XFD1048576");
    }

    #[test]
    fn a_capped_reader_stops_at_its_limit() {
        let mut out = Vec::new();
        let err = Capped::new(&[0u8; 100][..], 10).read_to_end(&mut out).unwrap_err();
        assert!(err.to_string().contains("ZIP-бомба"), "{err}");
        assert_eq!(out.len(), 10);
        let mut out = Vec::new();
        Capped::new(&[0u8; 10][..], 10).read_to_end(&mut out).unwrap();
        assert_eq!(out.len(), 10);
        Capped::new(&[0u8; 11][..], 10).read_to_end(&mut Vec::new()).unwrap_err();
    }
}
