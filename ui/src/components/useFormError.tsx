import { useState } from "preact/hooks";
import { AppError } from "../api/ipc";

/** A form's refused value: the message beside its field (or under the form when it names none). */
export function useFormError(fields: string[]) {
  const [error, setError] = useState<{ field: string | null; message: string } | null>(null);
  const fail = (e: unknown) =>
    setError(e instanceof AppError ? { field: e.field, message: e.message } : { field: null, message: String(e) });
  const beside = (field: string) =>
    error?.field === field ? (
      <span class="field-error" role="alert" id={`err-${field}`}>
        {error.message}
      </span>
    ) : null;
  const general =
    error && !fields.includes(error.field ?? "") ? (
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
