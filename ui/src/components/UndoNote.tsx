// Deletes ask nothing beforehand: they happen, and a note says what went with a visible
// «Отменить» that takes back exactly that change (the one history of changes).
import { useState } from "preact/hooks";
import { api, errorText } from "../api/ipc";
import { announceDataChanged } from "../api/changes";

/** `done(message)` after a delete shows the note; `note` is what to render. */
export function useUndoNote(onError: (message: string) => void) {
  const [message, setMessage] = useState<string | null>(null);
  // The change this note is about: «Отменить» takes back exactly it, or says it no longer can.
  const [change, setChange] = useState<number | null>(null);
  const done = (text: string) => {
    setMessage(text);
    setChange(null);
    api.history().then((h) => setChange(h.next_undo_id), () => {});
  };
  const undo = () => {
    if (change === null) return;
    api.undoChange(change).then(
      () => {
        setMessage(null);
        announceDataChanged();
      },
      (e) => {
        setMessage(null);
        onError(errorText(e));
      },
    );
  };
  const note = message ? (
    <p class="notice ok" role="status" id="deleted-note">
      {message}{" "}
      <button class="link" id="undo-delete" onClick={undo} disabled={change === null}>
        Отменить
      </button>
    </p>
  ) : null;
  return { done, note };
}
