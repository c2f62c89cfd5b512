import { useState } from "preact/hooks";
import { api, errorText } from "../api/ipc";
import { announceDataChanged } from "../api/changes";
import type { Category } from "../api/bindings/Category";
import type { Told } from "../api/bindings/Told";
import type { RegionRow } from "../api/bindings/RegionRow";
import type { Exported } from "../api/bindings/Exported";
import { ErrorNotice, Loading } from "../components/Notice";
import { useLoad } from "../components/useLoad";
import { useWork } from "../components/WorkProgress";
import { CATEGORY_LABELS, capital, ruDateTime } from "../format";

const PACKAGES = [{ name: "Пакет района", extensions: ["koord"] }];

/** The region file's view: the districts' last packages in one table, packages accepted from a
 * file or a whole folder, each district opened read-only, the summary printed. */
export function RegionView() {
  const [year, setYear] = useState<number | null>(null);
  const [category, setCategory] = useState<Category | null>(null);
  const table = useLoad(() => api.regionTable(year, category), [year, category]);
  const [error, setError] = useState<string | null>(null);
  const [outcomes, setOutcomes] = useState<Told[] | null>(null);
  const [saved, setSaved] = useState<Exported | null>(null);
  const work = useWork();
  const fail = (e: unknown) => setError(errorText(e));

  async function accept(folder: boolean) {
    setError(null);
    setSaved(null);
    const path = await api.chooseFile(
      folder
        ? { kind: "folder", title: "Папка с пакетами районов" }
        : { kind: "open", title: "Пакет района", filters: PACKAGES },
    );
    if (!path) return;
    try {
      setOutcomes((await work.run((onStep) => api.acceptPackages([path], onStep))) ?? null);
      announceDataChanged();
    } catch (e) {
      fail(e);
    }
  }

  async function print(ext: "pdf" | "docx" | "xlsx") {
    setError(null);
    const name = { pdf: "PDF", docx: "Документ Word", xlsx: "Книга Excel" }[ext];
    const path = await api.chooseFile({
      kind: "save",
      title: "Сохранить сводную информацию",
      file_name: `Сводная информация по районам.${ext}`,
      filters: [{ name, extensions: [ext] }],
    });
    if (!path) return;
    const request = {
      plan_id: 0,
      document: "region_summary" as const,
      landscape: true,
      columns: [],
      blocks: null,
      as_of: null,
      long_kept: false,
      a3: false,
      analysis: null,
      order_id: null,
      year: table.data?.year ?? null,
      category,
    };
    try {
      setSaved((await work.run((onStep) => api.exportDocument(request, path, onStep))) ?? null);
    } catch (e) {
      fail(e);
    }
  }

  const t = table.data;
  const categories = t?.total.by_category.map((c) => c.category) ?? [];
  return (
    <section aria-labelledby="region-title">
      <div class="toolbar">
        <h1 id="region-title">Районы</h1>
        <button class="primary" id="accept-package" onClick={() => accept(false)}>
          Принять пакет района…
        </button>
        <button id="accept-folder" onClick={() => accept(true)}>
          Принять папку с пакетами…
        </button>
        <span class="spacer" />
        <button id="print-summary" disabled={!t || t.rows.length === 0} onClick={() => print("pdf")}>
          Сводная информация (PDF)…
        </button>
        <button id="print-summary-docx" disabled={!t || t.rows.length === 0} onClick={() => print("docx")}>
          Word…
        </button>
        <button id="print-summary-xlsx" disabled={!t || t.rows.length === 0} onClick={() => print("xlsx")}>
          Таблица Excel…
        </button>
      </div>
      {work.bar}
      <ErrorNotice message={error ?? table.error} />
      {outcomes && (
        <div class="notice" role="status" id="package-outcomes">
          <ul>
            {outcomes.map((o, i) => (
              <li key={i} class={o.outcome.kind === "refused" ? "refused" : undefined}>
                {o.line}
              </li>
            ))}
          </ul>
          <button class="link" onClick={() => setOutcomes(null)} aria-label="Скрыть">
            ×
          </button>
        </div>
      )}
      {saved && (
        <p class="notice ok" role="status" id="summary-saved">
          Сохранено: {saved.path}{" "}
          <button class="link" onClick={() => api.openDocument(saved.path).catch(fail)}>
            Открыть
          </button>
        </p>
      )}
      {!t ? (
        <Loading />
      ) : t.rows.length === 0 && category === null ? (
        <p id="no-districts">
          Пакетов районов пока нет. Район делает пакет в своём «Координаторе»: «Файл данных» → «Отправить в регион»
          (или командой koordinator package), и присылает файл .koord — примите его кнопкой «Принять пакет района» или
          всю папку с пакетами сразу.
        </p>
      ) : (
        <>
          <div class="filters">
            <label>
              Учебный год
              <select
                id="region-year"
                value={String(t.year)}
                onChange={(e) => setYear(Number((e.target as HTMLSelectElement).value))}
              >
                {(t.years.includes(t.year) ? t.years : [t.year, ...t.years]).map((y) => (
                  <option key={y} value={String(y)}>
                    {y}/{String((y + 1) % 100).padStart(2, "0")}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Категория школ
              <select
                id="region-category"
                value={category ?? ""}
                onChange={(e) => setCategory(((e.target as HTMLSelectElement).value || null) as Category | null)}
              >
                <option value="">Все курируемые</option>
                {categories.map((c) => (
                  <option key={c} value={c}>
                    {CATEGORY_LABELS[c]}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <table class="grid" id="districts">
            <thead>
              <tr>
                <th>Район (ОКТМО)</th>
                {categories.map((c) => (
                  <th key={c} class="num">
                    {capital(CATEGORY_LABELS[c])}
                  </th>
                ))}
                <th class="num">Без наставника</th>
                <th class="num">Дорожных карт</th>
                <th class="num">Мероприятий</th>
                <th class="num">Выполнено</th>
                <th class="num">Просрочено</th>
                <th>Пакет от</th>
                <th>С прошлого пакета</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {t.rows.map((r) => (
                <DistrictLine key={r.code} row={r} onOpen={() => api.openDistrict(r.code).catch(fail)} />
              ))}
              <DistrictLine row={t.total} />
            </tbody>
          </table>
          <p class="small muted">
            Школы — по категориям на выбранный учебный год; выполнено и просрочено — на дату пакета каждого района.
            Пакет старше 45 дней отмечен как устаревший. «Открыть» показывает район таким, каким он прислан, только для
            просмотра.
          </p>
        </>
      )}
    </section>
  );
}

function DistrictLine(props: { row: RegionRow; onOpen?: () => void }) {
  const r = props.row;
  const total = !props.onOpen;
  return (
    <tr class={total ? "total" : r.stale ? "stale" : undefined} data-code={r.code || undefined}>
      <td>
        {total ? <strong>{r.name}</strong> : r.name}
        {!total && <span class="muted small"> ({r.code})</span>}
      </td>
      {r.by_category.map((c) => (
        <td key={c.category} class="num">
          {c.schools}
        </td>
      ))}
      <td class="num">{r.without_mentor}</td>
      <td class="num">{r.plans}</td>
      <td class="num">{r.events}</td>
      <td class="num">{r.percent_done === null ? "—" : `${r.percent_done} %`}</td>
      <td class="num">{r.overdue}</td>
      <td>
        {r.made_at && ruDateTime(r.made_at)}
        {r.stale && <span class="badge warn"> устарел</span>}
      </td>
      <td class="small">{r.changes.join("; ")}</td>
      <td>
        {props.onOpen && (
          <button class="link" onClick={props.onOpen}>
            Открыть
          </button>
        )}
      </td>
    </tr>
  );
}
