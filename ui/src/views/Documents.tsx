import { api } from "../api/ipc";
import type { AnnexKind } from "../api/bindings/AnnexKind";
import { ruDate } from "../format";
import { ErrorNotice, Loading } from "../components/Notice";
import { useLoad } from "../components/useLoad";

const ANNEX_LABELS: Record<AnnexKind, string> = {
  roadmap: "дорожная карта",
  pairings: "закрепление школ-наставников",
  working_group: "состав рабочей группы",
  schools: "список школ",
  webinars: "график вебинаров",
};

/** The district's orders with their requisites, points and annexes. */
export function DocumentsView() {
  const orders = useLoad(() => api.listOrders(), []);
  return (
    <section aria-labelledby="documents-title">
      <div class="toolbar">
        <h1 id="documents-title">Документы</h1>
      </div>
      <ErrorNotice message={orders.error} />
      {!orders.data ? (
        <Loading />
      ) : orders.data.length === 0 ? (
        <p class="muted">Приказов пока нет.</p>
      ) : (
        orders.data.map((o) => (
          <article key={o.id} class="panel order">
            <p class="muted">{o.issuer}</p>
            <h2>
              Приказ от {ruDate(o.date)} № {o.number}
            </h2>
            <p class="strong">{o.title}</p>
            <ol>
              {o.points.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ol>
            <p>
              {o.signatory_position} — {o.signatory_name}
            </p>
            <h3>Приложения</h3>
            <ul>
              {o.annexes.map((a) => (
                <li key={a.id}>
                  Приложение {a.number}: {a.title || ANNEX_LABELS[a.kind]} ({a.orientation === "landscape" ? "альбомная" : "книжная"}{" "}
                  ориентация)
                </li>
              ))}
            </ul>
          </article>
        ))
      )}
    </section>
  );
}
