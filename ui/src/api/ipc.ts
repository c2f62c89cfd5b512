// The only file that calls invoke(): typed wrappers over the Rust commands.
import { Channel, invoke } from "@tauri-apps/api/core";
import type { OrderWordings } from "./bindings/OrderWordings";
import type { WorkStep } from "./bindings/WorkStep";
import type { AppInfo } from "./bindings/AppInfo";
import type { CommandError } from "./bindings/CommandError";
import type { ErrorCode } from "./bindings/ErrorCode";
import type { ErrorField } from "./bindings/ErrorField";
import type { Order } from "./bindings/Order";
import type { Plan } from "./bindings/Plan";
import type { Roadmap } from "./bindings/Roadmap";
import type { School } from "./bindings/School";
import type { SchoolDraft } from "./bindings/SchoolDraft";
import type { Event } from "./bindings/Event";
import type { TimeframeReading } from "./bindings/TimeframeReading";
import type { ExportChoices } from "./bindings/ExportChoices";
import type { CalendarEntry } from "./bindings/CalendarEntry";
import type { RuleDates } from "./bindings/RuleDates";
import type { SeriesDraft } from "./bindings/SeriesDraft";
import type { SessionRule } from "./bindings/SessionRule";
import type { Conflict } from "./bindings/Conflict";
import type { EventStatus } from "./bindings/EventStatus";
import type { Exported } from "./bindings/Exported";
import type { DocumentPreview } from "./bindings/DocumentPreview";
import type { ExportRequest } from "./bindings/ExportRequest";
import type { WebinarSeries } from "./bindings/WebinarSeries";
import type { WebinarDraft } from "./bindings/WebinarDraft";
import type { Holiday } from "./bindings/Holiday";
import type { ExecutorChoice } from "./bindings/ExecutorChoice";
import type { ImportSource } from "./bindings/ImportSource";
import type { Period } from "./bindings/Period";
import type { Recognised } from "./bindings/Recognised";
import type { Column } from "./bindings/Column";
import type { Written } from "./bindings/Written";
import type { PlanDraft } from "./bindings/PlanDraft";
import type { SectionDraft } from "./bindings/SectionDraft";
import type { EventDraft } from "./bindings/EventDraft";
import type { Move } from "./bindings/Move";
import type { HistoryState } from "./bindings/HistoryState";
import type { HistoryStep } from "./bindings/HistoryStep";
import type { Change } from "./bindings/Change";
import type { Backup } from "./bindings/Backup";
import type { Duplicate } from "./bindings/Duplicate";
import type { FileDialog } from "./bindings/FileDialog";
import type { DistrictProfile } from "./bindings/DistrictProfile";
import type { Timeframe } from "./bindings/Timeframe";
import type { OrderDraft } from "./bindings/OrderDraft";
import type { PointDraft } from "./bindings/PointDraft";
import type { WorkingGroup } from "./bindings/WorkingGroup";
import type { PairingDraft } from "./bindings/PairingDraft";
import type { PairingYear } from "./bindings/PairingYear";
import type { RiskFactor } from "./bindings/RiskFactor";
import type { RiskLevel } from "./bindings/RiskLevel";
import type { RiskProfileEntry } from "./bindings/RiskProfileEntry";
import type { CoverageCell } from "./bindings/CoverageCell";
import type { Timeline } from "./bindings/Timeline";
import type { Overview } from "./bindings/Overview";
import type { ResultRow } from "./bindings/ResultRow";
import type { ResultRecord } from "./bindings/ResultRecord";
import type { ResultsView } from "./bindings/ResultsView";
import type { ResultsPreview } from "./bindings/ResultsPreview";
import type { ResultsContext } from "./bindings/ResultsContext";
import type { ResultsWritten } from "./bindings/ResultsWritten";
import type { NameChoice } from "./bindings/NameChoice";
import type { AnalysisSettings } from "./bindings/AnalysisSettings";
import type { IndicatorValues } from "./bindings/IndicatorValues";
import type { RegionTable } from "./bindings/RegionTable";
import type { Told } from "./bindings/Told";
import type { Manifest } from "./bindings/Manifest";
import type { Category } from "./bindings/Category";

/** A backend error: `code` to branch on, `message` (Russian) to show, `field` it belongs to. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode | "internal",
    message: string,
    readonly field: ErrorField | null = null,
    /** For `duplicate`: what is there already and the question, as the window asks it. */
    readonly duplicate: string | null = null,
  ) {
    super(message);
  }
}

/** What to tell the person of a failure: a command's Russian message, else what was thrown. */
export function errorText(e: unknown): string {
  return e instanceof AppError ? e.message : String(e);
}

function isCommandError(e: unknown): e is CommandError {
  return typeof e === "object" && e !== null && "code" in e && "message" in e;
}

/** A channel on which a long command reports its steps. */
function steps(onStep: (s: WorkStep) => void): Channel<WorkStep> {
  const channel = new Channel<WorkStep>();
  channel.onmessage = onStep;
  return channel;
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    if (isCommandError(e)) throw new AppError(e.code, e.message, e.field, e.duplicate);
    throw new AppError("internal", `Внутренняя ошибка программы: ${String(e)}`);
  }
}

