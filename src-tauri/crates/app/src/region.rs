//! The region file (issue 27): accepting districts' packages, the table of districts, a
//! district opened as it was sent. Shared by the command line and the window.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime};
use domain::region::{self, DistrictEffect, DistrictSummary, Manifest, PlanProgress};
use domain::{Category, Progress, Work};
use serde::Serialize;
use store::Store;

use crate::error::{CommandError, CommandResult, ErrorCode};
use crate::package::{self, Opened};

/// What became of one package file.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum Outcome {
    /// Taken in: the district's previous package (if any) replaced whole.
    Accepted {
        file: String,
        code: String,
        district: String,
        #[ts(type = "string")]
        made_at: NaiveDateTime,
        #[ts(type = "string | null")]
        replaced: Option<NaiveDateTime>,
        /// What changed since the previous package.
        changes: Vec<String>,
        /// The previous package came from another data file of the district (another computer).
        other_file: bool,
    },
    /// The same package as the one the region has: nothing to do.
    Unchanged {
        file: String,
        district: String,
    },
    Refused {
        file: String,
        reason: String,
    },
}

impl Outcome {
    /// One Russian line for the command line and the window.
    pub fn line(&self) -> String {
        match self {
            Outcome::Accepted { district, made_at, replaced, changes, other_file, .. } => {
                let mut s = format!("Принят пакет района «{district}» от {}", ru_at(made_at));
                if let Some(r) = replaced {
                    s.push_str(&format!(" (вместо пакета от {}", ru_at(r)));
                    if *other_file {
                        s.push_str(", сделанного в другом файле района");
                    }
                    s.push(')');
                }
                s.push_str(&format!(": {}.", changes.join("; ")));
                s
            }
            Outcome::Unchanged { district, file } => {
                format!("Пакет «{file}» района «{district}» уже принят: ничего не изменилось.")
            }
            Outcome::Refused { file, reason } => format!("Пакет «{file}» не принят: {reason}."),
        }
    }
}

/// An outcome with its line, for the window (which shows the line, and branches on the kind).
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Told {
    pub outcome: Outcome,
    pub line: String,
}

impl From<Outcome> for Told {
    fn from(outcome: Outcome) -> Told {
        Told { line: outcome.line(), outcome }
    }
}

/// «04.12.2026 10:00».
pub fn ru_at(at: &NaiveDateTime) -> String {
    at.format("%d.%m.%Y %H:%M").to_string()
}

/// The package files `paths` name: files as they are, folders by their `.koord` files (sorted).
pub fn package_files(paths: &[PathBuf]) -> CommandResult<Vec<PathBuf>> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let entries = std::fs::read_dir(p).map_err(|e| {
                CommandError::new(
                    ErrorCode::Io,
                    format!("Папка «{}» не прочитана: {}", p.display(), store::io_message(&e)),
                )
            })?;
            let mut found: Vec<PathBuf> = entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|f| {
                    f.is_file() && f.extension().is_some_and(|x| x.eq_ignore_ascii_case(package::EXTENSION))
                })
                .collect();
            if found.is_empty() {
                return Err(CommandError::new(
                    ErrorCode::NotFound,
                    format!(
                        "В папке «{}» нет пакетов районов (файлов .{}).",
                        p.display(),
                        package::EXTENSION
                    ),
                ));
            }
            found.sort();
            out.extend(found);
        } else {
            out.push(p.clone());
        }
    }
    Ok(out)
}

/// Accepts packages into the region file `store` (marking it a region's), each in a change of
/// its own: a district's newer package replaces its previous one whole, an older one or one of
/// a newer program is refused, a damaged one is refused whole. Work reports a step per file.
pub fn accept(store: &mut Store, paths: &[PathBuf], work: &Work) -> CommandResult<Vec<Outcome>> {
    if !store::region::is_region(store.read())? && !store.is_empty()? {
        return Err(CommandError::new(
            ErrorCode::Invalid,
            "Пакеты районов принимает файл региона, а в этом файле данных свой район. Откройте или создайте \
             файл региона: koordinator --region --db ФАЙЛ_РЕГИОНА.",
        ));
    }
    let files = package_files(paths)?;
    let mut out = Vec::with_capacity(files.len());
    for (i, path) in files.iter().enumerate() {
        work.step("Приём пакетов районов", i, files.len())?;
        out.push(accept_one(store, path)?);
    }
    Ok(out)
}

