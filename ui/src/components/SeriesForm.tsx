import { useState } from "preact/hooks";
import { api, errorText } from "../api/ipc";
import type { RuleDates } from "../api/bindings/RuleDates";
import type { Plan } from "../api/bindings/Plan";
import { ruDate } from "../format";
import { PlanSelect } from "./PlanSelect";

const WEEKDAYS = ["понедельникам", "вторникам", "средам", "четвергам", "пятницам", "субботам", "воскресеньям"];

/** «по четвергам в 15:00, 5 раз»: a new series whose sessions the program places, holidays skipped. */
export function SeriesForm(props: { plans: Plan[]; onCreated: () => void }) {
  const [planId, setPlanId] = useState<number | null>(null);
  const plan = planId ?? props.plans[0]?.id ?? null;
  const [title, setTitle] = useState("");
  const [audience, setAudience] = useState("");
  const [organiser, setOrganiser] = useState("");
  const [weekday, setWeekday] = useState(4);
  const [time, setTime] = useState("15:00");
  const [duration, setDuration] = useState(60);
  const [count, setCount] = useState(5);
  const [from, setFrom] = useState(new Date().toISOString().slice(0, 10));
  const [done, setDone] = useState<RuleDates | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: Event) {
    e.preventDefault();
    setError(null);
    try {
      const dates = await api.createSeriesByRule(
        { plan_id: plan, title, audience, organiser },
        { weekday, start_time: time, duration_minutes: duration, count, from },
      );
      setDone(dates);
      // A new series starts from a clean form; the rule's values stay for the next one.
      setTitle("");
      setAudience("");
      setOrganiser("");
      props.onCreated();
    } catch (err) {
      setError(errorText(err));
    }
  }

  const value = (set: (v: string) => void) => (e: Event) => set((e.target as HTMLInputElement).value);
  return (
    <form class="panel" id="series-form" onSubmit={submit} aria-labelledby="series-form-title">
      <h2 id="series-form-title">Новый цикл по правилу</h2>
      <div class="form-grid">
        {props.plans.length > 0 && <PlanSelect plans={props.plans} value={plan} onChange={setPlanId} label="Дорожная карта" />}
        <label class="wide">
          <span>Название цикла</span>
          <input name="title" value={title} onInput={value(setTitle)} />
        </label>
        <label>
          <span>Участники</span>
          <input name="audience" value={audience} onInput={value(setAudience)} />
        </label>
        <label>
          <span>Организатор</span>
          <input name="organiser" value={organiser} onInput={value(setOrganiser)} />
        </label>
        <label>
          <span>По</span>
          <select name="weekday" value={String(weekday)} onChange={(e) => setWeekday(Number((e.target as HTMLSelectElement).value))}>
            {WEEKDAYS.map((w, i) => (
              <option key={w} value={i + 1}>
                {w}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>В</span>
          <input name="time" type="time" value={time} onInput={value(setTime)} />
        </label>
        <label>
          <span>Длительность, мин</span>
          <input name="duration" type="number" min={1} value={duration} onInput={value((v) => setDuration(Number(v)))} />
        </label>
        <label>
          <span>Сколько раз</span>
          <input name="count" type="number" min={1} max={100} value={count} onInput={value((v) => setCount(Number(v)))} />
        </label>
        <label>
          <span>Начиная с</span>
          <input name="from" type="date" value={from} onInput={value(setFrom)} />
        </label>
      </div>
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
      <div class="actions">
        <button class="primary" type="submit" id="create-series">
          Создать цикл
        </button>
      </div>
      {done && (
        <div class="notice ok" role="status" id="series-created">
          Назначено {done.dates.length}: {done.dates.map(ruDate).join(", ")}.
          {done.skipped.length > 0 &&
            ` Пропущены праздники: ${done.skipped.map((h) => `${ruDate(h.date)} (${h.name})`).join(", ")}.`}
        </div>
      )}
    </form>
  );
}
