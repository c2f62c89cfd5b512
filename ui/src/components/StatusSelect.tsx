import type { EventStatus } from "../api/bindings/EventStatus";
import { STATUS_LABELS } from "../format";

/** The four states of an event; with `any`, a first option «все» (value "") for filters. */
export function StatusSelect(props: { value: string; onChange: (v: string) => void; any?: boolean; id?: string; label?: string }) {
  return (
    <select id={props.id} aria-label={props.label} value={props.value} onChange={(e) => props.onChange((e.target as HTMLSelectElement).value)}>
      {props.any && <option value="">все</option>}
      {(Object.keys(STATUS_LABELS) as EventStatus[]).map((s) => (
        <option key={s} value={s}>
          {STATUS_LABELS[s]}
        </option>
      ))}
    </select>
  );
}
