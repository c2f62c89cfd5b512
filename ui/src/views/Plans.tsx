import { useEffect, useRef, useState } from "preact/hooks";
import { api, errorText } from "../api/ipc";
import type { Event } from "../api/bindings/Event";
import type { Roadmap } from "../api/bindings/Roadmap";
import type { Section } from "../api/bindings/Section";
import { COLUMN_TITLES } from "../api/bindings/columns";
import { ruDate, STATUS_LABELS } from "../format";
import { ErrorNotice, Loading } from "../components/Notice";
import { useLoad } from "../components/useLoad";
import { EventTimeframeEditor } from "../components/EventTimeframeEditor";
import { PlanSelect } from "../components/PlanSelect";
import { PlanForm } from "../components/PlanForm";
import { PlanEditor } from "./PlanEditor";
import { useWindowedRows } from "../components/useWindowedRows";

/** A roadmap shown like the document: its header blocks, then the table with section rows. */
export function PlansView(props: { initialPlan?: number | null } = {}) {
  const plans = useLoad(() => api.listPlans(), []);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fail = (e: unknown) => setError(errorText(e));
  const [planId, setPlanId] = useState<number | null>(props.initialPlan ?? null);
  useEffect(() => {
    if (planId === null && plans.data?.length) setPlanId(plans.data[0].id);
  }, [plans.data]);
  const roadmap = useLoad(() => (planId === null ? Promise.resolve(null) : api.getRoadmap(planId)), [planId]);
  const [mode, setMode] = useState<"document" | "editor" | "new">("document");
  // The list of timeframes to check is shown with the document only: not read while editing.
  const review = useLoad(() => (planId === null || mode !== "document" ? Promise.resolve([]) : api.listTimeframeReview(planId)), [planId, mode]);
  const schools = useLoad(() => api.listSchools(null), []);
  const executors = useLoad(() => api.listExecutors(), []);
  const changed = () => {
    roadmap.reload();
    review.reload();
    executors.reload();
  };
  async function saveBundle() {
    if (planId === null) return;
    const path = await api.chooseFile({ kind: "save", title: "Сохранить пакет дорожной карты", file_name: "Дорожная карта.json", filters: [{ name: "Пакет дорожной карты", extensions: ["json"] }] });
    if (!path) return;
    api.exportBundle(planId, path).then(() => setNote(`Пакет сохранён: ${path}. Его импортирует другой «Координатор».`), fail);
  }

  async function copyToNextYear() {
    if (planId === null) return;
    try {
      const w = await api.copyPlan(planId, 1);
      plans.reload();
      setPlanId(w.plan);
      setNote(`Создана дорожная карта № ${w.plan} на следующий год: мероприятий ${w.events}, годы в сроках сдвинуты.`);
    } catch (e) {
      fail(e);
    }
  }

  const [passportOpen, setPassportOpen] = useState(false);

  return (
    <section aria-labelledby="plans-title">
      <div class="toolbar">
        <h1 id="plans-title">Дорожные карты</h1>
        {plans.data && plans.data.length > 1 && <PlanSelect plans={plans.data} value={planId} onChange={setPlanId} />}
        {planId !== null && mode !== "new" && (
          <div class="segmented" role="group" aria-label="Вид">
            <button class={mode === "document" ? "active" : ""} id="mode-document" onClick={() => setMode("document")}>
              Как в документе
            </button>
            <button class={mode === "editor" ? "active" : ""} id="mode-editor" onClick={() => setMode("editor")}>
              Редактор
            </button>
          </div>
        )}
        <span class="spacer" />
        <button id="new-plan" onClick={() => setMode("new")}>
          Новая дорожная карта
        </button>
        {planId !== null && (
          <>
            <button id="copy-plan" onClick={copyToNextYear} title="Разделы и мероприятия, период и годы в сроках сдвинуты на год">
              Копия на следующий год
            </button>
            <button id="save-bundle" onClick={saveBundle}>
              Сохранить пакетом…
            </button>
          </>
        )}
      </div>
      <ErrorNotice message={plans.error ?? roadmap.error ?? error} />
      {note && (
        <p class="notice ok" role="status" id="plans-note">
          {note}
        </p>
      )}
      {!plans.data ? <Loading /> : plans.data.length === 0 && mode !== "new" ? <p class="muted">Дорожных карт пока нет.</p> : null}
      {mode === "new" && (
        <PlanForm
          plan={null}
          onSaved={(id) => {
            plans.reload();
                    setPlanId(id);
            setMode("editor");
          }}
          onCancel={() => setMode("document")}
        />
      )}
      {mode === "document" && review.data && review.data.length > 0 && <ReviewList events={review.data} onChanged={changed} />}
      {mode === "document" && roadmap.data && <RoadmapTable roadmap={roadmap.data} onChanged={changed} />}
      {mode === "editor" && roadmap.data && (
        <>
          <PlanForm
            key={`${roadmap.data.plan.id}:${JSON.stringify(roadmap.data.plan)}`}
            plan={roadmap.data.plan}
            onSaved={() => (plans.reload(), changed())}
            open={passportOpen}
            onToggle={setPassportOpen}
          />
          <PlanEditor roadmap={roadmap.data} schools={schools.data ?? []} executors={executors.data ?? []} onChanged={changed} />
        </>
      )}
    </section>
  );
}

/** A list this long is shown folded, so that the plan's table is not pages down. */
const REVIEW_OPEN_UP_TO = 5;

