import { useEffect, useRef, useState } from "preact/hooks";
import { save } from "@tauri-apps/plugin-dialog";
import { Calendar, type EventInput } from "@fullcalendar/core";
import ruLocale from "@fullcalendar/core/locales/ru";
import dayGridPlugin from "@fullcalendar/daygrid";
import timeGridPlugin from "@fullcalendar/timegrid";
import listPlugin from "@fullcalendar/list";
import interactionPlugin from "@fullcalendar/interaction";
import { api, AppError } from "../api/ipc";
import type { CalendarEntry } from "../api/bindings/CalendarEntry";
import type { EventStatus } from "../api/bindings/EventStatus";
import { ruDate, STATUS_LABELS } from "../format";
import { ErrorNotice, Loading } from "../components/Notice";
import { useLoad } from "../components/useLoad";

const SECTION_COLOURS = ["#1f5fa8", "#2e7d4f", "#8a4fb3", "#b26a00", "#00838f", "#6d4c41"];

/** ISO date + n days. */
function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function toInput(e: CalendarEntry): EventInput {
  const colour = e.kind === "webinar" ? "#c2185b" : SECTION_COLOURS[(e.section_id ?? 0) % SECTION_COLOURS.length];
  return {
    id: e.uid,
    title: e.title,
    start: e.time ? `${e.start}T${e.time}` : e.start,
    // FullCalendar's all-day end is exclusive.
    end: e.time ? undefined : addDays(e.end, 1),
    allDay: !e.time,
    editable: e.kind === "webinar",
    backgroundColor: colour,
    borderColor: e.progress === "overdue" ? "#b3261e" : colour,
    classNames: [`entry-${e.kind}`, e.progress ? `progress-${e.progress}` : ""],
    extendedProps: { uid: e.uid },
  };
}

/** The entry nearest to today, so the calendar opens where the work is. */
function nearest(entries: CalendarEntry[]): string {
  const today = new Date().toISOString().slice(0, 10);
  if (entries.some((e) => e.start <= today && today <= e.end) || entries.length === 0) return today;
  return entries.reduce((best, e) =>
    Math.abs(Date.parse(e.start) - Date.parse(today)) < Math.abs(Date.parse(best.start) - Date.parse(today)) ? e : best,
  ).start;
}

/** Календарь: events by their timeframes, webinar sessions at their times; drag a session to move it. */
export function CalendarView() {
  const host = useRef<HTMLDivElement>(null);
  const calendar = useRef<Calendar | null>(null);
  const shownDate = useRef<Date | null>(null);
  const entries = useLoad(() => api.calendarEntries(), []);
  const [selected, setSelected] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [month, setMonth] = useState("");
  const [saved, setSaved] = useState<string | null>(null);
  const plans = useLoad(() => api.listPlans(), []);

  async function exportIcs() {
    const plan = plans.data?.[0];
    if (!plan) return;
    const path = await save({ defaultPath: "kalendar.ics", filters: [{ name: "iCalendar", extensions: ["ics"] }] });
    if (!path) return;
    api.exportCalendar(plan.id, path).then(
      () => setSaved(path),
      (e) => setError(e instanceof AppError ? e.message : String(e)),
    );
  }

  useEffect(() => {
    if (!host.current || !entries.data) return;
    const list = entries.data;
    const cal = new Calendar(host.current, {
      plugins: [dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin],
      locale: ruLocale,
      firstDay: 1,
      initialView: "dayGridMonth",
      initialDate: shownDate.current ?? nearest(list),
      headerToolbar: { left: "prev,next today", center: "title", right: "dayGridMonth,timeGridWeek,listMonth" },
      height: "auto",
      dayMaxEvents: 4,
      scrollTime: "08:00:00",
      slotMinTime: "07:00:00",
      slotMaxTime: "21:00:00",
      events: list.map(toInput),
      eventClick: (info) => setSelected(info.event.id),
      eventDrop: (info) => {
        const entry = list.find((e) => e.uid === info.event.id);
        const start = info.event.startStr.slice(0, 10);
        if (!entry || entry.kind !== "webinar") return info.revert();
        api.rescheduleWebinar(entry.source_id, start).then(
          () => entries.reload(),
          (e) => {
            info.revert();
            setError(e instanceof AppError ? e.message : String(e));
          },
        );
      },
      datesSet: (info) => {
        shownDate.current = info.view.currentStart;
      },
    });
    cal.render();
    calendar.current = cal;
    return () => cal.destroy();
  }, [entries.data]);

  const entry = entries.data?.find((e) => e.uid === selected) ?? null;
  return (
    <section aria-labelledby="calendar-title">
      <div class="toolbar">
        <h1 id="calendar-title">Календарь</h1>
        <label>
          Перейти к месяцу{" "}
          <input
            type="month"
            id="goto-month"
            value={month}
            onChange={(e) => {
              const v = (e.target as HTMLInputElement).value;
              setMonth(v);
              if (v) calendar.current?.gotoDate(`${v}-01`);
            }}
          />
        </label>
        <button id="export-ics" onClick={exportIcs} disabled={!plans.data?.length}>
          Выгрузить в ICS…
        </button>
        <span class="legend small">
          <span class="swatch webinar" /> вебинар <span class="swatch overdue" /> просрочено
        </span>
      </div>
      <ErrorNotice message={entries.error ?? error} />
      {saved && (
        <p class="notice ok" role="status">
          Календарь сохранён: {saved}. Его можно открыть в Outlook, Thunderbird, Яндекс Календаре.
        </p>
      )}
      {!entries.data && <Loading />}
      <div class="calendar-layout">
        <div ref={host} id="calendar" class="calendar" />
        {entry && <EntryPanel key={entry.uid} entry={entry} onChanged={entries.reload} onClose={() => setSelected(null)} />}
      </div>
    </section>
  );
}

