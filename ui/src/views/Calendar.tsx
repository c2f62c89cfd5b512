import { api } from "../api/ipc";
import type { Roadmap } from "../api/bindings/Roadmap";
import type { WebinarSeries } from "../api/bindings/WebinarSeries";
import { monthTitle, ruDate } from "../format";
import { ErrorNotice, Loading } from "../components/Notice";
import { useLoad } from "../components/useLoad";

type Entry = { key: string; date: string; when: string; what: string; where: string; kind: "event" | "webinar" };

/** The year as an agenda: every dated event and webinar, by month. */
export function CalendarView() {
  const data = useLoad(async () => {
    const plans = await api.listPlans();
    const roadmaps = await Promise.all(plans.map((p) => api.getRoadmap(p.id)));
    return { roadmaps, series: await api.listWebinarSeries() };
  }, []);
  if (data.error) return <ErrorNotice message={data.error} />;
  if (!data.data) return <Loading />;
  const { dated, undated } = entries(data.data.roadmaps, data.data.series);
  const months = new Map<string, Entry[]>();
  for (const e of dated) {
    const m = e.date.slice(0, 7);
    months.set(m, [...(months.get(m) ?? []), e]);
  }
  return (
    <section aria-labelledby="calendar-title">
      <div class="toolbar">
        <h1 id="calendar-title">Календарь</h1>
      </div>
      {dated.length === 0 && undated.length === 0 && <p class="muted">Событий пока нет.</p>}
      {[...months.entries()].map(([m, list]) => (
        <Agenda key={m} title={monthTitle(`${m}-01`)} entries={list} />
      ))}
      {undated.length > 0 && <Agenda title="Без определённого срока" entries={undated} />}
    </section>
  );
}

function Agenda(props: { title: string; entries: Entry[] }) {
  return (
    <div class="agenda-month">
      <h2>{props.title}</h2>
      <ul class="agenda">
        {props.entries.map((e) => (
          <li key={e.key} class={e.kind}>
            <span class="when">{e.when}</span>
            <span class="what">{e.what}</span>
            <span class="where muted small">{e.where}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function entries(roadmaps: Roadmap[], series: WebinarSeries[]) {
  const dated: Entry[] = [];
  const undated: Entry[] = [];
  for (const r of roadmaps) {
    for (const e of r.events) {
      const what = `${e.number}. ${e.content.split("\n")[0]}`;
      const tf = e.timeframe;
      const base = { what, where: r.plan.title, kind: "event" as const };
      if (tf.kind === "free") {
        undated.push({ ...base, key: `e${e.id}`, date: "", when: tf.text });
        continue;
      }
      // Each placed part of a timeframe (a list of dates, two ranges) is its own entry.
      tf.parts.forEach((p, i) => {
        const date = p.start ?? p.end ?? "";
        const when =
          p.start && p.end && p.start !== p.end
            ? `${ruDate(p.start)} — ${ruDate(p.end)}`
            : p.start
              ? ruDate(p.start)
              : `до ${ruDate(p.end)}`;
        dated.push({ ...base, key: `e${e.id}-${i}`, date, when });
      });
    }
  }
  for (const s of series)
    for (const w of s.webinars)
      dated.push({
        key: `w${w.id}`,
        date: w.date,
        when: `${ruDate(w.date)}${w.start_time ? `, ${w.start_time}` : ""}`,
        what: `Вебинар: ${w.topic}`,
        where: s.title,
        kind: "webinar",
      });
  dated.sort((a, b) => a.date.localeCompare(b.date));
  return { dated, undated };
}
