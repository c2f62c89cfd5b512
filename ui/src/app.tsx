import { useEffect, useState } from "preact/hooks";
import { api, AppError } from "./api/ipc";
import type { AppInfo } from "./api/bindings/AppInfo";
import { ErrorNotice } from "./components/Notice";
import { SchoolsView } from "./views/Schools";
import { PairingsView } from "./views/Pairings";
import { PlansView } from "./views/Plans";
import { CalendarView } from "./views/Calendar";
import { WebinarsView } from "./views/Webinars";
import { DocumentsView } from "./views/Documents";
import { ImportView } from "./views/Import";
import { OrdersView } from "./views/Orders";

const VIEWS = [
  ["schools", "Школы"],
  ["pairings", "Наставничество"],
  ["plans", "Дорожные карты"],
  ["calendar", "Календарь"],
  ["webinars", "Вебинары"],
  ["orders", "Приказы"],
  ["documents", "Документы"],
  ["import", "Импорт"],
] as const;

type View = (typeof VIEWS)[number][0];

export function App() {
  const [view, setView] = useState<View>("schools");
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [welcome, setWelcome] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Bumped after the demo loads so that every view reads the new data.
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    api.appInfo().then(
      (i) => {
        setInfo(i);
        setWelcome(i.empty);
      },
      (e) => setError(e instanceof AppError ? e.message : String(e)),
    );
  }, []);

  async function loadDemo() {
    try {
      await api.loadDemo();
      setWelcome(false);
      setGeneration((g) => g + 1);
      setView("schools");
    } catch (e) {
      setError(e instanceof AppError ? e.message : String(e));
    }
  }

  return (
    <div class="shell">
      <header class="topbar">
        <span class="brand">Координатор</span>
        <nav aria-label="Разделы">
          {VIEWS.map(([id, label]) => (
            <button
              key={id}
              class={view === id ? "nav active" : "nav"}
              aria-current={view === id ? "page" : undefined}
              data-view={id}
              onClick={() => setView(id)}
            >
              {label}
            </button>
          ))}
        </nav>
      </header>
      <main class="content">
        <ErrorNotice message={error} />
        {welcome && (
          <section class="welcome" aria-labelledby="welcome-title">
            <h2 id="welcome-title">Добро пожаловать в «Координатор»</h2>
            <p>
              Файл данных пуст. Можно загрузить демонстрационный район — дорожную карту Управления образования
              г. Таганрога на 2022–2023 учебный год: 7 курируемых школ и 5 школ-наставников, 16 мероприятий, цикл из
              пяти вебинаров — или начать с чистого листа.
            </p>
            <p class="muted">Файл данных: {info?.data_file}</p>
            <div class="actions">
              <button class="primary" id="load-demo" onClick={loadDemo}>
                Загрузить демонстрационный район
              </button>
              <button onClick={() => setWelcome(false)}>Начать с пустого файла</button>
            </div>
          </section>
        )}
        <div key={generation}>
          {view === "schools" && <SchoolsView />}
          {view === "pairings" && <PairingsView />}
          {view === "plans" && <PlansView />}
          {view === "calendar" && <CalendarView />}
          {view === "webinars" && <WebinarsView />}
          {view === "orders" && <OrdersView />}
          {view === "documents" && <DocumentsView />}
          {view === "import" && <ImportView onImported={() => setWelcome(false)} />}
        </div>
      </main>
    </div>
  );
}