/** «Сроки требуют проверки»: every event whose timeframe is unclear, each fixable in place;
 * folded to its heading and count when long. */
function ReviewList(props: { events: Event[]; onChanged: () => void }) {
  return (
    <details class="panel review" id="timeframe-review" open={props.events.length <= REVIEW_OPEN_UP_TO}>
      <summary>
        <h2 id="review-title" class="inline">
          Сроки требуют проверки ({props.events.length})
        </h2>
      </summary>
      {props.events.map((e) => (
        <div key={`${e.id}-${e.timeframe.text}`} class="review-item" data-event={e.number}>
          <div class="strong">
            {e.number}. {e.content.split("\n")[0]}
          </div>
          <EventTimeframeEditor
            event={e}
            onSaved={props.onChanged}
            extra={
              // Also for a warning (a timeframe partly outside the plan's period): the text is
              // as the document has it, and the person may keep it so.
              <button
                class="accept-timeframe"
                title="Срок записан верно: убрать из списка, пока его текст не изменится"
                onClick={() => api.acceptEventTimeframe(e.id).then(props.onChanged)}
              >
                Принять как есть
              </button>
            }
          />
        </div>
      ))}
    </details>
  );
}

function RoadmapTable({ roadmap, onChanged }: { roadmap: Roadmap; onChanged: () => void }) {
  const { plan, sections, events } = roadmap;
  const [editing, setEditing] = useState<number | null>(null);
  const body = useRef<HTMLTableSectionElement>(null);
  const items: (Section | Event)[] = [];
  let section: number | null = null;
  for (const e of events) {
    if (e.section_id !== section) {
      section = e.section_id;
      const s = sections.find((x) => x.id === section);
      if (s) items.push(s);
    }
    items.push(e);
  }
  const isEvent = (i: Section | Event): i is Event => "timeframe" in i;
  // Only the rows near the screen are drawn; the one whose timeframe is open stays.
  const rows = useWindowedRows(items, {
    body,
    columns: 5,
    key: (i) => (isEvent(i) ? `e${i.id}` : `s${i.id}`),
    estimate: (i) => (isEvent(i) ? 64 : 34),
    keep: (i) => isEvent(i) && i.id === editing,
    render: (i) =>
      isEvent(i) ? (
        <EventRow key={i.id} event={i} editing={editing === i.id} setEditing={(on) => setEditing(on ? i.id : null)} onChanged={onChanged} />
      ) : (
        <tr key={`s${i.id}`} data-key={`s${i.id}`} class="section-row">
          <td colSpan={5}>{[i.number, i.title].filter(Boolean).join(". ")}</td>
        </tr>
      ),
  });
  return (
    <article class="roadmap" id="roadmap">
      <h2 class="doc-title">{plan.title}</h2>
      <dl class="plan-head">
        <dt>Период</dt>
        <dd>
          {ruDate(plan.period.start)} — {ruDate(plan.period.end)}
        </dd>
        {plan.goal && (
          <>
            <dt>Цель</dt>
            <dd>{plan.goal}</dd>
          </>
        )}
        {plan.tasks.length > 0 && (
          <>
            <dt>Задачи</dt>
            <dd>
              <ul>
                {plan.tasks.map((t, i) => (
                  <li key={i}>{t}</li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {plan.coordinator && (
          <>
            <dt>Муниципальный координатор</dt>
            <dd>
              {plan.coordinator.name}, {plan.coordinator.position}
            </dd>
          </>
        )}
      </dl>
      <table class="grid doc">
        <thead>
          <tr>
            <th class="num">{COLUMN_TITLES.number}</th>
            <th>{COLUMN_TITLES.content}</th>
            <th class="when">{COLUMN_TITLES.timeframe}</th>
            <th>{COLUMN_TITLES.executors}</th>
            <th>{COLUMN_TITLES.completion}</th>
          </tr>
        </thead>
        <tbody ref={body}>{rows}</tbody>
      </table>
    </article>
  );
}

function EventRow(props: { event: Event; editing: boolean; setEditing: (on: boolean) => void; onChanged: () => void }) {
  const { event: e, editing, setEditing, onChanged } = props;
  const review = e.timeframe.needs_review;
  return (
    <tr data-event={e.number} data-key={`e${e.id}`}>
      <td class="num">{e.number}.</td>
      <td class="pre">{e.content}</td>
      <td class="pre when">
        {editing ? (
          <EventTimeframeEditor
            event={e}
            onSaved={() => {
              setEditing(false);
              onChanged();
            }}
            onCancel={() => setEditing(false)}
          />
        ) : (
          <>
            {e.timeframe.text}
            {review && (
              <div class="warn small" title={e.timeframe.warnings.join("\n")}>
                ⚠ {e.timeframe.warnings[0] ?? "срок требует проверки"}
              </div>
            )}
            <button class="link small edit-timeframe" onClick={() => setEditing(true)} aria-label={`Изменить срок мероприятия ${e.number}`}>
              изменить
            </button>
          </>
        )}
      </td>
      <td>
        {e.executors.map((x) => (
          <div key={x.id}>
            {x.name}
            {x.position ? `, ${x.position}` : ""}
          </div>
        ))}
      </td>
      <td>
        {e.status !== "planned" && <span class={`chip ${e.status}`}>{STATUS_LABELS[e.status]}</span>}
        {e.completion_mark}
      </td>
    </tr>
  );
}