fn accept_one(store: &mut Store, path: &Path) -> CommandResult<Outcome> {
    let file = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let refused = |reason: String| Outcome::Refused { file: file.clone(), reason };
    let Opened { manifest, content } = match package::read(path) {
        Ok(o) => o,
        Err(reason) => return Ok(refused(reason)),
    };
    let previous = store::region::previous(store.read(), &manifest.district_code)?;
    if let Some(p) = &previous {
        if p.sha256 == manifest.sha256 {
            return Ok(Outcome::Unchanged { file, district: manifest.district_name });
        }
        if manifest.made_at <= p.made_at {
            let whence = if p.file_id == manifest.file_id {
                String::new()
            } else {
                " (он сделан в другом файле района — вероятно, на другом компьютере)".into()
            };
            return Ok(refused(format!(
                "у региона уже есть более новый пакет района «{}» от {}, а этот — от {}{whence}; остаётся более новый",
                manifest.district_name,
                ru_at(&p.made_at),
                ru_at(&manifest.made_at)
            )));
        }
    }
    let summary = match summarise_content(&content, manifest.made_at.date()) {
        Ok(s) => s,
        Err(reason) => return Ok(refused(reason)),
    };
    let changes = region::changes(previous.as_ref().map(|p| &p.summary.digest), &summary.digest);
    let bytes = std::fs::read(path).map_err(|e| {
        CommandError::new(ErrorCode::Io, format!("Пакет «{file}» не прочитан: {}", store::io_message(&e)))
    })?;
    let received_at = chrono::Local::now().naive_local();
    let label = format!("Принят пакет района «{}» от {}", manifest.district_name, ru_at(&manifest.made_at));
    store.change(label, |tx| {
        store::region::mark_region(tx)?;
        store::region::put(
            tx,
            &store::region::Stored {
                manifest: &manifest,
                received_at,
                source: &file,
                summary: &summary,
                changes: &changes,
                bytes: &bytes,
            },
        )
    })?;
    Ok(Outcome::Accepted {
        file,
        code: manifest.district_code,
        district: manifest.district_name,
        made_at: manifest.made_at,
        replaced: previous.as_ref().map(|p| p.made_at),
        changes: changes.lines(),
        other_file: previous.is_some_and(|p| p.file_id != manifest.file_id),
    })
}

/// The district's data file from a package's content, in a temporary folder: checked as ours,
/// whole, and migrated to this program's schema.
fn district_file(content: &[u8]) -> Result<(tempfile::TempDir, Store), package::Refusal> {
    let dir =
        tempfile::tempdir().map_err(|e| format!("временная папка не создана: {}", store::io_message(&e)))?;
    let path = dir.path().join("район.sqlite3");
    std::fs::write(&path, content)
        .map_err(|e| format!("не удалось распаковать: {}", store::io_message(&e)))?;
    let damaged = |e: &dyn std::fmt::Display| format!("данные района в пакете повреждены ({e})");
    let store = Store::open(&path).map_err(|e| damaged(&e))?;
    if !store::region::intact(store.read()).map_err(|e| damaged(&e))? {
        return Err(damaged(&"проверка целостности SQLite нашла ошибки"));
    }
    Ok((dir, store))
}

fn summarise_content(content: &[u8], as_of: NaiveDate) -> Result<DistrictSummary, package::Refusal> {
    let (_dir, store) = district_file(content)?;
    summarise(&store, as_of).map_err(|e| format!("данные района в пакете не прочитаны: {}", e.message))
}

