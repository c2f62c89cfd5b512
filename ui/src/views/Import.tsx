import { useEffect, useState } from "preact/hooks";
import { api, AppError, errorText } from "../api/ipc";
import type { ImportSource } from "../api/bindings/ImportSource";
import type { Recognised } from "../api/bindings/Recognised";
import type { Column } from "../api/bindings/Column";
import { COLUMN_LABELS } from "../api/bindings/columns";
import type { Written } from "../api/bindings/Written";
import type { Duplicate } from "../api/bindings/Duplicate";
import { timeframeDates } from "../format";
import { useWork } from "../components/WorkProgress";
import { useLoad } from "../components/useLoad";

const ROWS_PER_FRAME = 100;

/** What a source column may hold: a roadmap column, or nothing to import (`null`). */
type Role = Column | null;

/** Импорт: a roadmap from Word, from the clipboard or from another Koordinator — previewed,
 * its columns mapped by the user, then written all at once. */
export function ImportView(props: { onImported: () => void; onOpenPlan: (planId: number) => void }) {
  const [source, setSource] = useState<ImportSource | null>(null);
  const [pasted, setPasted] = useState("");
  // The period as the document says (null) until the person changes it.
  const [period, setPeriod] = useState<{ start: string; end: string } | null>(null);
  const [duplicateOf, setDuplicateOf] = useState<string | null>(null);
  const [title, setTitle] = useState("");
  const [issuer, setIssuer] = useState("");
  const [roles, setRoles] = useState<Role[] | null>(null);
  const [preview, setPreview] = useState<Recognised | null>(null);
  const [written, setWritten] = useState<Written | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const work = useWork();
  // An empty «Утверждает» is the district's own issuer: the field shows it greyed.
  const profile = useLoad(() => api.districtProfile(), []);

  const fail = (e: unknown) => setError(errorText(e));
  const isBundle = source?.kind === "file" && source.path.toLowerCase().endsWith(".json");

  async function recognise(src: ImportSource, mapping: Role[] | null) {
    setError(null);
    setWritten(null);
    setSource(src);
    setRoles(mapping);
    if (src.kind === "file" && src.path.toLowerCase().endsWith(".json")) {
      setPreview(null);
      return;
    }
    try {
      const r = await work.run((onStep) => api.previewImport(src, period, mapping, onStep));
      setPreview(r ?? null);
    } catch (e) {
      setPreview(null);
      fail(e);
    }
  }

  async function chooseFile() {
    const path = await api.chooseFile({
      kind: "open",
      title: "Открыть дорожную карту",
      filters: [
        { name: "Дорожная карта", extensions: ["docx", "xlsx", "xls", "ods", "txt", "html", "htm", "json"] },
        { name: "Все файлы", extensions: ["*"] },
      ],
    });
    if (typeof path === "string") recognise({ kind: "file", path, sheet: null }, null);
  }

  function onPaste(e: ClipboardEvent) {
    const html = e.clipboardData?.getData("text/html") || null;
    const text = e.clipboardData?.getData("text/plain") ?? "";
    if (html) {
      e.preventDefault();
      setPasted(text);
      recognise({ kind: "pasted", text, html }, null);
    }
  }

  async function importNow(duplicate: Duplicate | null = null) {
    if (!source) return;
    setBusy(true);
    setError(null);
    setDuplicateOf(null);
    try {
      const written = await work.run((onStep) => api.importPlan(source, period, title, issuer, roles, duplicate, onStep));
      if (written === undefined) return; // stopped: said by the work bar
      setWritten(written);
      setPreview(null);
      props.onImported();
    } catch (e) {
      // The same plan is there already: the person chooses.
      if (e instanceof AppError && e.code === "duplicate") setDuplicateOf(e.duplicate);
      else fail(e);
    } finally {
      setBusy(false);
    }
  }

  // The preview's rows are drawn a hundred a frame: its 600 rows in one go held the window's
  // frames for a quarter of a second (window bench, BENCH_ONLY=import).
  const [drawn, setDrawn] = useState(ROWS_PER_FRAME);
  useEffect(() => {
    setDrawn(ROWS_PER_FRAME);
    const total = preview?.events.length ?? 0;
    let frame = 0;
    const more = () =>
      setDrawn((n) => {
        if (n + ROWS_PER_FRAME < total) frame = requestAnimationFrame(more);
        return n + ROWS_PER_FRAME;
      });
    if (total > ROWS_PER_FRAME) frame = requestAnimationFrame(more);
    return () => cancelAnimationFrame(frame);
  }, [preview]);

  const shownPeriod = period ?? preview?.period ?? { start: "", end: "" };
  const setPeriodPart = (part: "start" | "end", value: string) => setPeriod({ ...shownPeriod, [part]: value });

  const flagged = preview?.flagged_total ?? 0;
  return (
    <section aria-labelledby="import-title">
      <div class="toolbar">
        <h1 id="import-title">Импорт дорожной карты</h1>
      </div>
      <div class="panel">
        <p class="small muted">
          Таблица мероприятий из Word (.docx), Excel или LibreOffice (.xlsx, .xls, .ods — лист можно выбрать), из
          буфера обмена (скопируйте таблицу в Word или Excel и вставьте ниже), текст, сохранённый из Word, или пакет
          .json другого «Координатора». Ничего не записывается, пока вы не нажмёте
          «Импортировать».
        </p>
        <div class="form-grid">
          <label>
            <span>Начало периода плана</span>
            <PeriodDate id="import-start" value={shownPeriod.start} onInput={(v) => setPeriodPart("start", v)} />
          </label>
          <label>
            <span>Конец периода</span>
            <PeriodDate id="import-end" value={shownPeriod.end} onInput={(v) => setPeriodPart("end", v)} />
          </label>
          <label>
            <span>Утверждает</span>
            <input id="import-issuer" placeholder={profile.data?.issuer || "Управление образования …"} value={issuer} onInput={(e) => setIssuer((e.target as HTMLInputElement).value)} />
          </label>
          <label class="wide">
            <span>Название (по умолчанию — из документа)</span>
            <input
              id="import-title-input"
              value={title}
              placeholder={preview?.title || undefined}
              onInput={(e) => setTitle((e.target as HTMLInputElement).value)}
            />
          </label>
        </div>
        {preview && (
          <p class="small muted" id="period-reason">
            Период: {preview.period_reason}.
          </p>
        )}
        <div class="actions">
          <button onClick={chooseFile} id="choose-file">
            Выбрать файл…
          </button>
          {source?.kind === "file" && <span class="small">{source.path}</span>}
        </div>
        <label class="paste">
          <span class="small muted">…или вставьте таблицу сюда (Ctrl+V):</span>
          <textarea
            id="paste-area"
            rows={4}
            value={pasted}
            onPaste={onPaste}
            onInput={(e) => setPasted((e.target as HTMLTextAreaElement).value)}
          />
        </label>
        <div class="actions">
          <button id="recognise" disabled={!pasted.trim()} onClick={() => recognise({ kind: "pasted", text: pasted, html: null }, null)}>
            Распознать вставленное
          </button>
          {source && !isBundle && (
            <button onClick={() => recognise(source, roles)} id="re-recognise">
              Распознать заново (после смены периода)
            </button>
          )}
        </div>
      </div>
      {work.bar}
      {error && (
        <p class="notice error" role="alert">
          {error}
        </p>
      )}
      {duplicateOf && (
        <div class="notice error" role="alert" id="import-duplicate">
          <p>{duplicateOf}</p>
          <div class="actions">
            <button id="duplicate-replace" onClick={() => importNow("replace")}>
              Заменить прежнюю
            </button>
            <button id="duplicate-keep" onClick={() => importNow("keep")}>
              Оставить обе
            </button>
            <button onClick={() => setDuplicateOf(null)}>Отменить импорт</button>
          </div>
        </div>
      )}
      {isBundle && (
        <div class="panel">
          <p>Пакет дорожной карты другого «Координатора»: период и все мероприятия берутся из пакета.</p>
          <button class="primary" onClick={() => importNow()} disabled={busy} id="import-now">
            Импортировать пакет
          </button>
        </div>
      )}
      {preview && (
        <div class="panel" id="import-preview">
          <div class="toolbar">
            <h2>
              Распознано: разделов {preview.sections.length}, мероприятий {preview.events_total}
              {flagged > 0 && <span class="warn">, требуют внимания: {flagged}</span>}
            </h2>
            <span class="spacer" />
            <button class="primary" id="import-now" onClick={() => importNow()} disabled={busy || preview.events_total === 0}>
              Импортировать
            </button>
          </div>
          {preview.sheets.length > 1 && source?.kind === "file" && (
            <label class="sheet-choice">
              Лист книги:{" "}
              <select
                id="import-sheet"
                value={preview.sheet ?? ""}
                onChange={(e) => recognise({ ...source, sheet: (e.target as HTMLSelectElement).value }, null)}
              >
                {preview.sheets.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </select>
            </label>
          )}
          <p class="small muted">Столбцы исходной таблицы — выберите, что в каком из них:</p>
          <div class="mapping">
            {preview.headers.map((h, i) => (
              <label key={i}>
                <span title={h}>{h || `Столбец ${i + 1}`}</span>
                <select
                  data-column={i}
                  value={preview.roles[i] ?? ""}
                  onChange={(e) => {
                    const next = [...preview.roles];
                    next[i] = ((e.target as HTMLSelectElement).value || null) as Role;
                    recognise(source!, next);
                  }}
                >
                  {(Object.keys(COLUMN_LABELS) as Column[]).map((c) => (
                    <option key={c} value={c}>
                      {COLUMN_LABELS[c]}
                    </option>
                  ))}
                  <option value="">не импортировать</option>
                </select>
                {preview.reasons[i] && <span class="small muted reason">{preview.reasons[i]}</span>}
              </label>
            ))}
          </div>
          {(preview.goal || preview.tasks.length > 0 || preview.coordinator) && (
            <div class="small" id="import-passport">
              <p class="muted">Над таблицей найдено — попадёт в паспорт дорожной карты:</p>
              {preview.goal && <p>Цель: {preview.goal}</p>}
              {preview.tasks.length > 0 && <p>Задачи: {preview.tasks.join("; ")}</p>}
              {preview.coordinator && <p>Координатор: {preview.coordinator}</p>}
            </div>
          )}
          <table class="grid import-table">
            <thead>
              <tr>
                <th>{COLUMN_LABELS.number}</th>
                <th>{COLUMN_LABELS.content}</th>
                <th>{COLUMN_LABELS.timeframe}</th>
                <th>{COLUMN_LABELS.executors}</th>
                <th>{COLUMN_LABELS.result}</th>
              </tr>
            </thead>
            <tbody>
              {preview.events.slice(0, drawn).map((e, i) => {
                const section = e.section !== null && preview.events[i - 1]?.section !== e.section ? preview.sections[e.section] : null;
                return [
                  section && (
                    <tr key={`s${i}`} class="section-row">
                      <td colSpan={5}>{[section.number, section.title].filter(Boolean).join(". ")}</td>
                    </tr>
                  ),
                  <tr key={i} class={e.flags.length ? "flagged" : ""} data-number={e.number}>
                    <td>{e.number}</td>
                    <td class="pre">{e.content}</td>
                    <td>
                      <div class="pre">{e.timeframe.text}</div>
                      {e.timeframe.text && <div class="small muted">{timeframeDates(e.timeframe) || "срок не распознан"}</div>}
                      {e.place && <div class="small">{COLUMN_LABELS.place}: {e.place}</div>}
                    </td>
                    <td class="small">{e.executors.map((x) => [x.name, x.position].filter(Boolean).join(", ")).join("; ")}</td>
                    <td class="small pre">
                      {e.result}
                      {e.flags.map((f, k) => (
                        <div key={k} class="warn small">
                          ⚠ {f}
                        </div>
                      ))}
                    </td>
                  </tr>,
                ];
              })}
            </tbody>
          </table>
          {preview.events.length < preview.events_total && (
            <p class="small muted" id="preview-shortened">
              Показаны первые строки и те, что требуют внимания: {preview.events.length} из {preview.events_total}.
              Импортируется вся таблица.
            </p>
          )}
          {preview.warnings.filter((w) => !w.startsWith("Строка ")).map((w, i) => (
            <p key={i} class="warn small">
              {w}
            </p>
          ))}
        </div>
      )}
      {written && (
        <div class="notice ok" role="status" id="import-report">
          Записана дорожная карта № {written.plan}: разделов {written.sections}, мероприятий {written.events}.
          {written.warnings.length > 0 && ` Замечаний: ${written.warnings.length} — сроки без ясности видны в «Дорожных картах» в списке «Сроки требуют проверки».`}{" "}
          <button class="link" id="open-imported" onClick={() => props.onOpenPlan(written.plan)}>
            Открыть дорожную карту
          </button>
        </div>
      )}
    </section>
  );
}

/** A date of the period, empty until the document or the person gives one. An empty date field
 * of WebKit shows today's date in grey, which reads as a value: empty, it is a text field that
 * says where the date will come from, and becomes a date field when the person enters it. */
function PeriodDate(props: { id: string; value: string; onInput: (value: string) => void }) {
  return (
    <input
      type={props.value ? "date" : "text"}
      id={props.id}
      value={props.value}
      placeholder="из документа"
      onFocus={(e) => ((e.target as HTMLInputElement).type = "date")}
      onBlur={(e) => {
        const input = e.target as HTMLInputElement;
        if (!input.value) input.type = "text";
      }}
      onInput={(e) => props.onInput((e.target as HTMLInputElement).value)}
    />
  );
}
