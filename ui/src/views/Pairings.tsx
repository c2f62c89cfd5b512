import { useRef, useState } from "preact/hooks";
import { api } from "../api/ipc";
import type { Pairing } from "../api/bindings/Pairing";
import type { PairingDraft } from "../api/bindings/PairingDraft";
import type { School } from "../api/bindings/School";
import { capital, ruDate } from "../format";
import type { PairingYear } from "../api/bindings/PairingYear";
import { ErrorNotice, Loading } from "../components/Notice";
import { useLoad } from "../components/useLoad";
import { FormActions } from "../components/FormActions";
import { useFormError } from "../components/useFormError";
import { useUndoNote } from "../components/UndoNote";

/** Межшкольное партнерство by school year: pairs added, changed and removed in place; what
 * needs a second look is flagged, never forbidden. The school year, its choices and its flags
 * come from Rust (domain::school_year, domain::pairings). */
export function PairingsView() {
  const [year, setYear] = useState<number | null>(null);
  const view = useLoad(() => api.pairingYear(year), [year]);
  const schools = useLoad(() => api.listSchools(null), []);
  const [editing, setEditing] = useState<Pairing | "new" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const deleted = useUndoNote(setError);
  const school = (id: number) => schools.data?.find((s) => s.id === id);
  const changed = () => {
    setEditing(null);
    view.reload();
  };
  const v = view.data;
  const pairings = v?.pairings;
  const flags = (p: Pairing) => v?.conflicts.filter((c) => c.pairing_id === p.id) ?? [];
  return (
    <section aria-labelledby="pairings-title">
      <div class="toolbar">
        <h1 id="pairings-title">Наставничество</h1>
        <label>
          <select id="pairings-year" aria-label="Учебный год" value={String(v?.year.year ?? "")} onChange={(e) => setYear(Number((e.target as HTMLSelectElement).value))}>
            {v?.years.map((y) => (
              <option key={y.year} value={y.year}>
                {y.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Школ на одного наставника не больше{" "}
          <input
            type="number"
            id="mentor-limit"
            min={1}
            max={50}
            value={v?.limit ?? 3}
            onChange={(e) => api.setMentorLimit(Number((e.target as HTMLInputElement).value)).then(view.reload, (x) => setError(x.message))}
          />
        </label>
        <span class="spacer" />
        <button id="new-pairing" onClick={() => setEditing("new")}>
          Закрепить наставника
        </button>
      </div>
      <ErrorNotice message={view.error ?? schools.error ?? error} />
      {deleted.note}
      {v && v.conflicts.length > 0 && (
        <div class="panel review" id="pairing-conflicts">
          {v.conflicts.map((c, i) => (
            <div key={i} class="warn small conflict">
              ⚠ {c.message}
            </div>
          ))}
        </div>
      )}
      {editing && schools.data && v && (
        <PairingForm key={editing === "new" ? "new" : editing.id} pairing={editing === "new" ? null : editing} view={v} schools={schools.data} onSaved={changed} onCancel={() => setEditing(null)} />
      )}
      {!v || !pairings || !schools.data ? (
        <Loading />
      ) : pairings.length === 0 ? (
        <p class="muted">{capital(v.year.during)} пар «курируемая школа — школа-наставник» нет.</p>
      ) : (
        <table class="grid" id="pairings">
          <thead>
            <tr>
              <th>Курируемая школа</th>
              <th>Школа-наставник</th>
              <th>Период</th>
              <th>Основание</th>
              <th>Примечание</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {pairings.map((p) => (
              <tr key={p.id} data-pairing={p.id}>
                <td>
                  <div class="strong">{school(p.supported_school_id)?.short_name}</div>
                  <div class="muted small">директор {school(p.supported_school_id)?.director}</div>
                </td>
                <td>
                  <div class="strong">{school(p.mentor_school_id)?.short_name}</div>
                  <div class="muted small">директор {school(p.mentor_school_id)?.director}</div>
                  {flags(p).map((c, i) => (
                    <div key={i} class="warn small">
                      ⚠ {c.message}
                    </div>
                  ))}
                </td>
                <td>
                  {ruDate(p.start)} — {ruDate(p.end)}
                </td>
                <td class="small">{[p.basis_order, p.basis_agreement].filter(Boolean).join("; ")}</td>
                <td class="small muted">{p.note}</td>
                <td class="row-actions">
                  <button class="link" onClick={() => setEditing(p)}>
                    изменить
                  </button>{" "}
                  <button
                    class="link danger"
                    onClick={() =>
                      api.deletePairing(p.id).then(() => {
                        deleted.done(
                          `Пара «${school(p.mentor_school_id)?.short_name ?? ""} → ${school(p.supported_school_id)?.short_name ?? ""}» удалена.`,
                        );
                        changed();
                      }, (x) => setError(x.message))
                    }
                  >
                    удалить
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function PairingForm(props: { pairing: Pairing | null; view: PairingYear; schools: School[]; onSaved: () => void; onCancel: () => void }) {
  const { choices, year } = props.view;
  const [d, setDState] = useState<PairingDraft>(
    props.pairing ?? {
      supported_school_id: choices.default_supported ?? 0,
      mentor_school_id: choices.default_mentor ?? 0,
      start: year.start,
      end: year.end,
      basis_order: "",
      basis_agreement: "",
      note: "",
    },
  );
  const { fail, clear, beside, general } = useFormError(["mentor_school_id", "end"]);
  const [saved, setSaved] = useState(false);
  // An existing pairing is saved as each field is left; the latest typing is kept here for that.
  const latest = useRef(d);
  const setD = (next: PairingDraft) => {
    latest.current = next;
    setDState(next);
  };
  const persist = () =>
    props.pairing &&
    api.savePairing(props.pairing.id, latest.current).then(() => {
      clear();
      setSaved(true);
    }, fail);
  const name = (id: number) => props.schools.find((s) => s.id === id)?.short_name ?? "";
  const option = (id: number) => (
    <option key={id} value={id}>
      {name(id)}
    </option>
  );
  const select = (field: "supported_school_id" | "mentor_school_id") => (
    <select name={field} value={String(d[field])} onChange={(e) => setD({ ...latest.current, [field]: Number((e.target as HTMLSelectElement).value) })}>
      {field === "supported_school_id"
        ? choices.supported.map(option)
        : choices.mentors.map((g) => (
            <optgroup key={g.label} label={g.label}>
              {g.schools.map(option)}
            </optgroup>
          ))}
    </select>
  );
  const text = (field: "start" | "end" | "basis_order" | "basis_agreement" | "note", type = "text") => (
    <input type={type} name={field} value={d[field]} onInput={(e) => setD({ ...latest.current, [field]: (e.target as HTMLInputElement).value })} />
  );
  async function save(e: Event) {
    e.preventDefault();
    if (props.pairing) return persist();
    try {
      await api.savePairing(null, latest.current);
      props.onSaved();
    } catch (x) {
      fail(x);
    }
  }
  return (
    <form class="panel" id="pairing-form" onSubmit={save} onChange={() => persist()}>
      <div class="form-grid">
        <label>
          <span>Курируемая школа</span>
          {select("supported_school_id")}
        </label>
        <label>
          <span>Школа-наставник</span>
          {select("mentor_school_id")}
          {beside("mentor_school_id")}
        </label>
        <span />
        <label>
          <span>С</span>
          {text("start", "date")}
        </label>
        <label>
          <span>По</span>
          {text("end", "date")}
          {beside("end")}
        </label>
        <span />
        <label>
          <span>Приказ</span>
          {text("basis_order")}
        </label>
        <label>
          <span>Договор</span>
          {text("basis_agreement")}
        </label>
        <label>
          <span>Примечание</span>
          {text("note")}
        </label>
      </div>
      {general}
      <FormActions existing={props.pairing !== null} saved={saved} id="pairing" createLabel="Закрепить" onDone={props.onSaved} onCancel={props.onCancel} />
    </form>
  );
}
