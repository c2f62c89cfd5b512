// One signal for «the data changed outside this view»: an undo or redo, a restore, or another
// program (the command line) writing to the same data file. Every useLoad reloads on it.

const EVENT = "koordinator:data-changed";

export function announceDataChanged() {
  window.dispatchEvent(new Event(EVENT));
}

/** Subscribes `reload`; returns the unsubscribe. */
export function onDataChanged(reload: () => void): () => void {
  window.addEventListener(EVENT, reload);
  return () => window.removeEventListener(EVENT, reload);
}

/** True while the person is typing in a field: a reload now could rebuild what they type in. */
export function typing(): boolean {
  const t = document.activeElement as HTMLElement | null;
  return !!t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable);
}
