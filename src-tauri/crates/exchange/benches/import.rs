//! Importing the Taganrog roadmap from its Word table (tests/fixtures/docx): reading the
//! .docx and recognising the plan, against the reference in the same run — unzipping
//! word/document.xml alone, which any reader of the file must do.

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use std::io::Read;

fn bench(c: &mut Criterion) {
    let path =
        concat!(env!("CARGO_MANIFEST_DIR"), "/../../../tests/fixtures/docx/roadmap-taganrog-2022-2023.docx");
    let bytes = std::fs::read(path).unwrap();
    let period: domain::Period = "2022-09-01..2023-08-31".parse().unwrap();
    let mut group = c.benchmark_group("import");
    group.bench_function("unzip_document_xml_reference", |b| {
        b.iter(|| {
            let mut zip = zip::ZipArchive::new(std::io::Cursor::new(black_box(&bytes))).unwrap();
            let mut xml = Vec::new();
            zip.by_name("word/document.xml").unwrap().read_to_end(&mut xml).unwrap();
            xml.len()
        })
    });
    group.bench_function("read_and_recognise_taganrog_docx", |b| {
        b.iter(|| {
            let source = exchange::import::read_bytes(black_box(&bytes), "roadmap.docx", None).unwrap();
            exchange::import::recognise(&source.grid, &source.preamble, &period, &[], None).events.len()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
