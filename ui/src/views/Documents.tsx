import { useEffect, useState } from "preact/hooks";
import { api } from "../api/ipc";
import type { DocumentKind } from "../api/bindings/DocumentKind";
import type { ExportRequest } from "../api/bindings/ExportRequest";
import type { Column } from "../api/bindings/Column";
import type { RoadmapBlock } from "../api/bindings/RoadmapBlock";
import type { Order } from "../api/bindings/Order";
import { ANNEX_LABELS, ruDate } from "../format";
import { ErrorNotice, Loading } from "../components/Notice";
import { useLoad } from "../components/useLoad";
import { PlanSelect } from "../components/PlanSelect";
import { orderRequest, useDocumentOutput } from "../components/DocumentOutput";


/** Each document with its name in the list and the file name the save dialog offers. */
const DOCUMENTS: [DocumentKind, string, string][] = [
  ["annex", "Дорожная карта (приложение)", "Дорожная карта"],
  ["order", "Приказ с приложениями", "Приказ"],
  ["webinars", "График вебинаров", "График вебинаров"],
  ["schools", "Курируемые школы и школы-наставники", "Курируемые школы"],
  ["report", "Отчёт о выполнении", "Отчёт о выполнении"],
  ["timeline", "Шкала времени", "Шкала времени"],
  ["overview", "Ход реализации (обзор на дату)", "Ход реализации"],
  ["effectiveness", "Аналитическая справка о результатах и эффективности мер", "Аналитическая справка"],
];

/** Documents printed as of a day. */
const DATED: DocumentKind[] = ["report", "timeline", "overview"];
/** Documents whose orientation is fixed: the timeline is landscape, the overview one portrait page. */
const FIXED_ORIENTATION: DocumentKind[] = ["order", "timeline", "overview", "effectiveness"];

/** What the person chose for a plan's document, kept in the window's storage on this computer:
 * a preference, not district data (not in the data file, not in its history of changes). */
type Remembered = { columns: Column[]; blocks: RoadmapBlock[]; landscape: boolean };

const storageKey = (file: string, planId: number, document?: DocumentKind) =>
  `koordinator.documents:${file}:${planId}${document ? `:${document}` : ""}`;

function recall<T>(key: string): T | null {
  try {
    return JSON.parse(localStorage.getItem(key) ?? "null") as T | null;
  } catch {
    return null;
  }
}

function keep(key: string, value: unknown) {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or off: the choice is not remembered, the document still prints.
  }
}

