import { useEffect, useRef, useState } from "preact/hooks";
import { api } from "../api/ipc";
import type { Pairing } from "../api/bindings/Pairing";
import type { PairingDraft } from "../api/bindings/PairingDraft";
import type { School } from "../api/bindings/School";
import { ruDate } from "../format";
import { ErrorNotice, Loading } from "../components/Notice";
import { useLoad } from "../components/useLoad";
import { FormActions } from "../components/FormActions";
import { useFormError } from "../components/useFormError";
import { useUndoNote } from "../components/UndoNote";

const THIS_YEAR = new Date().getFullYear();

/** Межшкольное партнерство by year: pairs added, changed and removed in place; what needs a
 * second look is flagged, never forbidden. */
export function PairingsView() {
  const [year, setYear] = useState(THIS_YEAR);
  // Open on the latest year that has pairings.
  const all = useLoad(() => api.listPairings(null), []);
  useEffect(() => {
    const latest = Math.max(...(all.data ?? []).map((p) => Number(p.end.slice(0, 4))));
    if (Number.isFinite(latest)) setYear(Math.min(latest, THIS_YEAR));
  }, [all.data]);
  const pairings = useLoad(() => api.listPairings(year), [year]);
  const schools = useLoad(() => api.listSchools(null), []);
  const check = useLoad(() => api.checkPairings(year), [year]);
  const [editing, setEditing] = useState<Pairing | "new" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const deleted = useUndoNote(setError);
  const school = (id: number) => schools.data?.find((s) => s.id === id);
  const changed = () => {
    setEditing(null);
    pairings.reload();
    check.reload();
  };
  const flags = (p: Pairing) => check.data?.conflicts.filter((c) => c.pairing_id === p.id) ?? [];
  return (
    <section aria-labelledby="pairings-title">
      <div class="toolbar">
        <h1 id="pairings-title">Наставничество</h1>
        <label>
          Год{" "}
          <input type="number" id="pairings-year" min={2000} max={2100} value={year} onInput={(e) => setYear(Number((e.target as HTMLInputElement).value))} />
        </label>
        <label>
          Школ на одного наставника не больше{" "}
          <input
            type="number"
            id="mentor-limit"
            min={1}
            max={50}
            value={check.data?.limit ?? 3}
            onChange={(e) => api.setMentorLimit(Number((e.target as HTMLInputElement).value)).then(check.reload, (x) => setError(x.message))}
          />
        </label>
        <span class="spacer" />
        <button id="new-pairing" onClick={() => setEditing("new")}>
          Закрепить наставника
        </button>
      </div>
      <ErrorNotice message={pairings.error ?? schools.error ?? error} />
      {deleted.note}
      {check.data && check.data.conflicts.length > 0 && (
        <div class="panel review" id="pairing-conflicts">
          {check.data.conflicts.map((c, i) => (
            <div key={i} class="warn small conflict">
              ⚠ {c.message}
            </div>
          ))}
        </div>
      )}
      {editing && schools.data && (
        <PairingForm key={editing === "new" ? "new" : editing.id} pairing={editing === "new" ? null : editing} year={year} schools={schools.data} onSaved={changed} onCancel={() => setEditing(null)} />
      )}
      {!pairings.data || !schools.data ? (
        <Loading />
      ) : pairings.data.length === 0 ? (
        <p class="muted">В {year} году пар «курируемая школа — школа-наставник» нет.</p>
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
            {pairings.data.map((p) => (
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

function PairingForm(props: { pairing: Pairing | null; year: number; schools: School[]; onSaved: () => void; onCancel: () => void }) {
  const [d, setDState] = useState<PairingDraft>(
    props.pairing ?? {
      supported_school_id: props.schools[0]?.id ?? 0,
      mentor_school_id: props.schools[1]?.id ?? 0,
      start: `${props.year}-01-01`,
      end: `${props.year}-12-31`,
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
  const select = (field: "supported_school_id" | "mentor_school_id") => (
    <select name={field} value={String(d[field])} onChange={(e) => setD({ ...latest.current, [field]: Number((e.target as HTMLSelectElement).value) })}>
      {props.schools.map((s) => (
        <option key={s.id} value={s.id}>
          {s.short_name}
        </option>
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
