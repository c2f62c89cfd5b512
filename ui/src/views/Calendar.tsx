import { useEffect, useRef, useState } from "preact/hooks";
import { Calendar, type EventInput } from "@fullcalendar/core";
import ruLocale from "@fullcalendar/core/locales/ru";
import dayGridPlugin from "@fullcalendar/daygrid";
import timeGridPlugin from "@fullcalendar/timegrid";
import listPlugin from "@fullcalendar/list";
import interactionPlugin from "@fullcalendar/interaction";
import { api, errorText } from "../api/ipc";
import type { CalendarEntry } from "../api/bindings/CalendarEntry";
import type { Roadmap } from "../api/bindings/Roadmap";
import type { Conflict } from "../api/bindings/Conflict";
import type { School } from "../api/bindings/School";
import type { ExecutorChoice } from "../api/bindings/ExecutorChoice";
import type { WebinarSeries } from "../api/bindings/WebinarSeries";
import { PROGRESS_LABELS, addDays, planLabel, ruDate } from "../format";
import { ErrorNotice, Loading } from "../components/Notice";
import { useLoad } from "../components/useLoad";
import { EventMarkForm } from "../components/EventMarkForm";
import { EventTimeframeEditor } from "../components/EventTimeframeEditor";
import { WebinarForm } from "../components/WebinarForm";
import { found } from "../search";

const SECTION_COLOURS = ["#1f5fa8", "#2e7d4f", "#8a4fb3", "#b26a00", "#00838f", "#6d4c41"];


/** What the calendar shows: "" in a field means «все». */
type Filter = { plan: string; section: string; school: string; executor: string; status: string; text: string };
const NO_FILTER: Filter = { plan: "", section: "", school: "", executor: "", status: "", text: "" };

function matches(e: CalendarEntry, f: Filter): boolean {
  const id = (v: string) => Number(v);
  if (f.plan && e.plan_id !== id(f.plan)) return false;
  if (f.section && e.section_id !== id(f.section)) return false;
  if (f.school && !e.school_ids.includes(id(f.school))) return false;
  if (f.executor && !f.executor.split(",").some((x) => e.executor_ids.includes(id(x)))) return false;
  if (!found(f.text, [e.title, e.description])) return false;
  if (f.status === "webinar") return e.kind === "webinar";
  if (f.status && e.progress !== f.status) return false;
  return true;
}

function toInput(e: CalendarEntry, conflicts: Conflict[]): EventInput {
  const colour = e.kind === "webinar" ? "#c2185b" : SECTION_COLOURS[(e.section_id ?? 0) % SECTION_COLOURS.length];
  const flagged = e.kind === "webinar" && conflicts.some((c) => c.webinar_id === e.source_id);
  return {
    id: e.uid,
    title: flagged ? `⚠ ${e.title}` : e.title,
    start: e.time ? `${e.start}T${e.time}` : e.start,
    // FullCalendar's all-day end is exclusive.
    end: e.time ? undefined : addDays(e.end, 1),
    allDay: !e.time,
    editable: e.kind === "webinar",
    backgroundColor: colour,
    borderColor: e.progress === "overdue" ? "#b3261e" : colour,
    classNames: [`entry-${e.kind}`, e.progress ? `progress-${e.progress}` : "", flagged ? "has-conflict" : ""],
    extendedProps: { uid: e.uid },
  };
}

/** Longer than this, an entry («в течение года», a whole term) is listed above the grid instead
 * of drawn across every day of it, where hundreds of such bars hid the dated work. */
const LONG_DAYS = 45;

/** At most this many entries are drawn in a day's cell; the rest stand behind one «ещё N»
 * entry that lists them on click. FullCalendar then lays out a few dozen entries a month, not
 * the hundreds a big district has. */
const PER_DAY = 3;

