import { useState } from "preact/hooks";
import { api, errorText } from "../api/ipc";
import type { School } from "../api/bindings/School";
import type { SpeakerDraft } from "../api/bindings/SpeakerDraft";
import type { Webinar } from "../api/bindings/Webinar";
import { SchoolOptions } from "./SchoolOptions";

const EMPTY_SPEAKER: SpeakerDraft = { name: "", position: "", organisation: "" };

/** One session of a series: day, time, duration, topic, speakers, host school, link. */
export function WebinarForm(props: { webinar: Webinar; schools: School[]; onSaved: () => void; onCancel: () => void }) {
  const w = props.webinar;
  const [date, setDate] = useState(w.date);
  const [time, setTime] = useState(w.start_time ?? "");
  const [duration, setDuration] = useState(w.duration_minutes === null ? "" : String(w.duration_minutes));
  const [topic, setTopic] = useState(w.topic);
  const [host, setHost] = useState(w.host_school_id === null ? "" : String(w.host_school_id));
  const [link, setLink] = useState(w.link);
  const [speakers, setSpeakers] = useState<SpeakerDraft[]>(
    w.speakers.length ? w.speakers.map((s) => ({ name: s.name, position: s.position, organisation: s.organisation })) : [EMPTY_SPEAKER],
  );
  const [error, setError] = useState<string | null>(null);

  async function submit(e: Event) {
    e.preventDefault();
    setError(null);
    try {
      await api.updateWebinar(w.id, {
        date,
        start_time: time || null,
        duration_minutes: duration ? Number(duration) : null,
        topic,
        host_school_id: host ? Number(host) : null,
        link,
        speakers,
      });
      props.onSaved();
    } catch (err) {
      setError(errorText(err));
    }
  }

  const value = (set: (v: string) => void) => (e: Event) => set((e.target as HTMLInputElement).value);
  const setSpeaker = (i: number, field: keyof SpeakerDraft) => (e: Event) =>
    setSpeakers(speakers.map((s, j) => (j === i ? { ...s, [field]: (e.target as HTMLInputElement).value } : s)));
  return (
    <form class="webinar-form" id={`webinar-form-${w.id}`} onSubmit={submit} aria-label="Вебинар">
      <div class="form-grid">
        <label>
          <span>Дата</span>
          <input name="date" type="date" required value={date} onInput={value(setDate)} />
        </label>
        <label>
          <span>Начало</span>
          <input name="time" type="time" value={time} onInput={value(setTime)} />
        </label>
        <label>
          <span>Длительность, мин</span>
          <input name="duration" type="number" min={1} max={1440} value={duration} onInput={value(setDuration)} />
        </label>
        <label class="wide">
          <span>Тема</span>
          <input name="topic" value={topic} onInput={value(setTopic)} />
        </label>
        <label>
          <span>Площадка</span>
          <select name="host" value={host} onChange={(e) => setHost((e.target as HTMLSelectElement).value)}>
            <option value="">— не выбрана —</option>
            <SchoolOptions schools={props.schools} />
          </select>
        </label>
        <label class="span2">
          <span>Ссылка на трансляцию</span>
          <input name="link" type="url" value={link} onInput={value(setLink)} placeholder="https://" />
        </label>
      </div>
      <fieldset class="speakers">
        <legend>Выступающие</legend>
        {speakers.map((s, i) => (
          <div class="speaker-row" key={i}>
            <input aria-label="ФИО" placeholder="ФИО" name="speaker-name" value={s.name} onInput={setSpeaker(i, "name")} />
            <input aria-label="Должность" placeholder="должность" value={s.position} onInput={setSpeaker(i, "position")} />
            <input aria-label="Школа" placeholder="школа" value={s.organisation} onInput={setSpeaker(i, "organisation")} />
            <button type="button" class="link" onClick={() => setSpeakers(speakers.filter((_, j) => j !== i))}>
              убрать
            </button>
          </div>
        ))}
        <button type="button" class="link" onClick={() => setSpeakers([...speakers, EMPTY_SPEAKER])}>
          + выступающий
        </button>
      </fieldset>
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
      <div class="actions">
        <button class="primary" type="submit" id="save-webinar">
          Сохранить вебинар
        </button>
        <button type="button" onClick={props.onCancel}>
          Отмена
        </button>
      </div>
    </form>
  );
}
