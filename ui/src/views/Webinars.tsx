import { api } from "../api/ipc";
import { ruDate } from "../format";
import { ErrorNotice, Loading } from "../components/Notice";
import { useLoad } from "../components/useLoad";
import { SeriesForm } from "../components/SeriesForm";
import { WebinarForm } from "../components/WebinarForm";
import { HolidayCalendar } from "../components/HolidayCalendar";
import { useState } from "preact/hooks";

/** Циклы вебинаров with each session's date, time, topic, speakers and host school. */
export function WebinarsView() {
  const series = useLoad(() => api.listWebinarSeries(), []);
  const schools = useLoad(() => api.listSchools(null), []);
  const plans = useLoad(() => api.listPlans(), []);
  const conflicts = useLoad(() => api.listWebinarConflicts(), []);
  const [editing, setEditing] = useState<number | null>(null);
  const created = () => {
    series.reload();
    conflicts.reload();
  };
  const saved = () => {
    setEditing(null);
    created();
  };
  return (
    <section aria-labelledby="webinars-title">
      <div class="toolbar">
        <h1 id="webinars-title">Вебинары</h1>
      </div>
      <ErrorNotice message={series.error ?? schools.error} />
      <SeriesForm plans={plans.data ?? []} onCreated={created} />
      <HolidayCalendar onChanged={conflicts.reload} />
      {!series.data ? (
        <Loading />
      ) : series.data.length === 0 ? (
        <p class="muted">Циклов вебинаров пока нет.</p>
      ) : (
        series.data.map((s) => (
          <article key={s.id} class="series">
            <h2>{s.title}</h2>
            <p class="muted">
              {[s.organiser && `Организатор: ${s.organiser}`, s.audience && `Участники: ${s.audience}`].filter(Boolean).join(" · ")}
            </p>
            <table class="grid">
              <thead>
                <tr>
                  <th>Дата</th>
                  <th>Время</th>
                  <th>Тема</th>
                  <th>Выступающие</th>
                  <th>Площадка</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {s.webinars.map((w) =>
                  editing === w.id ? (
                    <tr key={w.id} data-webinar={w.id}>
                      <td colSpan={6}>
                        <WebinarForm webinar={w} schools={schools.data ?? []} onSaved={saved} onCancel={() => setEditing(null)} />
                      </td>
                    </tr>
                  ) : (
                  <tr key={w.id} data-webinar={w.id}>
                    <td>
                      {ruDate(w.date)}
                      {conflicts.data
                        ?.filter((c) => c.webinar_id === w.id)
                        .map((c, i) => (
                          <div key={i} class="warn small conflict">
                            ⚠ {c.message}
                          </div>
                        ))}
                    </td>
                    <td>{w.start_time ?? <span class="muted">уточняется</span>}</td>
                    <td>{w.topic || <span class="muted">тема уточняется</span>}</td>
                    <td class="small">
                      {w.speakers.map((x) => (
                        <div key={x.id}>{[x.name, x.position, x.organisation].filter(Boolean).join(", ")}</div>
                      ))}
                      {w.link && (
                        <div class="muted">{w.link}</div>
                      )}
                    </td>
                    <td>{schools.data?.find((x) => x.id === w.host_school_id)?.short_name ?? ""}</td>
                    <td>
                      <button class="link edit-webinar" onClick={() => setEditing(w.id)}>
                        изменить
                      </button>
                    </td>
                  </tr>
                  ),
                )}
              </tbody>
            </table>
          </article>
        ))
      )}
    </section>
  );
}
