//! Throughput of `parse` over every timeframe of the seeds (tests/data/seed-timeframes.txt,
//! one per line, `\n` standing for a line break inside a cell). Reported per text, so the
//! figure reads directly as texts per second on one core.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use timeframe::{parse, Period};

fn seeds() -> Vec<String> {
    include_str!("../tests/data/seed-timeframes.txt").lines().map(|l| l.replace("\\n", "\n")).collect()
}

fn bench(c: &mut Criterion) {
    let texts = seeds();
    let period: Period = "2022-09-01..2023-08-31".parse().unwrap();
    let mut group = c.benchmark_group("timeframe");
    group.throughput(Throughput::Elements(texts.len() as u64));
    // The reference in the same run: copying each text, which any parser must at least do.
    group.bench_function("copy_text_reference", |b| {
        b.iter(|| texts.iter().map(|t| black_box(t.clone()).len()).sum::<usize>())
    });
    group.bench_function("parse_seed_timeframes", |b| {
        b.iter(|| texts.iter().map(|t| black_box(parse(black_box(t), &period)).parts.len()).sum::<usize>())
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
