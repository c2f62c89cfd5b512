//! Charts drawn as vectors by the layout engine: rules, filled marks and real text, in greys
//! (documents are printed black and white). Two kinds: lines over the years, and estimates
//! with their intervals (a forest plot). A Word document gets the chart's table instead.

use super::flow::Item;
use super::Table;
use crate::fonts::{Fonts, Style};

/// Type size of axis labels and legends.
const LABEL: f32 = 9.0;
/// Type size of a chart's title: the documents' headings.
const TITLE: f32 = 14.0;

#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    /// A heading kept on the chart's page.
    pub title: String,
    /// Height on the page, pt, the title included.
    pub height: f32,
    pub kind: ChartKind,
    /// The same figures as a table, for the Word document.
    pub table: Table,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ChartKind {
    /// Lines over the years; `unit` labels the vertical axis.
    Lines { years: Vec<i32>, series: Vec<Series>, unit: String },
    /// One row per estimate: its value and its interval against a zero line.
    Intervals { rows: Vec<IntervalRow>, unit: String },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub label: String,
    /// (year, value, faint): faint points rest on few pupils and are drawn hollow.
    pub points: Vec<(i32, f64, bool)>,
    /// 0 black … 1 white.
    pub tone: f32,
    pub width: f32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct IntervalRow {
    pub label: String,
    pub value: f64,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub faint: bool,
}

fn text(x: f32, y: f32, size: f32, s: impl Into<String>) -> Item {
    Item::Text { y, style: Style::Regular, size, runs: vec![(x, s.into())] }
}

fn line(x1: f32, y1: f32, x2: f32, y2: f32, width: f32, tone: f32) -> Item {
    Item::Line { x1, y1, x2, y2, width, tone }
}

/// «12,5», «−3»: a decimal comma and a real minus.
fn number(v: f64) -> String {
    let s = if (v - v.round()).abs() < 1e-9 { format!("{v:.0}") } else { format!("{v:.1}") };
    s.replace('.', ",").replace('-', "−")
}

/// Round steps for an axis from `lo` to `hi`: about five ticks.
fn ticks(lo: f64, hi: f64) -> Vec<f64> {
    let span = (hi - lo).max(1e-9);
    let raw = span / 5.0;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0].iter().map(|m| m * mag).find(|s| *s >= raw).unwrap_or(10.0 * mag);
    let first = (lo / step).floor() as i64;
    // Each tick from its index, rounded (no drift from adding a step again and again), up to the
    // first at or above `hi`: every value lies inside the axis.
    let mut out = Vec::new();
    for k in first..first + 21 {
        let t = ((k as f64 * step) * 1e6).round() / 1e6;
        out.push(t);
        if t >= hi - step * 1e-6 {
            break;
        }
    }
    out
}

impl Chart {
    /// The chart's items in the box at (`x`, `y`) of width `w`.
    pub fn draw(&self, x: f32, y: f32, w: f32, fonts: &Fonts) -> Vec<Item> {
        let width = |s: &str| fonts.face(Style::Regular).width(s, LABEL);
        let mut items = Vec::new();
        let mut y = y;
        if !self.title.is_empty() {
            y += TITLE * 1.6;
            items.push(Item::Text {
                y,
                style: Style::Bold,
                size: TITLE,
                runs: vec![(x, self.title.clone())],
            });
            y += TITLE * 0.6;
        }
        items.extend(match &self.kind {
            ChartKind::Lines { years, series, unit } => self.lines(x, y, w, years, series, unit, &width),
            ChartKind::Intervals { rows, unit } => self.intervals(x, y, w, rows, unit, &width),
        });
        items
    }

