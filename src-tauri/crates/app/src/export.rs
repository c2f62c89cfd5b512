//! Gathers a plan's district from the store and prints one of the five documents.

use std::path::Path;

use chrono::NaiveDate;
use documents::{Column, District, Format, Margins, Meta, Orientation, Rendered, RoadmapOptions};
use domain::{Id, Pairing, Roadmap, School, WebinarSeries, WorkingGroup};
use serde::Deserialize;
use store::Store;

use crate::error::{CommandError, CommandResult, ErrorCode};

/// Which document to print.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, ts_rs::TS, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum DocumentKind {
    /// The roadmap annex.
    Annex,
    /// The order approving the plan, with its annexes.
    Order,
    Webinars,
    Schools,
    /// The completion report.
    Report,
    /// «Шкала времени»: the plan's events as bars over a month grid.
    Timeline,
    /// «Ход реализации дорожной карты на <дату>»: the overview on one page.
    Overview,
    /// «Аналитическая справка о результатах и эффективности мер поддержки…» (needs no plan).
    Effectiveness,
    /// «Сводная информация о ходе реализации муниципальных дорожных карт» of a region file.
    RegionSummary,
}

impl DocumentKind {
    /// Printed from the whole file rather than from one plan.
    pub fn needs_plan(self) -> bool {
        !matches!(self, DocumentKind::Effectiveness | DocumentKind::RegionSummary)
    }
}

/// What the user chose in the Документы view (or on the command line).
#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct ExportRequest {
    pub plan_id: Id,
    pub document: DocumentKind,
    pub landscape: bool,
    /// The roadmap table's columns; empty for those the plan fills.
    pub columns: Vec<Column>,
    /// The roadmap's blocks above its table; `None` for all of them.
    pub blocks: Option<Vec<domain::RoadmapBlock>>,
    /// The day of the completion report; today when absent.
    pub as_of: Option<NaiveDate>,
    /// A 30 mm left margin for documents kept over ten years.
    pub long_kept: bool,
    /// An A3 sheet (the timeline only; every other document is A4).
    #[serde(default)]
    pub a3: bool,
    /// What the справка analyses; the usual measure when absent.
    #[serde(default)]
    pub analysis: Option<domain::AnalysisSettings>,
    /// The order to print (`order`): another than the plan's approving one; its roadmap annex
    /// is the plan it names.
    #[serde(default)]
    pub order_id: Option<Id>,
    /// The region's summary: the school year (the newest when absent) and one category.
    #[serde(default)]
    pub year: Option<i32>,
    #[serde(default)]
    pub category: Option<domain::Category>,
}

/// What the documents of one plan draw on, read from the store in one place ([`Data::read`]) and
/// lent to the documents and the overview as a [`District`].
struct Data {
    roadmap: Roadmap,
    schools: Vec<School>,
    pairings: Vec<Pairing>,
    series: Vec<WebinarSeries>,
    groups: Vec<WorkingGroup>,
}

impl Data {
    fn read(store: &Store, plan_id: Id) -> CommandResult<Data> {
        let conn = store.read();
        Ok(Data {
            roadmap: store::roadmap::read(conn, plan_id)?,
            schools: store::school::list(conn, None)?,
            pairings: store::pairing::list(conn, None)?,
            series: store::webinar::list(conn)?,
            groups: store::working_group::list(conn)?,
        })
    }

    fn district(&self) -> District<'_> {
        District {
            roadmap: &self.roadmap,
            schools: &self.schools,
            pairings: &self.pairings,
            series: &self.series,
            groups: &self.groups,
        }
    }
}

fn invalid(e: documents::DocumentError) -> CommandError {
    match e {
        documents::DocumentError::Cancelled(c) => c.into(),
        e => CommandError::new(ErrorCode::Invalid, e.to_string()),
    }
}

/// What was saved: the window and the command line report it.
#[derive(Debug, serde::Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Exported {
    pub path: String,
    /// Pages of the PDF (for a DOCX, as the PDF would have; none for a workbook).
    pub pages: u32,
    pub kilobytes: u32,
    pub warnings: Vec<String>,
}

