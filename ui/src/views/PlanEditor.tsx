import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "preact/hooks";
import { fitTextarea } from "../components/fitTextarea";
import { found } from "../search";
import { Component } from "preact";
import { api, errorText } from "../api/ipc";
import { useUndoNote } from "../components/UndoNote";
import type { Event } from "../api/bindings/Event";
import type { EventDraft } from "../api/bindings/EventDraft";
import type { EventStatus } from "../api/bindings/EventStatus";
import type { ExecutorChoice } from "../api/bindings/ExecutorChoice";
import type { Move } from "../api/bindings/Move";
import type { Roadmap } from "../api/bindings/Roadmap";
import type { School } from "../api/bindings/School";
import type { Section } from "../api/bindings/Section";
import { monthTitle, timeframeDates } from "../format";
import { StatusSelect } from "../components/StatusSelect";
import { useWindowedRows } from "../components/useWindowedRows";
import { SchoolOptions } from "../components/SchoolOptions";

export function printExecutors(list: { name: string; position: string }[]): string {
  return list.map((x) => (x.position ? `${x.name}, ${x.position}` : x.name)).join("; ");
}

function draftOf(e: Event): EventDraft {
  return {
    content: e.content,
    timeframe_text: e.timeframe.text,
    place: e.place,
    executors: e.executors.map((x) => ({ kind: x.kind, name: x.name, position: x.position, organisation: x.organisation })),
    result: e.result,
    evidence: e.evidence,
    status: e.status,
    completion_mark: e.completion_mark,
  };
}

/** What the search and the filters keep. */
type Filter = { text: string; executor: string; school: string; month: string; status: string };
const NO_FILTER: Filter = { text: "", executor: "", school: "", month: "", status: "" };

function shown(e: Event, f: Filter, sections: Section[]): boolean {
  if (!found(f.text, [e.content, e.result, e.timeframe.text, e.place, printExecutors(e.executors)])) return false;
  if (f.executor && !e.executors.some((x) => f.executor.split(",").includes(String(x.id)))) return false;
  if (f.school && !sections.find((s) => s.id === e.section_id)?.school_ids.includes(Number(f.school))) return false;
  if (f.status && e.status !== f.status) return false;
  if (f.month) {
    const [from, to] = [`${f.month}-01`, `${f.month}-31`];
    if (!e.timeframe.end || !e.timeframe.start || e.timeframe.start > to || e.timeframe.end < from) return false;
  }
  return true;
}

/** The roadmap as an editable table: every change saved when a field is left; Enter adds a row
 * below, Alt+→ and Alt+← (or Ctrl+] and Ctrl+[) indent and outdent, Alt+↑ and Alt+↓ move; rows can be dragged. */