    /// The height left for the plot under the title.
    fn plot_height(&self) -> f32 {
        if self.title.is_empty() {
            self.height
        } else {
            self.height - TITLE * 2.2
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn lines(
        &self,
        x: f32,
        y: f32,
        w: f32,
        years: &[i32],
        series: &[Series],
        unit: &str,
        width: &dyn Fn(&str) -> f32,
    ) -> Vec<Item> {
        let mut items = Vec::new();
        let values: Vec<f64> = series.iter().flat_map(|s| s.points.iter().map(|p| p.1)).collect();
        if values.is_empty() || years.is_empty() {
            return items;
        }
        let (lo, hi) = values.iter().fold((f64::MAX, f64::MIN), |(a, b), v| (a.min(*v), b.max(*v)));
        let pad = ((hi - lo) * 0.1).max(0.5);
        let t = ticks((lo - pad).max(if lo >= 0.0 { 0.0 } else { f64::MIN }), hi + pad);
        let (lo, hi) = (t[0], *t.last().unwrap_or(&hi));
        let axis_w = t.iter().map(|v| width(&number(*v))).fold(0.0, f32::max) + 4.0;
        let legend_h = LABEL * 1.4 * series.len().div_ceil(2) as f32;
        let (left, right) = (x + axis_w, x + w - 6.0);
        let (top, bottom) = (y + LABEL, y + self.plot_height() - legend_h - LABEL * 2.0);
        let px = |year: i32| {
            let i = years.iter().position(|&v| v == year).unwrap_or(0) as f32;
            if years.len() == 1 {
                (left + right) / 2.0
            } else {
                left + (right - left) * i / (years.len() - 1) as f32 + 0.0
            }
        };
        let py = |v: f64| bottom - (bottom - top) * ((v - lo) / (hi - lo).max(1e-9)) as f32;
        items.push(text(x, y + LABEL * 0.5, LABEL, unit));
        for v in &t {
            let yy = py(*v);
            items.push(line(left, yy, right, yy, 0.25, 0.8));
            let label = number(*v);
            items.push(text(left - 2.0 - width(&label), yy + LABEL * 0.35, LABEL, label));
        }
        items.push(line(left, bottom, right, bottom, 0.5, 0.0));
        for &yr in years {
            let label = yr.to_string();
            items.push(text(px(yr) - width(&label) / 2.0, bottom + LABEL * 1.3, LABEL, label));
        }
        for s in series {
            for pair in s.points.windows(2) {
                let (a, b) = (pair[0], pair[1]);
                items.push(line(px(a.0), py(a.1), px(b.0), py(b.1), s.width, s.tone));
            }
            for &(yr, v, faint) in &s.points {
                let (cx, cy, r) = (px(yr), py(v), 2.0 + s.width * 0.5);
                items.push(Item::Fill { x: cx - r, y: cy - r, w: 2.0 * r, h: 2.0 * r, tone: s.tone });
                if faint {
                    // Hollow: few pupils.
                    let i = r * 0.55;
                    items.push(Item::Fill { x: cx - i, y: cy - i, w: 2.0 * i, h: 2.0 * i, tone: 1.0 });
                }
            }
        }
        // The legend: two per line.
        let ly = bottom + LABEL * 2.6;
        for (i, s) in series.iter().enumerate() {
            let (col, row) = (i % 2, i / 2);
            let lx = x + axis_w + col as f32 * (w - axis_w) / 2.0;
            let yy = ly + row as f32 * LABEL * 1.4;
            items.push(line(lx, yy - LABEL * 0.3, lx + 18.0, yy - LABEL * 0.3, s.width, s.tone));
            items.push(text(lx + 22.0, yy, LABEL, s.label.clone()));
        }
        items
    }

    fn intervals(
        &self,
        x: f32,
        y: f32,
        w: f32,
        rows: &[IntervalRow],
        unit: &str,
        width: &dyn Fn(&str) -> f32,
    ) -> Vec<Item> {
        let mut items = Vec::new();
        if rows.is_empty() {
            return items;
        }
        let mut lo = 0f64;
        let mut hi = 0f64;
        for r in rows {
            for v in [Some(r.value), r.low, r.high].into_iter().flatten() {
                lo = lo.min(v);
                hi = hi.max(v);
            }
        }
        let pad = ((hi - lo) * 0.08).max(0.5);
        let t = ticks(lo - pad, hi + pad);
        let (lo, hi) = (t[0], *t.last().unwrap_or(&hi));
        let label_w = rows.iter().map(|r| width(&r.label)).fold(0.0, f32::max).min(w * 0.4) + 6.0;
        let (left, right) = (x + label_w, x + w - 6.0);
        let row_h = ((self.plot_height() - LABEL * 4.0) / rows.len() as f32).clamp(6.0, 16.0);
        let top = y + LABEL * 1.5;
        let bottom = top + row_h * rows.len() as f32;
        let px = |v: f64| left + (right - left) * ((v - lo) / (hi - lo).max(1e-9)) as f32;
        items.push(text(x, y + LABEL * 0.6, LABEL, unit));
        for v in &t {
            let xx = px(*v);
            let zero = v.abs() < 1e-9;
            items.push(line(
                xx,
                top,
                xx,
                bottom,
                if zero { 0.75 } else { 0.25 },
                if zero { 0.0 } else { 0.8 },
            ));
            let label = number(*v);
            items.push(text(xx - width(&label) / 2.0, bottom + LABEL * 1.3, LABEL, label));
        }
        for (i, r) in rows.iter().enumerate() {
            let cy = top + row_h * (i as f32 + 0.5);
            let tone = if r.faint { 0.6 } else { 0.0 };
            let mut label = r.label.clone();
            while width(&label) > label_w - 6.0 && label.chars().count() > 4 {
                label.pop();
            }
            items.push(text(x, cy + LABEL * 0.35, LABEL, label));
            if let (Some(l), Some(h)) = (r.low, r.high) {
                items.push(line(px(l), cy, px(h), cy, 1.2, tone));
                items.push(line(px(l), cy - 2.5, px(l), cy + 2.5, 0.75, tone));
                items.push(line(px(h), cy - 2.5, px(h), cy + 2.5, 0.75, tone));
            }
            let m = 2.6;
            items.push(Item::Fill { x: px(r.value) - m, y: cy - m, w: 2.0 * m, h: 2.0 * m, tone });
        }
        items
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axis_ticks_are_round() {
        assert_eq!(ticks(0.0, 28.0), vec![0.0, 10.0, 20.0, 30.0]);
        assert_eq!(ticks(9.5, 26.2), vec![5.0, 10.0, 15.0, 20.0, 25.0, 30.0]);
        assert_eq!(ticks(-6.4, 2.0), vec![-8.0, -6.0, -4.0, -2.0, 0.0, 2.0]);
        assert_eq!(number(-2.5), "−2,5");
    }
}
