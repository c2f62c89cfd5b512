// The calendar in the real window: the demo's webinar sessions in the month view, a session
// moved to another day, an event marked done with its evidence, the filters, a session
// rewritten in the panel onto a holiday and flagged; after a restart all of it is still so.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { BINARY, answerFileDialog, dataFile, openApp, openCalendarAt, screenshot, waitFor, withDriver } from "./driver.mjs";

const { dir, db } = dataFile({ demo: true });
withDriver();

async function dayText(browser, date) {
  return browser.execute((date) => document.querySelector(`#calendar td[data-date="${date}"]`)?.textContent ?? "", date);
}

async function clickEntry(browser, text) {
  const ok = await browser.execute((text) => {
    const el = [...document.querySelectorAll("#calendar .fc-event")].find((e) => e.textContent.includes(text));
    el?.click();
    return !!el;
  }, text);
  assert.ok(ok, `no calendar entry «${text}»`);
  await (await browser.$("#entry-panel")).waitForExist({ timeout: 10000 });
}

test("sessions in the month view; one moved, an event marked done, both kept", async () => {
  let browser = await openApp(db);
  try {
    await openCalendarAt(browser, "2023-04");
    await browser.waitUntil(async () => (await dayText(browser, "2023-04-27")).includes("Вебинар"), {
      timeout: 10000,
      timeoutMsg: "the 27 April session is not in the month view",
    });
    await screenshot(browser, "calendar-month");

    // «Перейти к месяцу» follows the grid when it is paged with its own arrows.
    await (await browser.$("#calendar .fc-next-button")).click();
    await browser.waitUntil(async () => (await browser.execute(() => document.getElementById("goto-month").value)) === "2023-05", {
      timeout: 5000,
      timeoutMsg: "«Перейти к месяцу» does not show the grid's month",
    });
    await (await browser.$("#calendar .fc-prev-button")).click();

    await clickEntry(browser, "Система восполнения");
    // With the side panel open all seven days stay inside the grid.
    await browser.waitUntil(
      async () =>
        browser.execute(() => {
          const grid = document.getElementById("calendar").getBoundingClientRect();
          const heads = [...document.querySelectorAll("#calendar .fc-col-header-cell")];
          return heads.length === 7 && heads.every((h) => h.getBoundingClientRect().right <= grid.right + 1);
        }),
      { timeout: 5000, timeoutMsg: "the side panel hides days of the week" },
    );
    await browser.execute(() => {
      const input = document.getElementById("webinar-date");
      input.value = "2023-04-28";
      input.dispatchEvent(new Event("input", { bubbles: true }));
    });
    await (await browser.$("#move-webinar")).click();
    await browser.waitUntil(async () => (await dayText(browser, "2023-04-28")).includes("Вебинар"), {
      timeout: 10000,
      timeoutMsg: "the session did not move to 28 April",
    });

    await openCalendarAt(browser, "2023-03");
    await browser.waitUntil(async () => (await dayText(browser, "2023-03-10")).includes("Разработка локальных актов"), {
      timeout: 10000,
      timeoutMsg: "the deadline of event 3 is not on 10 March",
    });
    await clickEntry(browser, "Разработка локальных актов");
    await (await browser.$("#entry-panel select")).selectByAttribute("value", "done");
    await (await browser.$("#completion-mark")).setValue("Положение утверждено");
    await (await browser.$("#evidence")).setValue("Приказ № 215 от 10.03.2023");
    await (await browser.$("#save-status")).click();
    await browser.waitUntil(
      async () => browser.execute(() => !!document.querySelector("#calendar .progress-done")),
      { timeout: 10000, timeoutMsg: "the event is not shown as done" },
    );

    // Filters: only webinars, then only what is done.
    await openCalendarAt(browser, "2023-05");
    const setFilter = (id, value) =>
      browser.execute(
        (id, value) => {
          const select = document.getElementById(id);
          select.value = value;
          select.dispatchEvent(new Event("change", { bubbles: true }));
        },
        id,
        value,
      );
    const shown = () =>
      browser.execute(() => {
        const all = [...document.querySelectorAll("#calendar .fc-event")];
        return { all: all.length, webinars: all.filter((e) => e.classList.contains("entry-webinar")).length };
      });
    await browser.waitUntil(async () => (await shown()).all > (await shown()).webinars, { timeout: 10000 });
    await setFilter("filter-status", "webinar");
    await browser.waitUntil(async () => {
      const n = await shown();
      return n.all > 0 && n.all === n.webinars;
    }, { timeout: 10000, timeoutMsg: "the «только вебинары» filter shows other entries" });
    await screenshot(browser, "calendar-filtered");
    await setFilter("filter-status", "");
    // One person, one entry: the demo writes Баркалова Е.В. with two positions (coordinator of
    // the plan, and in thirteen events); only people some event or session names are offered.
    const people = await browser.execute(() => [...document.querySelectorAll("#filter-executor option")].map((o) => o.textContent));
    assert.equal(people.filter((p) => p === "Баркалова Е.В.").length, 1, people.join(", "));
    assert.equal(people.length, 11, people.join(", "));
    await setFilter("filter-executor", await browser.execute(() => [...document.querySelectorAll("#filter-executor option")].find((o) => o.textContent === "Баркалова Е.В.").value));
    await browser.waitUntil(async () => (await shown()).all > 0 && (await shown()).webinars === 0, {
      timeout: 10000,
      timeoutMsg: "the executor filter shows nothing or shows sessions she does not speak at",
    });
    await setFilter("filter-executor", "");

    // A session rewritten in the panel: onto Victory Day at 15:30 — allowed, and flagged.
    await clickEntry(browser, "Реализация программы");
    await (await browser.$("#edit-webinar")).click();
    await waitFor(browser, "#entry-panel .webinar-form");
    await browser.execute(() => {
      const set = (name, value) => {
        const input = document.querySelector(`#entry-panel .webinar-form [name="${name}"]`);
        input.value = value;
        input.dispatchEvent(new Event("input", { bubbles: true }));
      };
      set("date", "2023-05-09");
      set("time", "15:30");
      set("speaker-name", "Сидорова Н.В.");
    });
    await (await browser.$("#save-webinar")).click();
    await browser.waitUntil(
      async () =>
        browser.execute(() => {
          const el = document.querySelector('#calendar td[data-date="2023-05-09"] .has-conflict');
          const panel = document.getElementById("entry-panel")?.textContent ?? "";
          return !!el && el.textContent.includes("⚠") && panel.includes("в праздничный день (День Победы)");
        }),
      { timeout: 10000, timeoutMsg: "the session on 9 May is not flagged" },
    );
    await screenshot(browser, "calendar-conflict");
    await (await browser.$(".fc-timeGridWeek-button")).click();
    await screenshot(browser, "calendar-week");
    assert.ok(await (await browser.$("#export-ics")).isEnabled());
    // «Выгрузить в ICS…» through GTK's real save dialog (answered with xdotool).
    const ics = join(dir, "window.ics");
    await (await browser.$("#export-ics")).click();
    await answerFileDialog("Сохранить календарь", ics);
    await browser.waitUntil(async () => (await browser.execute(() => document.body.textContent)).includes(`Календарь сохранён: ${ics}`), {
      timeout: 15000,
      timeoutMsg: "the calendar was not saved where the dialog was answered",
    });
  } finally {
    await browser.deleteSession();
  }

  browser = await openApp(db);
  try {
    await openCalendarAt(browser, "2023-04");
    await browser.waitUntil(async () => (await dayText(browser, "2023-04-28")).includes("Вебинар"), {
      timeout: 10000,
      timeoutMsg: "after a restart the session is back on its old day",
    });
    assert.ok(!(await dayText(browser, "2023-04-27")).includes("Система восполнения"));
    await openCalendarAt(browser, "2023-05");
    await browser.waitUntil(async () => (await dayText(browser, "2023-05-09")).includes("15:30"), {
      timeout: 10000,
      timeoutMsg: "after a restart the rewritten session is not on 9 May at 15:30",
    });
  } finally {
    await browser.deleteSession();
  }
  const events = JSON.parse(execFileSync(BINARY, ["--db", db, "events", "--plan", "1", "--json"], { encoding: "utf8" }));
  const third = events.find((e) => e.number === "3");
  assert.equal(third.status, "done");
  assert.equal(third.completion_mark, "Положение утверждено");
  assert.equal(third.evidence, "Приказ № 215 от 10.03.2023");
  const ics = join(dir, "series.ics");
  execFileSync(BINARY, ["--db", db, "ics", "--plan", "1", "--series", "1", "--out", ics]);
  assert.match(readFileSync(ics, "utf8"), /DTSTART;VALUE=DATE:20230428/);
  const fromWindow = readFileSync(join(dir, "window.ics"), "utf8").replace(/\r\n /g, "");
  assert.equal((fromWindow.match(/BEGIN:VEVENT/g) ?? []).length > 5, true);
  assert.match(fromWindow, /UID:webinar-1@koordinator/);
});
