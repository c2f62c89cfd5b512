//! JSON as the command line prints it: one line, `{"key": value, "k2": [1, 2]}`, UTF-8 as is.

use serde::Serialize;
use serde_json::ser::Formatter;
use std::io;

struct Spaced;

impl Formatter for Spaced {
    fn begin_array_value<W: ?Sized + io::Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        if first {
            Ok(())
        } else {
            w.write_all(b", ")
        }
    }

    fn begin_object_key<W: ?Sized + io::Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        if first {
            Ok(())
        } else {
            w.write_all(b", ")
        }
    }

    fn begin_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }
}

pub fn line<T: Serialize>(value: &T) -> String {
    let mut out = Vec::new();
    let mut ser = serde_json::Serializer::with_formatter(&mut out, Spaced);
    // Our types serialise infallibly into a Vec; a failure here is a bug, reported as such.
    value.serialize(&mut ser).expect("JSON serialisation of a known type");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

#[cfg(test)]
mod tests {
    #[test]
    fn spaced_like_the_contract() {
        let v = serde_json::json!({"text": "до 10 марта", "start": null, "warnings": [1, 2]});
        assert_eq!(super::line(&v), r#"{"start": null, "text": "до 10 марта", "warnings": [1, 2]}"#);
    }
}
