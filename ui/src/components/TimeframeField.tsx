import { useEffect, useRef, useState } from "preact/hooks";
import { api, errorText } from "../api/ipc";
import type { TimeframeReading } from "../api/bindings/TimeframeReading";
import { fitTextarea } from "./fitTextarea";

/**
 * A timeframe typed as free Russian text. Below it, while the user types, how the program
 * reads it («с 01.02.2022 по 30.04.2022», «до 10.03.2023») or why it cannot.
 */
export function TimeframeField(props: {
  planId: number;
  value: string;
  onInput: (text: string) => void;
  id?: string;
  label?: string;
}) {
  const [reading, setReading] = useState<TimeframeReading | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The first reading is asked at once; later ones wait for a pause in the typing.
  const first = useRef(true);
  useEffect(() => {
    let live = true;
    const delay = first.current ? 0 : 120;
    first.current = false;
    const timer = setTimeout(() => {
      api.readTimeframe(props.planId, props.value).then(
        (r) => live && (setReading(r), setError(null)),
        (e) => live && setError(errorText(e)),
      );
    }, delay);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [props.planId, props.value]);

  const fieldId = props.id ?? "timeframe";
  // As tall as its text: a long timeframe is read whole, not cut at the field's edge.
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => fitTextarea(field.current), [props.value]);
  return (
    <div class="timeframe-field">
      <label for={fieldId} class={props.label ? "" : "visually-hidden"}>
        {props.label ?? "Сроки реализации"}
      </label>
      <textarea
        id={fieldId}
        ref={field}
        rows={1}
        value={props.value}
        onInput={(e) => props.onInput((e.target as HTMLTextAreaElement).value)}
        aria-describedby={`${fieldId}-reading`}
      />
      <div id={`${fieldId}-reading`} class={reading?.needs_review ? "reading warn small" : "reading muted small"} aria-live="polite">
        {error ??
          (reading && (
            <>
              {reading.timeframe.kind !== "free" && <div>→ {reading.reading}</div>}
              {reading.timeframe.warnings.map((w, i) => (
                <div key={i}>⚠ {w}</div>
              ))}
            </>
          ))}
      </div>
    </div>
  );
}
