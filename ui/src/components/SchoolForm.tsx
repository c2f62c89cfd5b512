import { useRef, useState } from "preact/hooks";
import { api } from "../api/ipc";
import { FormActions } from "./FormActions";
import { useFormError } from "./useFormError";
import type { Category } from "../api/bindings/Category";
import type { School } from "../api/bindings/School";
import type { SchoolDraft } from "../api/bindings/SchoolDraft";
import { CATEGORIES, CATEGORY_LABELS, capital } from "../format";

const EMPTY: SchoolDraft = {
  name: "",
  short_name: "",
  director: "",
  address: "",
  phone: "",
  email: "",
  statuses: [],
  code: "",
  inn: "",
  settlement: null,
};

type TextField = "short_name" | "name" | "director" | "address" | "phone" | "email" | "code" | "inn";

const FIELDS: [TextField, string, string][] = [
  ["short_name", "Краткое название", "МОБУ СОШ № 6"],
  ["name", "Полное название", "Муниципальное общеобразовательное бюджетное учреждение …"],
  ["director", "Директор", "Фамилия И.О."],
  ["phone", "Телефон", ""],
  ["email", "Электронная почта", ""],
  ["address", "Адрес", ""],
  ["code", "Логин в ФИС ОКО", "sch613024"],
  ["inn", "ИНН", "10 цифр"],
];

/** Adds a school, or edits one — an existing school is saved as each field is left. A refused
 * value is shown beside its field; what was typed stays. */
export function SchoolForm(props: { school: School | null; onSaved: () => void; onCancel: () => void }) {
  const [draft, setDraftState] = useState<SchoolDraft>(() => {
    if (!props.school) return { ...EMPTY, statuses: [{ year: new Date().getFullYear(), category: "low_results", cohort_year: null }] };
    const { id: _id, ...rest } = props.school;
    return rest;
  });
  const { error, fail, clear, beside, general } = useFormError(["short_name", "name", "code", "inn", "statuses"]);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  // The latest typing, for the save that a field's change event starts before the next render.
  const latest = useRef(draft);
  const setDraft = (next: SchoolDraft) => {
    latest.current = next;
    setDraftState(next);
  };

  const set = (field: TextField, value: string) => setDraft({ ...latest.current, [field]: value });
  const setStatus = (i: number, patch: Partial<SchoolDraft["statuses"][number]>) =>
    setDraft({ ...latest.current, statuses: latest.current.statuses.map((s, j) => (j === i ? { ...s, ...patch } : s)) });

  async function persist() {
    if (!props.school) return;
    try {
      await api.updateSchool(props.school.id, latest.current);
      clear();
      setSaved(true);
    } catch (err) {
      setSaved(false);
      fail(err);
    }
  }

  async function submit(e: Event) {
    e.preventDefault();
    if (props.school) return persist();
    setBusy(true);
    try {
      await api.createSchool(latest.current);
      props.onSaved();
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  }


  return (
    <form class="panel" id="school-form" onSubmit={submit} onChange={persist} aria-labelledby="school-form-title">
      <h2 id="school-form-title">{props.school ? `Школа «${props.school.short_name}»` : "Новая школа"}</h2>
      <div class="form-grid">
        {FIELDS.map(([f, label, placeholder]) => (
          <label key={f} class={f === "name" || f === "address" ? "wide" : ""}>
            <span>{label}</span>
            <input
              name={f}
              value={draft[f]}
              placeholder={placeholder}
              aria-invalid={error?.field === f}
              aria-describedby={error?.field === f ? `err-${f}` : undefined}
              onInput={(e) => set(f, (e.target as HTMLInputElement).value)}
            />
            {beside(f)}
          </label>
        ))}
        <label>
          <span>Населённый пункт</span>
          <select
            name="settlement"
            value={draft.settlement ?? ""}
            onChange={(e) => {
              const v = (e.target as HTMLSelectElement).value;
              setDraft({ ...latest.current, settlement: v === "city" || v === "village" ? v : null });
            }}
          >
            <option value="">не указан</option>
            <option value="city">город</option>
            <option value="village">село</option>
          </select>
        </label>
      </div>
      <fieldset>
        <legend>Категории по годам</legend>
        {draft.statuses.map((s, i) => (
          <div class="status-row" key={i}>
            <label>
              <span>Год</span>
              <input
                type="number"
                min={1990}
                max={2200}
                value={s.year}
                onInput={(e) => setStatus(i, { year: Number((e.target as HTMLInputElement).value) })}
              />
            </label>
            <label>
              <span>Категория</span>
              <select
                value={s.category}
                onChange={(e) => setStatus(i, { category: (e.target as HTMLSelectElement).value as Category })}
              >
                {CATEGORIES.map((c) => (
                  <option key={c} value={c}>
                    {capital(CATEGORY_LABELS[c])}
                  </option>
                ))}
              </select>
            </label>
            {s.category === "project_500" && (
              <label>
                <span>Год когорты</span>
                <input
                  type="number"
                  value={s.cohort_year ?? ""}
                  onInput={(e) => {
                    const v = (e.target as HTMLInputElement).value;
                    setStatus(i, { cohort_year: v ? Number(v) : null });
                  }}
                />
              </label>
            )}
            <button type="button" class="link" onClick={() => {
                setDraft({ ...latest.current, statuses: latest.current.statuses.filter((_, j) => j !== i) });
                persist();
              }}>
              Убрать
            </button>
          </div>
        ))}
        <button
          type="button"
          onClick={() => {
            setDraft({
              ...latest.current,
              statuses: [...latest.current.statuses, { year: new Date().getFullYear(), category: "low_results", cohort_year: null }],
            });
            persist();
          }}
        >
          Добавить категорию
        </button>
        {beside("statuses")}
      </fieldset>
      {general}
      <FormActions
        existing={props.school !== null}
        saved={saved}
        id="school"
        createLabel="Добавить школу"
        busy={busy}
        onDone={props.onSaved}
        onCancel={props.onCancel}
      />
    </form>
  );
}