export function PlanEditor(props: { roadmap: Roadmap; schools: School[]; executors: ExecutorChoice[]; onChanged: () => void }) {
  const { plan, sections } = props.roadmap;
  // An event that did not change keeps its object across reloads, so its row is not redrawn.
  const known = useRef(new Map<number, { json: string; event: Event }>());
  const events = useMemo(() => {
    const next = new Map<number, { json: string; event: Event }>();
    const out = props.roadmap.events.map((e) => {
      const json = JSON.stringify(e);
      const old = known.current.get(e.id);
      const kept = old && old.json === json ? old : { json, event: e };
      next.set(e.id, kept);
      return kept.event;
    });
    known.current = next;
    return out;
  }, [props.roadmap.events]);
  const [focus, setFocus] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const deleted = useUndoNote(setError);
  const [filter, setFilter] = useState<Filter>(NO_FILTER);
  const [dragged, setDragged] = useState<number | null>(null);
  // Each roadmap the editor is given gets the next number: benches and journeys wait on it.
  const revision = useRef({ roadmap: props.roadmap, n: 0 });
  if (revision.current.roadmap !== props.roadmap) revision.current = { roadmap: props.roadmap, n: revision.current.n + 1 };
  // The row being typed in is never dropped from the drawn window.
  const [active, setActive] = useState<number | null>(null);
  const body = useRef<HTMLTableSectionElement>(null);

  const run = async (p: Promise<unknown>, then?: () => void) => {
    try {
      await p;
      setError(null);
      then?.();
      props.onChanged();
    } catch (e) {
      setError(errorText(e));
    }
  };
  // The row Enter just added and the change that added it: Esc in it while it is still empty
  // takes that change back, so no empty numbered row is left and nothing below is renumbered.
  const fresh = useRef<{ event: number; change: number | null } | null>(null);
  const add = (sectionId: number | null, after: number | null) =>
    api.addEvent(plan.id, sectionId, after).then((id) => {
      fresh.current = { event: id, change: null };
      api.history().then((h) => {
        if (fresh.current?.event === id) fresh.current.change = h.next_undo_id;
      }, () => {});
      setFocus(id);
      props.onChanged();
    }, (e) => setError(errorText(e)));
  const discard = (e: Event) => {
    const f = fresh.current;
    if (!f || f.event !== e.id || f.change === null) return;
    fresh.current = null;
    run(api.undoChange(f.change), () => setFocus(null));
  };
  const shift = (id: number, to: Move) => run(api.shiftEvent(id, to), () => setFocus(id));
  const remove = (e: Event) =>
    run(api.deleteEvent(e.id), () => deleted.done(`Мероприятие ${e.number} удалено.`));

  const bySection = new Map<number | null, Event[]>();
  for (const e of events) {
    const list = bySection.get(e.section_id);
    if (list) list.push(e);
    else bySection.set(e.section_id, [e]);
  }
  const items: Item[] = [];
  const groups: [Section | null, Event[]][] = [
    ...(bySection.has(null) || sections.length === 0 ? [[null, bySection.get(null) ?? []] as [null, Event[]]] : []),
    ...sections.map((s) => [s, bySection.get(s.id) ?? []] as [Section, Event[]]),
  ];
  for (const [s, list] of groups) {
    if (s) items.push({ section: s });
    for (const e of list) if (shown(e, filter, sections)) items.push({ event: e });
    if (s === null && list.length === 0 && sections.length === 0) items.push({ empty: true });
  }
  // Only the rows near the screen are drawn: a 600-event plan opens and types like a short one.
  const rows = useWindowedRows(items, {
    body,
    columns: 7,
    key: itemKey,
    estimate: (i) => ("event" in i ? 76 : 50),
    keep: (i) => "event" in i && (i.event.id === focus || i.event.id === active),
    render: (i) =>
      "section" in i ? (
        <SectionRow key={itemKey(i) + `:${i.section.number}:${i.section.title}:${i.section.goal}`} dataKey={itemKey(i)} section={i.section} schools={props.schools} onChanged={props.onChanged} onError={setError} onDeleted={deleted.done} onAdd={() => add(i.section.id, null)} />
      ) : "event" in i ? (
        <EventRow
          key={i.event.id}
          event={i.event}
          focus={focus === i.event.id}
          onFocused={() => setFocus(null)}
          dragging={dragged !== null}
          onSave={(d, people) => run(api.updateEvent(i.event.id, d, people))}
          onAddBelow={() => add(i.event.section_id, i.event.id)}
          onDiscardBlank={() => discard(i.event)}
          onShift={(to) => shift(i.event.id, to)}
          onDelete={() => remove(i.event)}
          onDragStart={() => setDragged(i.event.id)}
          onDrop={() => {
            if (dragged !== null && dragged !== i.event.id) run(api.moveEventBefore(dragged, i.event.id), () => setFocus(dragged));
            setDragged(null);
          }}
        />
      ) : (
        <tr key="empty" data-key="empty">
          <td colSpan={7} class="muted">
            Мероприятий пока нет.
          </td>
        </tr>
      ),
  });

  return (
    <article class="plan-editor" id="plan-editor" data-revision={revision.current.n} data-shown={items.filter((i) => "event" in i).length}>
      <div class="filters" role="search">
        <label>
          <span>Поиск</span>
          <input id="editor-search" value={filter.text} onInput={(e) => setFilter({ ...filter, text: (e.target as HTMLInputElement).value })} />
        </label>
        <label>
          <span>Исполнитель</span>
          <select value={filter.executor} onChange={(e) => setFilter({ ...filter, executor: (e.target as HTMLSelectElement).value })}>
            <option value="">все</option>
            {props.executors.map((x) => (
              <option key={x.ids.join(",")} value={x.ids.join(",")}>
                {x.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Школа</span>
          <select value={filter.school} onChange={(e) => setFilter({ ...filter, school: (e.target as HTMLSelectElement).value })}>
            <option value="">все</option>
            <SchoolOptions schools={props.schools} />
          </select>
        </label>
        <label>
          <span>Месяц</span>
          {/* The plan's months to choose from: an empty month field showed the current month in grey, read as a value. */}
          <select value={filter.month} onChange={(e) => setFilter({ ...filter, month: (e.target as HTMLSelectElement).value })}>
            <option value="">все</option>
            {planMonths(plan.period.start, plan.period.end).map((m) => (
              <option key={m} value={m}>
                {monthTitle(`${m}-01`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Состояние</span>
          <StatusSelect any value={filter.status} onChange={(v) => setFilter({ ...filter, status: v })} />
        </label>
        {Object.values(filter).some(Boolean) && (
          <button class="link" onClick={() => setFilter(NO_FILTER)}>
            сбросить
          </button>
        )}
      </div>
      {error && (
        <p class="notice error" role="alert" id="editor-error">
          {error}
        </p>
      )}
      {deleted.note}
      <table class="grid editor-table">
        <thead>
          <tr>
            <th class="num">№</th>
            <th class="w-content">Содержание деятельности</th>
            <th class="w-when">Сроки, место</th>
            <th class="w-people">Ответственные</th>
            <th class="w-result">Результат, документ</th>
            <th class="w-status">Состояние, отметка</th>
            <th class="row-actions" />
          </tr>
        </thead>
        <tbody
          ref={body}
          onFocusIn={(ev) => {
            const id = Number(((ev.target as HTMLElement).closest("tr[data-id]") as HTMLElement | null)?.dataset.id);
            setActive(Number.isFinite(id) ? id : null);
          }}
        >
          {rows}
        </tbody>
      </table>
      <div class="actions">
        <button id="add-event" onClick={() => add(sections.at(-1)?.id ?? null, null)}>
          + Мероприятие
        </button>
        <button
          id="add-section"
          onClick={() =>
            run(api.createSection(plan.id, { number: String(sections.length + 1), title: "Новый раздел", goal: "", school_ids: [] }))
          }
        >
          + Раздел
        </button>
        <span class="small muted">
          Клавиши: Tab / Shift+Tab — следующая / предыдущая ячейка (Shift+Tab в содержании — влево по уровню); Enter — новая строка ниже, Shift+Enter — перенос
          строки; Alt+→ / Alt+← (или Ctrl+] / Ctrl+[) — вправо / влево по уровню; Alt+↑ / Alt+↓ — переместить; Esc —
          отменить правку ячейки; Ctrl+Z / Ctrl+Shift+Z — отменить / вернуть сохранённое.
        </span>
      </div>
    </article>
  );
}

/** «2023-09», «2023-10», … from the month of `start` to that of `end` (ISO dates). */
function planMonths(start: string, end: string): string[] {
  const out: string[] = [];
  let [y, m] = start.split("-").map(Number);
  const last = end.slice(0, 7);
  while (out.length < 240) {
    const month = `${y}-${String(m).padStart(2, "0")}`;
    if (month > last) break;
    out.push(month);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return out;
}

/** A row of the editor: a section's heading, an event, or the note that there is none. */
type Item = { section: Section } | { event: Event } | { empty: true };

function itemKey(i: Item): string {
  return "section" in i ? `s${i.section.id}` : "event" in i ? `e${i.event.id}` : "empty";
}

function SectionRow(props: {
  dataKey: string;
  section: Section;
  schools: School[];
  onChanged: () => void;
  onError: (m: string) => void;
  onDeleted: (m: string) => void;
  onAdd: () => void;
}) {
  const s = props.section;
  const [number, setNumber] = useState(s.number);
  const [title, setTitle] = useState(s.title);
  const [goal, setGoal] = useState(s.goal);
  const shift = (up: boolean) =>
    api.shiftSection(s.id, up).then(props.onChanged, (e) => props.onError(errorText(e)));
  const save = (patch: Partial<{ number: string; title: string; goal: string; school_ids: number[] }>) =>
    api
      .updateSection(s.id, { number, title, goal, school_ids: s.school_ids, ...patch })
      .then(props.onChanged, (e) => props.onError(errorText(e)));
  return (
    <tr class="section-row" data-section={s.id} data-key={props.dataKey}>
      <td>
        <input class="bare num-input" aria-label="Номер раздела" value={number} onInput={(e) => setNumber((e.target as HTMLInputElement).value)} onChange={() => save({ number })} />
      </td>
      <td colSpan={4}>
        <input
          class="bare section-title"
          aria-label="Название раздела"
          value={title}
          onInput={(e) => setTitle((e.target as HTMLInputElement).value)}
          onChange={() => save({ title })}
          onKeyDown={(e) => {
            // Enter: the title is done, the section's event comes next (as Enter in a row adds one).
            if (e.key !== "Enter" || e.shiftKey || e.altKey || e.ctrlKey || e.metaKey) return;
            e.preventDefault();
            (title !== s.title ? save({ title }) : Promise.resolve()).then(props.onAdd);
          }}
        />
        <details class="section-schools">
          <summary class="small">
            Цель и школы раздела: {s.school_ids.length ? `школ ${s.school_ids.length}` : "школы не выбраны"}
          </summary>
          <input
            class="bare small"
            aria-label="Цель раздела"
            placeholder="цель раздела"
            value={goal}
            onInput={(e) => setGoal((e.target as HTMLInputElement).value)}
            onChange={() => save({ goal })}
          />
          {props.schools.map((x) => (
            <label key={x.id} class="inline small">
              <input
                type="checkbox"
                checked={s.school_ids.includes(x.id)}
                onChange={(e) =>
                  save({ school_ids: (e.target as HTMLInputElement).checked ? [...s.school_ids, x.id] : s.school_ids.filter((i) => i !== x.id) })
                }
              />
              {x.short_name}
            </label>
          ))}
        </details>
      </td>
      <td colSpan={2} class="row-actions">
        <button class="link" onClick={props.onAdd}>
          + мероприятие
        </button>{" "}
        <button class="icon" aria-label="Раздел выше" title="Раздел выше" onClick={() => shift(true)}>
          ↑
        </button>
        <button class="icon" aria-label="Раздел ниже" title="Раздел ниже" onClick={() => shift(false)}>
          ↓
        </button>{" "}
        <button
          class="link danger"
          onClick={() =>
            api.deleteSection(s.id).then(
              () => {
                props.onDeleted(`Раздел «${s.number ? s.number + ". " : ""}${s.title}» удалён вместе с его мероприятиями.`);
                props.onChanged();
              },
              (e) => props.onError(errorText(e)),
            )
          }
          title="Удалить раздел вместе с его мероприятиями (можно отменить)"
        >
          удалить
        </button>
      </td>
    </tr>
  );
}

/** A row is drawn again only when its event, its focus or the dragging changed. Its handlers
 * may then be a render old: they use only the event itself (unchanged, or the row is redrawn),
 * the plan and state setters, which stay the same. (Not preact/compat's memo: importing compat
 * turns every onChange into onInput, and the editor saves when a field is left, not per key.) */
class EventRow extends Component<RowProps> {
  shouldComponentUpdate(next: RowProps) {
    return next.event !== this.props.event || next.focus !== this.props.focus || next.dragging !== this.props.dragging;
  }
  render() {
    return <EventRowView {...this.props} />;
  }
}

type RowProps = {
  event: Event;
  focus: boolean;
  /** The focus asked for was given: it is not given again when the table is redrawn. */
  onFocused: () => void;
  dragging: boolean;
  /** The row, and its executors as typed: Rust reads them as the importer does. */
  onSave: (d: EventDraft, people: string) => Promise<void>;
  onAddBelow: () => void;
  /** Esc in a row still empty: the row Enter just added goes again. */
  onDiscardBlank: () => void;
  onShift: (to: Move) => void;
  onDelete: () => void;
  onDragStart: () => void;
  onDrop: () => void;
};

function EventRowView(props: RowProps) {
  const e = props.event;
  const [d, setDraft] = useState<EventDraft>(draftOf(e));
  const [people, setPeopleText] = useState(printExecutors(e.executors));
  // The latest typing, for key handlers that run before the next render.
  const latest = useRef({ d, people });
  const setD = (next: EventDraft) => {
    latest.current.d = next;
    setDraft(next);
  };
  const setPeople = (next: string) => {
    latest.current.people = next;
    setPeopleText(next);
  };
  const content = useRef<HTMLTextAreaElement>(null);
  const row = useRef<HTMLTableRowElement>(null);
  // Every text cell as tall as its text.
  useLayoutEffect(() => {
    for (const el of Array.from(row.current?.querySelectorAll("textarea") ?? [])) fitTextarea(el);
  }, [d.content, d.timeframe_text, d.place, d.result, people]);
  useEffect(() => {
    if (props.focus) {
      content.current?.focus();
      props.onFocused();
    }
  }, [props.focus]);
  // The row is never rebuilt when it is saved: what the person types stays. It takes the saved
  // values (an undo, another view) only when the person is not typing in it.
  const saved = JSON.stringify(draftOf(e));
  useEffect(() => {
    if (row.current?.contains(document.activeElement)) return;
    setD(draftOf(e));
    setPeople(printExecutors(e.executors));
  }, [saved]);

  const current = (): EventDraft => latest.current.d;
  const dirty = () =>
    JSON.stringify(current()) !== JSON.stringify(draftOf(e)) || latest.current.people !== printExecutors(e.executors);
  const saveIfDirty = async () => {
    if (dirty()) await props.onSave(current(), latest.current.people);
  };
  const set = (field: keyof EventDraft) => (ev: Event | globalThis.Event) =>
    setD({ ...latest.current.d, [field]: ((ev as globalThis.Event).target as HTMLInputElement).value });

  // Tab and Shift+Tab move between cells as everywhere (WebKitGTK reports Shift+Tab as key
  // «Unidentified»: `code` is tested); indent and outdent are Alt+→ / Alt+← or Ctrl+] / Ctrl+[;
  // Escape takes back the cell's unsaved typing.
  async function keys(ev: KeyboardEvent) {
    const field = ev.target as HTMLInputElement | HTMLTextAreaElement;
    if (ev.key === "Enter" && !ev.shiftKey && !ev.ctrlKey && !ev.altKey) {
      ev.preventDefault();
      await saveIfDirty();
      props.onAddBelow();
    } else if ((ev.altKey && ev.key === "ArrowRight") || (ev.ctrlKey && (ev.key === "]" || ev.code === "BracketRight"))) {
      ev.preventDefault();
      await saveIfDirty();
      props.onShift("indent");
    } else if (
      (ev.altKey && ev.key === "ArrowLeft") ||
      (ev.ctrlKey && (ev.key === "[" || ev.code === "BracketLeft")) ||
      // Shift+Tab in the content, the row's first cell, has no cell to go back to: it outdents.
      (ev.shiftKey && (ev.key === "Tab" || ev.code === "Tab") && field.dataset.field === "content")
    ) {
      ev.preventDefault();
      await saveIfDirty();
      props.onShift("outdent");
    } else if (ev.altKey && (ev.key === "ArrowUp" || ev.key === "ArrowDown")) {
      ev.preventDefault();
      await saveIfDirty();
      props.onShift(ev.key === "ArrowUp" ? "up" : "down");
    } else if (ev.key === "Escape") {
      ev.preventDefault();
      const d = latest.current.d;
      const blank =
        !d.content.trim() && !d.timeframe_text.trim() && !d.place.trim() && !d.result.trim() && !d.evidence.trim() && !latest.current.people.trim();
      if (blank && !draftOf(e).content && !draftOf(e).timeframe_text) {
        props.onDiscardBlank();
        return;
      }
      const name = field.dataset.field as keyof EventDraft | "people" | undefined;
      if (name === "people") setPeople(printExecutors(e.executors));
      else if (name) setD({ ...latest.current.d, [name]: draftOf(e)[name] });
    }
  }

  const depth = e.number.split(".").length - 1;
  const review = e.timeframe.text && e.timeframe.needs_review;
  return (
    <tr
      ref={row}
      data-event={e.number}
      data-id={e.id}
      data-key={`e${e.id}`}
      draggable
      onDragStart={(ev) => {
        ev.dataTransfer?.setData("text/plain", String(e.id));
        props.onDragStart();
      }}
      onDragOver={(ev) => props.dragging && ev.preventDefault()}
      onDrop={(ev) => {
        ev.preventDefault();
        props.onDrop();
      }}
      // A field's change (it was edited and left) saves the row.
      onChange={(ev) => (ev.target as HTMLElement).tagName !== "SELECT" && saveIfDirty()}
    >
      <td class="num" style={{ paddingLeft: `${2 + depth * 6}px` }}>
        <span class="drag-handle" title="Перетащите, чтобы переместить">
          ⋮⋮
        </span>{" "}
        {e.number}
      </td>
      <td>
        <textarea
          ref={content}
          class="bare content"
          data-field="content"
          aria-label={`Содержание мероприятия ${e.number}`}
          rows={2}
          value={d.content}
          onInput={set("content")}
          onKeyDown={keys}
        />
      </td>
      <td class="when">
        <textarea
          class="bare timeframe"
          data-field="timeframe_text"
          rows={2}
          aria-label={`Сроки мероприятия ${e.number}`}
          placeholder="например: до 10 марта"
          value={d.timeframe_text}
          onInput={set("timeframe_text")}
          onKeyDown={keys}
        />
        {e.timeframe.end && <div class="small muted">{timeframeDates(e.timeframe)}</div>}
        {review && <div class="warn small">⚠ {e.timeframe.warnings[0] ?? "срок требует проверки"}</div>}
        {/* A textarea as tall as its text: a long place is read whole, not cut at the cell's edge. */}
        <textarea
          class="bare small place"
          data-field="place"
          rows={1}
          aria-label={`Место проведения мероприятия ${e.number}`}
          placeholder="место проведения"
          value={d.place}
          onInput={set("place")}
          onKeyDown={keys}
        />
      </td>
      <td>
        {/* A textarea, so long lists of people and positions wrap instead of being cut. */}
        <textarea
          class="bare executors"
          data-field="people"
          rows={2}
          aria-label={`Ответственные за мероприятие ${e.number}`}
          placeholder="Фамилия И.О., должность; …"
          value={people}
          onInput={(ev) => setPeople((ev.target as HTMLTextAreaElement).value)}
          onKeyDown={keys}
        />
      </td>
      <td>
        <textarea class="bare" rows={2} aria-label="Планируемый результат" placeholder="результат" value={d.result} onInput={set("result")} />
        <input class="bare small" aria-label="Документ, фиксирующий результат" placeholder="документ" value={d.evidence} onInput={set("evidence")} />
      </td>
      <td>
        <StatusSelect
          label="Состояние"
          value={d.status}
          onChange={(v) => {
            const next = { ...current(), status: v as EventStatus };
            setD(next);
            props.onSave(next, latest.current.people);
          }}
        />
        <input class="bare small" aria-label="Отметка о выполнении" placeholder="отметка" value={d.completion_mark} onInput={set("completion_mark")} />
      </td>
      <td class="row-actions">
        <button class="icon" title="Выше (Alt+↑)" aria-label="Выше" onClick={() => props.onShift("up")}>
          ↑
        </button>
        <button class="icon" title="Ниже (Alt+↓)" aria-label="Ниже" onClick={() => props.onShift("down")}>
          ↓
        </button>
        <button class="icon" title="Влево (Shift+Tab)" aria-label="Влево" onClick={() => props.onShift("outdent")}>
          ←
        </button>
        <button class="icon" title="Вправо (Tab)" aria-label="Вправо" onClick={() => props.onShift("indent")}>
          →
        </button>
        <button class="icon danger" title="Удалить (можно отменить)" aria-label="Удалить" onClick={props.onDelete}>
          ✕
        </button>
      </td>
    </tr>
  );
}
