import { useState } from "preact/hooks";
import { AppError } from "../api/ipc";
import type { ErrorField } from "../api/bindings/ErrorField";

/** A form's refused value: the message beside its field (or under the form when it names none).
 * `fields`: those of the backend's closed list (`ErrorField`) this form shows beside an input. */
export function useFormError(fields: readonly ErrorField[]) {
  const [error, setError] = useState<{ field: ErrorField | null; message: string } | null>(null);
  const fail = (e: unknown) =>
    setError(e instanceof AppError ? { field: e.field, message: e.message } : { field: null, message: String(e) });
  const beside = (field: string) =>
    error?.field === field ? (
      <span class="field-error" role="alert" id={`err-${field}`}>
        {error.message}
      </span>
    ) : null;
  const general =
    error && !(error.field && fields.includes(error.field)) ? (
      <p class="field-error" role="alert">
        {error.message}
      </p>
    ) : null;
  /** The user is fixing `field`: its old message goes. */
  const editing = (field: string) => {
    if (error?.field === field) setError(null);
  };
  return { error, fail, clear: () => setError(null), beside, general, editing };
}
