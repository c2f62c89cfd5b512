// Long work (a big import, a long document) shows where it is and can be stopped. Short work
// shows nothing: the bar appears only when the work has run for a moment.
import { useRef, useState } from "preact/hooks";
import { api, AppError } from "../api/ipc";
import type { WorkStep } from "../api/bindings/WorkStep";

const SHOW_AFTER_MS = 400;

/** `run(fn)` runs a long command, passing it the step listener; it gives `undefined` when the
 * person stopped it (said in `bar`, as news, not as an error); `bar` is what to render. */
export function useWork() {
  const [step, setStep] = useState<WorkStep | null>(null);
  const [shown, setShown] = useState(false);
  const [stopped, setStopped] = useState<string | null>(null);
  const latest = useRef<WorkStep | null>(null);

  async function run<T>(work: (onStep: (s: WorkStep) => void) => Promise<T>): Promise<T | undefined> {
    latest.current = { label: "Подготовка", done: 0, total: 1 };
    setStep(latest.current);
    setStopped(null);
    const timer = window.setTimeout(() => setShown(true), SHOW_AFTER_MS);
    try {
      return await work((s) => {
        latest.current = s;
        setStep(s);
      });
    } catch (e) {
      if (e instanceof AppError && e.code === "cancelled") {
        setStopped(e.message);
        return undefined;
      }
      throw e;
    } finally {
      window.clearTimeout(timer);
      setShown(false);
      setStep(null);
    }
  }

  const bar =
    shown && step ? (
      <WorkBar step={step} />
    ) : stopped ? (
      <p class="notice" role="status" id="work-stopped">
        {stopped}
      </p>
    ) : null;
  return { run, bar };
}

function WorkBar(props: { step: WorkStep }) {
  const [stopping, setStopping] = useState(false);
  const { label, done, total } = props.step;
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
