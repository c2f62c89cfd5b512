// Russian formats: «16.02.2023», «16 февраля 2023 г.», «Март 2023».
import type { Category } from "./api/bindings/Category";
import type { EventStatus } from "./api/bindings/EventStatus";

const MONTHS = ["Январь", "Февраль", "Март", "Апрель", "Май", "Июнь", "Июль", "Август", "Сентябрь", "Октябрь", "Ноябрь", "Декабрь"];

/** ISO «2023-02-16» → «16.02.2023». */
export function ruDate(iso: string | null): string {
  if (!iso) return "";
  const [y, m, d] = iso.split("-");
  return `${d}.${m}.${y}`;
}

/** ISO date → «Март 2023». */
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