/** Prints a plan's documents to PDF and lists the district's orders. */
export function DocumentsView() {
  const plans = useLoad(() => api.listPlans(), []);
  const info = useLoad(() => api.appInfo(), []);
  const [planId, setPlanId] = useState<number | null>(null);
  const choices = useLoad(() => (planId === null ? Promise.resolve(null) : api.exportChoices(planId)), [planId]);
  const columns = { data: choices.data?.columns ?? null };
  const orders = useLoad(() => api.listOrders(), []);
  const [document, setDocument] = useState<DocumentKind>("annex");
  const [landscape, setLandscape] = useState(true);
  const [chosen, setChosen] = useState<Column[]>([]);
  const [blocks, setBlocks] = useState<RoadmapBlock[]>([]);
  const [asOf, setAsOf] = useState(new Date().toISOString().slice(0, 10));
  const [longKept, setLongKept] = useState(false);
  const [a3, setA3] = useState(false);
  const output = useDocumentOutput();

  useEffect(() => {
    if (planId === null && plans.data?.length) setPlanId(plans.data[0].id);
  }, [plans.data]);
  const file = info.data?.data_file ?? null;
  // The plan's last document comes back with the plan.
  useEffect(() => {
    if (file === null || planId === null) return;
    const last = recall<DocumentKind>(storageKey(file, planId));
    if (last && DOCUMENTS.some(([k]) => k === last)) setDocument(last);
  }, [file, planId]);
  // The columns, blocks and orientation chosen for this plan and document, else the usual ones:
  // the columns the plan fills (the report: who did it and what proves it).
  useEffect(() => {
    if (!choices.data || file === null || planId === null) return;
    const kept = recall<Remembered>(storageKey(file, planId, document));
    // What was kept, known today (a choice kept by an older version may name something gone).
    const columns = choices.data.columns.map((c) => c.column);
    const blockList = choices.data.blocks.map((b) => b.block);
    setChosen(
      kept?.columns?.filter((c) => columns.includes(c)) ??
        choices.data.columns.filter((c) => (document === "report" ? c.in_report : c.usual)).map((c) => c.column),
    );
    setBlocks(kept?.blocks?.filter((b) => blockList.includes(b)) ?? blockList);
    setLandscape(kept?.landscape ?? true);
  }, [choices.data, document, file]);

  /** Remembers a change the person made for this plan and document. */
  function remember(change: Partial<Remembered>) {
    if (file === null || planId === null) return;
    keep(storageKey(file, planId, document), { columns: chosen, blocks, landscape, ...change });
  }
  function chooseColumns(next: Column[]) {
    setChosen(next);
    remember({ columns: next });
  }
  function chooseBlocks(next: RoadmapBlock[]) {
    setBlocks(next);
    remember({ blocks: next });
  }
  function chooseLandscape(next: boolean) {
    setLandscape(next);
    remember({ landscape: next });
  }
  function chooseDocument(next: DocumentKind) {
    setDocument(next);
    if (file !== null && planId !== null) keep(storageKey(file, planId), next);
  }

  /** The document chosen in the form, for the plan chosen. */
  function request(): ExportRequest {
    return {
      plan_id: planId ?? 0,
      document,
      landscape,
      columns: chosen,
      blocks,
      as_of: asOf || null,
      long_kept: longKept,
      a3: document === "timeline" && a3,
      analysis: null,
      order_id: null,
      year: null,
      category: null,
    };
  }
  const slug = DOCUMENTS.find((d) => d[0] === document)?.[2] ?? "Документ";
  const orderName = (o: Order) => `Приказ № ${o.number}`;

  return (
    <section aria-labelledby="documents-title">
      <div class="toolbar">
        <h1 id="documents-title">Документы</h1>
      </div>
      <ErrorNotice message={plans.error ?? orders.error} />
      {!plans.data ? (
        <Loading />
      ) : plans.data.length === 0 ? (
        <p class="muted">Сначала нужна дорожная карта.</p>
      ) : (
        <form class="panel export-form" id="export-form" onSubmit={(e) => (e.preventDefault(), output.save(request(), slug))}>
          <h2>Напечатать в PDF</h2>
          <div class="form-grid">
            <PlanSelect plans={plans.data} value={planId} onChange={setPlanId} label="Дорожная карта" />
            <label>
              <span>Документ</span>
              <select
                id="document-kind"
                value={document}
                onChange={(e) => chooseDocument((e.target as HTMLSelectElement).value as DocumentKind)}
              >
                {DOCUMENTS.map(([kind, label]) => (
                  <option key={kind} value={kind}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
            {DATED.includes(document) && (
              <label>
                <span>По состоянию на</span>
                <input type="date" value={asOf} onInput={(e) => setAsOf((e.target as HTMLInputElement).value)} />
              </label>
            )}
          </div>
          {document === "timeline" && (
            <fieldset>
              <legend>Лист</legend>
              <label class="inline">
                <input type="radio" name="paper" checked={!a3} onChange={() => setA3(false)} /> A4
              </label>
              <label class="inline">
                <input type="radio" name="paper" checked={a3} onChange={() => setA3(true)} /> A3
              </label>
            </fieldset>
          )}
          {!FIXED_ORIENTATION.includes(document) && (
            <fieldset>
              <legend>Ориентация</legend>
              <label class="inline">
                <input type="radio" name="orientation" checked={!landscape} onChange={() => chooseLandscape(false)} /> книжная
              </label>
              <label class="inline">
                <input type="radio" name="orientation" checked={landscape} onChange={() => chooseLandscape(true)} /> альбомная
              </label>
            </fieldset>
          )}
          {(document === "annex" || document === "order" || document === "report") && columns.data && (
            <fieldset>
              <legend>{document === "report" ? "Столбцы отчёта (и «Состояние» на дату)" : "Столбцы дорожной карты"}</legend>
              {columns.data.map((c) => (
                <label key={c.column} class="inline">
                  <input
                    type="checkbox"
                    checked={chosen.includes(c.column)}
                    onChange={(e) => {
                      const on = (e.target as HTMLInputElement).checked;
                      const order = columns.data!.map((x) => x.column);
                      chooseColumns(
                        on ? order.filter((x) => x === c.column || chosen.includes(x)) : chosen.filter((x) => x !== c.column),
                      );
                    }}
                  />{" "}
                  {c.title}
                </label>
              ))}
            </fieldset>
          )}
          {(document === "annex" || document === "order") && choices.data && (
            <fieldset>
              <legend>Над таблицей</legend>
              {choices.data.blocks.map((b) => (
                <label key={b.block} class="inline">
                  <input
                    type="checkbox"
                    checked={blocks.includes(b.block)}
                    onChange={(e) =>
                      chooseBlocks((e.target as HTMLInputElement).checked ? [...blocks, b.block] : blocks.filter((x) => x !== b.block))
                    }
                  />{" "}
                  {b.title}
                </label>
              ))}
            </fieldset>
          )}
          <label class="inline">
            <input type="checkbox" checked={longKept} onChange={(e) => setLongKept((e.target as HTMLInputElement).checked)} />{" "}
            левое поле 30 мм (документ долговременного хранения)
          </label>
          <div class="actions">
            <button class="primary" type="submit" id="export-pdf" disabled={output.busy || planId === null}>
              Сохранить PDF…
            </button>
            <button type="button" id="preview-document" disabled={output.busy || planId === null} onClick={() => output.preview(request(), slug)}>
              Просмотр и печать…
            </button>
            {document !== "timeline" && (
              <button type="button" id="export-docx" disabled={output.busy || planId === null} onClick={() => output.save(request(), slug, "docx")}>
                Word (.docx)…
              </button>
            )}
            {(document === "annex" || document === "report" || document === "effectiveness") && (
              <button type="button" id="export-xlsx" disabled={output.busy || planId === null} onClick={() => output.save(request(), slug, "xlsx")}>
                {document === "effectiveness" ? "Таблица результатов Excel (.xlsx)…" : "Таблица мероприятий Excel (.xlsx)…"}
              </button>
            )}
          </div>
          {output.view}
        </form>
      )}
      <h2>Приказы</h2>
      {orders.data?.length === 0 && <p class="muted">Приказов пока нет.</p>}
      {orders.data?.map((o) => (
        <article key={o.id} class="panel order">
          <p class="muted">{o.issuer}</p>
          <h3>
            Приказ от {ruDate(o.date)} № {o.number}
          </h3>
          <p class="strong">{o.title}</p>
          <ol>
            {o.points.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ol>
          <p>
            {o.signatory_position} — {o.signatory_name}
          </p>
          <div class="actions">
            <button type="button" id={`print-order-${o.id}`} disabled={output.busy} onClick={() => output.save(orderRequest(o, planId, longKept), orderName(o))}>
              Сохранить этот приказ в PDF…
            </button>
            <button type="button" id={`preview-order-${o.id}`} disabled={output.busy} onClick={() => output.preview(orderRequest(o, planId, longKept), orderName(o))}>
              Просмотр и печать…
            </button>
          </div>
          <ul>
            {o.annexes.map((a) => (
              <li key={a.id}>
                Приложение {a.number}: {a.title || ANNEX_LABELS[a.kind]} ({a.orientation === "landscape" ? "альбомная" : "книжная"}{" "}
                ориентация)
              </li>
            ))}
          </ul>
        </article>
      ))}
    </section>
  );
}
