//! Importing a roadmap, shared by the command line and the window: read the file or the
//! pasted table, recognise it against the district's schools, write it in one transaction.

use std::io::Read;
use std::path::Path;

use domain::Period;
use exchange::import::{self, Recognised, Role, Source, Written};
use store::Store;

use crate::error::{CommandError, CommandResult, ErrorCode};

/// Files larger than this are refused before they are read.
const MAX_FILE: u64 = 100 * 1024 * 1024;

fn invalid(message: String) -> CommandError {
    CommandError::new(ErrorCode::Invalid, message)
}

/// Reads and parses a .docx, spreadsheet, HTML or text file; `sheet` names a workbook's sheet.
pub fn read_file(path: &Path, sheet: Option<&str>) -> CommandResult<Source> {
    let bytes = read_limited(path)?;
    import::read_bytes(&bytes, &path.to_string_lossy(), sheet).map_err(invalid)
}

/// Parses a table pasted from the clipboard.
pub fn read_pasted(text: &str, html: Option<&str>) -> CommandResult<Source> {
    import::read_pasted(text, html).map_err(invalid)
}

/// What the import would write, for the preview. With no period given, the document's own.
pub fn preview(
    store: &Store,
    source: &Source,
    period: Option<&Period>,
    roles: Option<&[Role]>,
) -> CommandResult<Recognised> {
    let schools = store::school::list(store.read(), None)?;
    let today = chrono::Local::now().date_naive();
    Ok(import::recognise_source(source, period.copied(), today, &schools, roles))
}

/// What to do when the district already has a plan of the same title and period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize, ts_rs::TS, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Duplicate {
    /// Refuse, saying which plan it is, so the person decides.
    #[default]
    Ask,
    /// Import as one more plan.
    Keep,
    /// Delete the existing plan in the same change.
    Replace,
}

/// What the user says of the new plan; the title defaults to the roadmap's own.
pub struct PlanChoice<'a> {
    pub title: Option<&'a str>,
    pub issuer: Option<&'a str>,
    pub period: Option<Period>,
    pub roles: Option<&'a [Role]>,
    pub duplicate: Duplicate,
    /// Hears how the writing goes and may stop it (the window's progress bar).
    pub work: domain::Work,
}

/// Recognises and writes the plan in one transaction: all or nothing.
pub fn write(
    store: &mut Store,
    source: &Source,
    choice: &PlanChoice,
    fallback_title: &str,
) -> CommandResult<Written> {
    choice.work.step("Распознавание таблицы", 0, source.grid.rows.len())?;
    let recognised = preview(store, source, choice.period.as_ref(), choice.roles)?;
    if recognised.events.is_empty() {
        return Err(invalid("В таблице не найдено ни одного мероприятия: проверьте столбцы.".into()));
    }
    let title = choice
        .title
        .map(str::to_owned)
        .or_else(|| Some(recognised.title.clone()).filter(|t| !t.is_empty()))
        .unwrap_or_else(|| fallback_title.to_owned());
    // What the person did not give comes from the district's profile (who approves, the
    // coordinator), as the welcome panel promised.
    let profile = store::setting::profile(store.read())?;
    let issuer = choice.issuer.map(str::trim).filter(|i| !i.is_empty()).unwrap_or(profile.issuer.trim());
    let coordinator = Some(recognised.coordinator.as_str())
        .filter(|c| !c.trim().is_empty())
        .unwrap_or(profile.coordinator.as_str());
    let new = domain::PlanDraft {
        title: title.trim().to_owned(),
        period: recognised.period,
        issuer: issuer.to_owned(),
        // «Координатор: …» above the table goes to the passport, as the preview says.
        coordinator: import::executors(coordinator).into_iter().next(),
        goal: String::new(),
        tasks: Vec::new(),
    };
    let replaced = same_plan(store, &new.title, &new.period, choice.duplicate)?;
    let label =
        format!("Импорт: «{}» ({})", store::short(&new.title), store::events_count(recognised.events.len()));
    let (draft, parsed) = import::draft(&new, &recognised);
    let plan = store.change(label, |tx| {
        if let Some(old) = replaced {
            store::plan::delete(tx, old)?;
        }
        store::roadmap::write(tx, &draft, parsed.as_deref(), &choice.work)
    })?;
    Ok(Written {
        plan,
        sections: draft.sections.len(),
        events: draft.events.len(),
        warnings: recognised.warnings.clone(),
    })
}

