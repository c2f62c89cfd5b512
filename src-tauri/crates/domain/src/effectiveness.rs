//! Did the supported schools improve against comparable schools? A difference in differences
//! by cohort, in the spirit of Callaway and Sant'Anna: the schools that came under support in
//! the same school year form a cohort; for each cohort g and later year t, each supported
//! school's change since the last year before support is set against the change of its most
//! similar schools that were not (yet) supported at t. Never a single two-way fixed-effects
//! regression: with cohorts of different years it compares late schools with early ones and
//! can flip the sign.
//!
//! Years are the years results were obtained (spring); a school supported in the school year
//! Y/Y+1 (its category recorded for Y) is under support for the results of Y+1.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::results::{Indicator, Measure, Metric, Pooled, ResultFilter, ResultRecord, FEW_PARTICIPANTS};
use crate::{Id, School, SUPPORTED};

/// What to analyse and the thresholds the coordinator may change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AnalysisSettings {
    pub metric: Metric,
    pub filter: ResultFilter,
    /// Fewer participants than this: «мало участников, вывод ненадёжен».
    pub min_participants: u32,
    /// «Устойчивая положительная динамика»: an improvement in each of this many last years…
    pub steady_years: u32,
    /// …each by at least this much (points of the measure).
    pub steady_points: f64,
    /// How many comparison schools each supported school is set against.
    pub matches: u32,
    /// Bootstrap replications for the group intervals.
    pub replications: u32,
    /// A district's own indicator analysed instead of results (then `metric` and `filter` are
    /// not used).
    #[serde(default)]
    pub indicator: Option<Id>,
}

impl Default for AnalysisSettings {
    fn default() -> AnalysisSettings {
        AnalysisSettings {
            metric: Metric::ShareOfTwos,
            filter: ResultFilter::default(),
            min_participants: FEW_PARTICIPANTS,
            steady_years: 2,
            steady_points: 0.0,
            matches: 3,
            replications: 999,
            indicator: None,
        }
    }
}

/// A measure in one year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Point {
    pub year: i32,
    pub value: f64,
    pub pupils: u32,
    /// Fewer pupils than the threshold: greyed, no conclusion drawn.
    pub few: bool,
}

impl Point {
    /// «41,5 (120 уч.)», or «41,5» for a district's indicator (no pupils behind it).
    pub fn text(&self) -> String {
        with_pupils(decimal(self.value), self.pupils)
    }
}

/// «7 (1 234 уч.)», or the first part alone when no pupils are counted.
pub fn with_pupils(what: String, pupils: u32) -> String {
    if pupils == 0 {
        what
    } else {
        format!("{what} ({} уч.)", crate::text::thousands(u64::from(pupils)))
    }
}

/// How an interval was obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum IntervalKind {
    /// Percentiles of the estimate over schools resampled with replacement.
    Bootstrap,
    /// From the pupils' numbers (binomial spread of each share), for one or two schools.
    Sampling,
    /// The data cannot give one (a mean score without its spread, too few schools).
    None,
}

/// A difference in differences with its 95 % interval and what stands behind it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Estimate {
    /// Change of the supported schools minus that of their comparison schools (points).
    pub value: f64,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub interval: IntervalKind,
    /// The same change of the supported schools alone (the naive before/after).
    pub naive: f64,
    pub schools: u32,
    pub comparison_schools: u32,
    /// Pupils who wrote in the latest year compared: each supported school counted once, at its
    /// latest year.
    pub pupils: u32,
    /// The same for the comparison schools (each once).
    pub comparison_pupils: u32,
    pub few: bool,
}

/// What is measured: its name, the unit of its changes and which way is better — a results
/// [`Metric`] or a district's own [`Indicator`].
#[derive(Debug, Clone, PartialEq)]
pub struct Scale {
    pub label: String,
    pub change_unit: String,
    pub higher_is_better: bool,
    /// Values come with numbers of pupils (results); a district's indicator has none.
    pub pupils: bool,
}

impl Scale {
    pub fn of(metric: Metric) -> Scale {
        Scale {
            label: metric.label().into(),
            change_unit: metric.change_unit().into(),
            higher_is_better: metric.higher_is_better(),
            pupils: true,
        }
    }

    /// «Доля выпускников, поступивших в колледжи, %»; changes of a percentage in «п. п.».
    pub fn of_indicator(i: &Indicator) -> Scale {
        let unit = i.unit.trim();
        Scale {
            label: if unit.is_empty() { i.name.clone() } else { format!("{}, {unit}", i.name) },
            change_unit: if unit == "%" { "п. п.".into() } else { unit.into() },
            higher_is_better: i.higher_is_better,
            pupils: false,
        }
    }

    fn better_sign(&self) -> f64 {
        if self.higher_is_better {
            1.0
        } else {
            -1.0
        }
    }
}

