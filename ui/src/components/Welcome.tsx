import { useState } from "preact/hooks";
import { api, errorText } from "../api/ipc";
import type { DistrictProfile } from "../api/bindings/DistrictProfile";
import { EMPTY_PROFILE, ProfileFields } from "./ProfileFields";

/** The first start on an empty data file: who the district is, then three ways on. */
export function Welcome(props: {
  dataFile: string;
  onDemo: () => void;
  onImport: () => void;
  onEmpty: () => void;
  /** The file becomes a region's: it gathers districts' packages. */
  onRegion: () => void;
}) {
  const [profile, setProfile] = useState<DistrictProfile>(EMPTY_PROFILE);
  const [error, setError] = useState<string | null>(null);

  /** Saves what was typed (if anything), then goes on. */
  async function go(next: () => void) {
    setError(null);
    const typed = Object.values(profile).some((v) => v.trim() !== "");
    try {
      if (typed) await api.saveDistrictProfile(profile);
      next();
    } catch (e) {
      setError(errorText(e));
    }
  }

  return (
    <section class="welcome" aria-labelledby="welcome-title">
      <h2 id="welcome-title">Добро пожаловать в «Координатор»</h2>
      <p>
        Файл данных пуст. Укажите, для кого вы работаете, — эти сведения попадут в приказы и документы (их можно
        оставить пустыми и заполнить позже).
      </p>
      <ProfileFields profile={profile} invalid={error !== null ? "issuer" : null} onChange={setProfile} />
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
      <p class="small">
        Работаете в регионе и собираете пакеты районов?{" "}
        <button class="link" id="start-region" onClick={props.onRegion}>
          Сделать этот файл файлом региона
        </button>
      </p>
      <p class="small muted">
        Демонстрационный район — дорожная карта Управления образования г. Таганрога на 2022–2023 учебный год: 7
        курируемых школ и 5 школ-наставников, 16 мероприятий, цикл из пяти вебинаров; для раздела «Результаты» —
        придуманные результаты ВПР 2021–2023 и шесть школ для сравнения.
      </p>
    </section>
  );
}
