import { useRef, useState } from "preact/hooks";
import { api, AppError, errorText } from "../api/ipc";
import { announceDataChanged } from "../api/changes";
import type { AnalysisSettings } from "../api/bindings/AnalysisSettings";
import type { Metric } from "../api/bindings/Metric";
import type { NameChoice } from "../api/bindings/NameChoice";
import type { ResultRow } from "../api/bindings/ResultRow";
import type { ResultsContext } from "../api/bindings/ResultsContext";
import type { ResultsPreview } from "../api/bindings/ResultsPreview";
import type { ResultsView as View } from "../api/bindings/ResultsView";
import type { School } from "../api/bindings/School";
import type { Duplicate } from "../api/bindings/Duplicate";
import type { ImportSource } from "../api/bindings/ImportSource";
import { METRIC_LABELS, TREND_LABELS } from "../api/bindings/labels";
import { ErrorNotice, Loading } from "../components/Notice";
import { useLoad } from "../components/useLoad";
import { IntervalChart, LineChart, num, signed } from "../components/Charts";

/** «Результаты»: schools' results over the years and whether the supported ones improved
 * against comparable schools; the import of results tables. */
export function ResultsView() {
  const schools = useLoad(() => api.listSchools(null), []);
  // null until the person changes one: the first view comes with the defaults (one round trip).
  const [chosen, setSettings] = useState<AnalysisSettings | null>(null);
  const [tab, setTab] = useState<"analysis" | "records" | "indicators">("analysis");
  const [importing, setImporting] = useState(false);
  const view = useLoad(() => api.resultsView(chosen), [JSON.stringify(chosen)]);
  const settings = chosen ?? view.data?.settings ?? null;
  const choices = view.data?.choices ?? null;

  const filter = settings?.filter;
  const set = (patch: Partial<AnalysisSettings>) => settings && setSettings({ ...settings, ...patch });
  const setFilter = (patch: Partial<AnalysisSettings["filter"]>) =>
    settings && setSettings({ ...settings, filter: { ...settings.filter, ...patch } });
  const empty = choices && choices.procedures.length === 0 && choices.indicators.length === 0;
  const byIndicator = settings?.indicator != null;

  return (
    <section aria-labelledby="results-title">
      <div class="toolbar">
        <h1 id="results-title">Результаты</h1>
        <div class="tabs" role="tablist">
          <button role="tab" id="tab-analysis" aria-selected={tab === "analysis"} class={tab === "analysis" ? "active" : ""} onClick={() => setTab("analysis")}>
            Анализ
          </button>
          <button role="tab" id="tab-records" aria-selected={tab === "records"} class={tab === "records" ? "active" : ""} onClick={() => setTab("records")}>
            Записи
          </button>
          <button role="tab" id="tab-indicators" aria-selected={tab === "indicators"} class={tab === "indicators" ? "active" : ""} onClick={() => setTab("indicators")}>
            Показатели района
          </button>
        </div>
        <span class="spacer" />
        <button id="results-import" onClick={() => setImporting(true)}>
          Загрузить таблицу результатов…
        </button>
      </div>
      <ErrorNotice message={view.error} />
      {importing && (
        <ResultsImport
          schools={schools.data ?? []}
          onDone={() => {
            setImporting(false);
            setSettings(null);
            announceDataChanged();
          }}
          onCancel={() => setImporting(false)}
        />
      )}
      {tab === "indicators" ? (
        <Indicators schools={schools.data ?? []} />
      ) : !choices || !settings ? (
        <Loading />
      ) : empty ? (
        <p class="muted" id="results-empty">
          Результатов пока нет. Загрузите таблицу ФИС ОКО «Статистика по отметкам», таблицу РЦОИ по ОГЭ/ЕГЭ или свод района.
        </p>
      ) : tab === "records" ? (
        <Records schools={schools.data ?? []} years={choices.years} />
      ) : (
        <>
          <div class="filters" id="results-filters">
            {/* A district's own indicator: the results' filters do not apply. */}
            {!byIndicator && (
              <>
            <label>
              Процедура{" "}
              <select id="filter-procedure" value={filter?.procedure ?? ""} onChange={(e) => setFilter({ procedure: (e.target as HTMLSelectElement).value || null })}>
                <option value="">все</option>
                {choices.procedures.map((p) => (
                  <option key={p}>{p}</option>
                ))}
              </select>
            </label>
            <label>
              Класс{" "}
              <select id="filter-grade" value={filter?.grade ?? ""} onChange={(e) => {
                const v = (e.target as HTMLSelectElement).value;
                setFilter({ grade: v ? Number(v) : null });
              }}>
                <option value="">все</option>
                {choices.grades.map((g) => (
                  <option key={g} value={g}>
                    {g}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Предмет{" "}
              <select id="filter-subject" value={filter?.subject ?? ""} onChange={(e) => setFilter({ subject: (e.target as HTMLSelectElement).value || null })}>
                <option value="">все</option>
                {choices.subjects.map((s) => (
                  <option key={s}>{s}</option>
                ))}
              </select>
            </label>
              </>
            )}
            <label>
              Показатель{" "}
              <select
                id="filter-metric"
                value={settings.indicator !== null ? `indicator-${settings.indicator}` : settings.metric}
                onChange={(e) => {
                  const v = (e.target as HTMLSelectElement).value;
                  if (v.startsWith("indicator-")) set({ indicator: Number(v.slice("indicator-".length)) });
                  else set({ metric: v as Metric, indicator: null });
                }}
              >
                {choices.metrics.map((m) => (
                  <option key={m} value={m}>
                    {METRIC_LABELS[m]}
                  </option>
                ))}
                {choices.indicators.length > 0 && (
                  <optgroup label="Показатели района">
                    {choices.indicators.map((i) => (
                      <option key={i.id} value={`indicator-${i.id}`}>
                        {i.name}
                      </option>
                    ))}
                  </optgroup>
                )}
              </select>
            </label>
            <details class="thresholds">
              <summary>Пороги</summary>
              <label>
                Мало участников — меньше{" "}
                <input type="number" min={1} id="min-participants" value={settings.min_participants} onChange={(e) => set({ min_participants: Number((e.target as HTMLInputElement).value) || 20 })} />
              </label>
              <label>
                Устойчивая динамика: улучшение в каждом из последних{" "}
                <input type="number" min={1} max={5} value={settings.steady_years} onChange={(e) => set({ steady_years: Number((e.target as HTMLInputElement).value) || 2 })} />{" "}
                лет, не меньше чем на{" "}
                <input type="number" min={0} step={0.5} value={settings.steady_points} onChange={(e) => set({ steady_points: Number((e.target as HTMLInputElement).value) || 0 })} />
              </label>
            </details>
          </div>
          <Analysis view={view.data!} />
        </>
      )}
    </section>
  );
}

/** Shown at first — small multiples, schools on the estimates chart, rows of the grid: a
 * district of hundreds of schools opens quickly, the rest a click away. */
const MULTIPLES = 12;
const ESTIMATES = 40;
const ROWS = 30;

function Analysis({ view }: { view: View }) {
  const a = view.analysis;
  const [allMultiples, setAllMultiples] = useState(false);
  const [allRows, setAllRows] = useState(false);
  const better = a.higher_is_better ? "right" : "left";
  const supported = a.schools.filter((s) => s.cohort !== null && s.series.length > 0);
  const estimated = supported.filter((s) => s.effect);
  const rows = estimated
    .slice(0, ESTIMATES)
    .map((s) => ({ label: s.name, value: s.effect!.value, low: s.effect!.low, high: s.effect!.high, faint: s.effect!.few }));
  if (a.overall) rows.push({ label: "Все школы под поддержкой", value: a.overall.value, low: a.overall.low, high: a.overall.high, faint: a.overall.few });
  const unit = a.change_unit;
  return (
    <div class="results">
      <div class="panel" id="findings">
        <h2>
          {a.metric_label} — {a.filter_label}
        </h2>
        {a.findings.map((f, i) => (
          <p key={i} class={i === 0 ? "strong" : ""}>
            {f}
          </p>
        ))}
      </div>
      <div class="chart-pair">
        <div class="panel">
          <h3>По годам: получавшие поддержку и остальные</h3>
          <LineChart
            id="chart-groups"
            years={a.years}
            unit={a.metric_label}
            lines={[
              { label: "школы, получавшие поддержку", points: a.ever_supported, color: "#1f3b5c", width: 3 },
              { label: "школы без поддержки", points: a.never_supported, color: "#8a96a3", width: 2.5, dashed: true },
              { label: "район в целом", points: a.district, color: "#c4ccd4", width: 1.5 },
            ]}
          />
          {a.settings.indicator === null && <p class="small muted">Полые точки — меньше {a.settings.min_participants} участников.</p>}
        </div>
        <div class="panel">
          <h3>Разница с сопоставимыми школами</h3>
          {rows.length ? (
            <>
              <IntervalChart id="chart-effects" rows={rows} unit={`разница изменений, ${unit}`} betterLeft={better === "left"} />
              {estimated.length > ESTIMATES && (
                <p class="small muted">
                  Показаны первые {ESTIMATES} школ из {estimated.length} и все вместе; остальные — в таблице ниже.
                </p>
              )}
            </>
          ) : (
            <p class="muted">Оценок нет: нужны результаты до начала поддержки и после него.</p>
          )}
        </div>
      </div>
      <h2>Школы под поддержкой</h2>
      <div class="multiples" id="small-multiples">
        {(allMultiples ? supported : supported.slice(0, MULTIPLES)).map((s) => (
          <div class="panel multiple" key={s.school_id} data-school={s.name}>
            <h3>{s.name}</h3>
            <LineChart
              compact
              width={300}
              height={150}
              years={a.years}
              unit={s.name}
              lines={[
                { label: s.name, points: s.series, color: "#1f3b5c", width: 2.5 },
                { label: "сопоставимые школы", points: s.comparison_series, color: "#8a96a3", width: 2, dashed: true },
                { label: "район", points: a.district, color: "#c4ccd4", width: 1.2 },
              ]}
            />
            <p class="small">{TREND_LABELS[s.trend]}</p>
          </div>
        ))}
      </div>
      {!allMultiples && supported.length > MULTIPLES && (
        <button id="all-multiples" onClick={() => setAllMultiples(true)}>
          Показать графики всех {supported.length} школ
        </button>
      )}
      <div class="below-fold">
      <table class="grid" id="results-grid">
        <thead>
          <tr>
            <th>Школа</th>
            {a.years.map((y) => (
              <th key={y}>{y}</th>
            ))}
            <th>Разница с сопоставимыми</th>
            <th>Динамика</th>
            <th>Меры поддержки</th>
          </tr>
        </thead>
        <tbody>
          {a.schools
            .filter((s) => s.series.length > 0)
            .slice(0, allRows ? undefined : ROWS)
            .map((s) => {
              const support = view.support.find((x) => x.school_id === s.school_id);
              return (
                <tr key={s.school_id} class={s.cohort !== null ? "supported" : ""}>
                  <td>
                    {s.name}
                    {s.cohort !== null && <div class="small muted">под поддержкой с {s.cohort - 1}/{String(s.cohort).slice(2)}</div>}
                  </td>
                  {a.years.map((y) => {
                    const p = s.series.find((x) => x.year === y);
                    return (
                      <td key={y} class={p?.few ? "few" : ""} title={p?.few ? "мало участников, вывод ненадёжен" : undefined}>
                        {p ? (
                          <>
                            {num(p.value)} {p.pupils > 0 && <span class="small muted">({p.pupils})</span>}
                          </>
                        ) : (
                          "—"
                        )}
                      </td>
                    );
                  })}
                  <td>
                    {s.effect ? (
                      <>
                        {signed(s.effect.value)} {unit}
                        {s.effect.low !== null && s.effect.high !== null && (
                          <div class="small muted">
                            от {signed(s.effect.low)} до {signed(s.effect.high)}
                          </div>
                        )}
                      </>
                    ) : (
                      ""
                    )}
                  </td>
                  <td class="small">{s.cohort !== null || s.series.length > 1 ? TREND_LABELS[s.trend] : ""}</td>
                  <td class="small">
                    {support && s.cohort !== null && (
                      <>
                        {support.events > 0 && (
                          <div>
                            мероприятий {support.events}: выполнено {support.done}, просрочено {support.overdue}
                          </div>
                        )}
                        {support.mentors.map((m) => (
                          <div key={m}>наставник: {m}</div>
                        ))}
                        {support.risks.map((r) => (
                          <div key={r}>{r}</div>
                        ))}
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
        </tbody>
      </table>
      </div>
      {!allRows && a.schools.filter((s) => s.series.length > 0).length > ROWS && (
        <button id="all-rows" onClick={() => setAllRows(true)}>
          Показать все {a.schools.filter((s) => s.series.length > 0).length} школ
        </button>
      )}
      <details class="panel">
        <summary>Как получены цифры</summary>
        {a.method.map((m, i) => (
          <p key={i}>{m}</p>
        ))}
      </details>
    </div>
  );
}

/** The stored results, corrected in place: each change one entry of the history. */
function Records({ schools, years }: { schools: School[]; years: number[] }) {
  const [year, setYear] = useState<number | null>(years.length ? years[years.length - 1] : null);
  const rows = useLoad(() => (year === null ? Promise.resolve([]) : api.listResults(year)), [year]);
  const [error, setError] = useState<string | null>(null);
  const name = (id: number) => schools.find((s) => s.id === id)?.short_name ?? "?";
  async function save(row: ResultRow, patch: Partial<ResultRow>) {
    setError(null);
    const { id, ...record } = { ...row, ...patch };
    try {
      await api.updateResult(id, record);
      announceDataChanged();
    } catch (e) {
      setError(errorText(e));
      rows.reload();
    }
  }
  const cell = (row: ResultRow, value: number | null, apply: (v: number | null) => Partial<ResultRow>, label: string) => (
    <input
      type="number"
      min={0}
      class="count"
      aria-label={label}
      value={value ?? ""}
      onChange={(e) => {
        const t = (e.target as HTMLInputElement).value;
        save(row, apply(t === "" ? null : Number(t)));
      }}
    />
  );
  const shown = rows.data ?? [];
  return (
    <>
      <ErrorNotice message={rows.error ?? error} />
      <div class="filters">
        <label>
          Год{" "}
          <select id="records-year" value={year ?? ""} onChange={(e) => setYear(Number((e.target as HTMLSelectElement).value))}>
            {years.map((y) => (
              <option key={y}>{y}</option>
            ))}
          </select>
        </label>
        <span class="small muted">Исправления сохраняются сразу; отменить — Ctrl+Z.</span>
      </div>
      <table class="grid" id="records-grid">
        <thead>
          <tr>
            <th>Процедура</th>
            <th>Класс</th>
            <th>Предмет</th>
            <th>Школа</th>
            <th>Участников</th>
            <th>«2»</th>
            <th>«3»</th>
            <th>«4»</th>
            <th>«5»</th>
            <th>Средний балл</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <tr key={r.id}>
              <td>{r.procedure}</td>
              <td>{r.grade || ""}</td>
              <td>{r.subject}</td>
              <td>{name(r.school_id)}</td>
              <td>{cell(r, r.participants, (v) => ({ participants: v ?? 0 }), "Участников")}</td>
              {[0, 1, 2, 3].map((k) => (
                <td key={k}>
                  {r.marks
                    ? cell(
                        r,
                        r.marks[k],
                        (v) => {
                          const m = [...r.marks!] as [number, number, number, number];
                          m[k] = v ?? 0;
                          return { marks: m };
                        },
                        `Отметка «${k + 2}»`,
                      )
                    : ""}
                </td>
              ))}
              <td>{r.mean_score !== null ? num(r.mean_score) : ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** Choosing a results table, what it matched, what to do with the schools it names that the
 * district lacks; nothing is written before «Загрузить». */
function ResultsImport(props: { schools: School[]; onDone: () => void; onCancel: () => void }) {
  const [source, setSource] = useState<ImportSource | null>(null);
  const [pasted, setPasted] = useState("");
  const [hints, setHintsState] = useState<ResultsContext>({ year: null, procedure: null, grade: null, subject: null });
  // The latest hints, for a change event that comes before the next render.
  const latest = useRef(hints);
  const setHints = (h: ResultsContext) => {
    latest.current = h;
    setHintsState(h);
  };
  const [preview, setPreview] = useState<ResultsPreview | null>(null);
  const [choices, setChoices] = useState<Record<string, NameChoice>>({});
  const [error, setError] = useState<string | null>(null);
  const [duplicate, setDuplicate] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function choose() {
    const p = await api.chooseFile({
      kind: "open",
      title: "Открыть таблицу результатов",
      filters: [
        { name: "Таблица результатов", extensions: ["xlsx", "xls", "ods", "csv", "txt", "docx", "html", "htm"] },
        { name: "Все файлы", extensions: ["*"] },
      ],
    });
    if (typeof p === "string") {
      const s: ImportSource = { kind: "file", path: p, sheet: null };
      setSource(s);
      recognise(s, hints);
    }
  }

  function onPaste(e: ClipboardEvent) {
    const html = e.clipboardData?.getData("text/html") || null;
    const text = e.clipboardData?.getData("text/plain") ?? "";
    if (!text && !html) return;
    e.preventDefault();
    setPasted(text);
    const s: ImportSource = { kind: "pasted", text, html };
    setSource(s);
    recognise(s, hints);
  }

  // Only the latest request's answer is shown: hints typed quickly send several.
  const asked = useRef(0);
  async function recognise(s: ImportSource, h: ResultsContext) {
    setError(null);
    setDuplicate(null);
    const mine = ++asked.current;
    try {
      const r = await api.previewResults(s, h);
      if (mine !== asked.current) return;
      setPreview(r);
      // Unmatched names with a login are schools of the district's list in ФИС ОКО: offered to add.
      const next: Record<string, NameChoice> = {};
      for (const n of r.names) if (n.school_id === null) next[n.key] = n.code ? { kind: "new" } : { kind: "skip" };
      setChoices(next);
    } catch (e) {
      if (mine !== asked.current) return;
      setPreview(null);
      setError(errorText(e));
    }
  }

  async function write(dup: Duplicate | null) {
    if (!source) return;
    setBusy(true);
    setError(null);
    try {
      await api.importResults(source, latest.current, choices, dup);
      props.onDone();
    } catch (e) {
      if (e instanceof AppError && e.code === "duplicate") setDuplicate(e.duplicate);
      else setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  const hint = (key: keyof ResultsContext, label: string, type: "number" | "text", placeholder: string) => (
    <label>
      <span>{label}</span>
      <input
        id={`hint-${key}`}
        type={type}
        placeholder={placeholder}
        value={hints[key] ?? ""}
        onChange={(e) => {
          const v = (e.target as HTMLInputElement).value.trim();
          const next = { ...latest.current, [key]: v === "" ? null : type === "number" ? Number(v) : v };
          setHints(next);
          if (source) recognise(source, next);
        }}
      />
    </label>
  );

  return (
    <div class="panel" id="results-import-panel">
      <h2>Загрузка результатов</h2>
      <div class="actions">
        <button onClick={choose} id="results-choose-file">
          Выбрать файл…
        </button>
        {source?.kind === "file" && <span class="small">{source.path}</span>}
        {source?.kind === "pasted" && <span class="small">вставленная таблица</span>}
        <span class="spacer" />
        <button onClick={props.onCancel}>Отмена</button>
      </div>
      <label class="paste">
        <span class="small muted">…или вставьте таблицу из Excel, Word или браузера сюда (Ctrl+V):</span>
        <textarea id="results-paste" rows={2} value={pasted} onPaste={onPaste} onInput={(e) => setPasted((e.target as HTMLTextAreaElement).value)} />
      </label>
      <div class="actions">
        <button
          id="results-recognise-pasted"
          disabled={!pasted.trim()}
          onClick={() => {
            const s: ImportSource = { kind: "pasted", text: pasted, html: null };
            setSource(s);
            recognise(s, latest.current);
          }}
        >
          Распознать вставленное
        </button>
      </div>
      <ErrorNotice message={error} />
      {preview && (
        <>
          <p id="results-context">
            {preview.context.procedure || preview.context.year ? (
              <>
                Распознано: <b>{preview.context_label}</b>, записей: {preview.results.length}
                {preview.percent && " — отметки даны в процентах и пересчитаны в количества по числу участников"}.
              </>
            ) : (
              <>Записей: {preview.results.length}.</>
            )}
          </p>
          <div class="form-grid">
            {hint("year", "Год (если в таблице не указан)", "number", "2024")}
            {hint("procedure", "Процедура", "text", "ВПР")}
            {hint("grade", "Класс", "number", "5")}
            {hint("subject", "Предмет", "text", "Математика")}
          </div>
          {preview.errors.length > 0 && (
            <div class="notice error" role="alert" id="results-errors">
              {preview.errors.map((e, i) => (
                <div key={i}>{e}</div>
              ))}
            </div>
          )}
          {preview.warnings.map((w, i) => (
            <p key={i} class="warn small">
              ⚠ {w}
            </p>
          ))}
          <table class="grid" id="results-names">
            <thead>
              <tr>
                <th>Школа в таблице</th>
                <th>Строк</th>
                <th>Школа района</th>
              </tr>
            </thead>
            <tbody>
              {preview.names.map((n) => (
                <tr key={n.key} class={n.school_id === null ? "unmatched" : ""}>
                  <td>
                    {n.name}
                    {n.code && <span class="small muted"> ({n.code})</span>}
                  </td>
                  <td>{n.rows}</td>
                  <td>
                    {n.school_id !== null ? (
                      <>
                        {props.schools.find((s) => s.id === n.school_id)?.short_name}{" "}
                        <span class="small muted">— {n.how_label}</span>
                      </>
                    ) : (
                      <select
                        aria-label={`Что сделать со школой «${n.name}»`}
                        value={choiceValue(choices[n.key])}
                        onChange={(e) => setChoices({ ...choices, [n.key]: parseChoice((e.target as HTMLSelectElement).value) })}
                      >
                        <option value="new">добавить как новую школу</option>
                        <option value="skip">не загружать</option>
                        {props.schools.map((s) => (
                          <option key={s.id} value={String(s.id)}>
                            это {s.short_name}
                          </option>
                        ))}
                      </select>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {duplicate ? (
            <div class="notice" role="alert" id="results-duplicate">
              {duplicate}
              <div class="actions">
                <button onClick={() => write("replace")} disabled={busy} id="results-replace">
                  Заменить совпадающие
                </button>
                <button onClick={() => write("keep")} disabled={busy}>
                  Оставить прежние, добавить новые
                </button>
              </div>
            </div>
          ) : (
            <div class="actions">
              <button class="primary" id="results-import-confirm" disabled={busy || preview.errors.length > 0 || preview.results.length === 0} onClick={() => write(null)}>
                {busy ? "Загрузка…" : "Загрузить"}
              </button>
            </div>
          )}
        </>
      )}
    </div>
  );
}

function choiceValue(c: NameChoice | undefined): string {
  if (!c || c.kind === "skip") return "skip";
  if (c.kind === "new") return "new";
  return String(c.school_id);
}

function parseChoice(v: string): NameChoice {
  if (v === "new") return { kind: "new" };
  if (v === "skip") return { kind: "skip" };
  return { kind: "school", school_id: Number(v) };
}

/** Indicators the district keeps itself: each a column of values by school for a year. */
function Indicators({ schools }: { schools: School[] }) {
  const list = useLoad(() => api.listIndicators(), []);
  const [year, setYear] = useState(new Date().getFullYear());
  const [name, setName] = useState("");
  const [unit, setUnit] = useState("");
  const [higher, setHigher] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const fail = (e: unknown) => setError(errorText(e));
  async function add(e: Event) {
    e.preventDefault();
    setError(null);
    try {
      await api.addIndicator(name, unit, higher);
      setName("");
      setUnit("");
      list.reload();
      announceDataChanged();
    } catch (err) {
      fail(err);
    }
  }
  async function set(indicatorId: number, schoolId: number, text: string) {
    setError(null);
    const value = text.trim() === "" ? null : Number(text.replace(",", ".").replace("−", "-"));
    if (value !== null && !Number.isFinite(value)) return setError(`«${text}» — не число: укажите, например, 41,5`);
    try {
      await api.setIndicatorValue(indicatorId, schoolId, year, value);
      announceDataChanged();
    } catch (err) {
      fail(err);
      list.reload();
    }
  }
  const indicators = list.data ?? [];
  return (
    <>
      <ErrorNotice message={list.error ?? error} />
      <form class="panel" id="indicator-form" onSubmit={add}>
        <div class="form-grid">
          <label>
            <span>Новый показатель</span>
            <input id="indicator-name" value={name} placeholder="Доля выпускников, поступивших в колледжи" onInput={(e) => setName((e.target as HTMLInputElement).value)} />
          </label>
          <label>
            <span>Единица</span>
            <input id="indicator-unit" value={unit} placeholder="%" onInput={(e) => setUnit((e.target as HTMLInputElement).value)} />
          </label>
          <label>
            <span>Лучше, когда</span>
            <select value={higher ? "higher" : "lower"} onChange={(e) => setHigher((e.target as HTMLSelectElement).value === "higher")}>
              <option value="higher">больше</option>
              <option value="lower">меньше</option>
            </select>
          </label>
        </div>
        <div class="actions">
          <button class="primary" type="submit" id="indicator-add" disabled={!name.trim()}>
            Добавить показатель
          </button>
        </div>
      </form>
      {indicators.length > 0 && (
        <>
          <div class="filters">
            <label>
              Год{" "}
              <input type="number" id="indicator-year" min={1990} max={2100} value={year} onChange={(e) => setYear(Number((e.target as HTMLInputElement).value))} />
            </label>
            <span class="small muted">Значения сохраняются сразу; отменить — Ctrl+Z.</span>
          </div>
          <table class="grid" id="indicators-grid">
            <thead>
              <tr>
                <th>Школа</th>
                {indicators.map((i) => (
                  <th key={i.indicator.id}>
                    {i.indicator.name}
                    {i.indicator.unit && `, ${i.indicator.unit}`}
                    <div class="small muted">лучше {i.indicator.higher_is_better ? "больше" : "меньше"}</div>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {schools.map((s) => (
                <tr key={s.id}>
                  <td>{s.short_name}</td>
                  {indicators.map((i) => {
                    const v = i.values.find((x) => x.school_id === s.id && x.year === year);
                    return (
                      <td key={`${i.indicator.id}-${year}`}>
                        <input
                          class="count"
                          aria-label={`${i.indicator.name}: ${s.short_name}`}
                          value={v ? num(v.value, Number.isInteger(v.value) ? 0 : 1) : ""}
                          onChange={(e) => set(i.indicator.id, s.id, (e.target as HTMLInputElement).value)}
                        />
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}
