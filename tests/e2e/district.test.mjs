// The district's side of the editor in the real window: mentor pairings by year with their
// conflicts (a mentor over the limit, a mentor that is itself ШНОР), and the «500+» risk grid
// where a high risk with no measure is flagged until an event of the plan is assigned to it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { BINARY, dataFile, openApp, openCalendarAt, screenshot, waitFor, withDriver } from "./driver.mjs";

const { db } = dataFile({ demo: true });
withDriver();

const text = (browser, selector) => browser.execute((s) => document.querySelector(s)?.textContent ?? "", selector);

test("pairings are edited with conflicts flagged; a risk with no measure gets one", async () => {
  let browser = await openApp(db);
  try {
    await (await browser.$('button[data-view="pairings"]')).waitForClickable({ timeout: 15000 });
    await (await browser.$('button[data-view="pairings"]')).click();
    await waitFor(browser, "#pairings tr[data-pairing]");
    // The demo's school year, by the one rule in Rust: ШНОР «2022» and pairings from 16.02.2023
    // are all 2022/23, so no school is flagged as having no mentor.
    assert.equal(await browser.execute(() => document.getElementById("pairings-year").value), "2022");
    assert.equal(
      await browser.execute(() => document.querySelector("#pairings-year option:checked").textContent),
      "2022/23 учебный год",
    );
    assert.doesNotMatch(await text(browser, "#pairing-conflicts"), /нет наставника/);
    // The limit lowered to one school per mentor: the mentors of two schools are flagged.
    await browser.execute(() => {
      const input = document.getElementById("mentor-limit");
      input.value = "1";
      input.dispatchEvent(new Event("change", { bubbles: true }));
    });
    await browser.waitUntil(async () => (await text(browser, "#pairing-conflicts")).includes("больше предела (1)"), {
      timeout: 10000,
      timeoutMsg: "no mentor over the limit is flagged",
    });
    // A ШНОР school made a mentor: allowed, and flagged.
    await (await browser.$("#new-pairing")).click();
    await waitFor(browser, "#pairing-form");
    // A new pairing runs for the school year and offers a real mentor school first.
    const defaults = await browser.execute(() => {
      const form = document.getElementById("pairing-form");
      const mentor = form.querySelector('select[name="mentor_school_id"]');
      return {
        start: form.querySelector('input[name="start"]').value,
        end: form.querySelector('input[name="end"]').value,
        group: mentor.selectedOptions[0].parentElement.label,
        groups: [...mentor.querySelectorAll("optgroup")].map((g) => g.label),
      };
    });
    assert.deepEqual(defaults, {
      start: "2022-09-01",
      end: "2023-08-31",
      group: "Школы-наставники",
      groups: ["Школы-наставники", "Другие школы", "Сами в списке ШНОР"],
    });
    await browser.execute(() => {
      const pick = (name, text) => {
        const select = document.querySelector(`#pairing-form select[name="${name}"]`);
        select.value = [...select.options].find((o) => o.textContent.includes(text)).value;
        select.dispatchEvent(new Event("change", { bubbles: true }));
      };
      pick("supported_school_id", "СОШ № 6");
      pick("mentor_school_id", "СОШ № 34");
    });
    await (await browser.$("#save-pairing")).click();
    await browser.waitUntil(async () => (await text(browser, "#pairing-conflicts")).includes("наставник МОБУ СОШ № 34 сам в списке ШНОР"), {
      timeout: 10000,
      timeoutMsg: "a ШНОР mentor is not flagged",
    });
    await screenshot(browser, "pairings");
    // Changed in place, no Save button: another mentor, and the flag goes.
    await browser.execute(() =>
      [...document.querySelectorAll("#pairings tr[data-pairing]")]
        .find((tr) => tr.children[1].textContent.includes("МОБУ СОШ № 34"))
        .querySelector("button")
        .click(),
    );
    await waitFor(browser, "#close-pairing");
    await browser.execute(() => {
      const select = document.querySelector('#pairing-form select[name="mentor_school_id"]');
      select.value = [...select.options].find((o) => o.textContent.includes("лицей № 7")).value;
      select.dispatchEvent(new Event("change", { bubbles: true }));
    });
    await browser.waitUntil(async () => (await text(browser, "#pairing-form")).includes("Изменения сохранены."), { timeout: 10000 });
    await (await browser.$("#close-pairing")).click();
    await browser.waitUntil(async () => !(await text(browser, "#pairing-conflicts")).includes("сам в списке ШНОР"), {
      timeout: 10000,
      timeoutMsg: "the changed pairing is still flagged",
    });
    // A delete asks nothing and says what went, with «Отменить» that brings exactly it back.
    const rows = () => browser.execute(() => document.querySelectorAll("#pairings tr[data-pairing]").length);
    const before = await rows();
    await browser.execute(() => document.querySelector("#pairings tr[data-pairing] button.danger").click());
    await waitFor(browser, "#deleted-note");
    assert.match(await text(browser, "#deleted-note"), /Пара «.+ → .+» удалена\./);
    await browser.waitUntil(async () => (await rows()) === before - 1, { timeout: 10000, timeoutMsg: "the pairing stayed" });
    await (await browser.$("#undo-delete")).click();
    await browser.waitUntil(async () => (await rows()) === before, { timeout: 10000, timeoutMsg: "«Отменить» did not bring the pairing back" });

    // Deleted again, brought back by Ctrl+Z instead: the note's «Отменить», still on screen,
    // must not take back the earlier change (it is refused, and the note goes).
    const undone = () => JSON.parse(execFileSync(BINARY, ["--db", db, "history", "--json"]).toString("utf8")).filter((c) => c.undone).length;
    await browser.execute(() => document.querySelector("#pairings tr[data-pairing] button.danger").click());
    await waitFor(browser, "#deleted-note");
    await browser.waitUntil(async () => (await rows()) === before - 1, { timeout: 10000, timeoutMsg: "the pairing stayed" });
    await browser.waitUntil(async () => browser.execute(() => !document.getElementById("undo-delete").disabled), { timeout: 5000 });
    await browser.execute(() => document.activeElement?.blur());
    await browser.keys(["Control", "z"]);
    await browser.waitUntil(async () => (await rows()) === before, { timeout: 10000, timeoutMsg: "Ctrl+Z did not bring the pairing back" });
    const undoneBefore = undone();
    await (await browser.$("#undo-delete")).click();
    await browser.waitUntil(async () => browser.execute(() => !document.getElementById("deleted-note")), { timeout: 10000, timeoutMsg: "the stale note stayed" });
    assert.equal(undone(), undoneBefore, "the stale «Отменить» took back another change");

    // The risk grid of 2022: no «500+» school in the demo, so none is listed until one is added;
    // then a high risk, no measure, then one assigned.
    await (await browser.$('button[data-view="schools"]')).click();
    await (await browser.$("#mode-risks")).waitForClickable({ timeout: 10000 });
    await (await browser.$("#mode-risks")).click();
    await waitFor(browser, "#no-500");
    await waitFor(browser, "#add-risk-school");
    await browser.execute(() => {
      const select = document.getElementById("add-risk-school");
      select.value = select.options[1].value;
      select.dispatchEvent(new Event("change", { bubbles: true }));
    });
    await waitFor(browser, "#risk-grid tr[data-school] select");
    await browser.execute(() => {
      const select = document.querySelector("#risk-grid tr[data-school] td[data-factor] select");
      select.value = "high";
      select.dispatchEvent(new Event("change", { bubbles: true }));
    });
    await browser.waitUntil(async () => (await text(browser, "#uncovered-count")).includes("Рисков без мер в дорожной карте: 1"), {
      timeout: 10000,
      timeoutMsg: "the high risk with no measure is not flagged",
    });
    await browser.execute(() => {
      const assign = document.querySelector("#risk-grid select.assign");
      assign.value = assign.options[2].value;
      assign.dispatchEvent(new Event("change", { bubbles: true }));
    });
    await browser.waitUntil(async () => (await text(browser, "#risk-grid")).includes("меры: 2"), {
      timeout: 10000,
      timeoutMsg: "the assigned event is not shown as the measure",
    });
    assert.equal(await text(browser, "#uncovered-count"), "");
    await screenshot(browser, "risks");
  } finally {
    await browser.deleteSession();
  }
  browser = await openApp(db);
  try {
    await (await browser.$('button[data-view="schools"]')).waitForClickable({ timeout: 15000 });
    await (await browser.$("#mode-risks")).click();
    await browser.waitUntil(async () => (await text(browser, "#risk-grid")).includes("меры: 2"), {
      timeout: 10000,
      timeoutMsg: "after a restart the risk and its measure are gone",
    });
  } finally {
    await browser.deleteSession();
  }
});

