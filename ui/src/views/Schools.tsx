import { useMemo, useState } from "preact/hooks";
import { api } from "../api/ipc";
import type { School } from "../api/bindings/School";
import { CATEGORY_LABELS, capital } from "../format";
import { ErrorNotice, Loading } from "../components/Notice";
import { useLoad } from "../components/useLoad";
import { SchoolForm } from "../components/SchoolForm";
import { RisksView } from "./Risks";
import { found } from "../search";
import { SearchField } from "../components/SearchField";

/** The district's schools with their categories for a year; add and edit through the form. */
export function SchoolsView() {
  const all = useLoad(() => api.listSchools(null), []);
  const years = useMemo(() => {
    const set = new Set<number>();
    for (const s of all.data ?? []) for (const st of s.statuses) set.add(st.year);
    return [...set].sort((a, b) => b - a);
  }, [all.data]);
  const [year, setYear] = useState<number | "all">("all");
  const [editing, setEditing] = useState<School | "new" | null>(null);
  const [risks, setRisks] = useState(false);
  const [query, setQuery] = useState("");

  const shown = (all.data ?? [])
    .filter((s) => year === "all" || s.statuses.some((st) => st.year === year))
    .filter((s) => found(query, [s.name, s.short_name, s.director, s.address, s.code, s.inn, s.email]));

  function saved() {
    setEditing(null);
    all.reload();
  }

  return (
    <section aria-labelledby="schools-title">
      <div class="toolbar">
        <h1 id="schools-title">Школы</h1>
        <label>
          Год{" "}
          <select
            id="year-filter"
            value={String(year)}
            onChange={(e) => {
              const v = (e.target as HTMLSelectElement).value;
              setYear(v === "all" ? "all" : Number(v));
            }}
          >
            <option value="all">все годы</option>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <SearchField id="school-search" value={query} placeholder="название, директор, логин" onChange={setQuery} />
        <div class="segmented" role="group" aria-label="Вид">
          <button class={risks ? "" : "active"} onClick={() => setRisks(false)}>
            Список
          </button>
          <button class={risks ? "active" : ""} id="mode-risks" onClick={() => setRisks(true)}>
            Риски «500+»
          </button>
        </div>
        <span class="spacer" />
        <button class="primary" id="add-school" onClick={() => setEditing("new")}>
          Добавить школу
        </button>
      </div>
      {risks && <RisksView initialYear={typeof year === "number" ? year : (years[0] ?? new Date().getFullYear())} />}
      <ErrorNotice message={all.error} />
      {editing && (
        <SchoolForm school={editing === "new" ? null : editing} onSaved={saved} onCancel={() => setEditing(null)} />
      )}
      {risks ? null : !all.data ? (
        <Loading />
      ) : shown.length === 0 && query ? (
        <p class="muted" id="no-schools-found">Ничего не найдено: «{query}».</p>
      ) : shown.length === 0 ? (
        <p class="muted">Школ нет. Добавьте первую кнопкой «Добавить школу».</p>
      ) : (
        <table class="grid" id="schools-table">
          <thead>
            <tr>
              <th>Школа</th>
              <th>Директор</th>
              <th>Категории</th>
              <th>Контакты</th>
              <th aria-label="Действия" />
            </tr>
          </thead>
          <tbody>
            {shown.map((s) => (
              <tr key={s.id} data-school={s.short_name}>
                <td>
                  <div class="strong">{s.short_name}</div>
                  {s.name !== s.short_name && <div class="muted small">{s.name}</div>}
                </td>
                <td class="nowrap">{s.director}</td>
                <td>
                  {s.statuses
                    .filter((st) => year === "all" || st.year === year)
                    .map((st) => (
                      <span key={`${st.year}-${st.category}`} class={`chip ${st.category}`}>
                        {capital(CATEGORY_LABELS[st.category])}
                        {st.cohort_year ? ` (${st.cohort_year})` : ""}
                        {year === "all" ? ` · ${st.year}` : ""}
                      </span>
                    ))}
                </td>
                <td class="small">{[s.phone, s.email, s.address].filter(Boolean).join(", ")}</td>
                <td>
                  <button class="link" onClick={() => setEditing(s)} aria-label={`Изменить ${s.short_name}`}>
                    Изменить
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
