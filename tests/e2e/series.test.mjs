// A webinar series by rule in the real window: «по четвергам в 15:00, 5 раз» from 1 March
// 2023 → five sessions in the March month view → restart → still there.
import { test } from "node:test";
import assert from "node:assert/strict";
import { dataFile, openApp, screenshot, withDriver } from "./driver.mjs";

const { db } = dataFile({ demo: true });
withDriver();
const THURSDAYS = ["2023-03-02", "2023-03-09", "2023-03-16", "2023-03-23", "2023-03-30"];

/** «по четвергам в 15:00, 5 раз» from 1 March 2023, typed into the form. */
async function fillRule(browser) {
  await browser.execute(() => {
    const set = (name, value) => {
      const input = document.querySelector(`#series-form [name="${name}"]`);
      input.value = value;
      input.dispatchEvent(new Event(input.tagName === "SELECT" ? "change" : "input", { bubbles: true }));
    };
    set("weekday", "4");
    set("time", "15:00");
    set("count", "5");
    set("from", "2023-03-01");
  });
}

async function marchDays(browser) {
  const nav = await browser.$('button[data-view="calendar"]');
  await nav.click();
  await (await browser.$("#calendar .fc-daygrid")).waitForExist({ timeout: 10000 });
  await browser.execute(() => {
    const input = document.getElementById("goto-month");
    input.value = "2023-03";
    input.dispatchEvent(new Event("change", { bubbles: true }));
  });
  return (days) =>
    browser.execute(
      (days) => days.map((d) => document.querySelector(`#calendar td[data-date="${d}"]`)?.textContent ?? ""),
      days,
    );
}

test("a series of five by rule appears in the month view and stays", async () => {
  let browser = await openApp(db);
  try {
    const nav = await browser.$('button[data-view="webinars"]');
    await nav.waitForClickable({ timeout: 15000 });
    await nav.click();
    const form = await browser.$("#series-form");
    await form.waitForExist({ timeout: 10000 });
    await (await form.$('input[name="title"]')).setValue("Методические четверги");
    await fillRule(browser);
    await (await browser.$("#create-series")).click();
    const created = await browser.$("#series-created");
    await created.waitForExist({ timeout: 5000 });
    assert.match(await created.getText(), /Назначено 5: 02\.03\.2023, 09\.03\.2023, 16\.03\.2023, 23\.03\.2023, 30\.03\.2023/);
    await screenshot(browser, "series-form");

    const days = await marchDays(browser);
    await browser.waitUntil(async () => (await days(THURSDAYS)).every((t) => t.includes("Методические четверги")), {
      timeout: 5000,
      timeoutMsg: "not all five sessions are in the March month view",
    });
    await screenshot(browser, "series-in-calendar");

    // A second series on the same Thursdays is allowed, and flagged.
    await (await browser.$('button[data-view="webinars"]')).click();
    await (await browser.$("#series-form")).waitForExist({ timeout: 10000 });
    await (await browser.$('#series-form input[name="title"]')).setValue("Четверги наставников");
    await fillRule(browser);
    await (await browser.$("#create-series")).click();
    await browser.waitUntil(
      async () =>
        browser.execute(() =>
          [...document.querySelectorAll(".conflict")].some((c) =>
            c.textContent.includes("пересекается по времени с вебинаром цикла «Методические четверги»"),
          ),
        ),
      { timeout: 5000, timeoutMsg: "the overlapping series is not flagged" },
    );
    await screenshot(browser, "series-conflicts");
  } finally {
    await browser.deleteSession();
  }
  browser = await openApp(db);
  try {
    await (await browser.$('button[data-view="calendar"]')).waitForClickable({ timeout: 15000 });
    const days = await marchDays(browser);
    await browser.waitUntil(async () => (await days(THURSDAYS)).every((t) => t.includes("Методические четверги")), {
      timeout: 10000,
      timeoutMsg: "after a restart the series is gone",
    });
  } finally {
    await browser.deleteSession();
  }
});
