import { useState } from "preact/hooks";
import { api, errorText } from "../api/ipc";
import { ruDate } from "../format";
import { useLoad } from "./useLoad";
import { useUndoNote } from "./UndoNote";

/** Праздничные дни of one year: series by rule step over them; a transfer is added or removed here. */
export function HolidayCalendar(props: { onChanged: () => void }) {
  const [year, setYear] = useState(new Date().getFullYear());
  const holidays = useLoad(() => api.listHolidays(year), [year]);
  const [date, setDate] = useState("");
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const removed = useUndoNote(setError);
  const run = (p: Promise<void>) =>
    p.then(
      () => {
        setError(null);
        holidays.reload();
        props.onChanged();
      },
      (e) => setError(errorText(e)),
    );
  return (
    <details class="panel" id="holidays">
      <summary>
        <h2>Праздничные дни</h2>
      </summary>
      <p class="small muted">
        Нерабочие праздничные дни (ст. 112 ТК РФ). Циклы по правилу их пропускают. Добавьте перенесённый выходной или
        региональный праздник; удалите день, ставший рабочим.
      </p>
      <label>
        Год{" "}
        <input
          type="number"
          id="holiday-year"
          min={2000}
          max={2100}
          value={year}
          onInput={(e) => setYear(Number((e.target as HTMLInputElement).value))}
        />
      </label>
      {removed.note}
      <table class="grid compact">
        <tbody>
          {holidays.data?.map((h) => (
            <tr key={h.date} data-holiday={h.date}>
              <td>{ruDate(h.date)}</td>
              <td>{h.name}</td>
              <td>
                <button
                  class="link"
                  onClick={() => run(api.removeHoliday(h.date).then(() => removed.done(`${ruDate(h.date)} теперь рабочий день.`)))}
                >
                  сделать рабочим
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        class="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          run(api.setHoliday({ date, name }));
        }}
      >
        <input type="date" id="holiday-date" required aria-label="Дата" value={date} onInput={(e) => setDate((e.target as HTMLInputElement).value)} />
        <input
          id="holiday-name"
          aria-label="Название"
          placeholder="название праздника"
          value={name}
          onInput={(e) => setName((e.target as HTMLInputElement).value)}
        />
        <button type="submit" id="add-holiday">
          Добавить день
        </button>
      </form>
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
    </details>
  );
}
