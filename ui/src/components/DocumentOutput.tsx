import { useEffect, useState } from "preact/hooks";
import { api, errorText } from "../api/ipc";
import type { ExportRequest } from "../api/bindings/ExportRequest";
import type { Exported } from "../api/bindings/Exported";
import type { Order } from "../api/bindings/Order";
import { useWork } from "./WorkProgress";

type Ext = "pdf" | "docx" | "xlsx";
const FILTERS: Record<Ext, string> = { pdf: "PDF", docx: "Документ Word", xlsx: "Книга Excel" };

/** An order with every annex it names; its roadmap is the plan its annex cites (`plan` when
 * none does). */
export function orderRequest(o: Order, plan: number | null, longKept = false): ExportRequest {
  return {
    plan_id: o.annexes.find((a) => a.plan_id !== null)?.plan_id ?? plan ?? 0,
    document: "order",
    landscape: false,
    columns: [],
    blocks: null,
    as_of: null,
    long_kept: longKept,
    a3: false,
    analysis: null,
    order_id: o.id,
    year: null,
    category: null,
  };
}

/** A document saved through the save dialog, looked at before, printed through the system's
 * print dialog: one home for «Документы» and «Приказы». `view` shows the progress, what was
 * saved (or went wrong) and the preview. */
export function useDocumentOutput() {
  const work = useWork();
  const [done, setDone] = useState<Exported | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<{ pages: string[]; warnings: string[]; request: ExportRequest; name: string } | null>(null);

  async function attempt(job: () => Promise<void>) {
    setError(null);
    setBusy(true);
    try {
      await job();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  /** Asks where to save (offering `name`.`ext`), then writes the document there. */
  async function save(request: ExportRequest, name: string, ext: Ext = "pdf") {
    setDone(null);
    const path = await api.chooseFile({
      kind: "save",
      title: "Сохранить документ",
      file_name: `${name}.${ext}`,
      filters: [{ name: FILTERS[ext], extensions: [ext] }],
    });
    if (!path) return;
    await attempt(async () => setDone((await work.run((onStep) => api.exportDocument(request, path, onStep))) ?? null));
  }

  /** The document's pages in the window, to read, print or save. */
  async function preview(request: ExportRequest, name: string) {
    setDone(null);
    await attempt(async () => {
      const p = await work.run((onStep) => api.previewDocument(request, onStep));
      if (p) setShown({ ...p, request, name });
    });
  }

  const view = (
    <>
      {work.bar}
      {error && (
        <p class="notice error" role="alert">
          {error}
        </p>
      )}
      {done && (
        <div class="notice ok" role="status">
          Сохранено: {done.path} — {done.pages > 0 && `${done.pages} стр., `}
          {done.kilobytes} КБ.{" "}
          <button type="button" class="link" onClick={() => api.openDocument(done.path).catch((e) => setError(e.message))}>
            Открыть
          </button>
          {done.warnings.map((w, i) => (
            <div key={i} class="warn small">
              ⚠ {w}
            </div>
          ))}
        </div>
      )}
      {shown && (
        <Preview
          name={shown.name}
          pages={shown.pages}
          warnings={shown.warnings}
          onSave={() => {
            setShown(null);
            save(shown.request, shown.name);
          }}
          onClose={() => setShown(null)}
        />
      )}
    </>
  );
  return { save, preview, busy, view };
}

/** The pages as they will print, over the window: «Печать…» opens the system's print dialog
 * with exactly these pages. */
function Preview(props: { name: string; pages: string[]; warnings: string[]; onSave: () => void; onClose: () => void }) {
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && props.onClose();
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("keydown", onKey);
      unprint();
    };
  }, []);
  const n = props.pages.length;
  return (
    <div class="preview" id="document-preview" role="dialog" aria-modal="true" aria-labelledby="preview-title">
      <div class="preview-bar">
        <h2 id="preview-title">
          {props.name} — {n} стр.
        </h2>
        <span class="spacer" />
        <button type="button" class="primary" id="preview-print" onClick={() => print(props.pages).catch((e) => setError(errorText(e)))}>
          Печать…
        </button>
        <button type="button" id="preview-save" onClick={props.onSave}>
          Сохранить PDF…
        </button>
        <button type="button" id="preview-close" onClick={props.onClose}>
          Закрыть
        </button>
      </div>
      {error && (
        <p class="notice error" role="alert">
          {error}
        </p>
      )}
      {props.warnings.map((w, i) => (
        <p key={i} class="warn small">
          ⚠ {w}
        </p>
      ))}
      <div class="preview-pages">
        {props.pages.map((svg, i) => (
          <div key={i} class="preview-page" aria-label={`Страница ${i + 1} из ${n}`} dangerouslySetInnerHTML={{ __html: svg }} />
        ))}
      </div>
    </div>
  );
}

/** The system's print dialog with `pages` alone, one sheet each: while the preview is open, the
 * page prints only #print-sheets (styles.css). */
function print(pages: string[]): Promise<void> {
  unprint();
  const sheets = document.createElement("div");
  sheets.id = "print-sheets";
  for (const svg of pages) {
    const sheet = document.createElement("div");
    sheet.className = "sheet";
    sheet.innerHTML = svg;
    const drawn = sheet.querySelector("svg");
    if (drawn) upright(drawn);
    sheets.appendChild(sheet);
  }
  document.body.appendChild(sheets);
  document.body.classList.add("printing");
  return api.printPage();
}

/** A landscape page turned a quarter clockwise onto a portrait sheet, as printers do: every
 * sheet then prints the same way, scaled to the printer's printable width. */
function upright(svg: SVGSVGElement) {
  const { width: w, height: h } = svg.viewBox.baseVal;
  if (w <= h) return;
  const g = document.createElementNS("http://www.w3.org/2000/svg", "g");
  g.setAttribute("transform", `translate(${h} 0) rotate(90)`);
  while (svg.firstChild) g.appendChild(svg.firstChild);
  svg.appendChild(g);
  svg.setAttribute("viewBox", `0 0 ${h} ${w}`);
  svg.setAttribute("width", `${h}pt`);
  svg.setAttribute("height", `${w}pt`);
}

/** The window prints as itself again. */
function unprint() {
  document.getElementById("print-sheets")?.remove();
  document.body.classList.remove("printing");
}
