import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { api, errorText } from "../api/ipc";
import { announceDataChanged } from "../api/changes";
import type { Mark } from "../api/bindings/Mark";
import type { Overview } from "../api/bindings/Overview";
import type { Progress } from "../api/bindings/Progress";
import type { Roadmap } from "../api/bindings/Roadmap";
import type { SectionProgress } from "../api/bindings/SectionProgress";
import type { ProgressRef } from "../api/bindings/ProgressRef";
import type { Timeline } from "../api/bindings/Timeline";
import type { TimelineRow } from "../api/bindings/TimelineRow";
import { PROGRESS_LABELS, addDays, ruDate } from "../format";
import { ErrorNotice, Loading } from "../components/Notice";
import { useLoad } from "../components/useLoad";
import { PlanSelect } from "../components/PlanSelect";
import { EventMarkForm } from "../components/EventMarkForm";
import { EventTimeframeEditor } from "../components/EventTimeframeEditor";

/** «Ход работы»: the plan's overview on a day and its timeline. */
export function ProgressView() {
  const plans = useLoad(() => api.listPlans(), []);
  const [planId, setPlanId] = useState<number | null>(null);
  const [asOf, setAsOf] = useState(new Date().toISOString().slice(0, 10));
  const [tab, setTab] = useState<"overview" | "timeline">("overview");
  const [selected, setSelected] = useState<number | null>(null);
  useEffect(() => {
    if (planId === null && plans.data?.length) setPlanId(plans.data[0].id);
  }, [plans.data]);
  const roadmap = useLoad(() => (planId === null ? Promise.resolve(null) : api.getRoadmap(planId)), [planId]);
  return (
    <section aria-labelledby="progress-title">
      <div class="toolbar">
        <h1 id="progress-title">Ход работы</h1>
        <div class="tabs" role="tablist">
          <button role="tab" id="tab-overview" aria-selected={tab === "overview"} class={tab === "overview" ? "active" : ""} onClick={() => setTab("overview")}>
            Обзор
          </button>
          <button role="tab" id="tab-timeline" aria-selected={tab === "timeline"} class={tab === "timeline" ? "active" : ""} onClick={() => setTab("timeline")}>
            Шкала времени
          </button>
        </div>
      </div>
      <ErrorNotice message={plans.error} />
      {!plans.data ? (
        <Loading />
      ) : plans.data.length === 0 ? (
        <p class="muted">Сначала нужна дорожная карта.</p>
      ) : (
        <>
          <div class="filters">
            <PlanSelect plans={plans.data} value={planId} onChange={setPlanId} />
            <label>
              По состоянию на
              <input type="date" id="as-of" value={asOf} onInput={(e) => setAsOf((e.target as HTMLInputElement).value)} />
            </label>
          </div>
          <div class="calendar-layout">
            <div style="min-width:0">
              {planId !== null && tab === "overview" && <OverviewPanel planId={planId} asOf={asOf} onOpen={setSelected} />}
              {planId !== null && tab === "timeline" && <TimelinePanel planId={planId} asOf={asOf} onOpen={setSelected} />}
            </div>
            {selected !== null && roadmap.data && (
              <EventPanel
                key={selected}
                roadmap={roadmap.data}
                eventId={selected}
                progress={null}
                onClose={() => setSelected(null)}
              />
            )}
          </div>
        </>
      )}
    </section>
  );
}

/** Done, in progress, overdue and planned side by side, as shares of the section. */
function Stacked(props: { s: SectionProgress }) {
  const s = props.s;
  const total = Math.max(1, s.done + s.in_progress + s.overdue + s.planned + s.cancelled);
  const parts: [Progress, number][] = [
    ["done", s.done],
    ["in_progress", s.in_progress],
    ["overdue", s.overdue],
    ["planned", s.planned],
    ["cancelled", s.cancelled],
  ];
  return (
    <div class="stacked" role="img" aria-label={parts.map(([p, n]) => `${PROGRESS_LABELS[p]}: ${n}`).join(", ")}>
      {parts.map(([p, n]) => n > 0 && <span key={p} class={`bar-${p}`} style={{ width: `${(n * 100) / total}%` }} />)}
    </div>
  );
}

