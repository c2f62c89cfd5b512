// The calendar in the real window: the demo's webinar sessions in the month view, a session
// moved to another day, an event marked done; after a restart both are still so.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { BINARY, dataFile, openApp, screenshot, withDriver } from "./driver.mjs";

const { dir, db } = dataFile({ demo: true });
withDriver();

async function openCalendarAt(browser, month) {
  const nav = await browser.$('button[data-view="calendar"]');
  await nav.waitForClickable({ timeout: 15000 });
  await nav.click();
  await (await browser.$("#calendar .fc-daygrid")).waitForExist({ timeout: 10000 });
  await browser.execute((month) => {
    const input = document.getElementById("goto-month");
    input.value = month;
    input.dispatchEvent(new Event("change", { bubbles: true }));
  }, month);
}

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
  await (await browser.$("#entry-panel")).waitForExist({ timeout: 5000 });
}

test("sessions in the month view; one moved, an event marked done, both kept", async () => {
  let browser = await openApp(db);
  try {
    await openCalendarAt(browser, "2023-04");
    await browser.waitUntil(async () => (await dayText(browser, "2023-04-27")).includes("Вебинар"), {
      timeout: 5000,
      timeoutMsg: "the 27 April session is not in the month view",
    });
    await screenshot(browser, "calendar-month");

    await clickEntry(browser, "Система восполнения");
    await browser.execute(() => {
      const input = document.getElementById("webinar-date");
      input.value = "2023-04-28";
      input.dispatchEvent(new Event("input", { bubbles: true }));
    });
    await (await browser.$("#move-webinar")).click();
    await browser.waitUntil(async () => (await dayText(browser, "2023-04-28")).includes("Вебинар"), {
      timeout: 5000,
      timeoutMsg: "the session did not move to 28 April",
    });

    await openCalendarAt(browser, "2023-03");
    await browser.waitUntil(async () => (await dayText(browser, "2023-03-10")).includes("Разработка локальных актов"), {
      timeout: 5000,
      timeoutMsg: "the deadline of event 3 is not on 10 March",
    });
    await clickEntry(browser, "Разработка локальных актов");
    await (await browser.$("#entry-panel select")).selectByAttribute("value", "done");
    await (await browser.$("#completion-mark")).setValue("Положение утверждено");
    await (await browser.$("#save-status")).click();
    await browser.waitUntil(
      async () => browser.execute(() => !!document.querySelector("#calendar .progress-done")),
      { timeout: 5000, timeoutMsg: "the event is not shown as done" },
    );
    await (await browser.$(".fc-timeGridWeek-button")).click();
    await screenshot(browser, "calendar-week");
    assert.ok(await (await browser.$("#export-ics")).isEnabled());
    // The command behind «Выгрузить в ICS…» (the native dialog cannot be driven).
    const written = await browser.executeAsync((path, done) => {
      window.__TAURI_INTERNALS__
        .invoke("export_calendar", { planId: 1, path })
        .then(() => done(true), (e) => done(JSON.stringify(e)));
    }, join(dir, "window.ics"));
    assert.equal(written, true);
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
  } finally {
    await browser.deleteSession();
  }
  const events = JSON.parse(execFileSync(BINARY, ["--db", db, "events", "--plan", "1", "--json"], { encoding: "utf8" }));
  const third = events.find((e) => e.number === "3");
  assert.equal(third.status, "done");
  assert.equal(third.completion_mark, "Положение утверждено");
  const ics = join(dir, "series.ics");
  execFileSync(BINARY, ["--db", db, "ics", "--plan", "1", "--series", "1", "--out", ics]);
  assert.match(readFileSync(ics, "utf8"), /DTSTART;VALUE=DATE:20230428/);
  const fromWindow = readFileSync(join(dir, "window.ics"), "utf8").replace(/\r\n /g, "");
  assert.equal((fromWindow.match(/BEGIN:VEVENT/g) ?? []).length > 5, true);
  assert.match(fromWindow, /UID:webinar-1@koordinator/);
});
