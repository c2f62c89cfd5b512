// Long work (a big import, a long document) shows where it is and can be stopped. Short work
// shows nothing: the bar appears only when the work has run for a moment.
import { useEffect, useRef, useState } from "preact/hooks";
import { api, AppError } from "../api/ipc";
import type { WorkStep } from "../api/bindings/WorkStep";

const SHOW_AFTER_MS = 400;

/** The latest step of a running work, for the bar alone: a step re-renders the bar, not the
 * view around it (a preview of 600 rows re-rendered at every step stalled the window's frames). */
class Steps {
  step: WorkStep | null = null;
  private listeners = new Set<(s: WorkStep | null) => void>();
  set(s: WorkStep | null) {
    this.step = s;
    for (const l of this.listeners) l(s);
  }
  listen(l: (s: WorkStep | null) => void) {
    this.listeners.add(l);
    return () => {
      this.listeners.delete(l);
    };
  }
}

/** `run(fn)` runs a long command, passing it the step listener; it gives `undefined` when the
 * person stopped it (said in `bar`, as news, not as an error); `bar` is what to render. */
export function useWork() {
  const [shown, setShown] = useState(false);
  const [stopped, setStopped] = useState<string | null>(null);
  const steps = useRef(new Steps()).current;

  async function run<T>(work: (onStep: (s: WorkStep) => void) => Promise<T>): Promise<T | undefined> {
    steps.set({ label: "Подготовка", done: 0, total: 1 });
    setStopped(null);
    const timer = window.setTimeout(() => setShown(true), SHOW_AFTER_MS);
    try {
      return await work((s) => steps.set(s));
    } catch (e) {
      if (e instanceof AppError && e.code === "cancelled") {
        setStopped(e.message);
        return undefined;
      }
      throw e;
    } finally {
      window.clearTimeout(timer);
      setShown(false);
      steps.set(null);
    }
  }

  const bar = shown ? (
    <WorkBar steps={steps} />
  ) : stopped ? (
    <p class="notice" role="status" id="work-stopped">
      {stopped}
    </p>
  ) : null;
  return { run, bar };
}

function WorkBar(props: { steps: Steps }) {
  const [stopping, setStopping] = useState(false);
  const [step, setStep] = useState(props.steps.step);
  useEffect(() => props.steps.listen(setStep), [props.steps]);
  if (!step) return null;
  const { label, done, total } = step;
  const n = (x: number) => x.toLocaleString("ru-RU");
  return (
    <div class="notice work-progress" role="status" id="work-progress">
      <span>
        {label}
        {total > 1 && `: ${n(done)} из ${n(total)}`}
      </span>
      <progress max={Math.max(total, 1)} value={done} />
      <button
        id="work-cancel"
        disabled={stopping}
        onClick={() => {
          setStopping(true);
          api.cancelWork();
        }}
      >
        {stopping ? "Останавливается…" : "Остановить"}
      </button>
    </div>
  );
}