function OverviewPanel(props: { planId: number; asOf: string; onOpen: (eventId: number) => void }) {
  const o = useLoad<Overview>(() => api.planOverview(props.planId, props.asOf || null), [props.planId, props.asOf]);
  // The events behind a count the person clicked.
  const [shown, setShown] = useState<{ title: string; rows: ProgressRef[] } | null>(null);
  if (o.error) return <ErrorNotice message={o.error} />;
  if (!o.data) return <Loading />;
  const d = o.data;
  const list = (items: Overview["overdue"], id: string) => (
    <ul class="event-list" id={id}>
      {items.map((e) => (
        <li key={e.event_id}>
          <button class="link" onClick={() => props.onOpen(e.event_id)}>
            {e.number} {e.content.split("\n")[0]}
          </button>{" "}
          <span class="muted small">— {e.timeframe.split("\n")[0]}</span>
        </li>
      ))}
    </ul>
  );
  // Each count opens the events behind it; the plan's total gathers the sections' rows.
  const count = (s: SectionProgress, name: string, state: Progress | null, n: number) => {
    const rows = (s === d.total ? d.sections.flatMap((x) => x.rows) : s.rows).filter((r) => state === null || r.progress === state);
    return (
      <td class="num" data-state={state ?? "all"}>
        {n > 0 ? (
          <button class="link" onClick={() => setShown({ title: `${name}: ${state ? PROGRESS_LABELS[state] : "все"} (${n})`, rows })}>
            {n}
          </button>
        ) : (
          n
        )}
      </td>
    );
  };
  const row = (s: SectionProgress, name: string) => (
    <tr key={name}>
      <td>{name}</td>
      {count(s, name, null, s.done + s.in_progress + s.overdue + s.planned + s.cancelled)}
      {count(s, name, "done", s.done)}
      {count(s, name, "in_progress", s.in_progress)}
      {count(s, name, "overdue", s.overdue)}
      {count(s, name, "planned", s.planned)}
      <td class="stacked-cell">
        <Stacked s={s} />
      </td>
    </tr>
  );
  return (
    <div class="overview" id="overview">
      <table class="grid" id="overview-sections">
        <thead>
          <tr>
            <th>Раздел</th>
            <th>Всего</th>
            <th>Выполнено</th>
            <th>Выполняется</th>
            <th>Просрочено</th>
            <th>Запланировано</th>
            <th>Ход</th>
          </tr>
        </thead>
        <tbody>
          {d.sections.map((s) => row(s, s.number ? `${s.number}. ${s.title}` : s.title))}
          {row(d.total, "Всего")}
        </tbody>
      </table>
      {shown && (
        <div class="panel" id="overview-rows">
          <div class="toolbar">
            <h2>{shown.title}</h2>
            <span class="spacer" />
            <button class="link" onClick={() => setShown(null)}>
              Скрыть
            </button>
          </div>
          {list(
            shown.rows.map((r) => r.event),
            "overview-rows-list",
          )}
        </div>
      )}
      <div class="overview-columns">
        <div>
          <h2>Просрочено: {d.overdue.length}</h2>
          {list(d.overdue, "overdue-list")}
          <h2>В ближайшие две недели: {d.due_soon.length}</h2>
          {list(d.due_soon, "due-soon-list")}
        </div>
        <div>
          <h2>Вебинары</h2>
          {d.series.length === 0 && <p class="muted">Циклов вебинаров у дорожной карты нет.</p>}
          {d.series.map((s) => (
            <p key={s.series_id}>
              {s.title}: проведено {s.held}, осталось {s.left}
              {s.next ? `, следующий — ${ruDate(s.next)}` : ""}
            </p>
          ))}
          <h2>Школы и наставники</h2>
          {d.categories.map((c) => (
            <p key={c.category}>
              <strong>
                {c.label} — {c.schools.length}:
              </strong>{" "}
              {c.schools.map((s) => (s.mentors.length ? `${s.name} (наставник: ${s.mentors.join(", ")})` : `${s.name} (нет наставника)`)).join("; ")}
            </p>
          ))}
          <h2>Риски «500+» без мер: {d.uncovered.length}</h2>
          <ul>
            {d.uncovered.slice(0, 20).map((u) => (
              <li key={`${u.school_id}-${u.risk_factor_id}`}>
                {u.school} — {u.factor}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

type Zoom = "month" | "quarter" | "period";
const ZOOMS: [Zoom, string][] = [
  ["month", "Месяц"],
  ["quarter", "Квартал"],
  ["period", "Весь период"],
];
const MONTHS = ["янв.", "февр.", "март", "апр.", "май", "июнь", "июль", "авг.", "сент.", "окт.", "нояб.", "дек."];
const ROW = 26;
const LABEL = 340;

/** A row of the drawn list: a section heading, an event, or a webinar series. */
type Line =
  | { kind: "section"; key: string; title: string; count: number; open: boolean }
  | { kind: "event"; key: string; row: TimelineRow }
  | { kind: "series"; key: string; title: string; marks: Mark[] };


function days(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

/** The plan as bars on a month axis; only the rows in view are drawn, so 600 events stay quick. */
function TimelinePanel(props: { planId: number; asOf: string; onOpen: (eventId: number) => void }) {
  const t = useLoad<Timeline>(() => api.planTimeline(props.planId, props.asOf || null), [props.planId, props.asOf]);
  const [zoom, setZoom] = useState<Zoom>("quarter");
  const [closed, setClosed] = useState<Set<string>>(new Set());
  const [scroll, setScroll] = useState(0);
  const [height, setHeight] = useState(480);
  // A bar's end being dragged (its new end shown live), then the wording offered for it.
  const [drag, setDrag] = useState<{ eventId: number; end: string } | null>(null);
  const [offer, setOffer] = useState<{ row: TimelineRow; text: string } | null>(null);
  const [offerError, setOfferError] = useState<string | null>(null);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const measure = () => box.current && setHeight(box.current.clientHeight);
    measure();
    window.addEventListener("resize", measure);
    return () => window.removeEventListener("resize", measure);
  }, []);
  const lines = useMemo<Line[]>(() => {
    if (!t.data) return [];
    const out: Line[] = [];
    t.data.sections.forEach((s, i) => {
      const key = `s${s.section_id ?? "none"}-${i}`;
      const open = !closed.has(key);
      out.push({ kind: "section", key, title: s.number ? `${s.number}. ${s.title}` : s.title, count: s.rows.length, open });
      if (open) s.rows.forEach((row) => out.push({ kind: "event", key: `e${row.event_id}`, row }));
    });
    for (const s of t.data.series) {
      out.push({
        kind: "series",
        key: `w${s.series_id}`,
        title: s.title,
        marks: s.sessions.map((d) => ({ kind: "point", start: d, end: d, lead_from: null })),
      });
    }
    return out;
  }, [t.data, closed]);
  if (t.error) return <ErrorNotice message={t.error} />;
  if (!t.data) return <Loading />;
  const tl = t.data;
  const span = days(tl.start, tl.end) + 1;
  const available = Math.max(300, (box.current?.clientWidth ?? 900) - LABEL - 20);
  const perDay = zoom === "period" ? available / span : zoom === "quarter" ? 90 / 30.4 : 240 / 30.4;
  const width = Math.ceil(span * perDay);
  const x = (d: string) => days(tl.start, d) * perDay;
  const months: { label: string; x: number }[] = [];
  const start = new Date(tl.start + "T00:00:00Z");
  for (let m = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 1)); m.toISOString().slice(0, 10) <= tl.end; m.setUTCMonth(m.getUTCMonth() + 1)) {
    const iso = m.toISOString().slice(0, 10);
    months.push({ label: `${MONTHS[m.getUTCMonth()]} ${m.getUTCFullYear()}`, x: Math.max(0, x(iso)) });
  }
  const first = Math.max(0, Math.floor(scroll / ROW) - 10);
  const last = Math.min(lines.length, Math.ceil((scroll + height) / ROW) + 10);
  const today = x(tl.as_of);
  /** Dragging the end of an event's bar: the end follows the pointer by whole days; on release
   * the words for the new span are asked of Rust and offered, the plan's text kept until accepted. */
  const startDrag = (row: TimelineRow, m: Mark, e: PointerEvent) => {
    e.preventDefault();
    e.stopPropagation();
    const x0 = e.clientX;
    const endAt = (clientX: number) => {
      const moved = addDays(m.end, Math.round((clientX - x0) / perDay));
      return moved < m.start ? m.start : moved;
    };
    const move = (ev: PointerEvent) => setDrag({ eventId: row.event_id, end: endAt(ev.clientX) });
    const up = (ev: PointerEvent) => {
      window.removeEventListener("pointermove", move);
      window.removeEventListener("pointerup", up);
      setDrag(null);
      const end = endAt(ev.clientX);
      if (end === m.end) return;
      setOfferError(null);
      api.timeframeWording(row.timeframe, m.start, end).then((text) => setOffer({ row, text }));
    };
    window.addEventListener("pointermove", move);
    window.addEventListener("pointerup", up);
    setDrag({ eventId: row.event_id, end: m.end });
  };
  const accept = async () => {
    if (!offer) return;
    try {
      await api.setEventTimeframe(offer.row.event_id, offer.text);
      setOffer(null);
      t.reload();
      announceDataChanged();
    } catch (e) {
      setOfferError(errorText(e));
    }
  };
  const bar = (m: Mark, p: Progress, i: number, onClick?: () => void, row?: TimelineRow) => {
    const dragged = row && m.kind === "bar" && drag?.eventId === row.event_id ? drag.end : null;
    const left = x(m.start);
    const w = Math.max(4, (days(m.start, dragged ?? m.end) + 1) * perDay);
    const lead = m.kind === "deadline" && m.lead_from ? x(m.lead_from) : null;
    return (
      <span key={i}>
        {lead !== null && <span class="tl-lead" style={{ left: `${lead}px`, width: `${Math.max(0, left - lead)}px` }} />}
        <button
          class={`tl-mark tl-${m.kind} bar-${p}`}
          style={{ left: `${left}px`, width: `${m.kind === "deadline" || m.kind === "point" ? 8 : w}px` }}
          title={m.start === m.end ? ruDate(m.start) : `${ruDate(m.start)} — ${ruDate(m.end)}`}
          onClick={onClick}
          tabIndex={-1}
        />
        {row && m.kind === "bar" && (
          <span
            class="tl-handle"
            style={{ left: `${left + w - 4}px` }}
            title="Потяните, чтобы изменить срок"
            onPointerDown={(e) => startDrag(row, m, e)}
          />
        )}
      </span>
    );
  };
  return (
    <div class="timeline" id="timeline">
      <div class="filters">
        <span class="legend">Масштаб:</span>
        {ZOOMS.map(([z, label]) => (
          <label class="inline" key={z}>
            <input type="radio" name="zoom" id={`zoom-${z}`} checked={zoom === z} onChange={() => setZoom(z)} /> {label}
          </label>
        ))}
        <span class="legend">
          {(["done", "in_progress", "overdue", "planned", "cancelled"] as Progress[]).map((p) => (
            <span key={p} class="legend">
              <span class={`swatch bar-${p}`} /> {PROGRESS_LABELS[p]}
            </span>
          ))}
        </span>
      </div>
      {offer && (
        <div class="notice" role="dialog" aria-label="Новый срок" id="timeframe-offer">
          <p>
            Мероприятие {offer.row.number}: срок «{offer.row.timeframe}» → «{offer.text}»
          </p>
          {offerError && <p class="field-error">{offerError}</p>}
          <div class="actions">
            <button class="primary" id="accept-timeframe" onClick={accept}>
              Заменить срок
            </button>
            <button id="keep-timeframe" onClick={() => setOffer(null)}>
              Оставить как было
            </button>
          </div>
        </div>
      )}
      <div class="tl-scroll" ref={box} onScroll={(e) => setScroll((e.target as HTMLDivElement).scrollTop)}>
        <div class="tl-head" style={{ width: `${LABEL + width}px` }}>
          <div class="tl-label">Мероприятие</div>
          <div class="tl-axis" style={{ width: `${width}px` }}>
            {months.map((m) => (
              <span key={m.label} class="tl-month" style={{ left: `${m.x}px` }}>
                {m.label}
              </span>
            ))}
          </div>
        </div>
        <div class="tl-body" style={{ height: `${lines.length * ROW}px`, width: `${LABEL + width}px` }}>
          {today >= 0 && today <= width && <div class="tl-today" style={{ left: `${LABEL + today}px` }} title={`Сегодня: ${ruDate(tl.as_of)}`} />}
          {lines.slice(first, last).map((line, i) => {
            const top = (first + i) * ROW;
            if (line.kind === "section") {
              return (
                <div key={line.key} class="tl-row tl-section" style={{ top: `${top}px` }}>
                  <button
                    class="link tl-label"
                    aria-expanded={line.open}
                    onClick={() => {
                      const next = new Set(closed);
                      if (line.open) next.add(line.key);
                      else next.delete(line.key);
                      setClosed(next);
                    }}
                  >
                    {line.open ? "▾" : "▸"} {line.title} ({line.count})
                  </button>
                </div>
              );
            }
            if (line.kind === "series") {
              return (
                <div key={line.key} class="tl-row tl-series" style={{ top: `${top}px` }}>
                  <div class="tl-label" title={line.title}>
                    Вебинары: {line.title}
                  </div>
                  <div class="tl-track" style={{ width: `${width}px` }}>
                    {line.marks.map((m, j) => bar(m, "planned", j))}
                  </div>
                </div>
              );
            }
            const r = line.row;
            const open = () => props.onOpen(r.event_id);
            return (
              <div key={line.key} class="tl-row" style={{ top: `${top}px` }} data-event={r.event_id}>
                <button class="link tl-label" style={{ paddingLeft: `${4 + r.depth * 14}px` }} onClick={open} title={r.content}>
                  {r.number} {r.content.split("\n")[0]}
                </button>
                <div class="tl-track" style={{ width: `${width}px` }}>
                  {r.marks.length === 0 ? <span class="muted small tl-free">без срока: {r.timeframe.split("\n")[0]}</span> : r.marks.map((m, j) => bar(m, r.progress, j, open, r))}
                </div>
              </div>
            );
          })}
        </div>
      </div>
      {tl.unplaced.length > 0 && (
        <details class="tl-unplaced">
          <summary>Без срока: {tl.unplaced.length}</summary>
          <ul>
            {tl.unplaced.map((r) => (
              <li key={r.event_id}>
                <button class="link" onClick={() => props.onOpen(r.event_id)}>
                  {r.number} {r.content.split("\n")[0]}
                </button>{" "}
                <span class="muted small">«{r.timeframe}»</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

/** The clicked event: where it stands, its mark and evidence, its timeframe — as in the calendar. */
function EventPanel(props: { roadmap: Roadmap; eventId: number; progress: Progress | null; onClose: () => void }) {
  const event = props.roadmap.events.find((e) => e.id === props.eventId);
  const [error, setError] = useState<string | null>(null);
  if (!event) return null;
  return (
    <aside class="panel entry-panel" id="entry-panel" aria-label="Выбранное мероприятие">
      <div class="toolbar">
        <h2>Мероприятие {event.number}</h2>
        <span class="spacer" />
        <button class="link" onClick={props.onClose}>
          Закрыть
        </button>
      </div>
      <p class="pre small">{event.content}</p>
      <ErrorNotice message={error} />
      <EventMarkForm event={event} onSaved={announceDataChanged} onError={setError} />
      <h3>Сроки</h3>
      <EventTimeframeEditor event={event} onSaved={announceDataChanged} />
    </aside>
  );
}
