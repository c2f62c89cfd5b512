import { useState } from "preact/hooks";
import { api, AppError } from "../api/ipc";
import type { DistrictProfile } from "../api/bindings/DistrictProfile";

/** The first start on an empty data file: who the district is, then three ways on. */
export function Welcome(props: {
  dataFile: string;
  onDemo: () => void;
  onImport: () => void;
  onEmpty: () => void;
}) {
  const [profile, setProfile] = useState<DistrictProfile>({
    issuer: "",
    issuer_genitive: "",
    coordinator: "",
    head: "",
    oktmo: "",
  });
  const [error, setError] = useState<string | null>(null);
  const field = (key: keyof DistrictProfile, label: string, placeholder: string) => (
    <label>
      <span>{label}</span>
      <input
        id={`profile-${key}`}
        value={profile[key]}
        placeholder={placeholder}
        aria-invalid={error !== null && key === "issuer" ? "true" : undefined}
        onInput={(e) => setProfile({ ...profile, [key]: (e.target as HTMLInputElement).value })}
      />
    </label>
  );

  /** Saves what was typed (if anything), then goes on. */
  async function go(next: () => void) {
    setError(null);
    const typed = Object.values(profile).some((v) => v.trim() !== "");
    try {
      if (typed) await api.saveDistrictProfile(profile);
      next();
    } catch (e) {
      setError(e instanceof AppError ? e.message : String(e));
    }
  }

  return (
    <section class="welcome" aria-labelledby="welcome-title">
      <h2 id="welcome-title">Добро пожаловать в «Координатор»</h2>
      <p>
        Файл данных пуст. Укажите, для кого вы работаете, — эти сведения попадут в приказы и документы (их можно
        оставить пустыми и заполнить позже).
      </p>
      <div class="form-grid">
        {field("issuer", "Орган управления образованием", "Управление образования г. Таганрога")}
        {field("issuer_genitive", "То же в родительном падеже (для «Приказ …»)", "Управления образования г. Таганрога")}
        {field("coordinator", "Муниципальный координатор", "Баркалова Е.В., главный специалист")}
        {field("head", "Кто подписывает приказы", "Морозова О.Л., начальник Управления образования")}
        {field("oktmo", "Код ОКТМО района (для сводки региона)", "60737000")}
      </div>
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
      <p class="muted">Файл данных: {props.dataFile}</p>
      <div class="actions">
        <button class="primary" id="load-demo" onClick={() => go(props.onDemo)}>
          Загрузить демонстрационный район
        </button>
        <button id="start-import" onClick={() => go(props.onImport)}>
          Импортировать дорожную карту из Word или Excel
        </button>
        <button id="start-empty" onClick={() => go(props.onEmpty)}>
          Начать с пустого файла
        </button>
      </div>
      <p class="small muted">
        Демонстрационный район — дорожная карта Управления образования г. Таганрога на 2022–2023 учебный год: 7
        курируемых школ и 5 школ-наставников, 16 мероприятий, цикл из пяти вебинаров; для раздела «Результаты» —
        придуманные результаты ВПР 2021–2023 и шесть школ для сравнения.
      </p>
    </section>
  );
}