/// Saves the document as the file's extension says: .docx an editable Word document with the
/// same layout, .xlsx the plan's events as a workbook, anything else a PDF.
pub fn export_to_file(
    store: &Store,
    req: &ExportRequest,
    path: &Path,
    today: NaiveDate,
    created_unix: i64,
    work: &domain::Work,
) -> CommandResult<Exported> {
    let ext = path.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
    if ext == "docx" && req.document == DocumentKind::Timeline {
        return Err(CommandError::new(
            ErrorCode::Invalid,
            "Шкала времени печатается только в PDF: выберите файл .pdf",
        ));
    }
    let (bytes, pages, warnings) = if ext == "xlsx" && req.document == DocumentKind::RegionSummary {
        let t = crate::region::table(store, req.year, req.category)?;
        let bytes = exchange::xlsx::region(&t, &crate::region::districts(store)?)
            .map_err(|e| CommandError::new(ErrorCode::Io, e))?;
        (bytes, 0, Vec::new())
    } else if ext == "xlsx" && req.document == DocumentKind::Effectiveness {
        let a = effectiveness_analysis(store, req)?;
        let bytes = exchange::xlsx::effectiveness(&a).map_err(|e| CommandError::new(ErrorCode::Io, e))?;
        (bytes, 0, Vec::new())
    } else if ext == "xlsx" {
        if !matches!(req.document, DocumentKind::Annex | DocumentKind::Report) {
            return Err(CommandError::new(
                ErrorCode::Invalid,
                "В Excel выгружается таблица мероприятий: выберите дорожную карту (--document annex)",
            ));
        }
        let roadmap = store::roadmap::read(store.read(), req.plan_id)?;
        let bytes = exchange::xlsx::events(&roadmap, req.as_of.unwrap_or(today))
            .map_err(|e| CommandError::new(ErrorCode::Io, e))?;
        (bytes, 0, Vec::new())
    } else {
        let format = if ext == "docx" { Format::Docx } else { Format::Pdf };
        let r = export(store, req, today, created_unix, format, work)?;
        (r.bytes, r.pages as u32, r.warnings)
    };
    work.step("Запись файла", 0, 1)?;
    crate::files::write_export(store, path, &bytes)?;
    Ok(Exported {
        path: path.display().to_string(),
        pages,
        kilobytes: bytes.len().div_ceil(1024) as u32,
        warnings,
    })
}

/// A document's pages to look at (and print) before it is saved.
#[derive(Debug, serde::Serialize, ts_rs::TS)]
#[ts(export)]
pub struct DocumentPreview {
    /// Every page as an SVG document, the same pages the PDF would have.
    pub pages: Vec<String>,
    pub warnings: Vec<String>,
}

/// The document for `req` as the PDF would print it, page by page.
pub fn preview(
    store: &Store,
    req: &ExportRequest,
    today: NaiveDate,
    created_unix: i64,
    work: &domain::Work,
) -> CommandResult<DocumentPreview> {
    let r = export(store, req, today, created_unix, Format::Preview, work)?;
    Ok(DocumentPreview { pages: r.preview, warnings: r.warnings })
}

