import { useEffect, useState } from "preact/hooks";
import { listen } from "@tauri-apps/api/event";
import { api, errorText } from "./api/ipc";
import type { AppInfo } from "./api/bindings/AppInfo";
import { ErrorNotice } from "./components/Notice";
import { Welcome } from "./components/Welcome";
import { SchoolsView } from "./views/Schools";
import { PairingsView } from "./views/Pairings";
import { PlansView } from "./views/Plans";
import { CalendarView } from "./views/Calendar";
import { WebinarsView } from "./views/Webinars";
import { DocumentsView } from "./views/Documents";
import { ProgressView } from "./views/Progress";
import { ImportView } from "./views/Import";
import { OrdersView } from "./views/Orders";
import { HistoryView } from "./views/History";
import { DataFileView } from "./views/DataFile";
import { ResultsView } from "./views/Results";
import { RegionView } from "./views/Region";
import { announceDataChanged, typing } from "./api/changes";
import type { HistoryState } from "./api/bindings/HistoryState";

const VIEWS = [
  ["region", "Районы"],
  ["schools", "Школы"],
  ["pairings", "Наставничество"],
  ["plans", "Дорожные карты"],
  ["calendar", "Календарь"],
  ["progress", "Ход работы"],
  ["webinars", "Вебинары"],
  ["orders", "Приказы"],
  ["results", "Результаты"],
  ["documents", "Документы"],
  ["import", "Импорт"],
  ["history", "Журнал"],
  ["file", "Файл данных"],
] as const;

type View = (typeof VIEWS)[number][0];

/** A region's file gathers districts' packages: its own views are these. */
const REGION_VIEWS: View[] = ["region", "history", "file"];