impl Estimate {
    /// Better than the comparison beyond chance (+1), worse (−1), or not distinguishable (0).
    pub fn verdict(&self, higher_is_better: bool) -> i8 {
        let (Some(low), Some(high)) = (self.low, self.high) else { return 0 };
        let s = if higher_is_better { 1.0 } else { -1.0 };
        if s * low > 0.0 && s * high > 0.0 {
            1
        } else if s * low < 0.0 && s * high < 0.0 {
            -1
        } else {
            0
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Trend {
    /// An improvement in each of the last years the settings ask for.
    Steady,
    /// The last year better, the one before not: not yet a trend.
    SingleYear,
    Worse,
    Unclear,
    TooShort,
}

impl Trend {
    pub fn label(self) -> &'static str {
        match self {
            Trend::Steady => "устойчивая положительная динамика",
            Trend::SingleYear => "улучшение за один год — ещё не устойчивая динамика",
            Trend::Worse => "ухудшение в последний год",
            Trend::Unclear => "без устойчивой динамики",
            Trend::TooShort => "мало лет для вывода о динамике",
        }
    }
}

/// One school: its series, trend and, when supported, its estimate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SchoolAnalysis {
    pub school_id: Id,
    pub name: String,
    /// The first year whose results came under support; None for schools never supported.
    pub cohort: Option<i32>,
    /// Years whose results came under support.
    pub supported_years: Vec<i32>,
    pub series: Vec<Point>,
    pub trend: Trend,
    /// Against comparable schools, from the last year before support to the latest year.
    pub effect: Option<Estimate>,
    pub base_year: Option<i32>,
    pub last_year: Option<i32>,
    /// The comparison schools of that estimate.
    pub comparison: Vec<Id>,
    /// Those schools pooled, year by year: the line the school is set against.
    pub comparison_series: Vec<Point>,
    /// One sentence in plain Russian.
    pub summary: String,
}

/// A cohort's estimate in one year (ATT(g, t)).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CohortEstimate {
    pub cohort: i32,
    pub year: i32,
    pub base_year: i32,
    pub estimate: Estimate,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Analysis {
    pub settings: AnalysisSettings,
    pub metric_label: String,
    /// «п. п.» or «балла»: the unit of changes.
    pub change_unit: String,
    pub higher_is_better: bool,
    pub filter_label: String,
    pub years: Vec<i32>,
    /// All schools of the district pooled.
    pub district: Vec<Point>,
    /// Schools under support in that year, and the others.
    pub supported_group: Vec<Point>,
    pub other_group: Vec<Point>,
    /// Schools supported in any year (before their support as well), and those never supported:
    /// the picture a difference in differences reads.
    pub ever_supported: Vec<Point>,
    pub never_supported: Vec<Point>,
    pub schools: Vec<SchoolAnalysis>,
    pub cohorts: Vec<CohortEstimate>,
    /// All cohorts and years together (each supported school-year once).
    pub overall: Option<Estimate>,
    /// The findings in plain Russian, most important first.
    pub findings: Vec<String>,
    /// How the figures were obtained, for the methods paragraph.
    pub method: Vec<String>,
}

/// The whole analysis over the district's schools and results.
pub fn analyse(schools: &[School], results: &[ResultRecord], settings: &AnalysisSettings) -> Analysis {
    let mut pooled: BTreeMap<(Id, i32), Pooled> = BTreeMap::new();
    for r in results.iter().filter(|r| settings.filter.admits(r)) {
        pooled.entry((r.school_id, r.year)).or_default().add(r);
    }
    analyse_pooled(schools, &pooled, settings)
}

/// The analysis over results already pooled by school and year under `settings.filter` (the
/// store pools a district's hundred thousand records as it reads them).
pub fn analyse_pooled(
    schools: &[School],
    pooled: &BTreeMap<(Id, i32), Pooled>,
    settings: &AnalysisSettings,
) -> Analysis {
    let metric = settings.metric;
    let measures: HashMap<(Id, i32), Measure> =
        pooled.iter().filter_map(|(&k, p)| p.measure(metric).map(|m| (k, m))).collect();
    // A group's results are pooled pupil by pupil.
    let group = |ids: &[Id], year: i32| {
        let mut p = Pooled::default();
        for id in ids {
            if let Some(x) = pooled.get(&(*id, year)) {
                p.add_pooled(x);
            }
        }
        p.measure(metric)
    };
    analyse_measures(schools, &measures, &group, Scale::of(metric), settings.filter.describe(), settings)
}

/// The analysis of a district's own indicator: each school's value in each year. A group's
/// value is the mean of its schools' values; no pupils stand behind them, so the small-numbers
/// rule does not apply and one school's change gets no interval.
pub fn analyse_indicator(
    schools: &[School],
    indicator: &Indicator,
    values: &[(Id, i32, f64)],
    settings: &AnalysisSettings,
) -> Analysis {
    let measures: HashMap<(Id, i32), Measure> = values
        .iter()
        .filter(|(_, _, v)| v.is_finite())
        .map(|&(school, year, value)| ((school, year), Measure { value, pupils: 0, variance: None }))
        .collect();
    let group = |ids: &[Id], year: i32| {
        let xs: Vec<f64> = ids.iter().filter_map(|id| measures.get(&(*id, year))).map(|m| m.value).collect();
        (!xs.is_empty()).then(|| Measure {
            value: xs.iter().sum::<f64>() / xs.len() as f64,
            pupils: 0,
            variance: None,
        })
    };
    let label = "показатель района".to_owned();
    analyse_measures(schools, &measures, &group, Scale::of_indicator(indicator), label, settings)
}

/// The analysis over each school's measure by year; `group` measures a set of schools in a year.
fn analyse_measures(
    schools: &[School],
    measures: &HashMap<(Id, i32), Measure>,
    group: &(dyn Fn(&[Id], i32) -> Option<Measure> + Sync),
    scale: Scale,
    filter_label: String,
    settings: &AnalysisSettings,
) -> Analysis {
    let years: Vec<i32> = measures.keys().map(|&(_, y)| y).collect::<BTreeSet<_>>().into_iter().collect();
    let cohort_of: HashMap<Id, i32> = schools.iter().filter_map(|s| cohort(s).map(|g| (s.id, g))).collect();
    let under_support = |s: &School, year: i32| {
        s.draft.statuses.iter().any(|st| st.year == year - 1 && SUPPORTED.contains(&st.category))
    };
    let few = |n: u32| few_pupils(n, settings);
    let point = |year: i32, m: Measure| Point { year, value: m.value, pupils: m.pupils, few: few(m.pupils) };
    let series_of = |ids: &[Id]| -> Vec<Point> {
        years.iter().filter_map(|&y| group(ids, y).map(|m| point(y, m))).collect()
    };
    let group_series = |pick: &dyn Fn(&School, i32) -> bool| -> Vec<Point> {
        years
            .iter()
            .filter_map(|&y| {
                let ids: Vec<Id> = schools.iter().filter(|s| pick(s, y)).map(|s| s.id).collect();
                group(&ids, y).map(|m| point(y, m))
            })
            .collect()
    };
    let district = group_series(&|_, _| true);
    let supported_group = group_series(&|s, y| under_support(s, y));
    let other_group = group_series(&|s, y| !under_support(s, y));
    let ever_supported = group_series(&|s, _| cohort(s).is_some());
    let never_supported = group_series(&|s, _| cohort(s).is_none());

    let ctx = Context { schools, measures, cohort_of: &cohort_of, settings, pools: Default::default() };
    // The cohort-year estimates and the overall one: gathered first, then combined (each with
    // its bootstrap) on the machine's cores; each has its own seed, so the figures do not
    // depend on how the work was split.
    // (cohort, year, base) or None for the overall estimate, with the clusters it combines.
    type Job = (Option<(i32, i32, i32)>, Vec<Vec<Effect>>);
    let mut jobs: Vec<Job> = Vec::new();
    // Every (supported school, later year) effect, by school, for the overall estimate.
    let mut all: BTreeMap<Id, Vec<Effect>> = BTreeMap::new();
    for g in cohort_of.values().copied().collect::<BTreeSet<_>>() {
        let Some(base) = years.iter().copied().filter(|&y| y < g).max() else { continue };
        for t in years.iter().copied().filter(|&t| t >= g) {
            let effects: Vec<Effect> = schools
                .iter()
                .filter(|s| cohort_of.get(&s.id) == Some(&g))
                .filter_map(|s| ctx.effect(s, base, t))
                .collect();
            if effects.is_empty() {
                continue;
            }
            for e in &effects {
                all.entry(e.school).or_default().push(e.clone());
            }
            jobs.push((Some((g, t, base)), effects.into_iter().map(|e| vec![e]).collect()));
        }
    }
    if !all.is_empty() {
        jobs.push((None, all.into_values().collect()));
    }
    let combined = in_parallel(&jobs, |(key, clusters)| {
        let (g, t) = key.map_or((0, 0), |(g, t, _)| (g, t));
        combine(clusters, settings, seed(g, t))
    });
    let mut cohorts = Vec::new();
    let mut overall = None;
    for ((key, _), estimate) in jobs.iter().zip(combined) {
        match key {
            Some((g, t, base)) => {
                cohorts.push(CohortEstimate { cohort: *g, year: *t, base_year: *base, estimate })
            }
            None => overall = Some(estimate),
        }
    }

    let schools_out: Vec<SchoolAnalysis> = schools
        .iter()
        .map(|s| {
            let series: Vec<Point> =
                years.iter().filter_map(|&y| measures.get(&(s.id, y)).map(|&m| point(y, m))).collect();
            let g = cohort_of.get(&s.id).copied();
            let base = g.and_then(|g| years.iter().copied().filter(|&y| y < g).max());
            let last = g.and_then(|g| series.iter().map(|p| p.year).filter(|&y| y >= g).max());
            let effect = base.zip(last).and_then(|(b, t)| ctx.effect(s, b, t));
            let estimate = effect.as_ref().map(|e| combine(&[vec![e.clone()]], settings, 0));
            let trend = trend(&series, &scale, settings);
            let comparison: Vec<Id> = effect.as_ref().map(|e| e.comparison.clone()).unwrap_or_default();
            let comparison_series = series_of(&comparison);
            let mut a = SchoolAnalysis {
                school_id: s.id,
                name: s.draft.short_name.clone(),
                cohort: g,
                supported_years: years.iter().copied().filter(|&y| under_support(s, y)).collect(),
                trend,
                effect: estimate,
                base_year: base,
                last_year: last,
                comparison,
                comparison_series,
                series,
                summary: String::new(),
            };
            a.summary = school_summary(&a, &scale, settings);
            a
        })
        .collect();

    let mut analysis = Analysis {
        settings: settings.clone(),
        metric_label: scale.label.clone(),
        change_unit: scale.change_unit.clone(),
        higher_is_better: scale.higher_is_better,
        filter_label,
        years,
        district,
        supported_group,
        other_group,
        ever_supported,
        never_supported,
        schools: schools_out,
        cohorts,
        overall,
        findings: Vec::new(),
        method: method(settings, &scale),
    };
    analysis.findings = findings(&analysis);
    analysis
}

/// Fewer pupils than the threshold; none counted (a district's indicator) is not «few».
fn few_pupils(n: u32, settings: &AnalysisSettings) -> bool {
    n > 0 && n < settings.min_participants
}

/// The first year whose results came under support: the school year after the first year with
/// a supported category.
pub fn cohort(s: &School) -> Option<i32> {
    s.draft.statuses.iter().filter(|st| SUPPORTED.contains(&st.category)).map(|st| st.year + 1).min()
}

struct Context<'a> {
    schools: &'a [School],
    measures: &'a HashMap<(Id, i32), Measure>,
    cohort_of: &'a HashMap<Id, i32>,
    settings: &'a AnalysisSettings,
    /// The candidates of each (base, later year), gathered once: every supported school of a
    /// cohort and year draws from the same ones.
    pools: std::cell::RefCell<HashMap<(i32, i32), std::rc::Rc<Pool<'a>>>>,
}