/// The plan a new one would duplicate (same title and period): refused when the person has not
/// said what to do, else the one to replace.
fn same_plan(
    store: &Store,
    title: &str,
    period: &Period,
    duplicate: Duplicate,
) -> CommandResult<Option<domain::Id>> {
    let norm = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    let existing = store::plan::list(store.read())?
        .into_iter()
        .find(|p| norm(&p.title) == norm(title) && p.period == *period);
    match (existing, duplicate) {
        (None, _) | (Some(_), Duplicate::Keep) => Ok(None),
        (Some(p), Duplicate::Replace) => Ok(Some(p.id)),
        (Some(p), Duplicate::Ask) => Err(CommandError::duplicate(format!(
            "Дорожная карта «{}» на этот период уже есть (№ {}). Заменить её, оставить обе или отменить импорт?",
            store::short(&p.title),
            p.id
        ))),
    }
}

/// A plan bundle, if the file is one (a .json); other files are tables.
pub fn read_bundle(path: &Path) -> CommandResult<Option<exchange::bundle::Bundle>> {
    let is_json = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("json"));
    if !is_json {
        return Ok(None);
    }
    let bytes = read_limited(path)?;
    let text = String::from_utf8(bytes).map_err(|_| {
        invalid(format!(
            "Файл «{}» не похож на пакет дорожной карты: в нём текст не в кодировке UTF-8 (или это не текст).",
            path.display()
        ))
    })?;
    exchange::bundle::parse(&text).map(Some).map_err(invalid)
}

/// What a bundle would add, for `import --preview`: nothing is written.
pub fn bundle_preview(store: &Store, bundle: &exchange::bundle::Bundle) -> CommandResult<BundlePreview> {
    let schools = store::school::list(store.read(), None)?;
    let mut missing: Vec<String> = bundle
        .sections
        .iter()
        .flat_map(|s| &s.schools)
        .filter(|name| !schools.iter().any(|s| s.draft.short_name == **name))
        .cloned()
        .collect();
    missing.dedup();
    Ok(BundlePreview {
        title: bundle.plan.title.clone(),
        period: bundle.plan.period,
        sections: bundle.sections.len(),
        events: bundle.events.len(),
        missing_schools: missing,
    })
}

/// A bundle as the preview shows it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct BundlePreview {
    pub title: String,
    pub period: Period,
    pub sections: usize,
    pub events: usize,
    /// Schools of the bundle's sections the district lacks.
    pub missing_schools: Vec<String>,
}

/// A file's bytes, read only if it is a regular file and never past [`MAX_FILE`]: a device
/// (/dev/zero) or a pipe is refused, a file that grows while read is stopped at the limit.
pub fn read_limited(path: &Path) -> CommandResult<Vec<u8>> {
    let io_error = |what: &str, e: std::io::Error| {
        CommandError::new(
            ErrorCode::Io,
            format!("Не удалось {what} «{}»: {}", path.display(), read_message(&e)),
        )
    };
    let meta = std::fs::metadata(path).map_err(|e| io_error("открыть", e))?;
    if meta.is_dir() {
        return Err(invalid(format!("«{}» — это папка, а не файл.", path.display())));
    }
    if !meta.is_file() {
        return Err(invalid(format!(
            "«{}» — не обычный файл (устройство или канал): импортировать можно только файл.",
            path.display()
        )));
    }
    let too_big = || invalid(format!("Файл «{}» больше 100 МБ — это не дорожная карта.", path.display()));
    if meta.len() > MAX_FILE {
        return Err(too_big());
    }
    let file = std::fs::File::open(path).map_err(|e| io_error("открыть", e))?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE + 1).read_to_end(&mut bytes).map_err(|e| io_error("прочитать", e))?;
    if bytes.len() as u64 > MAX_FILE {
        return Err(too_big());
    }
    Ok(bytes)
}