export const api = {
  appInfo: () => call<AppInfo>("app_info"),
  regionTable: (year: number | null, category: Category | null) =>
    call<RegionTable>("region_table", { year, category }),
  acceptPackages: (paths: string[], onStep: (s: WorkStep) => void) =>
    call<Told[]>("accept_packages", { paths, progress: steps(onStep) }),
  packageName: () => call<string>("package_name"),
  makePackage: (path: string) => call<Manifest>("make_package", { path }),
  becomeRegion: () => call<void>("become_region"),
  openDistrict: (code: string) => call<void>("open_district", { code }),
  loadDemo: () => call<number>("load_demo"),
  listSchools: (year: number | null) => call<School[]>("list_schools", { year }),
  createSchool: (draft: SchoolDraft) => call<School>("create_school", { draft }),
  updateSchool: (id: number, draft: SchoolDraft) => call<School>("update_school", { id, draft }),
  listPlans: () => call<Plan[]>("list_plans"),
  getRoadmap: (planId: number) => call<Roadmap>("get_roadmap", { planId }),
  listOrders: () => call<Order[]>("list_orders"),
  planTimeline: (planId: number, asOf: string | null) => call<Timeline>("plan_timeline", { planId, asOf }),
  planOverview: (planId: number, asOf: string | null) => call<Overview>("plan_overview", { planId, asOf }),
  listWebinarSeries: () => call<WebinarSeries[]>("list_webinar_series"),
  readTimeframe: (planId: number, text: string) => call<TimeframeReading>("read_timeframe", { planId, text }),
  /** The words for a timeframe moved to `start..end`, keeping the notes and conditions of `text`. */
  timeframeWording: (text: string, start: string, end: string) => call<string>("timeframe_wording", { text, start, end }),
  setEventTimeframe: (eventId: number, text: string) =>
    call<TimeframeReading>("set_event_timeframe", { eventId, text }),
  listTimeframeReview: (planId: number) => call<Event[]>("list_timeframe_review", { planId }),
  acceptEventTimeframe: (eventId: number) => call<void>("accept_event_timeframe", { eventId }),
  /** The roadmap's columns and blocks; `usual` columns are those the plan fills. */
  exportChoices: (planId: number | null) => call<ExportChoices>("export_choices", { planId }),
  exportDocument: (request: ExportRequest, path: string, onStep: (s: WorkStep) => void) =>
    call<Exported>("export_document", { request, path, progress: steps(onStep) }),
  previewDocument: (request: ExportRequest, onStep: (s: WorkStep) => void) =>
    call<DocumentPreview>("preview_document", { request, progress: steps(onStep) }),
  printPage: () => call<void>("print_page"),
  openDocument: (path: string) => call<void>("open_document", { path }),
  calendarEntries: () => call<CalendarEntry[]>("calendar_entries"),
  exportCalendar: (planId: number, path: string) => call<void>("export_calendar", { planId, path }),
  listWebinarConflicts: () => call<Conflict[]>("list_webinar_conflicts"),
  createSeriesByRule: (series: SeriesDraft, rule: SessionRule) => call<RuleDates>("create_series_by_rule", { series, rule }),
  rescheduleWebinar: (webinarId: number, date: string, startTime: string | null = null) =>
    call<void>("reschedule_webinar", { webinarId, date, startTime }),
  setEventStatus: (eventId: number, status: EventStatus, completionMark: string, evidence: string) =>
    call<void>("set_event_status", { eventId, status, completionMark, evidence }),
  updateWebinar: (webinarId: number, draft: WebinarDraft) => call<void>("update_webinar", { webinarId, draft }),
  listHolidays: (year: number) => call<Holiday[]>("list_holidays", { year }),
  setHoliday: (holiday: Holiday) => call<void>("set_holiday", { holiday }),
  removeHoliday: (date: string) => call<void>("remove_holiday", { date }),
  /** The executor filters' entries: one per person, only those some event or webinar names. */
  listExecutors: () => call<ExecutorChoice[]>("list_executors"),
  /** The recognised table: its first rows and those that need a look, the counts of the whole. */
  previewImport: (
    source: ImportSource,
    period: Period | null,
    roles: (Column | null)[] | null,
    onStep: (s: WorkStep) => void,
  ) => call<Recognised>("preview_import", { source, period, roles, progress: steps(onStep) }),
  importPlan: (
    source: ImportSource,
    period: Period | null,
    title: string,
    issuer: string,
    roles: (Column | null)[] | null,
    duplicate: Duplicate | null,
    onStep: (s: WorkStep) => void,
  ) => call<Written>("import_plan", { source, period, title, issuer, roles, duplicate, progress: steps(onStep) }),
  listResults: (year: number | null) => call<ResultRow[]>("list_results", { year }),
  /** The choices and the analysis; with null the default settings (the view's first draw). */
  resultsView: (settings: AnalysisSettings | null) => call<ResultsView>("results_view", { settings }),
  previewResults: (source: ImportSource, hints: ResultsContext) => call<ResultsPreview>("preview_results", { source, hints }),
  importResults: (source: ImportSource, hints: ResultsContext, choices: Record<string, NameChoice>, duplicate: Duplicate | null) =>
    call<ResultsWritten>("import_results", { source, hints, choices, duplicate }),
  updateResult: (id: number, record: ResultRecord) => call<void>("update_result", { id, record }),
  listIndicators: () => call<IndicatorValues[]>("list_indicators"),
  addIndicator: (name: string, unit: string, higherIsBetter: boolean) =>
    call<number>("add_indicator", { name, unit, higherIsBetter }),
  setIndicatorValue: (indicatorId: number, schoolId: number, year: number, value: number | null) =>
    call<void>("set_indicator_value", { indicatorId, schoolId, year, value }),
  /** Stops the running import or export at its next step: nothing of it is written. */
  cancelWork: () => call<void>("cancel_work"),
  exportBundle: (planId: number, path: string) => call<void>("export_bundle", { planId, path }),
  /** The system's open or save dialog, shown by the backend: only a path chosen there may be
   * read or written by the window's commands. */
  chooseFile: (dialog: FileDialog) => call<string | null>("choose_file", { dialog }),
  copyPlan: (planId: number, years: number) => call<Written>("copy_plan", { planId, years }),
  savePlan: (id: number | null, draft: PlanDraft) => call<number>("save_plan", { id, draft }),
  deletePlan: (id: number) => call<void>("delete_plan", { id }),
  createSection: (planId: number, draft: SectionDraft) => call<number>("create_section", { planId, draft }),
  updateSection: (id: number, draft: SectionDraft) => call<void>("update_section", { id, draft }),
  deleteSection: (id: number) => call<void>("delete_section", { id }),
  shiftSection: (id: number, up: boolean) => call<void>("shift_section", { id, up }),
  addEvent: (planId: number, sectionId: number | null, after: number | null) =>
    call<number>("add_event", { planId, sectionId, after }),
  updateEvent: (id: number, draft: EventDraft, executorsText: string | null) =>
    call<Timeframe>("update_event", { id, draft, executorsText }),
  deleteEvent: (id: number) => call<void>("delete_event", { id }),
  shiftEvent: (id: number, to: Move) => call<void>("shift_event", { id, to }),
  moveEventBefore: (id: number, target: number) => call<void>("move_event_before", { id, target }),
  history: () => call<HistoryState>("history"),
  undo: () => call<HistoryStep>("undo"),
  /** Undoes the change `id` only if it is still the newest (a delete note's «Отменить»). */
  undoChange: (id: number) => call<HistoryStep>("undo_change", { id }),
  redo: () => call<HistoryStep>("redo"),
  listChanges: () => call<Change[]>("list_changes"),
  undoTo: (id: number) => call<HistoryState>("undo_to", { id }),
  dataVersion: () => call<number>("data_version"),
  districtProfile: () => call<DistrictProfile>("district_profile"),
  saveDistrictProfile: (profile: DistrictProfile) => call<void>("save_district_profile", { profile }),
  listBackups: () => call<Backup[]>("list_backups"),
  makeBackup: () => call<Backup>("make_backup"),
  restoreBackup: (path: string) => call<Backup>("restore_backup", { path }),
  saveOrder: (id: number | null, draft: OrderDraft, points: PointDraft[]) => call<number>("save_order", { id, draft, points }),
  orderPoints: (id: number) => call<PointDraft[]>("order_points", { id }),
  /** The title the points call for («О ходе реализации …»), or null when they say nothing. */
  orderTitleFor: (planId: number, points: PointDraft[]) => call<string | null>("order_title_for", { planId, points }),
  orderWordings: (planId: number | null) => call<OrderWordings>("order_wordings", { planId }),
  listWorkingGroups: () => call<WorkingGroup[]>("list_working_groups"),
  savePairing: (id: number | null, draft: PairingDraft) => call<number>("save_pairing", { id, draft }),
  deletePairing: (id: number) => call<void>("delete_pairing", { id }),
  pairingYear: (year: number | null) => call<PairingYear>("pairing_year", { year }),
  setMentorLimit: (limit: number) => call<void>("set_mentor_limit", { limit }),
  listRiskFactors: () => call<RiskFactor[]>("list_risk_factors"),
  addRiskFactor: (name: string) => call<number>("add_risk_factor", { name }),
  renameRiskFactor: (id: number, name: string) => call<void>("rename_risk_factor", { id, name }),
  removeRiskFactor: (id: number) => call<void>("remove_risk_factor", { id }),
  riskProfile: (year: number) => call<RiskProfileEntry[]>("risk_profile", { year }),
  setRiskLevel: (schoolId: number, riskFactorId: number, year: number, level: RiskLevel | null) =>
    call<void>("set_risk_level", { schoolId, riskFactorId, year, level }),
  coverage: (planId: number, year: number) => call<CoverageCell[]>("coverage", { planId, year }),
  linkEventRisk: (eventId: number, riskFactorId: number, addresses: boolean) =>
    call<void>("link_event_risk", { eventId, riskFactorId, addresses }),
};