/// The schools not (yet) supported at a year with their measures at the base and that year, and
/// the spreads that scale distances among them.
struct Pool<'a> {
    entries: Vec<(&'a School, &'a Measure, &'a Measure)>,
    sd_level: f64,
    sd_size: f64,
}

impl<'a> Pool<'a> {
    fn new(entries: Vec<(&'a School, &'a Measure, &'a Measure)>) -> Pool<'a> {
        let spread = |f: &dyn Fn(&Measure) -> f64| {
            let xs: Vec<f64> = entries.iter().map(|(_, m, _)| f(m)).collect();
            let mean = xs.iter().sum::<f64>() / xs.len() as f64;
            let sd = (xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / xs.len() as f64).sqrt();
            if sd > 1e-9 {
                sd
            } else {
                1.0
            }
        };
        let (sd_level, sd_size) = (spread(&|m| m.value), spread(&size));
        Pool { entries, sd_level, sd_size }
    }
}

/// A school's size on the scale comparison schools are matched by.
fn size(m: &Measure) -> f64 {
    f64::from(m.pupils.max(1)).ln()
}

/// One supported school's change from `base` to `t` against its comparison schools.
#[derive(Debug, Clone)]
struct Effect {
    school: Id,
    /// Own change minus the comparison schools' mean change.
    value: f64,
    naive: f64,
    variance: Option<f64>,
    comparison: Vec<Id>,
    /// Each comparison school's change, for the bootstrap that redraws them too.
    changes: Vec<(Id, f64)>,
    /// The later year, its pupils, and the comparison schools' pupils that year.
    year: i32,
    pupils: u32,
    comparison_pupils: Vec<(Id, u32)>,
    few: bool,
}

impl<'a> Context<'a> {
    fn pool(&self, base: i32, t: i32) -> std::rc::Rc<Pool<'a>> {
        let mut pools = self.pools.borrow_mut();
        let pool = pools.entry((base, t)).or_insert_with(|| {
            std::rc::Rc::new(Pool::new(
                self.schools
                    .iter()
                    // Not supported by year t: never, or in a later cohort.
                    .filter(|c| self.cohort_of.get(&c.id).is_none_or(|&g| g > t))
                    .filter_map(|c| {
                        Some((c, self.measures.get(&(c.id, base))?, self.measures.get(&(c.id, t))?))
                    })
                    .collect(),
            ))
        });
        std::rc::Rc::clone(pool)
    }

    fn effect(&self, s: &School, base: i32, t: i32) -> Option<Effect> {
        let (b0, b1) = (self.measures.get(&(s.id, base))?, self.measures.get(&(s.id, t))?);
        let pool = self.pool(base, t);
        // A school supported by t is never in the pool; asked about another, it is left out.
        if pool.entries.iter().all(|(c, _, _)| c.id == s.id) {
            return None;
        }
        let comparison = nearest(s, b0, &pool, self.settings.matches as usize);
        let k = comparison.len() as f64;
        let change = |m0: &Measure, m1: &Measure| m1.value - m0.value;
        let control: f64 = comparison.iter().map(|&(_, m0, m1)| change(m0, m1)).sum::<f64>() / k;
        let naive = change(b0, b1);
        let var = |m0: &Measure, m1: &Measure| Some(m0.variance? + m1.variance?);
        let variance = comparison
            .iter()
            .map(|&(_, m0, m1)| var(m0, m1))
            .sum::<Option<f64>>()
            .and_then(|c| Some(var(b0, b1)? + c / (k * k)));
        let few = |n: u32| few_pupils(n, self.settings);
        Some(Effect {
            school: s.id,
            value: naive - control,
            naive,
            variance,
            comparison: {
                let mut ids: Vec<Id> = comparison.iter().map(|(c, _, _)| c.id).collect();
                ids.sort_unstable();
                ids
            },
            changes: comparison.iter().map(|&(c, m0, m1)| (c.id, change(m0, m1))).collect(),
            year: t,
            pupils: b1.pupils,
            comparison_pupils: comparison.iter().map(|(c, _, m1)| (c.id, m1.pupils)).collect(),
            few: few(b0.pupils) || few(b1.pupils),
        })
    }
}

/// The `k` schools most like `s` in the base year: by level and (log) size, each scaled by its
/// spread over the pool, plus one for a different settlement type when both are recorded.
fn nearest<'a>(
    s: &School,
    base: &Measure,
    pool: &Pool<'a>,
    k: usize,
) -> Vec<(&'a School, &'a Measure, &'a Measure)> {
    let (sd_level, sd_size) = (pool.sd_level, pool.sd_size);
    let mut ranked: Vec<(f64, &(&School, &Measure, &Measure))> = pool
        .entries
        .iter()
        .filter(|c| c.0.id != s.id)
        .map(|c| {
            let settlement = match (s.draft.settlement, c.0.draft.settlement) {
                (Some(a), Some(b)) if a != b => 1.0,
                _ => 0.0,
            };
            let d = ((c.1.value - base.value) / sd_level).abs() + ((size(c.1) - size(base)) / sd_size).abs();
            (d + settlement, c)
        })
        .collect();
    type Ranked<'r, 'a> = (f64, &'r (&'a School, &'a Measure, &'a Measure));
    let order = |a: &Ranked, b: &Ranked| a.0.total_cmp(&b.0).then(a.1 .0.id.cmp(&b.1 .0.id));
    // The k nearest of hundreds: selected, then only they are sorted (the same schools in the
    // same order as a full sort, ties going to the lower id).
    let k = k.max(1);
    if ranked.len() > k {
        ranked.select_nth_unstable_by(k - 1, |a, b| order(a, b));
        ranked.truncate(k);
    }
    ranked.sort_by(|a, b| order(a, b));
    ranked.into_iter().map(|(_, c)| *c).collect()
}