/// What the region reads of a district: its schools by year, its roadmaps' progress on
/// `as_of`, its effectiveness estimate, and the digest the next package is compared with.
pub fn summarise(store: &Store, as_of: NaiveDate) -> CommandResult<DistrictSummary> {
    let (schools, years, plans, digest) = store.snapshot(|conn| {
        let schools = store::school::list(conn, None)?;
        let pairings = store::pairing::list(conn, None)?;
        let years = region::year_schools(&schools, &pairings);
        let mut digest = region::Digest::default();
        let mut plans = Vec::new();
        for plan in store::plan::list(conn)? {
            let roadmap = store::roadmap::read(conn, plan.id)?;
            let mut p = PlanProgress {
                title: plan.title.clone(),
                start: plan.period.start,
                end: plan.period.end,
                ..Default::default()
            };
            for e in &roadmap.events {
                p.events += 1;
                match e.progress(as_of) {
                    Progress::Done => {
                        p.done += 1;
                        digest.done.insert(format!("{}|{}", plan.title, e.number));
                    }
                    Progress::Overdue => p.overdue += 1,
                    Progress::Cancelled => p.cancelled += 1,
                    Progress::InProgress | Progress::Planned => {}
                }
            }
            digest.plans.insert(plan.title);
            plans.push(p);
        }
        if let Some(latest) = years.last() {
            digest.supported = supported_names(&schools, latest.year);
        }
        Ok((schools.len() as u32, years, plans, digest))
    })?;
    Ok(DistrictSummary { as_of, schools, years, plans, effect: effect(store)?, digest })
}

/// Schools supported in `year`, each by its code (its short name when it has none).
fn supported_names(schools: &[domain::School], year: i32) -> BTreeSet<String> {
    schools
        .iter()
        .filter(|s| s.draft.categories_in(year).any(|c| domain::SUPPORTED.contains(&c)))
        .map(|s| if s.draft.code.is_empty() { s.draft.short_name.clone() } else { s.draft.code.clone() })
        .collect()
}

/// The district's default analysis's overall estimate, when it has results to estimate from.
fn effect(store: &Store) -> CommandResult<Option<DistrictEffect>> {
    let (_, _, a) = crate::results::view(store, None)?;
    Ok(a.overall.as_ref().map(|o| DistrictEffect {
        metric: a.metric_label.clone(),
        unit: a.change_unit.clone(),
        value: o.value,
        low: o.low,
        high: o.high,
        schools: o.schools,
        comparison_schools: o.comparison_schools,
        pupils: o.pupils,
        few: o.few,
        text: domain::effectiveness::estimate_text(o, &a.change_unit),
        finding: a.findings.first().cloned().unwrap_or_default(),
    }))
}

/// The region's table for a year and category (None: the newest year, all supported schools).
pub fn table(
    store: &Store,
    year: Option<i32>,
    category: Option<Category>,
) -> CommandResult<region::RegionTable> {
    let districts = store::region::list(store.read())?;
    let today = chrono::Local::now().date_naive();
    let year = year.unwrap_or_else(|| region::default_year(&districts, today));
    Ok(region::region_table(&districts, year, category, today))
}

/// Writes the district `code`'s data file as its package brought it to `out`, for reading it
/// in the district's own views.
pub fn extract(store: &Store, code: &str, out: &Path) -> CommandResult<Manifest> {
    let bytes = store::region::package(store.read(), code)?.ok_or_else(|| {
        CommandError::new(ErrorCode::NotFound, format!("Района с кодом {code} в файле региона нет."))
    })?;
    let opened = package::open(&bytes).map_err(|r| CommandError::new(ErrorCode::Storage, r))?;
    let (dir, district) =
        district_file(&opened.content).map_err(|r| CommandError::new(ErrorCode::Storage, r))?;
    drop(district);
    let migrated = std::fs::read(dir.path().join("район.sqlite3"))
        .map_err(|e| CommandError::new(ErrorCode::Io, store::io_message(&e)))?;
    crate::files::write_export(store, out, &migrated)?;
    Ok(opened.manifest)
}

/// Marks a new or empty data file as the region's (`--region`); a district's file is refused.
pub fn make_region(store: &mut Store) -> CommandResult<()> {
    if store::region::is_region(store.read())? {
        return Ok(());
    }
    if !store.is_empty()? {
        return Err(CommandError::new(
            ErrorCode::Invalid,
            "В этом файле данных свой район: файлом региона может стать только новый (пустой) файл.",
        ));
    }
    store.change("Файл данных стал файлом региона", store::region::mark_region)?;
    Ok(())
}

/// Summaries of every district for the region's documents.
pub fn districts(store: &Store) -> CommandResult<Vec<region::DistrictRow>> {
    Ok(store::region::list(store.read())?)
}
