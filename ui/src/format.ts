// Russian formats: «16.02.2023», «16 февраля 2023 г.», «Март 2023».
import type { Category } from "./api/bindings/Category";
import type { Timeframe } from "./api/bindings/Timeframe";
import { CATEGORY_LABELS } from "./api/bindings/labels";

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

export { ANNEX_LABELS, CATEGORY_LABELS, PROGRESS_LABELS, STATUS_LABELS } from "./api/bindings/labels";

export const CATEGORIES = Object.keys(CATEGORY_LABELS) as Category[];

/** A label at the start of a line or an option: «зона риска» → «Зона риска». */
export function capital(label: string): string {
  return label.charAt(0).toUpperCase() + label.slice(1);
}

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

/** ISO date + n days («2023-03-31» + 1 → «2023-04-01»). */
export function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