/// The mean of school effects with a 95 % interval: the bootstrap over schools (each school
/// with all its years) from three schools on, the pupils' sampling spread below that.
fn combine(clusters: &[Vec<Effect>], settings: &AnalysisSettings, seed: u64) -> Estimate {
    let flat: Vec<&Effect> = clusters.iter().flatten().collect();
    let n = flat.len() as f64;
    let mean = |f: &dyn Fn(&Effect) -> f64| flat.iter().map(|e| f(e)).sum::<f64>() / n;
    let value = mean(&|e| e.value);
    let naive = mean(&|e| e.naive);
    let comparison: BTreeSet<Id> = flat.iter().flat_map(|e| e.comparison.iter().copied()).collect();
    // Each supported school once, at its latest year; each comparison school once, at the
    // latest year it was compared in.
    let latest: Vec<&Effect> = clusters.iter().filter_map(|c| c.iter().max_by_key(|e| e.year)).collect();
    let pupils: u32 = latest.iter().map(|e| e.pupils).sum();
    let mut compared: BTreeMap<Id, (i32, u32)> = BTreeMap::new();
    for e in &flat {
        for &(id, n) in &e.comparison_pupils {
            let at = compared.entry(id).or_insert((e.year, n));
            if e.year > at.0 {
                *at = (e.year, n);
            }
        }
    }
    let (mut low, mut high, mut interval) = (None, None, IntervalKind::None);
    if clusters.len() >= 3 && settings.replications > 0 {
        // Both sides are redrawn: the supported schools (each with all its years), and the
        // comparison schools, whose changes are shared by several supported schools — drawing
        // only the supported side would leave the comparison's own chance out of the interval.
        let pool: Vec<Id> = comparison.iter().copied().collect();
        // Each cluster's effects with their comparison schools as positions in the pool, so a
        // replicate's weights are a plain vector (hundreds of schools × 999 replicates).
        let at: HashMap<Id, usize> = pool.iter().enumerate().map(|(i, &id)| (id, i)).collect();
        // Per cluster, per effect: its own change and (pool position, change) of its comparison.
        type Indexed = Vec<(f64, Vec<(usize, f64)>)>;
        let indexed: Vec<Indexed> = clusters
            .iter()
            .map(|c| {
                c.iter().map(|e| (e.naive, e.changes.iter().map(|(id, d)| (at[id], *d)).collect())).collect()
            })
            .collect();
        let mut rng = SplitMix(seed ^ 0x9E37_79B9_7F4A_7C15);
        let mut weight = vec![0.0f64; pool.len()];
        let mut draws: Vec<f64> = Vec::with_capacity(settings.replications as usize);
        // Bounded: a draw in which no supported school kept a comparison school is not counted.
        for _ in 0..4 * settings.replications {
            if draws.len() == settings.replications as usize {
                break;
            }
            weight.fill(0.0);
            for _ in 0..pool.len() {
                weight[rng.below(pool.len())] += 1.0;
            }
            let (mut sum, mut count) = (0.0, 0usize);
            for _ in 0..indexed.len() {
                for (naive, changes) in &indexed[rng.below(indexed.len())] {
                    let (w, c) =
                        changes.iter().fold((0.0, 0.0), |(w, c), &(i, d)| (w + weight[i], c + weight[i] * d));
                    if w > 0.0 {
                        sum += naive - c / w;
                        count += 1;
                    }
                }
            }
            if count > 0 {
                draws.push(sum / count as f64);
            }
        }
        draws.sort_by(f64::total_cmp);
        if !draws.is_empty() {
            low = Some(percentile(&draws, 0.025));
            high = Some(percentile(&draws, 0.975));
            interval = IntervalKind::Bootstrap;
        }
    } else if let Some(var) = flat.iter().map(|e| e.variance).sum::<Option<f64>>() {
        let se = var.sqrt() / n;
        low = Some(value - 1.96 * se);
        high = Some(value + 1.96 * se);
        interval = IntervalKind::Sampling;
    }
    Estimate {
        value,
        low,
        high,
        interval,
        naive,
        schools: clusters.len() as u32,
        comparison_schools: comparison.len() as u32,
        pupils,
        comparison_pupils: compared.values().map(|&(_, n)| n).sum(),
        few: few_pupils(pupils, settings) || flat.iter().all(|e| e.few),
    }
}

/// `f` over `items` on the available cores, the results in the items' order.
fn in_parallel<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get()).min(items.len().max(1));
    if cores <= 1 {
        return items.iter().map(&f).collect();
    }
    let chunk = items.len().div_ceil(cores);
    std::thread::scope(|scope| {
        let handles: Vec<_> =
            items.chunks(chunk).map(|part| scope.spawn(|| part.iter().map(&f).collect::<Vec<R>>())).collect();
        handles.into_iter().flat_map(|h| h.join().expect("an estimate's thread")).collect()
    })
}

fn percentile(sorted: &[f64], q: f64) -> f64 {
    let at = q * (sorted.len() - 1) as f64;
    let (i, frac) = (at.floor() as usize, at.fract());
    let next = sorted.get(i + 1).copied().unwrap_or(sorted[i]);
    sorted[i] + frac * (next - sorted[i])
}

fn seed(g: i32, t: i32) -> u64 {
    (g as u64) << 32 | t as u32 as u64
}

/// A small deterministic generator: the same data gives the same intervals on every machine.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Steady: each of the last `steady_years` changes an improvement of at least `steady_points`
/// (and more than nothing); a single good year after a bad one is not a trend.
fn trend(series: &[Point], scale: &Scale, settings: &AnalysisSettings) -> Trend {
    let k = settings.steady_years.max(1) as usize;
    let gains: Vec<f64> =
        series.windows(2).map(|w| scale.better_sign() * (w[1].value - w[0].value)).collect();
    let Some(&last) = gains.last() else { return Trend::TooShort };
    let improved = |g: f64| g > 0.0 && g >= settings.steady_points;
    if gains.len() >= k && gains[gains.len() - k..].iter().all(|&g| improved(g)) {
        Trend::Steady
    } else if last < 0.0 {
        Trend::Worse
    } else if improved(last) {
        if gains.len() < k {
            Trend::TooShort
        } else {
            Trend::SingleYear
        }
    } else {
        Trend::Unclear
    }
}

