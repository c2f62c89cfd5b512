import { useEffect, useState } from "preact/hooks";
import { api } from "../api/ipc";
import type { Event } from "../api/bindings/Event";
import type { Roadmap } from "../api/bindings/Roadmap";
import { ruDate, STATUS_LABELS } from "../format";
import { ErrorNotice, Loading } from "../components/Notice";
import { useLoad } from "../components/useLoad";

/** A roadmap shown like the document: its header blocks, then the table with section rows. */
export function PlansView() {
  const plans = useLoad(() => api.listPlans(), []);
  const [planId, setPlanId] = useState<number | null>(null);
  useEffect(() => {
    if (planId === null && plans.data?.length) setPlanId(plans.data[0].id);
  }, [plans.data]);
  const roadmap = useLoad(() => (planId === null ? Promise.resolve(null) : api.getRoadmap(planId)), [planId]);

  return (
    <section aria-labelledby="plans-title">
      <div class="toolbar">
        <h1 id="plans-title">Дорожные карты</h1>
        {plans.data && plans.data.length > 1 && (
          <label>
            Карта{" "}
            <select value={String(planId)} onChange={(e) => setPlanId(Number((e.target as HTMLSelectElement).value))}>
              {plans.data.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <ErrorNotice message={plans.error ?? roadmap.error} />
      {!plans.data ? <Loading /> : plans.data.length === 0 ? <p class="muted">Дорожных карт пока нет.</p> : null}
      {roadmap.data && <RoadmapTable roadmap={roadmap.data} />}
    </section>
  );
}

function RoadmapTable({ roadmap }: { roadmap: Roadmap }) {
  const { plan, sections, events } = roadmap;
  const rows: preact.JSX.Element[] = [];
  let section: number | null = null;
  for (const e of events) {
    if (e.section_id !== section) {
      section = e.section_id;
      const s = sections.find((x) => x.id === section);
      if (s)
        rows.push(
          <tr key={`s${s.id}`} class="section-row">
            <td colSpan={5}>{[s.number, s.title].filter(Boolean).join(". ")}</td>
          </tr>,
        );
    }
    rows.push(<EventRow key={e.id} event={e} />);
  }
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
            <th class="num">№ п/п</th>
            <th>Содержание деятельности</th>
            <th class="when">Сроки реализации</th>
            <th>Ответственный исполнитель</th>
            <th>Отметка о выполнении</th>
          </tr>
        </thead>
        <tbody>{rows}</tbody>
      </table>
    </article>
  );
}

function EventRow({ event: e }: { event: Event }) {
  const review = e.timeframe.kind === "free" || e.timeframe.warnings.length > 0;
  return (
    <tr data-event={e.number}>
      <td class="num">{e.number}.</td>
      <td class="pre">{e.content}</td>
      <td class="pre when">
        {e.timeframe.text}
        {review && (
          <div class="warn small" title={e.timeframe.warnings.join("\n")}>
            ⚠ {e.timeframe.warnings[0] ?? "срок требует проверки"}
          </div>
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
