//! Results, shared by the command line and the window: read a results table (every sheet of a
//! workbook), preview it against the district's schools, write it in one change; the analysis
//! over the stored results.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use domain::{AnalysisSettings, Id, ResultRecord};
use exchange::import::Source;
use exchange::results::{self as recognise, Context, NameChoice, ResultsPreview};
use store::Store;

use crate::error::{CommandError, CommandResult, ErrorCode};
use crate::import::Duplicate;

fn invalid(message: impl Into<String>) -> CommandError {
    CommandError::new(ErrorCode::Invalid, message)
}

/// Every sheet of a workbook (or the one named), or the one table of another file.
pub fn read_file(path: &Path, sheet: Option<&str>) -> CommandResult<Vec<(Source, String)>> {
    let bytes = crate::import::read_limited(path)?;
    let name = path.to_string_lossy().into_owned();
    read_bytes(&bytes, &name, sheet)
}

pub fn read_bytes(bytes: &[u8], name: &str, sheet: Option<&str>) -> CommandResult<Vec<(Source, String)>> {
    let sources = match sheet {
        Some(s) => vec![exchange::import::read_table(bytes, name, Some(s)).map_err(invalid)?],
        None => exchange::import::read_tables(bytes, name).map_err(invalid)?,
    };
    Ok(sources.into_iter().map(|s| (s, name.to_owned())).collect())
}

/// What the import would write.
pub fn preview(
    store: &Store,
    sources: &[(Source, String)],
    hints: &Context,
) -> CommandResult<ResultsPreview> {
    let conn = store.read();
    let schools = store::school::list(conn, None)?;
    let index = recognise::SchoolIndex::new(&schools, store::results::aliases(conn)?);
    Ok(recognise::recognise(sources, hints, &index))
}

/// What to do with names no school of the district matched, when the user has not said.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Unmatched {
    /// Refuse, listing them, so the person decides.
    #[default]
    Ask,
    /// Add them to the district's schools (for comparison; ФИС ОКО lists every school).
    Add,
    /// Leave their rows out.
    Skip,
}

/// What an import wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[ts(export, rename = "ResultsWritten")]
pub struct Written {
    pub added: u32,
    pub replaced: u32,
    pub kept: u32,
    pub skipped: u32,
    pub new_schools: u32,
    /// «ВПР 2023, ОГЭ 2023».
    pub what: String,
}

/// Writes the preview in one change: schools added, mappings remembered, results written;
/// nothing when anything is wrong.
pub fn write(
    store: &mut Store,
    preview: &ResultsPreview,
    choices: &HashMap<String, NameChoice>,
    unmatched: Unmatched,
    duplicate: Duplicate,
) -> CommandResult<Written> {
    if !preview.errors.is_empty() {
        return Err(invalid(format!("Результаты не загружены: {}", preview.errors.join("; "))));
    }
    let choice_of = |key: &str| match choices.get(key) {
        Some(c) => Some(c.clone()),
        None => match unmatched {
            Unmatched::Ask => None,
            Unmatched::Add => Some(NameChoice::New),
            Unmatched::Skip => Some(NameChoice::Skip),
        },
    };
    let open: Vec<&str> =
        preview.unmatched().filter(|n| choice_of(&n.key).is_none()).map(|n| n.name.as_str()).collect();
    if !open.is_empty() {
        let shown: Vec<String> = open.iter().take(10).map(|n| format!("«{n}»")).collect();
        let more = if open.len() > 10 { format!(" и ещё {}", open.len() - 10) } else { String::new() };
        return Err(CommandError {
            code: ErrorCode::Conflict,
            message: format!(
                "Не найдены в списке школ района: {}{more}. Сопоставьте их со школами, добавьте как новые \
                 или не загружайте. В командной строке: --unmatched add или --unmatched skip.",
                shown.join(", ")
            ),
            field: None,
            duplicate: None,
        });
    }
    let combos: BTreeSet<(i32, String)> =
        preview.results.iter().map(|r| (r.record.year, r.record.procedure.clone())).collect();
    let what = combos.iter().map(|(y, p)| format!("{p} {y}")).collect::<Vec<_>>().join(", ");
    if duplicate == Duplicate::Ask {
        for (year, procedure) in &combos {
            let n = store::results::count(store.read(), *year, procedure)?;
            if n > 0 {
                return Err(CommandError::duplicate(format!(
                    "Результаты {procedure} {year} уже загружены ({n} зап.). Заменить совпадающие записи \
                     или оставить прежние и добавить только новые?"
                )));
            }
        }
    }
    let label = format!("Импорт результатов: {what} ({} зап.)", preview.results.len());
    let written = store.change(label, |tx| {
        let mut ids: HashMap<&str, Option<Id>> = HashMap::new();
        let mut w = Written { what: what.clone(), ..Written::default() };
        for n in &preview.names {
            let id = match (n.school_id, choice_of(&n.key)) {
                (_, Some(NameChoice::School(id))) => {
                    store::school::get(tx, id)?;
                    store::results::remember(tx, &n.key, id)?;
                    store::school::learn_code(tx, id, &n.code)?;
                    Some(id)
                }
                (Some(id), _) => {
                    // The next table finds it by its login.
                    store::school::learn_code(tx, id, &n.code)?;
                    Some(id)
                }
                (None, Some(NameChoice::New)) => {
                    w.new_schools += 1;
                    Some(store::school::insert(tx, &recognise::new_school(n))?)
                }
                (None, _) => None,
            };
            ids.insert(n.key.as_str(), id);
        }
        let mut records: Vec<ResultRecord> = Vec::new();
        for r in &preview.results {
            match ids.get(r.key.as_str()).copied().flatten() {
                Some(id) => records.push(ResultRecord { school_id: id, ..r.record.clone() }),
                None => w.skipped += 1,
            }
        }
        if records.is_empty() {
            return Err(store::StoreError::refused(
                "Ни одна строка не сопоставлена со школой: загружать нечего.",
            ));
        }
        let s = store::results::write(tx, &records, duplicate == Duplicate::Replace)?;
        (w.added, w.replaced, w.kept) = (s.added, s.replaced, s.kept);
        Ok(w)
    })?;
    Ok(written)
}

