// Textareas as tall as their text, so a cell shows all of it (the editor's cells were cut).

const pending = new Set<HTMLTextAreaElement>();

/** Fits `el` to its text after the current render: all fields waiting are set to their natural
 * height first and measured together, so a page of rows costs one layout, not one per field. */
export function fitTextarea(el: HTMLTextAreaElement | null) {
  if (!el) return;
  pending.add(el);
  if (pending.size === 1) queueMicrotask(fitAll);
}

function fitAll() {
  const fields = [...pending].filter((el) => el.isConnected);
  pending.clear();
  for (const el of fields) el.style.height = "auto";
  const heights = fields.map((el) => el.scrollHeight);
  fields.forEach((el, i) => {
    // The border is outside scrollHeight.
    el.style.height = `${heights[i] + 2}px`;
  });
}