/// «−3,5», «+2,0»: one decimal, a comma, a real minus sign.
pub fn signed(x: f64) -> String {
    let s = format!("{:.1}", x.abs()).replace('.', ",");
    if x >= 0.05 {
        format!("+{s}")
    } else if x <= -0.05 {
        format!("−{s}")
    } else {
        "0,0".into()
    }
}

pub fn decimal(x: f64) -> String {
    format!("{x:.1}").replace('.', ",").replace('-', "−")
}

/// «−3,5 п. п. (95 % интервал: от −6,0 до −1,0)».
pub fn estimate_text(e: &Estimate, unit: &str) -> String {
    let value = with_unit(signed(e.value), unit);
    match (e.low, e.high) {
        (Some(l), Some(h)) => format!("{value} (95 % интервал: от {} до {})", signed(l), signed(h)),
        _ => format!("{value} (интервал не оценить)"),
    }
}

/// «+2,0 п. п.», or the number alone for a unitless indicator.
fn with_unit(value: String, unit: &str) -> String {
    if unit.is_empty() {
        value
    } else {
        format!("{value} {unit}")
    }
}

fn verdict_text(e: &Estimate, higher_is_better: bool) -> &'static str {
    if e.few {
        return "мало участников, вывод ненадёжен";
    }
    if e.low.is_none() || e.high.is_none() {
        return "без интервала нельзя сказать, больше ли это случайных колебаний";
    }
    match e.verdict(higher_is_better) {
        1 => "лучше, чем у сопоставимых школ, на фоне мер поддержки",
        -1 => "хуже, чем у сопоставимых школ",
        _ => "в пределах случайных колебаний: отличия от сопоставимых школ не показано",
    }
}

fn school_summary(a: &SchoolAnalysis, scale: &Scale, settings: &AnalysisSettings) -> String {
    let few = a.series.iter().any(|p| p.few);
    let unit = scale.change_unit.as_str();
    let mut s = match (&a.effect, a.base_year, a.last_year) {
        (Some(e), Some(b), Some(t)) => format!(
            "{b}→{t}: изменение {}, у сопоставимых школ {}; разница {} — {}.",
            with_unit(signed(e.naive), unit),
            with_unit(signed(e.naive - e.value), unit),
            estimate_text(e, unit),
            verdict_text(e, scale.higher_is_better)
        ),
        _ if a.cohort.is_some() => {
            "Оценку не получить: нет результатов до начала поддержки и после него или нет сопоставимых школ."
                .into()
        }
        _ => String::new(),
    };
    if !s.is_empty() {
        s.push(' ');
    }
    s.push_str(&format!("Динамика: {}.", a.trend.label()));
    if few {
        s.push_str(&format!(
            " Мало участников (меньше {}) хотя бы в одном году — вывод ненадёжен.",
            settings.min_participants
        ));
    }
    s
}

fn findings(a: &Analysis) -> Vec<String> {
    let unit = a.change_unit.as_str();
    let mut out = Vec::new();
    if a.years.is_empty() {
        let none = if a.settings.indicator.is_some() {
            "Нет значений"
        } else {
            "Нет результатов"
        };
        out.push(format!("{none} ({}) для анализа.", a.filter_label));
        return out;
    }
    match &a.overall {
        Some(e) => out.push(format!(
            "{}: у школ под поддержкой ({} шк.{}) изменение {}, у сопоставимых школ ({} шк.) {}; разница {} — {}.",
            a.metric_label,
            e.schools,
            if e.pupils > 0 {
                format!(", {} уч. в последний год", crate::text::thousands(u64::from(e.pupils)))
            } else {
                String::new()
            },
            with_unit(signed(e.naive), unit),
            e.comparison_schools,
            with_unit(signed(e.naive - e.value), unit),
            estimate_text(e, unit),
            verdict_text(e, a.higher_is_better)
        )),
        None => out.push(
            if a.settings.indicator.is_some() {
                "Оценку эффективности не получить: нужны значения показателя школ под поддержкой за год до её \
                 начала и после, и значения школ без поддержки за те же годы."
            } else {
                "Оценку эффективности не получить: нужны результаты школ под поддержкой за год до её начала и \
                 после, и результаты школ без поддержки за те же годы."
            }
            .into(),
        ),
    }
    let steady: Vec<&str> = a
        .schools
        .iter()
        .filter(|s| s.cohort.is_some() && s.trend == Trend::Steady && !s.series.iter().any(|p| p.few))
        .map(|s| s.name.as_str())
        .collect();
    if !steady.is_empty() {
        out.push(format!("Устойчивая положительная динамика: {}.", steady.join(", ")));
    }
    let better: Vec<&str> = a
        .schools
        .iter()
        .filter(|s| s.effect.as_ref().is_some_and(|e| !e.few && e.verdict(a.higher_is_better) == 1))
        .map(|s| s.name.as_str())
        .collect();
    if !better.is_empty() {
        out.push(format!(
            "Лучше сопоставимых школ сверх случайных колебаний, на фоне мер поддержки: {}.",
            better.join(", ")
        ));
    }
    let few: Vec<&str> =
        a.schools.iter().filter(|s| s.series.iter().any(|p| p.few)).map(|s| s.name.as_str()).collect();
    if !few.is_empty() {
        out.push(format!(
            "Мало участников (меньше {}), вывод ненадёжен: {}.",
            a.settings.min_participants,
            few.join(", ")
        ));
    }
    out
}

/// «двух лет», «трёх лет»: the years of a steady trend in words.
fn years_words(n: u32) -> String {
    match n {
        1 => "года".into(),
        2 => "двух лет".into(),
        3 => "трёх лет".into(),
        4 => "четырёх лет".into(),
        5 => "пяти лет".into(),
        n => format!("{n} лет"),
    }
}

