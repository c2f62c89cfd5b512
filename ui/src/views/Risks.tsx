import { useState } from "preact/hooks";
import { api, errorText } from "../api/ipc";
import type { RiskLevel } from "../api/bindings/RiskLevel";
import { ErrorNotice, Loading } from "../components/Notice";
import { useLoad } from "../components/useLoad";
import { PlanSelect } from "../components/PlanSelect";
import { useUndoNote } from "../components/UndoNote";
import { SchoolOptions } from "../components/SchoolOptions";

const LEVELS: [RiskLevel | "", string][] = [
  ["", "—"],
  ["low", "низкий"],
  ["medium", "средний"],
  ["high", "высокий"],
];

/** The «500+» risk profiles of a year (school × factor → level) and their coverage by a plan:
 * a medium or high risk no event addresses is flagged, and an event can be assigned to it. */
export function RisksView(props: { initialYear: number }) {
  const [year, setYear] = useState(props.initialYear);
  const schools = useLoad(() => api.listSchools(year), [year]);
  const factors = useLoad(() => api.listRiskFactors(), []);
  const profile = useLoad(() => api.riskProfile(year), [year]);
  const plans = useLoad(() => api.listPlans(), []);
  const [planId, setPlanId] = useState<number | null>(null);
  const plan = planId ?? plans.data?.[0]?.id ?? null;
  const roadmap = useLoad(() => (plan === null ? Promise.resolve(null) : api.getRoadmap(plan)), [plan]);
  const coverage = useLoad(() => (plan === null ? Promise.resolve([]) : api.coverage(plan, year)), [plan, year]);
  const [newFactor, setNewFactor] = useState("");
  // Schools the person brought into the grid this time (not «500+», no profile yet).
  const [added, setAdded] = useState<number[]>([]);
  const [error, setError] = useState<string | null>(null);
  const deleted = useUndoNote(setError);
  const run = (p: Promise<unknown>) =>
    p.then(
      () => {
        setError(null);
        factors.reload();
        profile.reload();
        coverage.reload();
      },
      (e) => setError(errorText(e)),
    );
  const level = (school: number, factor: number) =>
    profile.data?.find((p) => p.school_id === school && p.risk_factor_id === factor)?.level ?? "";
  const cell = (school: number, factor: number) =>
    coverage.data?.find((c) => c.school_id === school && c.risk_factor_id === factor);
  const eventNumber = (id: number) => roadmap.data?.events.find((e) => e.id === id)?.number ?? "?";
  const uncovered = coverage.data?.filter((c) => c.uncovered).length ?? 0;
  // The grid is for «500+» schools of the year, and any school that already has a profile.
  const profiled = new Set([...(profile.data?.map((p) => p.school_id) ?? []), ...added]);
  const rows =
    schools.data?.filter(
      (s) => profiled.has(s.id) || s.statuses.some((st) => st.year === year && st.category === "project_500"),
    ) ?? null;
  const others = schools.data?.filter((s) => !rows?.includes(s)) ?? [];

  return (
    <section aria-labelledby="risks-title">
      <div class="toolbar">
        <h2 id="risks-title">Профиль рисков «500+» и меры дорожной карты</h2>
        <label>
          Год <input type="number" id="risks-year" value={year} min={2000} max={2100} onInput={(e) => setYear(Number((e.target as HTMLInputElement).value))} />
        </label>
        {plans.data && plans.data.length > 0 && <PlanSelect plans={plans.data} value={plan} onChange={setPlanId} />}
        {others.length > 0 && (
          <label>
            Добавить школу{" "}
            <select
              id="add-risk-school"
              value=""
              onChange={(e) => {
                const id = Number((e.target as HTMLSelectElement).value);
                if (id) setAdded([...added, id]);
              }}
            >
              <option value="">—</option>
              <SchoolOptions schools={others} />
            </select>
          </label>
        )}
      </div>
      <ErrorNotice message={error ?? schools.error ?? factors.error} />
      {deleted.note}
      {uncovered > 0 && (
        <p class="warn" id="uncovered-count">
          ⚠ Рисков без мер в дорожной карте: {uncovered}.
        </p>
      )}
      {!rows || !factors.data ? (
        <Loading />
      ) : rows.length === 0 ? (
        <p class="muted" id="no-500">
          В {year} году нет школ «500+» и профилей рисков: отметьте категорию «500+» на этот год в карточке школы.
        </p>
      ) : (
        <div class="scroll-x">
          <table class="grid risk-grid" id="risk-grid">
            <thead>
              <tr>
                <th>Школа</th>
                {factors.data.map((f) => (
                  <th key={f.id} title={f.name} class="small">
                    {f.position}. {f.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((s) => (
                <tr key={s.id} data-school={s.id}>
                  <td class="strong">{s.short_name}</td>
                  {factors.data!.map((f) => {
                    const c = cell(s.id, f.id);
                    return (
                      <td key={f.id} class={c?.uncovered ? "uncovered" : ""} data-factor={f.id}>
                        <select
                          aria-label={`${s.short_name}: ${f.name}`}
                          value={level(s.id, f.id)}
                          onChange={(e) => {
                            const v = (e.target as HTMLSelectElement).value as RiskLevel | "";
                            run(api.setRiskLevel(s.id, f.id, year, v === "" ? null : v));
                          }}
                        >
                          {LEVELS.map(([v, label]) => (
                            <option key={v} value={v}>
                              {label}
                            </option>
                          ))}
                        </select>
                        {c && c.event_ids.length > 0 && <div class="small ok-text">меры: {c.event_ids.map(eventNumber).join(", ")}</div>}
                        {c?.uncovered && roadmap.data && (
                          <select
                            class="small assign"
                            aria-label="Назначить мероприятие"
                            value=""
                            onChange={(e) => run(api.linkEventRisk(Number((e.target as HTMLSelectElement).value), f.id, true))}
                          >
                            <option value="">⚠ нет мер — назначить…</option>
                            {roadmap.data.events.map((ev) => (
                              <option key={ev.id} value={ev.id}>
                                {ev.number}. {ev.content.split("\n")[0].slice(0, 60)}
                              </option>
                            ))}
                          </select>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {factors.data && (
        <details class="panel" id="risk-factors">
          <summary>Факторы риска (список можно править)</summary>
          {factors.data.map((f) => (
            <div key={f.id} class="inline-form">
              <span>{f.position}.</span>
              <input
                defaultValue={f.name}
                aria-label={`Фактор ${f.position}`}
                onChange={(e) => run(api.renameRiskFactor(f.id, (e.target as HTMLInputElement).value))}
              />
              <button
                class="link danger"
                onClick={() =>
                  run(api.removeRiskFactor(f.id).then(() => deleted.done(`Фактор риска «${f.name}» удалён вместе с его оценками.`)))
                }
              >
                удалить
              </button>
            </div>
          ))}
          <form
            class="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              run(api.addRiskFactor(newFactor).then(() => setNewFactor("")));
            }}
          >
            <input id="new-factor" placeholder="новый фактор риска" value={newFactor} onInput={(e) => setNewFactor((e.target as HTMLInputElement).value)} />
            <button type="submit">Добавить</button>
          </form>
        </details>
      )}
    </section>
  );
}