/** What the clicked entry is; an event is marked here, a session moved by date. */
function EntryPanel(props: { entry: CalendarEntry; onChanged: () => void; onClose: () => void }) {
  const e = props.entry;
  const [status, setStatus] = useState<EventStatus>(e.progress === "done" ? "done" : "in_progress");
  const [mark, setMark] = useState("");
  const [date, setDate] = useState(e.start);
  const [error, setError] = useState<string | null>(null);
  const run = (p: Promise<void>) =>
    p.then(props.onChanged, (err) => setError(err instanceof AppError ? err.message : String(err)));
  return (
    <aside class="panel entry-panel" id="entry-panel" aria-label="Выбранное событие">
      <div class="toolbar">
        <h2>{e.kind === "webinar" ? "Вебинар" : "Мероприятие"}</h2>
        <span class="spacer" />
        <button class="link" onClick={props.onClose}>
          Закрыть
        </button>
      </div>
      <p class="strong">{e.title}</p>
      <p class="small">
        {e.start === e.end ? ruDate(e.start) : `${ruDate(e.start)} — ${ruDate(e.end)}`}
        {e.time ? `, ${e.time}` : ""}
      </p>
      <p class="pre small muted">{e.description}</p>
      {e.progress === "overdue" && <p class="warn">Срок прошёл, мероприятие не отмечено выполненным.</p>}
      {e.kind === "event" ? (
        <div class="form-grid">
          <label>
            <span>Состояние</span>
            <select value={status} onChange={(x) => setStatus((x.target as HTMLSelectElement).value as EventStatus)}>
              {(Object.keys(STATUS_LABELS) as EventStatus[]).map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          </label>
          <label class="wide">
            <span>Отметка о выполнении</span>
            <input id="completion-mark" value={mark} onInput={(x) => setMark((x.target as HTMLInputElement).value)} />
          </label>
          <div class="actions">
            <button class="primary" id="save-status" onClick={() => run(api.setEventStatus(e.source_id, status, mark))}>
              Сохранить отметку
            </button>
          </div>
        </div>
      ) : (
        <div class="form-grid">
          <label>
            <span>Новая дата</span>
            <input type="date" id="webinar-date" value={date} onInput={(x) => setDate((x.target as HTMLInputElement).value)} />
          </label>
          <div class="actions">
            <button class="primary" id="move-webinar" onClick={() => run(api.rescheduleWebinar(e.source_id, date))}>
              Перенести
            </button>
          </div>
        </div>
      )}
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
    </aside>
  );
}