/** The entries to draw in `from`..`to` (ISO, end exclusive) and, per day, those left out. */
function dayLimited(entries: CalendarEntry[], from: string, to: string): { shown: CalendarEntry[]; more: Map<string, number> } {
  const count = new Map<string, number>();
  const more = new Map<string, number>();
  const shown: CalendarEntry[] = [];
  const inRange = entries
    .filter((e) => e.start < to && e.end >= from)
    // Day by day, timed sessions first, then the shorter entries: the dated work stays visible.
    .sort(
      (a, b) =>
        a.start.localeCompare(b.start) ||
        (a.time ? 0 : 1) - (b.time ? 0 : 1) ||
        (a.time ?? "").localeCompare(b.time ?? "") ||
        a.end.localeCompare(b.end),
    );
  for (const e of inRange) {
    const days: string[] = [];
    for (let d = e.start < from ? from : e.start; d <= e.end && d < to; d = addDays(d, 1)) days.push(d);
    if ((count.get(days[0]) ?? 0) < PER_DAY) {
      shown.push(e);
      for (const d of days) count.set(d, (count.get(d) ?? 0) + 1);
    } else {
      for (const d of days) more.set(d, (more.get(d) ?? 0) + 1);
    }
  }
  return { shown, more };
}

/** The entries a day's «ещё N» stands for, and the others of that day. */
function entriesOn(entries: CalendarEntry[], day: string): CalendarEntry[] {
  return entries.filter((e) => e.start <= day && day <= e.end);
}

function isLong(e: CalendarEntry): boolean {
  return (Date.parse(e.end) - Date.parse(e.start)) / 86_400_000 > LONG_DAYS;
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
  // Entries and what the filters and the panel need come together, so the calendar is drawn once.
  const district = useLoad(async () => {
    const plans = await api.listPlans();
    const [entries, roadmaps, schools, executors, series, conflicts] = await Promise.all([
      api.calendarEntries(),
      Promise.all(plans.map((p) => api.getRoadmap(p.id))),
      api.listSchools(null),
      api.listExecutors(),
      api.listWebinarSeries(),
      api.listWebinarConflicts(),
    ]);
    return { entries, roadmaps, schools, executors, series, conflicts };
  }, []);
  const [filter, setFilter] = useState<Filter>(NO_FILTER);
  const [selected, setSelected] = useState<string | null>(null);
  const [day, setDay] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [month, setMonth] = useState("");
  const [saved, setSaved] = useState<string | null>(null);
  const plans = useLoad(() => api.listPlans(), []);

  async function exportIcs() {
    const plan = plans.data?.find((p) => String(p.id) === filter.plan) ?? plans.data?.[0];
    if (!plan) return;
    const path = await api.chooseFile({ kind: "save", title: "Сохранить календарь", file_name: "Календарь.ics", filters: [{ name: "Календарь iCalendar", extensions: ["ics"] }] });
    if (!path) return;
    api.exportCalendar(plan.id, path).then(
      () => setSaved(path),
      (e) => setError(errorText(e)),
    );
  }

  useEffect(() => {
    if (!host.current || !district.data) return;
    const list = district.data.entries;
    const conflicts = district.data.conflicts;
    const chosen = list.filter((e) => matches(e, filter) && !isLong(e));
    const cal = new Calendar(host.current, {
      plugins: [dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin],
      locale: ruLocale,
      firstDay: 1,
      initialView: "dayGridMonth",
      initialDate: shownDate.current ?? nearest(list),
      headerToolbar: { left: "prev,next today", center: "title", right: "dayGridMonth,timeGridWeek,listMonth" },
      height: "auto",
      dayMaxEvents: 4,
      // «15:00 Вебинар: …», not FullCalendar's Russian default «15 Вебинар: …».
      eventTimeFormat: { hour: "2-digit", minute: "2-digit", hour12: false },
      scrollTime: "08:00:00",
      slotMinTime: "07:00:00",
      slotMaxTime: "21:00:00",
      // Only the shown range goes to FullCalendar: a ten-year district's thousands of entries
      // would otherwise be laid out again on every month switch.
      events: (range, success) => {
        const from = range.startStr.slice(0, 10);
        const to = range.endStr.slice(0, 10);
        // The week and the list show everything; the month grid only what fits a day's cell.
        // The grid is the only view asking for six weeks (FullCalendar's fixedWeekCount), and the
        // view's name is not known yet while the calendar is being made.
        const grid = (range.end.getTime() - range.start.getTime()) / 86_400_000 > 40;
        const { shown, more } =
          grid
            ? dayLimited(chosen, from, to)
            : { shown: chosen.filter((e) => e.start < to && e.end >= from), more: new Map<string, number>() };
        success([
          ...shown.map((e) => toInput(e, conflicts)),
          ...[...more].map(([day, n]) => ({
            id: `more:${day}`,
            title: `ещё ${n}…`,
            start: day,
            allDay: true,
            classNames: ["more-entry"],
            extendedProps: { last: 1 },
          })),
        ]);
      },
      // «ещё N» closes its day's list of entries.
      eventOrder: "last,start,-duration,allDay,title",
      eventClick: (info) => {
        if (info.event.id.startsWith("more:")) setDay(info.event.id.slice(5));
        else setSelected(info.event.id);
      },
      eventDrop: (info) => {
        const entry = list.find((e) => e.uid === info.event.id);
        const start = info.event.startStr.slice(0, 10);
        if (!entry || entry.kind !== "webinar") return info.revert();
        api.rescheduleWebinar(entry.source_id, start).then(
          changed,
          (e) => {
            info.revert();
            setError(errorText(e));
          },
        );
      },
      datesSet: (info) => {
        shownDate.current = info.view.currentStart;
        // «Перейти к месяцу» always names the month the grid shows.
        const d = info.view.currentStart;
        setMonth(`${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}`);
      },
    });
    cal.render();
    calendar.current = cal;
    return () => cal.destroy();
  }, [district.data, filter]);

  // The side panel narrows the grid: FullCalendar measures again, so Saturday and Sunday stay.
  useEffect(() => {
    calendar.current?.updateSize();
  }, [selected, day]);

  const changed = district.reload;
  const entry = district.data?.entries.find((e) => e.uid === selected) ?? null;
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
          <span class="swatch webinar" /> вебинар <span class="swatch overdue" /> просрочено ⚠ требует проверки
        </span>
      </div>
      {district.data && <Filters data={district.data} value={filter} onChange={setFilter} />}
      <ErrorNotice message={district.error ?? error} />
      {saved && (
        <p class="notice ok" role="status">
          Календарь сохранён: {saved}. Его можно открыть в Outlook, Thunderbird, Яндекс Календаре.
        </p>
      )}
      {!district.data && <Loading />}
      <div class="calendar-layout">
        <div ref={host} id="calendar" class="calendar" />
        {day && !entry && district.data && (
          <DayList
            day={day}
            entries={entriesOn(district.data.entries.filter((e) => matches(e, filter) && !isLong(e)), day)}
            onOpen={setSelected}
            onClose={() => setDay(null)}
          />
        )}
        {entry && district.data && (
          <EntryPanel
            key={`${entry.uid}@${entry.start}`}
            entry={entry}
            district={district.data}
            onChanged={changed}
            onClose={() => setSelected(null)}
          />
        )}
      </div>
      {district.data && <LongEntries entries={district.data.entries.filter((e) => matches(e, filter) && isLong(e))} onOpen={setSelected} />}
    </section>
  );
}

