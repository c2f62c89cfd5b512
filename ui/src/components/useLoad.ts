import { useCallback, useEffect, useState } from "preact/hooks";
import { errorText } from "../api/ipc";
import { onDataChanged } from "../api/changes";

/** Loads data from the backend and reloads when `deps` change, and whenever the data changed
 * elsewhere (undo, redo, another program); errors become Russian messages. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    setError(null);
    load().then(
      (d) => live && setData(d),
      (e) => live && setError(errorText(e)),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  useEffect(() => onDataChanged(reload), [reload]);
  return { data, error, reload };
}
