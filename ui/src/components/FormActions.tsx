/** The foot of a form: an existing record is saved as fields are left, so it only says so and
 * closes; a new one is created by its button. */
export function FormActions(props: {
  existing: boolean;
  saved: boolean;
  id: string;
  createLabel: string;
  busy?: boolean;
  onDone: () => void;
  onCancel: () => void;
}) {
  return (
    <div class="actions">
      {props.existing ? (
        <>
          <button type="button" class="primary" id={`close-${props.id}`} onClick={props.onDone}>
            Готово
          </button>
          <span class="small muted" role="status">
            {props.saved ? "Изменения сохранены." : "Изменения сохраняются сразу, как только поле оставлено."}
          </span>
        </>
      ) : (
        <>
          <button class="primary" type="submit" id={`save-${props.id}`} disabled={props.busy}>
            {props.createLabel}
          </button>
          <button type="button" onClick={props.onCancel}>
            Отмена
          </button>
        </>
      )}
    </div>
  );
}