export function App() {
  const [view, setView] = useState<View>("schools");
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [welcome, setWelcome] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Bumped after the demo loads so that every view reads the new data.
  const [generation, setGeneration] = useState(0);
  // The plan «Дорожные карты» opens on when another view sends the person there.
  const [planToOpen, setPlanToOpen] = useState<number | null>(null);

  useEffect(() => {
    api.appInfo().then(
      (i) => {
        setInfo(i);
        setWelcome(i.first_start);
        if (i.region) setView("region");
      },
      (e) => setError(errorText(e)),
    );
  }, []);

  const [history, setHistory] = useState<HistoryState | null>(null);
  const refreshHistory = () => api.history().then(setHistory, () => {});

  // Undo and redo belong to the whole window: Ctrl+Z / Ctrl+Shift+Z (or Ctrl+Y) take back or
  // make again the newest change, whichever view made it. Inside a text field they stay the
  // field's own undo of typing.
  const [stepNote, setStepNote] = useState<string | null>(null);
  async function step(undo: boolean) {
    setError(null);
    try {
      const done = await (undo ? api.undo() : api.redo());
      setHistory(done.state);
      setStepNote(done.message);
      announceDataChanged();
    } catch (e) {
      setError(errorText(e));
    }
  }
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey)) return;
      const key = e.key.toLowerCase();
      const isZ = key === "z" || key === "я" || e.code === "KeyZ";
      const isY = key === "y" || key === "н" || e.code === "KeyY";
      if (!isZ && !isY) return;
      const t = e.target as HTMLElement;
      if (t.tagName === "INPUT" || t.tagName === "TEXTAREA") return;
      e.preventDefault();
      step(isZ && !e.shiftKey);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  // Changes made by another program (the command line) on the same file appear here: SQLite's
  // data_version is read on focus and every two seconds, and a move makes every view read again
  // — but never while the person is typing, so a reload cannot rebuild the field they type in.
  useEffect(() => {
    let seen: number | null = null;
    let pending = false;
    const check = async () => {
      refreshHistory();
      try {
        const v = await api.dataVersion();
        if (seen !== null && v !== seen) pending = true;
        seen = v;
      } catch {
        return;
      }
      if (pending && !typing()) {
        pending = false;
        announceDataChanged();
      }
    };
    check();
    const timer = window.setInterval(check, 2000);
    window.addEventListener("focus", check);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener("focus", check);
    };
  }, []);

  // A second start on this data file brings this window forward instead of opening another
  // (the event is instance::RAISED in Rust); the person is told why no new window appeared.
  const [raised, setRaised] = useState(false);
  useEffect(() => {
    let hide = 0;
    const stop = listen("instance-raised", () => {
      setRaised(true);
      window.clearTimeout(hide);
      hide = window.setTimeout(() => setRaised(false), 10000);
    });
    return () => {
      window.clearTimeout(hide);
      stop.then((unlisten) => unlisten());
    };
  }, []);

  async function becomeRegion() {
    try {
      await api.becomeRegion();
      setInfo(await api.appInfo());
      setWelcome(false);
      setView("region");
    } catch (e) {
      setError(errorText(e));
    }
  }

  async function loadDemo() {
    try {
      await api.loadDemo();
      setWelcome(false);
      setGeneration((g) => g + 1);
      setView("schools");
    } catch (e) {
      setError(errorText(e));
    }
  }

  return (
    <div class="shell">
      <header class="topbar">
        <span class="brand">Координатор</span>
        <nav aria-label="Разделы">
          {VIEWS.filter(([id]) => (info?.region ? REGION_VIEWS.includes(id) : id !== "region")).map(([id, label]) => (
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
        <span class="spacer" />
        <div class="history-buttons" role="group" aria-label="История изменений">
          <button
            id="undo"
            onClick={() => step(true)}
            aria-label="Отменить"
            title={history?.next_undo ? `Отменить: ${history.next_undo} (Ctrl+Z)` : "Нечего отменять"}
          >
            ↶
          </button>
          <button
            id="redo"
            onClick={() => step(false)}
            aria-label="Повторить"
            title={history?.next_redo ? `Повторить: ${history.next_redo} (Ctrl+Shift+Z)` : "Нечего повторять"}
          >
            ↷
          </button>
        </div>
      </header>
      <main class="content">
        <ErrorNotice message={error} />
        {info?.read_only && (
          <p class="notice" role="status" id="read-only">
            {info.read_only}
          </p>
        )}
        {stepNote && (
          <p class="notice ok" role="status" id="history-step">
            {stepNote}{" "}
            <button class="link" onClick={() => setStepNote(null)} aria-label="Скрыть">
              ×
            </button>
          </p>
        )}
        {raised && (
          <div class="notice ok" role="status" id="instance-raised">
            «Координатор» с этим файлом данных уже открыт — вот его окно. Второе окно на тот же файл не открывается,
            чтобы изменения не расходились.
          </div>
        )}
        {welcome && (
          <Welcome
            dataFile={info?.data_file ?? ""}
            onDemo={loadDemo}
            onImport={() => {
              setWelcome(false);
              setView("import");
            }}
            onEmpty={() => setWelcome(false)}
            onRegion={becomeRegion}
          />
        )}
        <div key={generation}>
          {view === "region" && <RegionView />}
          {view === "schools" && <SchoolsView />}
          {view === "pairings" && <PairingsView />}
          {view === "plans" && <PlansView key={planToOpen ?? "first"} initialPlan={planToOpen} />}
          {view === "calendar" && <CalendarView />}
          {view === "progress" && <ProgressView />}
          {view === "webinars" && <WebinarsView />}
          {view === "orders" && <OrdersView />}
          {view === "results" && <ResultsView />}
          {view === "documents" && <DocumentsView />}
          {view === "import" && (
            <ImportView
              onImported={() => setWelcome(false)}
              onOpenPlan={(id) => {
                setPlanToOpen(id);
                setView("plans");
              }}
            />
          )}
          {view === "history" && <HistoryView />}
          {view === "file" && <DataFileView info={info} />}
        </div>
      </main>
    </div>
  );
}
