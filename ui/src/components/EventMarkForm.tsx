import { useState } from "preact/hooks";
import { api, errorText } from "../api/ipc";
import type { Event } from "../api/bindings/Event";
import type { EventStatus } from "../api/bindings/EventStatus";
import { StatusSelect } from "./StatusSelect";

/** Where an event stands: its state, the completion mark and the document that shows the result
 * — one form for «Календарь» and «Ход работы»; then its timeframe is edited below it. */
export function EventMarkForm(props: { event: Event; onSaved: () => void; onError: (message: string | null) => void }) {
  const [status, setStatus] = useState<EventStatus>(props.event.status);
  const [mark, setMark] = useState(props.event.completion_mark);
  const [evidence, setEvidence] = useState(props.event.evidence);
  const [saved, setSaved] = useState(false);
  async function save() {
    props.onError(null);
    try {
      await api.setEventStatus(props.event.id, status, mark, evidence);
      setSaved(true);
      props.onSaved();
    } catch (e) {
      props.onError(errorText(e));
    }
  }
  return (
    <div class="form-grid">
      <label>
        <span>Состояние</span>
        <StatusSelect id="event-status" value={status} onChange={(v) => setStatus(v as EventStatus)} />
      </label>
      <label class="wide">
        <span>Отметка о выполнении</span>
        <input id="completion-mark" value={mark} onInput={(x) => setMark((x.target as HTMLInputElement).value)} />
      </label>
      <label class="wide">
        <span>Документ, фиксирующий результат</span>
        <input id="evidence" value={evidence} onInput={(x) => setEvidence((x.target as HTMLInputElement).value)} />
      </label>
      <div class="actions">
        <button class="primary" id="save-status" onClick={save}>
          Сохранить отметку
        </button>
        {saved && <span class="muted small">Сохранено</span>}
      </div>
    </div>
  );
}
