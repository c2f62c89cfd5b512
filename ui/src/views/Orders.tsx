import { useEffect, useRef, useState } from "preact/hooks";
import { api } from "../api/ipc";
import type { Order } from "../api/bindings/Order";
import type { OrderDraft } from "../api/bindings/OrderDraft";
import type { Plan } from "../api/bindings/Plan";
import type { PointDraft } from "../api/bindings/PointDraft";
import type { WorkingGroup } from "../api/bindings/WorkingGroup";
import { ANNEX_LABELS, ruDate } from "../format";
import { ErrorNotice, Loading } from "../components/Notice";
import { useLoad } from "../components/useLoad";
import { FormActions } from "../components/FormActions";
import { PlanSelect } from "../components/PlanSelect";
import { useFormError } from "../components/useFormError";
import { found } from "../search";
import { SearchField } from "../components/SearchField";
import { orderRequest, useDocumentOutput } from "../components/DocumentOutput";


function emptyOrder(plan: Plan | null): OrderDraft {
  return {
    issuer: plan?.issuer ?? "",
    date: new Date().toISOString().slice(0, 10),
    number: "",
    place: "",
    // «Об утверждении …» comes with the ready wordings, from Rust.
    title: "",
    preamble: "",
    points: [],
    signatory_position: "",
    signatory_name: "",
    executor_name: plan?.coordinator?.name ?? "",
    executor_phone: "",
  };
}

