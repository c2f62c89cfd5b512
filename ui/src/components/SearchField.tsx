/** A toolbar's «Поиск» box: what it finds is the one rule of ../search.ts. */
export function SearchField(props: { id: string; value: string; placeholder: string; onChange: (v: string) => void }) {
  return (
    <label>
      Поиск{" "}
      <input
        id={props.id}
        type="search"
        value={props.value}
        placeholder={props.placeholder}
        onInput={(e) => props.onChange((e.target as HTMLInputElement).value)}
      />
    </label>
  );
}
