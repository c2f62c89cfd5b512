// «Ход работы» in the real window: the overview's counts on a day, the timeline's bars, a bar
// clicked and its event marked done in the side panel; the overview counts it and the command
// line sees the same mark.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { BINARY, dataFile, openApp, screenshot, waitFor, withDriver } from "./driver.mjs";

const { db } = dataFile({ demo: true });
withDriver();

const setAsOf = (browser, date) =>
  browser.execute((date) => {
    const input = document.getElementById("as-of");
    input.value = date;
    input.dispatchEvent(new Event("input", { bubbles: true }));
  }, date);

/** The «Всего» row of the overview: [всего, выполнено, выполняется, просрочено, запланировано]. */
const totals = (browser) =>
  browser.execute(() => {
    const rows = [...document.querySelectorAll("#overview-sections tbody tr")];
    const last = rows[rows.length - 1];
    return last ? [...last.querySelectorAll("td.num")].map((td) => Number(td.textContent)) : [];
  });

test("the overview counts, the timeline's bar opens its event, marked done it is counted", async () => {
  const browser = await openApp(db);
  try {
    const nav = await browser.$('button[data-view="progress"]');
    await nav.waitForClickable({ timeout: 15000 });
    await nav.click();
    await waitFor(browser, "#overview-sections");
    await setAsOf(browser, "2023-03-20");
    await browser.waitUntil(async () => (await totals(browser))[3] === 5, {
      timeout: 10000,
      timeoutMsg: "the overview as of 20.03.2023 does not count five overdue events",
    });
    assert.deepEqual(await totals(browser), [16, 0, 2, 5, 9]);
    // Each figure opens the rows behind it: the plan's five overdue events, one opened.
    await browser.execute(() => {
      const rows = [...document.querySelectorAll("#overview-sections tbody tr")];
      rows[rows.length - 1].querySelector('td[data-state="overdue"] button').click();
    });
    await waitFor(browser, "#overview-rows-list");
    assert.equal(await browser.execute(() => document.querySelectorAll("#overview-rows-list li").length), 5);
    assert.match(await browser.execute(() => document.querySelector("#overview-rows h2").textContent), /Всего: просрочено \(5\)/);
    await browser.execute(() => document.querySelector("#overview-rows-list li button").click());
    await waitFor(browser, "#entry-panel");
    await screenshot(browser, "progress-overview");

    await (await browser.$("#tab-timeline")).click();
    await waitFor(browser, "#timeline .tl-mark");
    // Event 3 («до 10 марта 2023 г.»): a deadline marker with its lead-in.
    const eventId = await browser.execute(() => {
      const row = [...document.querySelectorAll("#timeline .tl-row[data-event]")].find((r) =>
        r.textContent.includes("Разработка локальных актов"),
      );
      return row ? Number(row.dataset.event) : null;
    });
    assert.ok(eventId, "event 3 has a row on the timeline");
    const kinds = await browser.execute(
      (id) => [...document.querySelectorAll(`#timeline .tl-row[data-event="${id}"] .tl-mark`)].map((m) => m.className),
      eventId,
    );
    assert.ok(kinds.some((k) => k.includes("tl-deadline") && k.includes("bar-overdue")), kinds.join(" | "));
    await screenshot(browser, "progress-timeline");
    for (const zoom of ["month", "period", "quarter"]) await (await browser.$(`#zoom-${zoom}`)).click();

    await browser.execute((id) => document.querySelector(`#timeline .tl-row[data-event="${id}"] .tl-mark`).click(), eventId);
    await waitFor(browser, "#entry-panel");
    await (await browser.$("#entry-panel select")).selectByAttribute("value", "done");
    await (await browser.$("#completion-mark")).setValue("Положение утверждено");
    await (await browser.$("#save-status")).click();
    await browser.waitUntil(
      async () =>
        browser.execute(
          (id) => !!document.querySelector(`#timeline .tl-row[data-event="${id}"] .tl-mark.bar-done`),
          eventId,
        ),
      { timeout: 10000, timeoutMsg: "the bar is not drawn as done" },
    );

    await (await browser.$("#tab-overview")).click();
    await browser.waitUntil(async () => (await totals(browser))[1] === 1, {
      timeout: 10000,
      timeoutMsg: "the overview does not count the event as done",
    });
    assert.deepEqual(await totals(browser), [16, 1, 2, 4, 9]);

    // Event 2 («Февраль 2023 г.»): its bar's end dragged a month on; the wording is offered,
    // «Оставить как было» keeps the plan's text, «Заменить срок» writes the offered one.
    await (await browser.$("#tab-timeline")).click();
    await waitFor(browser, "#timeline .tl-handle");
    const second = await browser.execute(() => {
      const row = [...document.querySelectorAll("#timeline .tl-row[data-event]")].find((r) => r.textContent.includes("Заседание рабочей группы"));
      return Number(row.dataset.event);
    });
    const dragEnd = (id, dx) =>
      browser.execute(
        (id, dx) => {
          const handle = document.querySelector(`#timeline .tl-row[data-event="${id}"] .tl-handle`);
          const r = handle.getBoundingClientRect();
          const at = (x) => ({ clientX: x, clientY: r.top + r.height / 2, bubbles: true, pointerId: 1, isPrimary: true });
          handle.dispatchEvent(new PointerEvent("pointerdown", at(r.left + 4)));
          window.dispatchEvent(new PointerEvent("pointermove", at(r.left + 4 + dx / 2)));
          window.dispatchEvent(new PointerEvent("pointerup", at(r.left + 4 + dx)));
        },
        id,
        dx,
      );
    const eventText = (id) =>
      JSON.parse(execFileSync(BINARY, ["--db", db, "events", "--plan", "1", "--json"], { encoding: "utf8" })).find((e) => e.id === id).timeframe;
    await dragEnd(second, 92);
    await waitFor(browser, "#timeframe-offer");
    const offered = await browser.execute(() => document.getElementById("timeframe-offer").textContent);
    assert.match(offered, /срок «Февраль 2023 г\.» → «(Февраль – март 2023 г\.|с 01\.02\.2023 по \d\d\.03\.2023)»/);
    await screenshot(browser, "timeline-drag");
    await (await browser.$("#keep-timeframe")).click();
    assert.equal(eventText(second).text, "Февраль 2023 г.", "«Оставить как было» changed the text");
    await dragEnd(second, 92);
    await waitFor(browser, "#timeframe-offer");
    const text = (await browser.execute(() => document.getElementById("timeframe-offer").textContent)).match(/→ «(.+)»/)[1];
    await (await browser.$("#accept-timeframe")).click();
    await browser.waitUntil(async () => !(await browser.execute(() => !!document.getElementById("timeframe-offer"))), { timeout: 10000 });
    const moved = eventText(second);
    assert.equal(moved.text, text);
    assert.equal(moved.start, "2023-02-01");
    assert.match(moved.end, /^2023-03-\d\d$/);

    const events = JSON.parse(execFileSync(BINARY, ["--db", db, "events", "--plan", "1", "--json"], { encoding: "utf8" }));
    const marked = events.find((e) => e.id === eventId);
    assert.equal(marked.status, "done");
    assert.equal(marked.completion_mark, "Положение утверждено");
  } finally {
    await browser.deleteSession();
  }
});