/// Builds the document for `req` from the store.
pub fn export(
    store: &Store,
    req: &ExportRequest,
    today: NaiveDate,
    created_unix: i64,
    format: Format,
    work: &domain::Work,
) -> CommandResult<Rendered> {
    let orientation = if req.landscape { Orientation::Landscape } else { Orientation::Portrait };
    let margins = if req.long_kept { Margins::LONG_KEPT } else { Margins::STANDARD };
    if req.document == DocumentKind::RegionSummary {
        return region_summary(store, req, margins, format, created_unix, work);
    }
    if req.document == DocumentKind::Effectiveness {
        let a = effectiveness_analysis(store, req)?;
        let meta =
            Meta { title: documents::effectiveness_title(&a), format, created_unix, work: work.clone() };
        return effectiveness(store, &a, today, margins, &meta);
    }
    let conn = store.read();
    // A chosen order prints with the plan its annexes name.
    let chosen_order = match (req.document, req.order_id) {
        (DocumentKind::Order, Some(id)) => Some(store::order::get(conn, id)?),
        _ => None,
    };
    let plan_id = chosen_order
        .as_ref()
        .and_then(|o| o.annexes.iter().find_map(|a| a.draft.plan_id))
        .unwrap_or(req.plan_id);
    let data = Data::read(store, plan_id)?;
    let d = data.district();
    let columns = req.columns.clone();
    let shown = |block: domain::RoadmapBlock| req.blocks.as_ref().is_none_or(|b| b.contains(&block));
    let options = RoadmapOptions {
        columns,
        orientation,
        margins,
        goal: shown(domain::RoadmapBlock::Goal),
        tasks: shown(domain::RoadmapBlock::Tasks),
        coordinator: shown(domain::RoadmapBlock::Coordinator),
        schools: shown(domain::RoadmapBlock::Schools),
    };
    let plan = &data.roadmap.plan;
    let title = match req.document {
        DocumentKind::Annex => plan.title.clone(),
        DocumentKind::Order => "Приказ".to_owned(),
        DocumentKind::Webinars => "График вебинаров".to_owned(),
        DocumentKind::Schools => "Курируемые школы и школы-наставники".to_owned(),
        DocumentKind::Report => format!("Отчёт о выполнении: {}", plan.title),
        DocumentKind::Timeline => format!("Шкала времени: {}", plan.title),
        DocumentKind::Overview => format!("Ход реализации: {}", plan.title),
        DocumentKind::Effectiveness | DocumentKind::RegionSummary => {
            unreachable!("printed above without a plan")
        }
    };
    let as_of = req.as_of.unwrap_or(today);
    let meta = Meta { title, format, created_unix, work: work.clone() };
    let pdf = match req.document {
        DocumentKind::Annex => {
            let order = plan.approving_order_id.map(|id| store::order::get(conn, id)).transpose()?;
            let mark = order.as_ref().and_then(|o| {
                let annex = o.annexes.iter().find(|a| a.draft.kind == domain::AnnexKind::Roadmap)?;
                Some(documents::AnnexMark::of(o, annex.number, o.annexes.len() > 1))
            });
            documents::roadmap_annex(&d, &options, mark.as_ref(), &meta)
        }
        DocumentKind::Order => {
            let order = match chosen_order {
                Some(o) => o,
                None => {
                    let id = plan.approving_order_id.ok_or_else(|| {
                        CommandError::new(
                            ErrorCode::NotFound,
                            "У дорожной карты нет приказа об утверждении: составьте его",
                        )
                    })?;
                    store::order::get(conn, id)?
                }
            };
            // An overview annex shows the plan as of the order's date.
            let overview = order
                .annexes
                .iter()
                .any(|a| a.draft.kind == domain::AnnexKind::Overview)
                .then(|| overview(store, &data, order.draft.date))
                .transpose()?;
            // A справка annex: the usual analysis, the measures as of the order's date.
            let analysis = order
                .annexes
                .iter()
                .any(|a| a.draft.kind == domain::AnnexKind::Effectiveness)
                .then(|| effectiveness_analysis(store, req))
                .transpose()?;
            let support = match &analysis {
                Some(_) => school_support(store, order.draft.date)?,
                None => Vec::new(),
            };
            let profile = store::setting::profile(conn)?;
            let effectiveness = analysis.as_ref().map(|a| documents::EffectivenessInput {
                analysis: a,
                support: &support,
                issuer: "",
                coordinator: &profile.coordinator,
                date: domain::ru_date(order.draft.date),
            });
            documents::order_with_annexes(
                &d,
                &order,
                &options,
                overview.as_ref(),
                effectiveness.as_ref(),
                &meta,
            )
        }
        DocumentKind::Webinars => documents::webinar_schedule(&d, margins, orientation, &meta),
        DocumentKind::Schools => documents::schools_list(&d, margins, orientation, &meta),
        DocumentKind::Report => {
            documents::completion_report(&d, as_of, &options.columns, margins, orientation, &meta)
        }
        DocumentKind::Timeline => {
            let t = domain::timeline(&data.roadmap, &data.series, as_of);
            let paper = if req.a3 { documents::Paper::A3 } else { documents::Paper::A4 };
            documents::timeline_document(&t, &plan.title, paper, margins, &meta)
        }
        DocumentKind::Overview => {
            let o = overview(store, &data, as_of)?;
            documents::overview_document(&o, &plan.title, margins, &meta)
        }
        DocumentKind::Effectiveness | DocumentKind::RegionSummary => {
            unreachable!("printed above without a plan")
        }
    };
    pdf.map_err(invalid)
}

/// The region's summary of its districts (a region file only).
fn region_summary(
    store: &Store,
    req: &ExportRequest,
    margins: Margins,
    format: Format,
    created_unix: i64,
    work: &domain::Work,
) -> CommandResult<Rendered> {
    let districts = crate::region::districts(store)?;
    if districts.is_empty() {
        return Err(CommandError::new(
            ErrorCode::NotFound,
            "Сводную информацию печатает файл региона, а в этом файле нет ни одного района: примите пакеты \
             районов (koordinator region import ФАЙЛ|ПАПКА).",
        ));
    }
    let table = crate::region::table(store, req.year, req.category)?;
    let profile = store::setting::profile(store.read())?;
    let meta =
        Meta { title: documents::region_summary_title(&table), format, created_unix, work: work.clone() };
    let input = documents::RegionInput { table: &table, districts: &districts, issuer: &profile.issuer };
    documents::region_summary(&input, margins, &meta).map_err(invalid)
}

/// The analysis the справка prints: the request's settings, else the usual measure.
fn effectiveness_analysis(store: &Store, req: &ExportRequest) -> CommandResult<domain::Analysis> {
    let settings = match &req.analysis {
        Some(s) => s.clone(),
        None => {
            domain::AnalysisSettings { filter: crate::results::default_filter(store)?, ..Default::default() }
        }
    };
    let a = crate::results::analysis(store, &settings)?;
    if a.years.is_empty() {
        return Err(CommandError::new(
            ErrorCode::NotFound,
            if settings.indicator.is_some() {
                "У показателя района ещё нет значений: внесите их (koordinator results indicator-set)"
            } else {
                "Результатов школ ещё нет: загрузите таблицу результатов (koordinator results import ФАЙЛ)"
            },
        ));
    }
    Ok(a)
}

