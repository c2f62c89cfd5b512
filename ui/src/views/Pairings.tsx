import { api } from "../api/ipc";
import { ruDate } from "../format";
import { ErrorNotice, Loading } from "../components/Notice";
import { useLoad } from "../components/useLoad";

/** Межшкольное партнерство: each supported school with its mentor school. */
export function PairingsView() {
  const pairings = useLoad(() => api.listPairings(null), []);
  const schools = useLoad(() => api.listSchools(null), []);
  const school = (id: number) => schools.data?.find((s) => s.id === id);
  return (
    <section aria-labelledby="pairings-title">
      <div class="toolbar">
        <h1 id="pairings-title">Наставничество</h1>
      </div>
      <ErrorNotice message={pairings.error ?? schools.error} />
      {!pairings.data || !schools.data ? (
        <Loading />
      ) : pairings.data.length === 0 ? (
        <p class="muted">Пар «курируемая школа — школа-наставник» пока нет.</p>
      ) : (
        <table class="grid">
          <thead>
            <tr>
              <th>Курируемая школа</th>
              <th>Школа-наставник</th>
              <th>Период</th>
              <th>Основание</th>
              <th>Примечание</th>
            </tr>
          </thead>
          <tbody>
            {pairings.data.map((p) => (
              <tr key={p.id}>
                <td>
                  <div class="strong">{school(p.supported_school_id)?.short_name}</div>
                  <div class="muted small">директор {school(p.supported_school_id)?.director}</div>
                </td>
                <td>
                  <div class="strong">{school(p.mentor_school_id)?.short_name}</div>
                  <div class="muted small">директор {school(p.mentor_school_id)?.director}</div>
                </td>
                <td>
                  {ruDate(p.start)} — {ruDate(p.end)}
                </td>
                <td class="small">{[p.basis_order, p.basis_agreement].filter(Boolean).join("; ")}</td>
                <td class="small muted">{p.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