fn method(s: &AnalysisSettings, scale: &Scale) -> Vec<String> {
    let steady = format!(
        "Устойчивая положительная динамика — улучшение в каждом из последних {}{}; один хороший год после \
         плохого устойчивой динамикой не считается. Изменения описаны как произошедшие на фоне мер поддержки: \
         причинную связь такой анализ не доказывает.",
        years_words(s.steady_years),
        if s.steady_points > 0.0 {
            format!(" не меньше чем на {}", with_unit(decimal(s.steady_points), &scale.change_unit))
        } else {
            String::new()
        }
    );
    let regression =
        "Школы, отобранные для поддержки после неудачного года, часто улучшают результаты и без мер \
         (возврат к среднему), поэтому сравнение «до и после» по самим школам завышает эффект. Изменение \
         каждой школы под поддержкой сравнивается с изменением сопоставимых школ района за те же годы \
         (разность разностей).";
    let cohorts =
        "Школы, вошедшие в поддержку в разные годы, оцениваются отдельно, каждая группа — только против \
         школ, ещё не получавших поддержки.";
    if !scale.pupils {
        return vec![
            format!(
                "Показатель — {} (показатель района): значения, внесённые по каждой школе за каждый год; \
                 значение группы школ — среднее по школам.",
                crate::text::lower_first(&scale.label)
            ),
            regression.into(),
            format!(
                "Сопоставимые школы — до {} школ без поддержки (или получивших её позже), ближайших по уровню \
                 показателя в последний год до начала поддержки и, если указан, по типу населённого пункта. {cohorts}",
                s.matches
            ),
            format!(
                "95 % интервал показывает, насколько оценка может колебаться случайно: для групп от трёх школ — по \
                 {} повторным выборкам школ (бутстреп); для одной-двух школ его не оценить — за значениями \
                 показателя нет числа участников. Если интервал включает ноль, отличие от сопоставимых школ не \
                 доказано.",
                s.replications
            ),
            steady,
        ];
    }
    vec![
        format!(
            "Показатель — {} ({}), по каждой школе за каждый год; результаты нескольких классов и предметов \
             складываются по числу участников.",
            crate::text::lower_first(&scale.label),
            s.filter.describe()
        ),
        regression.into(),
        format!(
            "Сопоставимые школы — до {} школ без поддержки (или получивших её позже), ближайших по уровню \
             показателя и числу участников в последний год до начала поддержки и, если указан, по типу \
             населённого пункта. {cohorts}",
            s.matches
        ),
        format!(
            "95 % интервал показывает, насколько оценка может колебаться случайно: для групп от трёх школ — по \
             {} повторным выборкам школ (бутстреп), для одной-двух школ — по числу участников. Если интервал \
             включает ноль, отличие от сопоставимых школ не доказано.",
            s.replications
        ),
        format!(
            "Если участников меньше {}, доли отметок сильно колеблются от года к году: такие цифры показаны \
             серым, выводы по ним не делаются. {steady}",
            s.min_participants
        ),
    ]
}

/// What a supported school got, beside its figures: the roadmap events aimed at it, its
/// mentors, its «500+» risks and whether each has a measure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SchoolSupport {
    pub school_id: Id,
    /// Events of sections aimed at the school (all plans).
    pub events: u32,
    pub done: u32,
    pub overdue: u32,
    /// «МОБУ лицей № 7 (01.09.2022–31.08.2023)».
    pub mentors: Vec<String>,
    /// «Низкий уровень оснащения — высокий, мера есть».
    pub risks: Vec<String>,
    pub uncovered_risks: u32,
}

/// The support of each school from the district's plans, pairings and risk coverage.
pub fn support(
    schools: &[School],
    roadmaps: &[crate::Roadmap],
    pairings: &[crate::Pairing],
    coverage: &[(crate::CoverageCell, String)],
    as_of: chrono::NaiveDate,
) -> Vec<SchoolSupport> {
    let name = |id: Id| schools.iter().find(|s| s.id == id).map_or("?", |s| s.draft.short_name.as_str());
    // Each school's cells, in the plans' order (a district's ten plans have thousands).
    let mut cells: HashMap<Id, Vec<&(crate::CoverageCell, String)>> = HashMap::new();
    for c in coverage {
        cells.entry(c.0.school_id).or_default().push(c);
    }
    schools
        .iter()
        .map(|s| {
            let mut out = SchoolSupport {
                school_id: s.id,
                events: 0,
                done: 0,
                overdue: 0,
                mentors: Vec::new(),
                risks: Vec::new(),
                uncovered_risks: 0,
            };
            for r in roadmaps {
                let aimed: Vec<Id> = r
                    .sections
                    .iter()
                    .filter(|sec| sec.school_ids.contains(&s.id))
                    .map(|sec| sec.id)
                    .collect();
                for e in r.events.iter().filter(|e| e.section_id.is_some_and(|id| aimed.contains(&id))) {
                    out.events += 1;
                    match e.progress(as_of) {
                        crate::Progress::Done => out.done += 1,
                        crate::Progress::Overdue => out.overdue += 1,
                        _ => {}
                    }
                }
            }
            out.mentors = mentor_periods(s.id, pairings, name);
            // A factor is named once, as the latest plan that covers the school has it
            // (`coverage` comes in the plans' order, earliest first).
            let mut risks: Vec<(&str, &crate::CoverageCell)> = Vec::new();
            for (cell, factor) in cells.get(&s.id).into_iter().flatten() {
                match risks.iter_mut().find(|(f, _)| *f == factor.as_str()) {
                    Some(known) => known.1 = cell,
                    None => risks.push((factor, cell)),
                }
            }
            for (factor, cell) in risks {
                let level = match cell.level {
                    crate::RiskLevel::Low => "низкий",
                    crate::RiskLevel::Medium => "средний",
                    crate::RiskLevel::High => "высокий",
                };
                if cell.uncovered {
                    out.uncovered_risks += 1;
                }
                if cell.level != crate::RiskLevel::Low {
                    let measure = if cell.uncovered { "мер нет" } else { "мера есть" };
                    out.risks.push(format!("{factor} — {level}, {measure}"));
                }
            }
            out
        })
        .collect()
}

