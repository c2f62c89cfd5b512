import { useState } from "preact/hooks";
import { api, errorText } from "../api/ipc";
import { announceDataChanged } from "../api/changes";
import { ErrorNotice, Loading } from "../components/Notice";
import { ruDateTime } from "../format";
import { useLoad } from "../components/useLoad";
import type { Change } from "../api/bindings/Change";

/** «Журнал изменений»: every change to the data file, newest first, what it did, and undo back
 * to any of them. */
export function HistoryView() {
  const changes = useLoad(() => api.listChanges(), []);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);

  async function undoTo(c: Change) {
    setError(null);
    try {
      await api.undoTo(c.id);
      setNote(`Отменено всё до изменения «${c.label}» включительно.`);
      announceDataChanged();
    } catch (e) {
      setError(errorText(e));
      announceDataChanged();
    }
  }

  return (
    <section aria-labelledby="history-title">
      <div class="toolbar">
        <h1 id="history-title">Журнал изменений</h1>
      </div>
      <p class="muted">
        Каждое изменение данных — из окна или командной строки — записывается сюда. Отменять можно по одному
        (Ctrl+Z) или сразу до выбранного изменения. Хранятся последние 500 изменений.
      </p>
      <ErrorNotice message={error ?? changes.error} />
      {note && <p class="notice" role="status">{note}</p>}
      {!changes.data ? (
        <Loading />
      ) : changes.data.length === 0 ? (
        <p>Изменений пока нет.</p>
      ) : (
        <table class="grid" id="history-table">
          <thead>
            <tr>
              <th>Когда</th>
              <th>Изменение</th>
              <th>Что затронуто</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {changes.data.map((c) => (
              <tr key={c.id} class={c.undone ? "undone" : ""} data-change={c.id}>
                <td class="nowrap">{ruDateTime(c.at)}</td>
                <td>
                  {c.label}
                  {c.undone && <span class="muted"> (отменено)</span>}
                </td>
                <td class="muted">
                  {c.rows.map(rowText).join("; ")}
                  {c.edits.map((e, i) => (
                    <div key={i} class="edit">
                      {e.text}
                    </div>
                  ))}
                </td>
                <td>
                  {!c.undone && (
                    <button class="link" onClick={() => undoTo(c)} title="Отменить это изменение и все более поздние">
                      Отменить до этого
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function rowText(r: Change["rows"][number]): string {
  const parts = [];
  if (r.added) parts.push(`добавлено ${r.added}`);
  if (r.changed) parts.push(`изменено ${r.changed}`);
  if (r.removed) parts.push(`удалено ${r.removed}`);
  return `${r.what}: ${parts.join(", ")}`;
}
