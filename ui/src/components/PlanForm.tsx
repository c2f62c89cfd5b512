import { useState } from "preact/hooks";
import { api } from "../api/ipc";
import { useFormError } from "./useFormError";
import type { Plan } from "../api/bindings/Plan";
import type { PlanDraft } from "../api/bindings/PlanDraft";

/** The academic year (Sept–Aug) or the calendar year that holds `iso`. */
export function yearPeriod(kind: "academic" | "calendar", iso = new Date().toISOString().slice(0, 10)) {
  const [y, m] = iso.split("-").map(Number);
  if (kind === "calendar") return { start: `${y}-01-01`, end: `${y}-12-31` };
  const from = m >= 9 ? y : y - 1;
  return { start: `${from}-09-01`, end: `${from + 1}-08-31` };
}

export function draftOf(p: Plan): PlanDraft {
  return {
    title: p.title,
    period: p.period,
    issuer: p.issuer,
    coordinator: p.coordinator && {
      kind: p.coordinator.kind,
      name: p.coordinator.name,
      position: p.coordinator.position,
      organisation: p.coordinator.organisation,
    },
    goal: p.goal,
    tasks: p.tasks,
  };
}

/** The plan's passport: title, period, issuer, coordinator, goal, tasks. A change is saved when
 * the field is left; a refused value stays typed, with the reason beside the field. */
/** `open`/`onToggle`: the passport's open state kept by the view, so saving a field (which
 * rebuilds the form with the saved plan) never collapses it under the person's hands. */
export function PlanForm(props: {
  plan: Plan | null;
  onSaved: (id: number) => void;
  onCancel?: () => void;
  open?: boolean;
  onToggle?: (open: boolean) => void;
}) {
  const [d, setD] = useState<PlanDraft>(
    props.plan
      ? draftOf(props.plan)
      : { title: "", period: yearPeriod("academic"), issuer: "", coordinator: null, goal: "", tasks: [] },
  );
  const [tasks, setTasks] = useState(d.tasks.join("\n"));
  const { error, fail, clear, beside, general } = useFormError(["title", "period"]);
  const isNew = props.plan === null;

  async function save(next: PlanDraft) {
    setD(next);
    if (isNew) return;
    await submit(next);
  }

  async function submit(next: PlanDraft) {
    try {
      const id = await api.savePlan(props.plan?.id ?? null, next);
      clear();
      props.onSaved(id);
    } catch (e) {
      fail(e);
    }
  }

  const text = (field: "title" | "issuer" | "goal") => ({
    value: d[field],
    onInput: (e: Event) => setD({ ...d, [field]: (e.target as HTMLInputElement).value }),
    onChange: (e: Event) => save({ ...d, [field]: (e.target as HTMLInputElement).value }),
  });
  const coordinator = d.coordinator ?? { kind: "person" as const, name: "", position: "", organisation: "" };
  const setCoordinator = (field: "name" | "position", value: string, commit: boolean) => {
    const next = { ...d, coordinator: { ...coordinator, [field]: value } };
    commit ? save(next) : setD(next);
  };

  return (
    <form class="panel plan-form" id="plan-form" onSubmit={(e) => (e.preventDefault(), submit({ ...d, tasks: tasks.split("\n") }))}>
      <details
        open={isNew || error !== null || props.open}
        onToggle={(e) => props.onToggle?.((e.currentTarget as HTMLDetailsElement).open)}
      >
      <summary>
        <h2>{isNew ? "Новая дорожная карта" : `Паспорт дорожной карты: ${d.title}`}</h2>
      </summary>
      <div class="form-grid">
        <label class="wide">
          <span>Название</span>
          <input name="title" {...text("title")} />
          {beside("title")}
        </label>
        <label>
          <span>Начало периода</span>
          <input type="date" name="period-start" value={d.period.start} onChange={(e) => save({ ...d, period: { ...d.period, start: (e.target as HTMLInputElement).value } })} />
        </label>
        <label>
          <span>Конец периода</span>
          <input type="date" name="period-end" value={d.period.end} onChange={(e) => save({ ...d, period: { ...d.period, end: (e.target as HTMLInputElement).value } })} />
          {beside("period")}
        </label>
        <div class="period-presets">
          <button type="button" class="link" onClick={() => save({ ...d, period: yearPeriod("academic", d.period.start) })}>
            учебный год
          </button>{" "}
          <button type="button" class="link" onClick={() => save({ ...d, period: yearPeriod("calendar", d.period.start) })}>
            календарный год
          </button>
        </div>
        <label class="wide">
          <span>Кто утверждает</span>
          <input name="issuer" placeholder="Управление образования г. …" {...text("issuer")} />
        </label>
        <label>
          <span>Муниципальный координатор</span>
          <input
            name="coordinator"
            placeholder="Фамилия И.О."
            value={coordinator.name}
            onInput={(e) => setCoordinator("name", (e.target as HTMLInputElement).value, false)}
            onChange={(e) => setCoordinator("name", (e.target as HTMLInputElement).value, true)}
          />
        </label>
        <label class="span2">
          <span>Должность координатора</span>
          <input
            name="coordinator-position"
            value={coordinator.position}
            onInput={(e) => setCoordinator("position", (e.target as HTMLInputElement).value, false)}
            onChange={(e) => setCoordinator("position", (e.target as HTMLInputElement).value, true)}
          />
        </label>
        <label class="wide">
          <span>Цель</span>
          <textarea name="goal" rows={2} {...text("goal")} />
        </label>
        <label class="wide">
          <span>Задачи (по одной в строке)</span>
          <textarea
            name="tasks"
            rows={3}
            value={tasks}
            onInput={(e) => setTasks((e.target as HTMLTextAreaElement).value)}
            onChange={(e) => save({ ...d, tasks: (e.target as HTMLTextAreaElement).value.split("\n") })}
          />
        </label>
      </div>
      {general}
      </details>
      {isNew && (
        <div class="actions">
          <button class="primary" type="submit" id="create-plan">
            Создать дорожную карту
          </button>
          {props.onCancel && (
            <button type="button" onClick={props.onCancel}>
              Отмена
            </button>
          )}
        </div>
      )}
    </form>
  );
}
