/** The district's schools as a select's options, by short name (the value is the school's id). */
export function SchoolOptions(props: { schools: readonly { id: number; short_name: string }[] }) {
  return (
    <>
      {props.schools.map((s) => (
        <option key={s.id} value={s.id}>
          {s.short_name}
        </option>
      ))}
    </>
  );
}