/// A school's mentors with their periods, a mentor's back-to-back yearly pairings joined into one
/// period: «МОБУ СОШ № 6 (01.09.2014–31.08.2024)» rather than ten lines.
fn mentor_periods<'a>(
    school_id: Id,
    pairings: &[crate::Pairing],
    name: impl Fn(Id) -> &'a str,
) -> Vec<String> {
    let mut mine: Vec<&crate::PairingDraft> =
        pairings.iter().map(|p| &p.draft).filter(|p| p.supported_school_id == school_id).collect();
    mine.sort_by_key(|p| (p.mentor_school_id, p.start));
    let mut periods: Vec<(Id, chrono::NaiveDate, chrono::NaiveDate)> = Vec::new();
    for p in mine {
        match periods.last_mut() {
            Some((mentor, _, end))
                if *mentor == p.mentor_school_id && end.succ_opt().is_some_and(|next| p.start <= next) =>
            {
                *end = (*end).max(p.end)
            }
            _ => periods.push((p.mentor_school_id, p.start, p.end)),
        }
    }
    periods.sort_by_key(|&(_, start, _)| start);
    periods
        .into_iter()
        .map(|(mentor, start, end)| {
            format!("{} ({}–{})", name(mentor), start.format("%d.%m.%Y"), end.format("%d.%m.%Y"))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Category, SchoolDraft, SchoolStatus};

    fn school(id: Id, supported_from: Option<i32>) -> School {
        School {
            id,
            draft: SchoolDraft {
                short_name: format!("СОШ № {id}"),
                statuses: supported_from
                    .map(|y| {
                        vec![SchoolStatus { year: y, category: Category::LowResults, cohort_year: None }]
                    })
                    .unwrap_or_default(),
                ..SchoolDraft::default()
            },
        }
    }

    /// 100 pupils with `good` % of «4» and «5» (and 10 % of «2»).
    fn good(id: Id, year: i32, good: u32) -> ResultRecord {
        ResultRecord {
            school_id: id,
            year,
            procedure: "ВПР".into(),
            grade: 5,
            subject: "Математика".into(),
            participants: 100,
            marks: Some([10, 90 - good, good, 0]),
            below_min: None,
            mean_score: None,
        }
    }

    fn settings(metric: Metric) -> AnalysisSettings {
        AnalysisSettings { metric, ..AnalysisSettings::default() }
    }

    #[test]
    fn a_cohort_that_rises_with_its_comparison_schools_shows_no_effect() {
        // Two schools chosen after a bad 2021 (support in 2021/22): +8 points by 2022. Three
        // unsupported schools as weak in 2021 rose by the same 8 points. Naive: +8; DiD: 0.
        let schools: Vec<School> = vec![
            school(1, Some(2021)),
            school(2, Some(2021)),
            school(3, None),
            school(4, None),
            school(5, None),
        ];
        let results = vec![
            good(1, 2021, 30),
            good(1, 2022, 38),
            good(2, 2021, 32),
            good(2, 2022, 40),
            good(3, 2021, 31),
            good(3, 2022, 39),
            good(4, 2021, 29),
            good(4, 2022, 37),
            good(5, 2021, 30),
            good(5, 2022, 38),
        ];
        let a = analyse(&schools, &results, &settings(Metric::ShareOfGood));
        let e = a.overall.unwrap();
        assert!((e.naive - 8.0).abs() < 1e-9, "{}", e.naive);
        assert!(e.value.abs() < 1e-9, "{}", e.value);
        // Two schools of 100 pupils in 2022, three comparison schools of 100.
        assert_eq!((e.schools, e.comparison_schools, e.pupils, e.comparison_pupils), (2, 3, 200, 300));
        // Two schools: the interval comes from the pupils' numbers and holds zero.
        assert_eq!(e.interval, IntervalKind::Sampling);
        assert_eq!(e.verdict(Metric::ShareOfGood.higher_is_better()), 0);
        assert!(a.findings[0].contains("в пределах случайных колебаний"), "{}", a.findings[0]);
        assert!(!a.findings.iter().any(|f| f.contains("благодаря")));
    }

    #[test]
    fn cohorts_are_compared_with_schools_not_yet_supported() {
        // School 1 supported from 2021/22 (cohort 2022), school 2 from 2022/23 (cohort 2023);
        // 3 and 4 never. By hand:
        //   ATT(2022, 2022) = (50−40) − mean(44−42, 43−41, 41−39) = 10 − 2 = 8 (school 2 not yet
        //   supported, so a comparison school);
        //   ATT(2022, 2023) = (60−40) − mean(45−41, 43−39) = 20 − 4 = 16;
        //   ATT(2023, 2023) = (56−44) − mean(45−43, 43−41) = 12 − 2 = 10 (base 2022);
        //   overall: each supported school-year once: (8 + 16 + 10) / 3 = 11.33.
        let schools = vec![school(1, Some(2021)), school(2, Some(2022)), school(3, None), school(4, None)];
        let series = [(1, [40, 50, 60]), (2, [42, 44, 56]), (3, [41, 43, 45]), (4, [39, 41, 43])];
        let results: Vec<ResultRecord> = series
            .iter()
            .flat_map(|&(id, v)| (0..3).map(move |i| good(id, 2021 + i, v[i as usize])))
            .collect();
        let a = analyse(&schools, &results, &settings(Metric::ShareOfGood));
        let att = |g, t| a.cohorts.iter().find(|c| c.cohort == g && c.year == t).unwrap().estimate.value;
        assert!((att(2022, 2022) - 8.0).abs() < 1e-9);
        assert!((att(2022, 2023) - 16.0).abs() < 1e-9);
        assert!((att(2023, 2023) - 10.0).abs() < 1e-9);
        assert!((a.overall.as_ref().unwrap().value - 34.0 / 3.0).abs() < 1e-9);
        // School 2's own estimate is against 3 and 4 only.
        let s2 = a.schools.iter().find(|s| s.school_id == 2).unwrap();
        assert_eq!(s2.comparison, vec![3, 4]);
        assert_eq!((s2.base_year, s2.last_year), (Some(2022), Some(2023)));
        // The supported group of each year is the schools with a category the school year
        // before: school 1 for 2022 (its status is for 2021/22), school 2 for 2023.
        let group: Vec<(i32, f64)> = a.supported_group.iter().map(|p| (p.year, p.value)).collect();
        assert_eq!(group, vec![(2022, 50.0), (2023, 56.0)]);
        assert_eq!(a.other_group[0].pupils, 400);
    }

    #[test]
    fn a_single_school_gets_an_interval_from_its_pupils() {
        // School 1: «2» 30 % → 20 % of 100; its one comparison school stays at 30 %.
        // Effect −10; variance (0.21 + 0.16)/100·10⁴ + (0.21 + 0.21)/100·10⁴ = 37 + 42 = 79.
        let twos = |id, year, k: u32| ResultRecord { marks: Some([k, 100 - k, 0, 0]), ..good(id, year, 0) };
        let schools = vec![school(1, Some(2021)), school(2, None)];
        let results = vec![twos(1, 2021, 30), twos(1, 2022, 20), twos(2, 2021, 30), twos(2, 2022, 30)];
        let a = analyse(&schools, &results, &settings(Metric::ShareOfTwos));
        let e = a.schools[0].effect.clone().unwrap();
        assert!((e.value + 10.0).abs() < 1e-9);
        let half = 1.96 * 79f64.sqrt();
        assert!((e.low.unwrap() - (-10.0 - half)).abs() < 1e-9);
        assert!((e.high.unwrap() - (-10.0 + half)).abs() < 1e-9);
        // −27.4 to 7.4: holds zero, so no claim.
        assert_eq!(e.verdict(Metric::ShareOfTwos.higher_is_better()), 0);
        assert!(a.schools[0].summary.contains("в пределах случайных колебаний"));
    }

    #[test]
    fn comparison_schools_are_the_nearest_at_the_base() {
        let schools: Vec<School> = [Some(2021), None, None, None, None]
            .into_iter()
            .enumerate()
            .map(|(i, s)| school(i as Id + 1, s))
            .collect();
        let base = [30, 10, 29, 31, 50];
        let results: Vec<ResultRecord> = base
            .iter()
            .enumerate()
            .flat_map(|(i, &v)| [good(i as Id + 1, 2021, v), good(i as Id + 1, 2022, v + 1)])
            .collect();
        let a =
            analyse(&schools, &results, &AnalysisSettings { matches: 2, ..settings(Metric::ShareOfGood) });
        assert_eq!(a.schools[0].comparison, vec![3, 4]);
    }

    #[test]
    fn many_schools_get_a_bootstrap_interval_that_excludes_zero_for_a_real_gain() {
        // Six supported schools gain 10 ± 1 points; six others gain 0 ± 1.
        let mut schools = Vec::new();
        let mut results = Vec::new();
        for id in 1..=12 {
            let supported = id <= 6;
            schools.push(school(id, supported.then_some(2021)));
            let gain = if supported { 10 } else { 0 } + (id % 3) as u32;
            results.push(good(id, 2021, 40));
            results.push(good(id, 2022, 40 + gain));
        }
        let a = analyse(&schools, &results, &settings(Metric::ShareOfGood));
        let e = a.overall.unwrap();
        assert_eq!(e.interval, IntervalKind::Bootstrap);
        assert!(e.low.unwrap() > 5.0 && e.high.unwrap() < 15.0, "{e:?}");
        assert_eq!(e.verdict(Metric::ShareOfGood.higher_is_better()), 1);
        assert!(a.findings[0].contains("на фоне мер поддержки"));
        // The same data, the same interval.
        assert_eq!(analyse(&schools, &results, &settings(Metric::ShareOfGood)).overall.unwrap(), e);
    }

    #[test]
    fn small_schools_are_flagged_and_trends_need_two_good_years() {
        let p = |year, value, pupils| Point { year, value, pupils, few: false };
        let s = settings(Metric::ShareOfTwos);
        assert_eq!(
            trend(
                &[p(2021, 30.0, 50), p(2022, 25.0, 50), p(2023, 20.0, 50)],
                &Scale::of(Metric::ShareOfTwos),
                &s
            ),
            Trend::Steady
        );
        assert_eq!(
            trend(
                &[p(2021, 30.0, 50), p(2022, 35.0, 50), p(2023, 28.0, 50)],
                &Scale::of(Metric::ShareOfTwos),
                &s
            ),
            Trend::SingleYear
        );
        assert_eq!(
            trend(&[p(2021, 30.0, 50), p(2022, 31.0, 50)], &Scale::of(Metric::ShareOfTwos), &s),
            Trend::Worse
        );
        assert_eq!(trend(&[p(2021, 30.0, 50)], &Scale::of(Metric::ShareOfTwos), &s), Trend::TooShort);
        // A threshold of 3 points: a 2-point gain is not enough.
        let strict = AnalysisSettings { steady_points: 3.0, ..s.clone() };
        assert_eq!(
            trend(
                &[p(2021, 30.0, 50), p(2022, 25.0, 50), p(2023, 23.0, 50)],
                &Scale::of(Metric::ShareOfTwos),
                &strict
            ),
            Trend::Unclear
        );

        let schools = vec![school(1, Some(2021)), school(2, None)];
        let small = |id, year, k: u32| ResultRecord {
            participants: 12,
            marks: Some([k, 12 - k, 0, 0]),
            ..good(id, year, 0)
        };
        let results = vec![small(1, 2021, 6), small(1, 2022, 2), good(2, 2021, 30), good(2, 2022, 30)];
        let a = analyse(&schools, &results, &s);
        assert!(a.schools[0].series.iter().all(|p| p.few));
        assert!(a.schools[0].effect.as_ref().unwrap().few);
        assert!(a.schools[0].summary.contains("вывод ненадёжен"));
        assert!(a.findings.iter().any(|f| f.contains("Мало участников") && f.contains("СОШ № 1")));
    }

    #[test]
    fn a_district_indicator_is_analysed_by_school_means_with_no_pupils_and_no_false_interval() {
        // School 1 supported for 2022 (status in 2021/22); schools 2 and 3 never.
        let schools = vec![school(1, Some(2021)), school(2, None), school(3, None)];
        let indicator = Indicator {
            id: 5,
            name: "Доля выпускников, поступивших в колледжи".into(),
            unit: "%".into(),
            higher_is_better: true,
        };
        let values = [
            (1, 2021, 40.0),
            (1, 2022, 50.0),
            (2, 2021, 42.0),
            (2, 2022, 44.0),
            (3, 2021, 60.0),
            (3, 2022, 70.0),
        ];
        let settings = AnalysisSettings { matches: 1, indicator: Some(5), ..AnalysisSettings::default() };
        let a = analyse_indicator(&schools, &indicator, &values, &settings);
        assert_eq!(a.metric_label, "Доля выпускников, поступивших в колледжи, %");
        assert_eq!(a.change_unit, "п. п.");
        // The district: the mean of the schools' values, no pupils, never «few».
        assert!((a.district[0].value - 142.0 / 3.0).abs() < 1e-9);
        assert!((a.district[1].value - 164.0 / 3.0).abs() < 1e-9);
        assert!(a.district.iter().all(|p| p.pupils == 0 && !p.few));
        // The nearest school at the base is № 2 (42 against 40; № 3 has 60): +10 against +2.
        let s1 = &a.schools[0];
        assert_eq!(s1.comparison, vec![2]);
        let e = s1.effect.as_ref().unwrap();
        assert!((e.naive - 10.0).abs() < 1e-9 && (e.value - 8.0).abs() < 1e-9);
        assert!(!e.few && e.low.is_none() && e.high.is_none());
        assert!(s1.summary.contains("+8,0 п. п. (интервал не оценить)"), "{}", s1.summary);
        assert!(s1.summary.contains("без интервала нельзя сказать"), "{}", s1.summary);
        assert!(!s1.summary.contains("участник"), "{}", s1.summary);
        assert!(!a.findings[0].contains("уч."), "{}", a.findings[0]);
        assert!(a.method[0].contains("показатель района"), "{:?}", a.method);
        assert!(!a.method.iter().any(|m| m.contains("Если участников меньше")), "{:?}", a.method);
        // Lower is better: the same figures read the other way.
        let fewer = Indicator { higher_is_better: false, unit: String::new(), ..indicator };
        let b = analyse_indicator(&schools, &fewer, &values, &settings);
        assert_eq!(b.schools[0].trend, Trend::Worse);
        assert!(b.schools[0].summary.contains("разница +8,0 (интервал"), "{}", b.schools[0].summary);
    }

    #[test]
    fn support_joins_a_mentors_years_and_names_each_risk_once_as_the_latest_plan_has_it() {
        let d = |y: i32, m: u32, day: u32| chrono::NaiveDate::from_ymd_opt(y, m, day).unwrap();
        let pairing = |id: Id, mentor: Id, from: i32| crate::Pairing {
            id,
            draft: crate::PairingDraft {
                supported_school_id: 1,
                mentor_school_id: mentor,
                start: d(from, 9, 1),
                end: d(from + 1, 8, 31),
                basis_order: String::new(),
                basis_agreement: String::new(),
                note: String::new(),
            },
        };
        // Mentor 2 for three years in a row, then mentor 3, then mentor 2 again after a gap.
        let pairings = [
            pairing(1, 2, 2020),
            pairing(2, 2, 2021),
            pairing(3, 2, 2022),
            pairing(4, 3, 2023),
            pairing(5, 2, 2025),
        ];
        let cell = |level, uncovered| crate::CoverageCell {
            school_id: 1,
            risk_factor_id: 7,
            level,
            event_ids: Vec::new(),
            uncovered,
        };
        let coverage = [
            (cell(crate::RiskLevel::High, true), "Низкая мотивация".to_owned()),
            (cell(crate::RiskLevel::Medium, false), "Низкая мотивация".to_owned()),
        ];
        let schools = [school(1, Some(2020)), school(2, None), school(3, None)];
        let got = support(&schools, &[], &pairings, &coverage, d(2026, 1, 1));
        assert_eq!(
            got[0].mentors,
            [
                "СОШ № 2 (01.09.2020–31.08.2023)",
                "СОШ № 3 (01.09.2023–31.08.2024)",
                "СОШ № 2 (01.09.2025–31.08.2026)"
            ]
        );
        assert_eq!(got[0].risks, ["Низкая мотивация — средний, мера есть"]);
        assert_eq!(got[0].uncovered_risks, 0);
        assert!(got[1].mentors.is_empty() && got[1].risks.is_empty());
    }

    #[test]
    fn signed_numbers_read_in_russian() {
        assert_eq!(signed(-3.46), "−3,5");
        assert_eq!(signed(2.0), "+2,0");
        assert_eq!(signed(0.01), "0,0");
        assert_eq!(decimal(-1.25), "−1,2");
    }
}