type District = {
  entries: CalendarEntry[];
  roadmaps: Roadmap[];
  schools: School[];
  executors: ExecutorChoice[];
  series: WebinarSeries[];
  conflicts: Conflict[];
};

/** Filters by plan, section, school, executor and status; each list offers only what exists. */
function Filters(props: { data: District; value: Filter; onChange: (f: Filter) => void }) {
  const f = props.value;
  const set = (field: keyof Filter) => (e: Event) => {
    const v = (e.target as HTMLSelectElement).value;
    props.onChange({ ...f, [field]: v, ...(field === "plan" ? { section: "" } : {}) });
  };
  const sections = props.data.roadmaps
    .filter((r) => !f.plan || String(r.plan.id) === f.plan)
    .flatMap((r) => r.sections);
  const select = (field: keyof Filter, label: string, options: [string | number, string][]) => (
    <label>
      <span>{label}</span>
      <select id={`filter-${field}`} value={f[field]} onChange={set(field)}>
        <option value="">все</option>
        {options.map(([v, text]) => (
          <option key={v} value={String(v)}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div class="filters" role="group" aria-label="Фильтры календаря">
      {select("plan", "Дорожная карта", props.data.roadmaps.map((r) => [r.plan.id, planLabel(r.plan.title)]))}
      {select("section", "Раздел", sections.map((s) => [s.id, [s.number, s.title].filter(Boolean).join(". ")]))}
      {select("school", "Школа", props.data.schools.map((s) => [s.id, s.short_name]))}
      {select("executor", "Исполнитель", props.data.executors.map((x) => [x.ids.join(","), x.label]))}
      {select("status", "Состояние", [
        ...(Object.entries(PROGRESS_LABELS) as [string, string][]),
        ["webinar", "только вебинары"],
      ])}
      <label>
        <span>Поиск</span>
        <input
          id="filter-text"
          type="search"
          value={f.text}
          onInput={(e) => props.onChange({ ...f, text: (e.target as HTMLInputElement).value })}
        />
      </label>
      {Object.values(f).some(Boolean) && (
        <button class="link" id="filter-reset" onClick={() => props.onChange(NO_FILTER)}>
          сбросить
        </button>
      )}
    </div>
  );
}

/** Everything of one day, from its «ещё N»: each entry opens the same panel as in the grid. */
function DayList(props: { day: string; entries: CalendarEntry[]; onOpen: (uid: string) => void; onClose: () => void }) {
  return (
    <aside class="panel entry-panel" id="day-list" aria-label={`Всё за ${ruDate(props.day)}`}>
      <div class="toolbar">
        <h2>{ruDate(props.day)}</h2>
        <span class="spacer" />
        <button class="link" onClick={props.onClose}>
          Закрыть
        </button>
      </div>
      <ul class="plain">
        {props.entries.map((e) => (
          <li key={e.uid}>
            <button class="link" onClick={() => props.onOpen(e.uid)}>
              {e.time ? `${e.time.slice(0, 5)} ` : ""}
              {e.title}
            </button>
            {e.progress && <span class="muted small"> · {PROGRESS_LABELS[e.progress]}</span>}
          </li>
        ))}
      </ul>
    </aside>
  );
}

/** The long entries of the shown plans, folded: each opens the same panel as a calendar entry. */
function LongEntries(props: { entries: CalendarEntry[]; onOpen: (uid: string) => void }) {
  if (props.entries.length === 0) return null;
  return (
    <details class="long-entries" id="long-entries">
      <summary>Длительные мероприятия (дольше {LONG_DAYS} дней, например «в течение года»): {props.entries.length}</summary>
      <ul>
        {props.entries.map((e) => (
          <li key={e.uid}>
            <button class="link" onClick={() => props.onOpen(e.uid)}>
              {e.title}
            </button>{" "}
            <span class="muted small">
              {ruDate(e.start)} — {ruDate(e.end)}
            </span>
          </li>
        ))}
      </ul>
    </details>
  );
}

/** What the clicked entry is: an event is marked and its timeframe edited here, a session moved or
 * rewritten. */
function EntryPanel(props: { entry: CalendarEntry; district: District; onChanged: () => void; onClose: () => void }) {
  const e = props.entry;
  const event =
    e.kind === "event" ? props.district.roadmaps.flatMap((r) => r.events).find((x) => x.id === e.source_id) : undefined;
  const webinar =
    e.kind === "webinar" ? props.district.series.flatMap((s) => s.webinars).find((w) => w.id === e.source_id) : undefined;
  const conflicts = e.kind === "webinar" ? props.district.conflicts.filter((c) => c.webinar_id === e.source_id) : [];
  const [date, setDate] = useState(e.start);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = (p: Promise<void>) =>
    p.then(props.onChanged, (err) => setError(errorText(err)));
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
        {e.progress ? ` · ${PROGRESS_LABELS[e.progress]}` : ""}
      </p>
      <p class="pre small muted">{e.description}</p>
      {e.progress === "overdue" && <p class="warn">Срок прошёл, мероприятие не отмечено выполненным.</p>}
      {conflicts.map((c, i) => (
        <p key={i} class="warn small conflict">
          ⚠ {c.message}
        </p>
      ))}
      {event && (
        <>
          <EventMarkForm event={event} onSaved={props.onChanged} onError={setError} />
          <h3>Сроки</h3>
          <EventTimeframeEditor event={event} onSaved={props.onChanged} />
        </>
      )}
      {webinar &&
        (editing ? (
          <WebinarForm
            webinar={webinar}
            schools={props.district.schools}
            onSaved={() => {
              setEditing(false);
              props.onChanged();
            }}
            onCancel={() => setEditing(false)}
          />
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
              <button id="edit-webinar" onClick={() => setEditing(true)}>
                Тема, время, выступающие…
              </button>
            </div>
          </div>
        ))}
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
    </aside>
  );
}