/// The справка with what each supported school got from every plan.
fn effectiveness(
    store: &Store,
    a: &domain::Analysis,
    today: NaiveDate,
    margins: Margins,
    meta: &Meta,
) -> CommandResult<Rendered> {
    let support = school_support(store, today)?;
    let profile = store::setting::profile(store.read())?;
    let input = documents::EffectivenessInput {
        analysis: a,
        support: &support,
        issuer: &profile.issuer,
        coordinator: &profile.coordinator,
        date: domain::ru_date(today),
    };
    documents::effectiveness_report(&input, margins, meta).map_err(invalid)
}

/// Every school's measures: events aimed at it in every plan, its mentors, its risks.
pub fn school_support(
    store: &Store,
    as_of: NaiveDate,
) -> CommandResult<Vec<domain::effectiveness::SchoolSupport>> {
    use chrono::Datelike;
    Ok(store.snapshot(|conn| {
        let schools = store::school::list(conn, None)?;
        let pairings = store::pairing::list(conn, None)?;
        let factors = store::risk::factors(conn)?;
        let mut roadmaps = Vec::new();
        let mut coverage = Vec::new();
        // Earliest plan first: a school's risk is named as the latest plan has it.
        let mut plans = store::plan::list(conn)?;
        plans.sort_by_key(|p| (p.period.start, p.id));
        for plan in plans {
            let roadmap = store::roadmap::read(conn, plan.id)?;
            let profile = store::risk::profile(conn, roadmap.plan.period.start.year())?;
            let links = store::risk::event_links(conn, plan.id)?;
            for cell in domain::coverage(&profile, &roadmap, &links) {
                let name = factors
                    .iter()
                    .find(|f| f.id == cell.risk_factor_id)
                    .map_or(String::new(), |f| f.name.clone());
                coverage.push((cell, name));
            }
            roadmaps.push(roadmap);
        }
        Ok(domain::effectiveness::support(&schools, &roadmaps, &pairings, &coverage, as_of))
    })?)
}

/// The plan's overview on a day, from what the export has gathered and the risk profile of the
/// plan's first year.
fn overview(store: &Store, data: &Data, as_of: NaiveDate) -> CommandResult<domain::Overview> {
    use chrono::Datelike;
    let conn = store.read();
    let roadmap = &data.roadmap;
    let profile = store::risk::profile(conn, roadmap.plan.period.start.year())?;
    let links = store::risk::event_links(conn, roadmap.plan.id)?;
    let coverage = domain::coverage(&profile, roadmap, &links);
    let factors = store::risk::factors(conn)?;
    let input = domain::OverviewInput { district: data.district(), factors: &factors, coverage: &coverage };
    Ok(domain::overview(input, as_of))
}

/// The plan's overview as the window shows it («Обзор»).
pub fn plan_overview(store: &Store, plan_id: Id, as_of: NaiveDate) -> CommandResult<domain::Overview> {
    overview(store, &Data::read(store, plan_id)?, as_of)
}

/// The plan's timeline as the window draws it («Шкала времени»).
pub fn plan_timeline(store: &Store, plan_id: Id, as_of: NaiveDate) -> CommandResult<domain::Timeline> {
    let conn = store.read();
    let roadmap = store::roadmap::read(conn, plan_id)?;
    Ok(domain::timeline(&roadmap, &store::webinar::list(conn)?, as_of))
}

/// The plan's calendar as ICS: its webinar series and events, or one series alone.
pub fn calendar(
    store: &Store,
    plan_id: Id,
    series: Option<Id>,
    zone: &str,
    stamp: chrono::NaiveDateTime,
) -> CommandResult<String> {
    let conn = store.read();
    let roadmap = store::roadmap::read(conn, plan_id)?;
    let all = store::webinar::list(conn)?;
    let chosen: Vec<WebinarSeries> = match series {
        Some(id) => {
            let s = all.into_iter().find(|s| s.id == id);
            vec![s.ok_or_else(|| {
                CommandError::new(ErrorCode::NotFound, format!("Нет цикла вебинаров № {id}"))
            })?]
        }
        None => all.into_iter().filter(|s| s.plan_id == Some(plan_id)).collect(),
    };
    let roadmaps = if series.is_some() { Vec::new() } else { vec![roadmap.clone()] };
    let entries = exchange::calendar::entries(&roadmaps, &chosen, stamp.date());
    let cal =
        exchange::ics::Calendar { name: &roadmap.plan.title, time_zone: zone, entries: &entries, stamp };
    exchange::ics::write(&cal).map_err(|m| CommandError::new(ErrorCode::Invalid, m))
}