/// The analysis over the stored results.
pub fn analysis(store: &Store, settings: &AnalysisSettings) -> CommandResult<domain::Analysis> {
    store
        .snapshot(|conn| {
            let schools = store::school::list(conn, None)?;
            analyse(
                &schools,
                settings,
                || store::results::pooled(conn, &settings.filter),
                |id| store::results::indicator_with_values(conn, id),
            )
        })
        .map_err(CommandError::from)?
}

/// What the «Результаты» view shows, from one pass over the registry: what it holds, the
/// settings (with None the usual ones: the procedure with the most results, or the district's
/// first indicator when there are no results) and the analysis.
pub fn view(
    store: &Store,
    settings: Option<AnalysisSettings>,
) -> CommandResult<(store::results::Kinds, AnalysisSettings, domain::Analysis)> {
    store
        .snapshot(|conn| {
            let schools = store::school::list(conn, None)?;
            let filter = settings.as_ref().map(|s| s.filter.clone()).unwrap_or_default();
            let survey = store::results::survey(conn, &filter)?;
            let settings = match settings {
                Some(s) => s,
                None => AnalysisSettings {
                    filter: default_filter_of(&survey.kinds),
                    indicator: match survey.kinds.procedures.is_empty() {
                        true => store::results::indicators(conn)?.first().map(|i| i.id),
                        false => None,
                    },
                    ..Default::default()
                },
            };
            let kinds = survey.kinds.clone();
            let analysis = analyse(
                &schools,
                &settings,
                || Ok(survey.pooled(&settings.filter)),
                |id| store::results::indicator_with_values(conn, id),
            )?;
            Ok(analysis.map(|a| (kinds, settings, a)))
        })
        .map_err(CommandError::from)?
}

/// The analysis of results pooled by `pooled`, or of the district's indicator the settings name.
fn analyse(
    schools: &[domain::School],
    settings: &AnalysisSettings,
    pooled: impl FnOnce() -> store::StoreResult<std::collections::BTreeMap<(Id, i32), domain::results::Pooled>>,
    indicator: impl FnOnce(Id) -> store::StoreResult<Option<(domain::Indicator, store::results::IndicatorValues)>>,
) -> store::StoreResult<CommandResult<domain::Analysis>> {
    let Some(id) = settings.indicator else {
        return Ok(Ok(domain::effectiveness::analyse_pooled(schools, &pooled()?, settings)));
    };
    let Some((indicator, values)) = indicator(id)? else {
        return Ok(Err(CommandError::new(
            ErrorCode::NotFound,
            format!("Показателя района № {id} нет: он удалён или не создан."),
        )));
    };
    Ok(Ok(domain::effectiveness::analyse_indicator(schools, &indicator, &values, settings)))
}

/// The filter the analysis takes by default: the procedure with the most results (marks of
/// different procedures are not pooled).
pub fn default_filter(store: &Store) -> CommandResult<domain::ResultFilter> {
    Ok(default_filter_of(&store::results::kinds(store.read())?))
}

/// [`default_filter`] from what the registry holds, read already.
pub fn default_filter_of(kinds: &store::results::Kinds) -> domain::ResultFilter {
    domain::ResultFilter { procedure: kinds.procedures.first().map(|(p, _)| p.clone()), ..Default::default() }
}
