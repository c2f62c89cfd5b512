import { useState } from "preact/hooks";
import { api, errorText } from "../api/ipc";
import type { Event } from "../api/bindings/Event";
import { TimeframeField } from "./TimeframeField";

/** Edits one event's timeframe in place; the text is saved exactly as typed. */
export function EventTimeframeEditor(props: {
  event: Event;
  onSaved: () => void;
  onCancel?: () => void;
  /** More actions beside «Сохранить срок» («Принять как есть» in the review list). */
  extra?: preact.ComponentChildren;
}) {
  const [text, setText] = useState(props.event.timeframe.text);
  const [error, setError] = useState<string | null>(null);
  async function save() {
    try {
      await api.setEventTimeframe(props.event.id, text);
      props.onSaved();
    } catch (e) {
      setError(errorText(e));
    }
  }
  return (
    <div class="timeframe-editor" data-editing={props.event.number}>
      <TimeframeField planId={props.event.plan_id} value={text} onInput={setText} id={`timeframe-${props.event.id}`} />
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
      <div class="actions">
        <button class="primary" onClick={save}>
          Сохранить срок
        </button>
        {props.onCancel && <button onClick={props.onCancel}>Отмена</button>}
        {props.extra}
      </div>
    </div>
  );
}
