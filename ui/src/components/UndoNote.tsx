// Deletes ask nothing beforehand: they happen, and a note says what went with a visible
// «Отменить» that takes back exactly that change (the one history of changes).
import { useState } from "preact/hooks";
import { api, AppError } from "../api/ipc";
import { announceDataChanged } from "../api/changes";

/** `done(message)` after a delete shows the note; `note` is what to render. */
export function useUndoNote(onError: (message: string) => void) {
  const [message, setMessage] = useState<string | null>(null);
  const undo = () =>
    api.undo().then(
      () => {
        setMessage(null);
        announceDataChanged();
      },
      (e) => onError(e instanceof AppError ? e.message : String(e)),
    );
  const note = message ? (
    <p class="notice ok" role="status" id="deleted-note">
      {message}{" "}
      <button class="link" id="undo-delete" onClick={undo}>
        Отменить
      </button>
    </p>
  ) : null;
  return { done: setMessage, note };
}
