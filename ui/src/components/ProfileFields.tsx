import type { DistrictProfile } from "../api/bindings/DistrictProfile";

/** The district's profile, field by field: one list for the welcome panel and «Файл данных».
 * The issuer's genitive is not asked: documents decline the issuer themselves («к приказу
 * Управления образования …»). */
const FIELDS: [keyof DistrictProfile, string, string][] = [
  ["issuer", "Орган управления образованием", "Управление образования г. Таганрога"],
  ["coordinator", "Муниципальный координатор", "Баркалова Е.В., главный специалист"],
  ["head", "Кто подписывает приказы", "Морозова О.Л., начальник Управления образования"],
  ["district", "Муниципальное образование", "г. Таганрог"],
  ["oktmo", "Код ОКТМО (для сводки региона)", "60737000"],
];

export const EMPTY_PROFILE: DistrictProfile = {
  issuer: "",
  issuer_genitive: "",
  coordinator: "",
  head: "",
  district: "",
  oktmo: "",
};

export function ProfileFields(props: { profile: DistrictProfile; invalid?: keyof DistrictProfile | null; onChange: (p: DistrictProfile) => void }) {
  return (
    <div class="form-grid">
      {FIELDS.map(([key, label, placeholder]) => (
        <label key={key}>
          <span>{label}</span>
          <input
            id={`profile-${key}`}
            value={props.profile[key]}
            placeholder={placeholder}
            aria-invalid={props.invalid === key ? "true" : undefined}
            onInput={(e) => props.onChange({ ...props.profile, [key]: (e.target as HTMLInputElement).value })}
          />
        </label>
      ))}
    </div>
  );
}
