export function ErrorNotice({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p class="notice error" role="alert">
      {message}
    </p>
  );
}

export function Loading() {
  return <p class="muted">Загрузка…</p>;
}