/// Why a file could not be read: unlike writing, a refusal here is about reading.
fn read_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::PermissionDenied => "нет прав на чтение этого файла".into(),
        std::io::ErrorKind::NotFound => "такого файла нет".into(),
        _ => store::io_message(e),
    }
}

/// Writes a bundle as a new plan; schools the district lacks are reported.
pub fn write_bundle(
    store: &mut Store,
    bundle: &exchange::bundle::Bundle,
    duplicate: Duplicate,
    work: &domain::Work,
) -> CommandResult<Written> {
    let label = format!(
        "Импорт пакета: «{}» ({})",
        store::short(&bundle.plan.title),
        store::events_count(bundle.events.len())
    );
    let replaced = same_plan(store, &bundle.plan.title, &bundle.plan.period, duplicate)?;
    write_bundle_as(store, bundle, label, replaced, work)
}

fn write_bundle_as(
    store: &mut Store,
    bundle: &exchange::bundle::Bundle,
    label: String,
    replaced: Option<domain::Id>,
    work: &domain::Work,
) -> CommandResult<Written> {
    let schools = store::school::list(store.read(), None)?;
    let (draft, missing) = exchange::bundle::draft(bundle, &schools);
    let plan = store.change(label, |tx| {
        if let Some(old) = replaced {
            store::plan::delete(tx, old)?;
        }
        store::roadmap::write(tx, &draft, None, work)
    })?;
    Ok(Written {
        plan,
        sections: bundle.sections.len(),
        events: bundle.events.len(),
        warnings: missing
            .iter()
            .map(|s| format!("школа «{s}» не найдена среди школ района: раздел без неё"))
            .collect(),
    })
}

/// Saves plan `plan_id` as a bundle at `path`, for another Koordinator: the window's «Сохранить
/// пакетом» and `koordinator bundle` both.
pub fn save_bundle(store: &Store, plan_id: domain::Id, path: &Path) -> CommandResult<()> {
    let bundle = exchange::bundle::of(
        &store::roadmap::read(store.read(), plan_id)?,
        &store::school::list(store.read(), None)?,
    );
    let text =
        serde_json::to_string_pretty(&bundle).map_err(|e| CommandError::new(ErrorCode::Io, e.to_string()))?;
    crate::files::write_export(store, path, text.as_bytes())
}

/// Next year's plan from plan `id`: a copy with its period and the years in its texts moved.
pub fn copy_plan(store: &mut Store, id: domain::Id, years: i32) -> CommandResult<Written> {
    let schools = store::school::list(store.read(), None)?;
    let bundle = exchange::bundle::of(&store::roadmap::read(store.read(), id)?, &schools);
    let next = exchange::bundle::shifted(&bundle, years);
    let label = format!("Копия на следующий год: «{}»", store::short(&next.plan.title));
    write_bundle_as(store, &next, label, None, &domain::Work::default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_that_cannot_be_read_is_said_so() {
        // Was «нет прав на запись» — the writer's words — for a file the program only reads.
        let denied = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        assert_eq!(read_message(&denied), "нет прав на чтение этого файла");
        let missing = std::io::Error::from(std::io::ErrorKind::NotFound);
        assert_eq!(read_message(&missing), "такого файла нет");
        let e = read_limited(Path::new("/нет/такого/файла.docx")).unwrap_err();
        assert_eq!(e.message, "Не удалось открыть «/нет/такого/файла.docx»: такого файла нет");
    }
}
