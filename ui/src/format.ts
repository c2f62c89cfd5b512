// Russian formats: «16.02.2023», «16 февраля 2023 г.», «Март 2023».
import type { AnnexKind } from "./api/bindings/AnnexKind";
import type { Category } from "./api/bindings/Category";
import type { EventStatus } from "./api/bindings/EventStatus";
import type { Progress } from "./api/bindings/Progress";
import type { Timeframe } from "./api/bindings/Timeframe";

const MONTHS = ["Январь", "Февраль", "Март", "Апрель", "Май", "Июнь", "Июль", "Август", "Сентябрь", "Октябрь", "Ноябрь", "Декабрь"];

/** ISO «2023-02-16» → «16.02.2023». */
export function ruDate(iso: string | null): string {
  if (!iso) return "";
  const [y, m, d] = iso.split("-");
  return `${d}.${m}.${y}`;
}

/** ISO date → «Март 2023». */
/** «2026-12-01T14:05:09» → «01.12.2026 14:05». */
export function ruDateTime(at: string): string {
  const [d, t = ""] = at.split("T");
  return `${ruDate(d)} ${t.slice(0, 5)}`.trim();
}

export function monthTitle(iso: string): string {
  const [y, m] = iso.split("-");
  return `${MONTHS[Number(m) - 1]} ${y}`;
}

export const CATEGORY_LABELS: Record<Category, string> = {
  low_results: "ШНОР",
  adverse_conditions: "ШНСУ",
  risk_zone: "Зона риска",
  project_500: "«500+»",
  mentor: "Школа-наставник",
  training_site: "Стажировочная площадка",
};

export const CATEGORIES = Object.keys(CATEGORY_LABELS) as Category[];

export const STATUS_LABELS: Record<EventStatus, string> = {
  planned: "Запланировано",
  in_progress: "Выполняется",
  done: "Выполнено",
  cancelled: "Отменено",
};

/** Where an event stands on a day (domain::Progress). */
export const PROGRESS_LABELS: Record<Progress, string> = {
  planned: "запланировано",
  in_progress: "выполняется",
  done: "выполнено",
  overdue: "просрочено",
  cancelled: "отменено",
};

/** What a timeframe came to, in dates: «10.03.2023», «01.02.2023 — 28.02.2023», «до 10.03.2023». */
export function timeframeDates(t: Timeframe): string {
  if (t.start && t.end) return t.start === t.end ? ruDate(t.start) : `${ruDate(t.start)} — ${ruDate(t.end)}`;
  if (t.end) return `до ${ruDate(t.end)}`;
  return "";
}

/** A long plan title cut from its start, so the end that tells plans apart («… в 2023-2024
 * учебном году») stays visible in narrow lists; the full title goes into the tooltip. */
export function planLabel(title: string, max = 60): string {
  const t = title.trim();
  if (t.length <= max) return t;
  const tail = t.slice(t.length - max + 1);
  const word = tail.indexOf(" ");
  return "…" + (word > 0 && word < 15 ? tail.slice(word + 1) : tail);
}

/** What each kind of order annex is called in lists («3. дорожная карта»). */
export const ANNEX_LABELS: Record<AnnexKind, string> = {
  roadmap: "дорожная карта",
  pairings: "закрепление школ-наставников",
  working_group: "состав рабочей группы",
  schools: "список школ",
  webinars: "график вебинаров",
  overview: "ход реализации дорожной карты",
};

/** ISO date + n days («2023-03-31» + 1 → «2023-04-01»). */
export function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