/** Приказы: the district's orders, and the composer of one. */
export function OrdersView() {
  const orders = useLoad(() => api.listOrders(), []);
  const plans = useLoad(() => api.listPlans(), []);
  const groups = useLoad(() => api.listWorkingGroups(), []);
  const [editing, setEditing] = useState<Order | "new" | null>(null);
  const [query, setQuery] = useState("");
  const output = useDocumentOutput();
  const shown = (orders.data ?? []).filter((o) =>
    found(query, [o.title, o.number, ruDate(o.date), o.issuer, o.signatory_name, ...o.points]),
  );
  return (
    <section aria-labelledby="orders-title">
      <div class="toolbar">
        <h1 id="orders-title">Приказы</h1>
        <SearchField id="order-search" value={query} placeholder="номер, дата, слова заголовка" onChange={setQuery} />
        <span class="spacer" />
        <button id="new-order" onClick={() => setEditing("new")}>
          Новый приказ
        </button>
      </div>
      <ErrorNotice message={orders.error ?? plans.error} />
      {!editing && output.view}
      {!orders.data || !plans.data || !groups.data ? (
        <Loading />
      ) : editing ? (
        <OrderComposer
          key={editing === "new" ? "new" : editing.id}
          order={editing === "new" ? null : editing}
          plans={plans.data}
          groups={groups.data}
          onSaved={() => {
            setEditing(null);
            orders.reload();
          }}
          onCancel={() => setEditing(null)}
        />
      ) : orders.data.length === 0 ? (
        <p class="muted">Приказов пока нет.</p>
      ) : shown.length === 0 ? (
        <p class="muted" id="no-orders-found">Ничего не найдено: «{query}».</p>
      ) : (
        <table class="grid" id="orders">
          <thead>
            <tr>
              <th>Дата</th>
              <th>№</th>
              <th>Заголовок</th>
              <th>Приложения</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {shown.map((o) => (
              <tr key={o.id} data-order={o.id}>
                <td>{ruDate(o.date)}</td>
                <td>{o.number}</td>
                <td>{o.title}</td>
                <td class="small">{o.annexes.map((a) => `${a.number}. ${ANNEX_LABELS[a.kind]}`).join("; ")}</td>
                <td class="row-buttons">
                  <button class="link" onClick={() => setEditing(o)}>
                    изменить
                  </button>
                  <button class="link" id={`order-pdf-${o.id}`} disabled={output.busy} onClick={() => output.save(orderRequest(o, null), `Приказ № ${o.number}`)}>
                    PDF…
                  </button>
                  <button class="link" id={`order-preview-${o.id}`} disabled={output.busy} onClick={() => output.preview(orderRequest(o, null), `Приказ № ${o.number}`)}>
                    просмотр и печать
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

function OrderComposer(props: { order: Order | null; plans: Plan[]; groups: WorkingGroup[]; onSaved: () => void; onCancel: () => void }) {
  const [planId, setPlanId] = useState<number | null>(props.plans[0]?.id ?? null);
  const plan = props.plans.find((p) => p.id === planId) ?? null;
  const [d, setD] = useState<OrderDraft>(props.order ? { ...props.order, points: [] } : emptyOrder(plan));
  // The ready points and the usual title, worded and declined in Rust for the chosen plan; a
  // new order takes the title until the person writes their own.
  const wordings = useLoad(() => api.orderWordings(planId), [planId]);
  // A new order takes, from Rust, what the district already told (the profile, the previous
  // order, the plan's coordinator): each field until the person writes their own.
  const [defaults, setDefaults] = useState<OrderDraft | null>(null);
  // The title the program gave (from the plan, then from the points): replaced as the points
  // change, until the person writes their own. A ref, not state: a point chosen right after the
  // wordings came must see the title they gave (state read in a stale render did not, and the
  // title stopped following the points).
  const autoTitle = useRef<string | null>(null);
  /** Puts `title` in the order unless the person has written their own. */
  const offerTitle = (title: string) =>
    setD((old) => {
      if (old.title !== "" && old.title !== autoTitle.current) return old;
      autoTitle.current = title;
      return { ...old, title };
    });
  useEffect(() => {
    const w = wordings.data;
    if (props.order || !w) return;
    const fields = ["issuer", "place", "signatory_position", "signatory_name", "executor_name", "executor_phone"] as const;
    setD((old) => {
      const next = { ...old };
      for (const f of fields) if (old[f] === "" || old[f] === defaults?.[f]) next[f] = w.draft[f];
      return next;
    });
    if (w.title) offerTitle(w.title);
    setDefaults(w.draft);
  }, [wordings.data]);
  const [points, setPointsState] = useState<PointDraft[]>([]);
  const { fail, clear, beside, general, editing } = useFormError(["number", "title", "points"]);
  const [saved, setSaved] = useState(false);
  // An existing order's points come first: nothing is shown or saved without them.
  const [loaded, setLoaded] = useState(props.order === null);
  useEffect(() => {
    if (props.order)
      api.orderPoints(props.order.id).then((p) => {
        setPointsState(p);
        setLoaded(true);
      }, fail);
  }, []);

  // An order that exists is saved at every change; a new one when it is created.
  async function persist(next: OrderDraft, nextPoints: PointDraft[]) {
    if (!props.order || !loaded) return;
    try {
      await api.saveOrder(props.order.id, next, nextPoints);
      clear();
      setSaved(true);
    } catch (err) {
      setSaved(false);
      fail(err);
    }
  }
  const setPoints = (next: PointDraft[], commit = true) => {
    setPointsState(next);
    if (commit) persist(d, next);
    if (planId !== null && !props.order) {
      api.orderTitleFor(planId, next).then((title) => title && offerTitle(title), () => {});
    }
  };

  const cited = points.filter((p) => p.annex).length;
  let n = 0;
  const citation = (p: PointDraft) => (p.annex ? (cited === 1 ? " (приложение)" : ` (приложение ${++n})`) : "");
  const input = (field: keyof OrderDraft) => ({
    name: field,
    value: d[field] as string,
    onInput: (e: Event) => {
      editing(field);
      setD({ ...d, [field]: (e.target as HTMLInputElement).value });
    },
    onChange: (e: Event) => persist({ ...d, [field]: (e.target as HTMLInputElement).value }, points),
  });
  const move = (i: number, by: number) => {
    const next = [...points];
    const [p] = next.splice(i, 1);
    next.splice(Math.max(0, Math.min(next.length, i + by)), 0, p);
    setPoints(next);
  };

  async function save(e: Event) {
    e.preventDefault();
    if (props.order) return persist(d, points);
    try {
      await api.saveOrder(null, d, points);
      props.onSaved();
    } catch (err) {
      fail(err);
    }
  }

  if (!loaded) return general ?? <Loading />;
  return (
    <form class="panel order-form" id="order-form" onSubmit={save}>
      <h2>{props.order ? `Приказ № ${props.order.number}` : "Новый приказ"}</h2>
      <div class="form-grid">
        <label class="wide">
          <span>Издаёт</span>
          <input {...input("issuer")} placeholder="Управление образования г. …" />
        </label>
        <label>
          <span>Дата</span>
          <input type="date" {...input("date")} />
        </label>
        <label>
          <span>Номер</span>
          <input {...input("number")} />
          {beside("number")}
        </label>
        <label>
          <span>Место издания</span>
          <input {...input("place")} placeholder="г. …" />
        </label>
        <label class="wide">
          <span>Заголовок («О …»)</span>
          <input {...input("title")} />
          {beside("title")}
        </label>
        <label class="wide">
          <span>Преамбула (перед «ПРИКАЗЫВАЮ:»)</span>
          <textarea rows={3} {...input("preamble")} />
        </label>
      </div>
      <h3>Пункты</h3>
      <div class="wordings">
        <PlanSelect plans={props.plans} value={planId} onChange={setPlanId} />
        {wordings.data?.points.map((w) => (
          <button type="button" class="chip-button" key={w.label} data-point={w.label} onClick={() => setPoints([...points, w.point])}>
            + {w.label}
          </button>
        ))}
        <button type="button" class="chip-button" onClick={() => setPoints([...points, { text: "", annex: null }])}>
          + свой пункт
        </button>
      </div>
      <ol class="points" id="order-points">
        {points.map((p, i) => (
          <li key={i}>
            <span class="point-number">{i + 1}.</span>
            <textarea
              rows={2}
              aria-label={`Пункт ${i + 1}`}
              value={p.text}
              onInput={(e) => setPoints(points.map((x, j) => (j === i ? { ...x, text: (e.target as HTMLTextAreaElement).value } : x)), false)}
              onChange={() => persist(d, points)}
            />
            <span class="small muted">
              {citation(p)}
              {p.annex && ` — ${ANNEX_LABELS[p.annex.kind]}`}
            </span>
            <span class="row-actions">
              <button type="button" class="icon" aria-label="Выше" onClick={() => move(i, -1)}>
                ↑
              </button>
              <button type="button" class="icon" aria-label="Ниже" onClick={() => move(i, 1)}>
                ↓
              </button>
              <button type="button" class="icon danger" aria-label="Удалить пункт" onClick={() => setPoints(points.filter((_, j) => j !== i))}>
                ✕
              </button>
            </span>
          </li>
        ))}
      </ol>
      {beside("points")}
      <div class="form-grid">
        <label>
          <span>Должность подписывающего</span>
          <input {...input("signatory_position")} />
        </label>
        <label>
          <span>Подпись (И.О. Фамилия)</span>
          <input {...input("signatory_name")} />
        </label>
        <span />
        <label>
          <span>Исполнитель</span>
          <input {...input("executor_name")} />
        </label>
        <label>
          <span>Телефон исполнителя</span>
          <input {...input("executor_phone")} />
        </label>
      </div>
      {general}
      <FormActions existing={props.order !== null} saved={saved} id="order" createLabel="Создать приказ" onDone={props.onSaved} onCancel={props.onCancel} />
    </form>
  );
}
