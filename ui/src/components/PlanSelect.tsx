import type { Plan } from "../api/bindings/Plan";
import { planLabel } from "../format";

/** Chooses one of the district's roadmaps by its title. */
export function PlanSelect(props: { plans: Plan[]; value: number | null; onChange: (id: number) => void; label?: string }) {
  return (
    <label class={props.label ? "wide" : ""}>
      {props.label ? <span>{props.label}</span> : "Дорожная карта "}
      <select class="plan-select" value={String(props.value)} onChange={(e) => props.onChange(Number((e.target as HTMLSelectElement).value))}>
        {props.plans.map((p) => (
          <option key={p.id} value={p.id} title={p.title}>
            {planLabel(p.title)}
          </option>
        ))}
      </select>
    </label>
  );
}