test("schools, orders and the calendar find by the words typed", async () => {
  const browser = await openApp(db);
  const type = (id, value) =>
    browser.execute(
      (id, value) => {
        const input = document.getElementById(id);
        input.value = value;
        input.dispatchEvent(new Event("input", { bubbles: true }));
      },
      id,
      value,
    );
  try {
    await (await browser.$('button[data-view="schools"]')).waitForClickable({ timeout: 15000 });
    await waitFor(browser, "#schools-table tbody tr");
    const all = await browser.execute(() => document.querySelectorAll("#schools-table tbody tr").length);
    // «лицеЙ 7»: both words, any case, in the name.
    await type("school-search", "лицей 7");
    await browser.waitUntil(async () => (await browser.execute(() => document.querySelectorAll("#schools-table tbody tr").length)) < all, {
      timeout: 5000,
      timeoutMsg: "the school search narrows nothing",
    });
    const names = await browser.execute(() => [...document.querySelectorAll("#schools-table tbody tr")].map((r) => r.textContent));
    assert.ok(names.length >= 1 && names.every((n) => /лице/i.test(n) && /7/.test(n)), names.join("\n"));
    await type("school-search", "нет такой школы");
    await waitFor(browser, "#no-schools-found");

    await (await browser.$('button[data-view="orders"]')).click();
    await waitFor(browser, "#orders tbody tr");
    await type("order-search", "206");
    await browser.waitUntil(async () => (await browser.execute(() => document.querySelectorAll("#orders tbody tr").length)) === 1, {
      timeout: 5000,
    });
    await type("order-search", "нет такого приказа");
    await waitFor(browser, "#no-orders-found");

    await openCalendarAt(browser, "2023-03");
    await browser.waitUntil(async () => (await browser.execute(() => document.querySelectorAll("#calendar .fc-event").length)) > 1, {
      timeout: 10000,
    });
    await type("filter-text", "локальных актов");
    await browser.waitUntil(
      async () => {
        const shown = await browser.execute(() => [...document.querySelectorAll("#calendar .fc-event")].map((e) => e.textContent));
        return shown.length >= 1 && shown.every((t) => t.includes("локальных актов"));
      },
      { timeout: 10000, timeoutMsg: "the calendar search shows other entries" },
    );
    await screenshot(browser, "calendar-search");
  } finally {
    await browser.deleteSession();
  }
});
