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

/// Reads and parses a .docx, HTML or text file.
pub fn read_file(path: &Path) -> CommandResult<Source> {
    let file = std::fs::File::open(path).map_err(|e| {
        CommandError::new(ErrorCode::Io, format!("Не удалось открыть «{}»: {e}", path.display()))
    })?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE + 1).read_to_end(&mut bytes).map_err(|e| {
        CommandError::new(ErrorCode::Io, format!("Не удалось прочитать «{}»: {e}", path.display()))
    })?;
    if bytes.len() as u64 > MAX_FILE {
        return Err(invalid(format!("Файл «{}» больше 100 МБ — это не дорожная карта.", path.display())));
    }
    import::read_bytes(&bytes, &path.to_string_lossy()).map_err(invalid)
}

/// Parses a table pasted from the clipboard.
pub fn read_pasted(text: &str, html: Option<&str>) -> CommandResult<Source> {
    import::read_pasted(text, html).map_err(invalid)
}

/// What the import would write, for the preview.
pub fn preview(
    store: &Store,
    source: &Source,
    period: &Period,
    roles: Option<&[Role]>,
) -> CommandResult<Recognised> {
    let schools = store::school::list(store.read(), None)?;
    Ok(import::recognise(&source.grid, &source.preamble, period, &schools, roles))
}

/// What the user says of the new plan; the title defaults to the roadmap's own.
pub struct PlanChoice<'a> {
    pub title: Option<&'a str>,
    pub issuer: Option<&'a str>,
    pub period: Period,
    pub roles: Option<&'a [Role]>,
}

/// Recognises and writes the plan in one transaction: all or nothing.
pub fn write(
    store: &mut Store,
    source: &Source,
    choice: &PlanChoice,
    fallback_title: &str,
) -> CommandResult<Written> {
    let recognised = preview(store, source, &choice.period, choice.roles)?;
    if recognised.events.is_empty() {
        return Err(invalid("В таблице не найдено ни одного мероприятия: проверьте столбцы.".into()));
    }
    let title = choice
        .title
        .map(str::to_owned)
        .or_else(|| source.preamble.iter().find(|l| l.to_lowercase().contains("дорожная карта")).cloned())
        .unwrap_or_else(|| fallback_title.to_owned());
    let new = domain::PlanDraft {
        title: title.trim().to_owned(),
        period: choice.period,
        issuer: choice.issuer.unwrap_or_default().to_owned(),
        coordinator: None,
        goal: String::new(),
        tasks: Vec::new(),
    };
    let label =
        format!("Импорт: «{}» ({})", store::short(&new.title), store::events_count(recognised.events.len()));
    Ok(store.change(label, |tx| import::write(tx, &new, &recognised))?)
}

/// A plan bundle, if the file is one (a .json); other files are tables.
pub fn read_bundle(path: &Path) -> CommandResult<Option<exchange::bundle::Bundle>> {
    let is_json = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("json"));
    if !is_json {
        return Ok(None);
    }
    let text = std::fs::read_to_string(path).map_err(|e| {
        CommandError::new(ErrorCode::Io, format!("Не удалось прочитать «{}»: {e}", path.display()))
    })?;
    exchange::bundle::parse(&text).map(Some).map_err(invalid)
}

/// Writes a bundle as a new plan; schools the district lacks are reported.
pub fn write_bundle(store: &mut Store, bundle: &exchange::bundle::Bundle) -> CommandResult<Written> {
    let label = format!(
        "Импорт пакета: «{}» ({})",
        store::short(&bundle.plan.title),
        store::events_count(bundle.events.len())
    );
    write_bundle_as(store, bundle, label)
}

fn write_bundle_as(
    store: &mut Store,
    bundle: &exchange::bundle::Bundle,
    label: String,
) -> CommandResult<Written> {
    let schools = store::school::list(store.read(), None)?;
    let (plan, missing) = store.change(label, |tx| exchange::bundle::write(tx, bundle, &schools))?;
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

/// Next year's plan from plan `id`: a copy with its period and the years in its texts moved.
pub fn copy_plan(store: &mut Store, id: domain::Id, years: i32) -> CommandResult<Written> {
    let schools = store::school::list(store.read(), None)?;
    let bundle = exchange::bundle::of(&store::plan::roadmap(store.read(), id)?, &schools);
    let next = exchange::bundle::shifted(&bundle, years);
    let label = format!("Копия на следующий год: «{}»", store::short(&next.plan.title));
    write_bundle_as(store, &next, label)
}
