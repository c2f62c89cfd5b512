import { useState } from "preact/hooks";
import { api, errorText } from "../api/ipc";
import { announceDataChanged } from "../api/changes";
import type { AppInfo } from "../api/bindings/AppInfo";
import type { Backup } from "../api/bindings/Backup";
import { ErrorNotice, Loading } from "../components/Notice";
import { ruDateTime } from "../format";
import { useLoad } from "../components/useLoad";
import { ProfileFields } from "../components/ProfileFields";
import type { DistrictProfile } from "../api/bindings/DistrictProfile";

/** «Файл данных»: where the data lives, backups (list, make one now, restore) and «О программе». */
export function DataFileView({ info }: { info: AppInfo | null }) {
  const backups = useLoad(() => api.listBackups(), []);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const fail = (e: unknown) => setError(errorText(e));

  async function makeNow() {
    setError(null);
    try {
      const b = await api.makeBackup();
      setNote(`Резервная копия сделана: ${b.path}`);
      backups.reload();
    } catch (e) {
      fail(e);
    }
  }

  const [confirming, setConfirming] = useState<Backup | null>(null);
  // The copy made just before the last restore: restoring it takes that restore back.
  const [undoRestore, setUndoRestore] = useState<Backup | null>(null);

  async function restore(b: Backup, takingBack = false) {
    setConfirming(null);
    setError(null);
    try {
      const before = await api.restoreBackup(b.path);
      setNote(
        takingBack
          ? "Восстановление отменено: данные такие, какими были до него."
          : `Данные восстановлены из копии от ${ruDateTime(b.at)}. Прежнее состояние сохранено: ${before.path}`,
      );
      setUndoRestore(takingBack ? null : before);
      backups.reload();
      announceDataChanged();
    } catch (e) {
      fail(e);
    }
  }

  async function sendToRegion() {
    setError(null);
    try {
      const name = await api.packageName();
      const path = await api.chooseFile({
        kind: "save",
        title: "Пакет района для региона",
        file_name: name,
        filters: [{ name: "Пакет района", extensions: ["koord"] }],
      });
      if (!path) return;
      const m = await api.makePackage(path);
      setNote(
        `Пакет района «${m.district_name}» (ОКТМО ${m.district_code}) сохранён: ${path}. Отправьте этот файл в регион — по почте или на флешке.`,
      );
    } catch (e) {
      fail(e);
    }
  }

  const loaded = useLoad(() => api.districtProfile(), []);
  const [profile, setProfile] = useState<DistrictProfile | null>(null);
  const shown = profile ?? loaded.data;
  async function saveProfile(e: Event) {
    e.preventDefault();
    if (!shown) return;
    setError(null);
    try {
      await api.saveDistrictProfile(shown);
      setProfile(null);
      setNote("Сведения о районе сохранены: они попадут в новые приказы, дорожные карты и справки.");
      announceDataChanged();
    } catch (err) {
      fail(err);
    }
  }

  return (
    <section aria-labelledby="file-title">
      <div class="toolbar">
        <h1 id="file-title">Файл данных</h1>
      </div>
      <ErrorNotice message={error ?? backups.error} />
      {note && (
        <p class="notice" role="status" id="backup-note">
          {note}{" "}
          {undoRestore && (
            <button class="link" id="undo-restore" onClick={() => restore(undoRestore, true)}>
              Вернуть как было до восстановления
            </button>
          )}
        </p>
      )}
      <form class="panel" id="profile-form" onSubmit={saveProfile} aria-labelledby="profile-title">
        <h2 id="profile-title">Сведения о районе</h2>
        {shown ? <ProfileFields profile={shown} onChange={setProfile} /> : <Loading />}
        <div class="actions">
          <button class="primary" type="submit" id="save-profile" disabled={profile === null}>
            Сохранить
          </button>
        </div>
      </form>
      {!info?.region && (
        <div class="panel" id="send-to-region">
          <h2>Отправить в регион</h2>
          <p>
            Весь район — сведения о районе, школы и их категории, наставничество, дорожные карты с отметками о
            выполнении, вебинары, риски и результаты — одним файлом .koord. Регион принимает его в своём «Координаторе»
            и видит район рядом с другими; ничего не нужно перепечатывать. Нужен код ОКТМО в сведениях о районе.
          </p>
          <button id="make-package" onClick={sendToRegion} disabled={!!info?.read_only}>
            Сохранить пакет района…
          </button>
        </div>
      )}
      <dl class="facts" id="about">
        <dt>Программа</dt>
        <dd>«Координатор», версия {info?.version ?? "…"}</dd>
        <dt>Файл данных</dt>
        <dd id="data-file">{info?.data_file}</dd>
        <dt>Резервные копии</dt>
        <dd>{info?.backups_folder}</dd>
        <dt>Журнал ошибок</dt>
        <dd id="log-file">{info?.log_file || "—"}</dd>
      </dl>
      <p class="muted">
        Весь район хранится в одном файле данных. Чтобы перенести работу на другой компьютер, скопируйте этот файл
        (программа должна быть закрыта) или сохраните дорожную карту пакетом .json. Резервная копия делается при
        первом запуске каждого дня; хранятся все копии последнего дня, по одной за 14 дней и по одной за 12 месяцев.
      </p>
      <div class="toolbar">
        <h2>Резервные копии</h2>
        <button id="backup-now" onClick={makeNow}>
          Сделать копию сейчас
        </button>
      </div>
      {!backups.data ? (
        <Loading />
      ) : backups.data.length === 0 ? (
        <p>Резервных копий пока нет.</p>
      ) : (
        <table class="grid" id="backups">
          <thead>
            <tr>
              <th>Сделана</th>
              <th>Повод</th>
              <th>Размер</th>
              <th>Файл</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {backups.data.map((b) => (
              <tr key={b.path}>
                <td class="nowrap">{ruDateTime(b.at)}</td>
                <td class="nowrap backup-kind">{b.label}</td>
                <td class="nowrap">{Math.max(1, Math.ceil(b.size / 1024))} КБ</td>
                <td class="muted">{b.path}</td>
                <td class="nowrap">
                  {confirming?.path === b.path ? (
                    <span role="group" aria-label="Подтверждение">
                      Заменить текущие данные этой копией?{" "}
                      <button class="link restore-yes" onClick={() => restore(b)}>
                        Да, восстановить
                      </button>{" "}
                      <button class="link" onClick={() => setConfirming(null)}>
                        Нет
                      </button>
                    </span>
                  ) : (
                    <button class="link restore" onClick={() => setConfirming(b)} title="Текущее состояние сначала будет сохранено в новую копию">
                      Восстановить
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>О программе</h2>
      <p>
        Шрифты Liberation Serif и Liberation Sans — лицензия SIL Open Font License 1.1. Программа построена на Tauri,
        SQLite, printpdf, rusqlite, Preact и FullCalendar (лицензии MIT, Apache 2.0, общественное достояние).
      </p>
    </section>
  );
}
