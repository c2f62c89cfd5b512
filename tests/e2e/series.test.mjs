// A webinar series by rule in the real window: «по четвергам в 15:00, 5 раз» from 1 March
// 2023 → five sessions in the March month view → one dragged from 23 to 24 March → restart →
// still there, still moved → the ICS read back by Python's icalendar: 5 VEVENTs at 15:00.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { BINARY, dataFile, openApp, openCalendarAt, screenshot, waitFor, withDriver } from "./driver.mjs";

const { db, dir } = dataFile({ demo: true });
withDriver();
const THURSDAYS = ["2023-03-02", "2023-03-09", "2023-03-16", "2023-03-23", "2023-03-30"];
const AFTER_DRAG = ["2023-03-02", "2023-03-09", "2023-03-16", "2023-03-24", "2023-03-30"];

/** Drags the series' session on `from` to the day cell `to` with real pointer actions. */
async function drag(browser, from, to) {
  const [a, b] = await browser.execute(
    (from, to) => {
      const rect = (el) => el && (({ x, y }) => ({ x, y }))(el.getBoundingClientRect());
      const source = [...document.querySelectorAll(`#calendar td[data-date="${from}"] .entry-webinar`)].find((e) =>
        e.textContent.includes("Методические четверги"),
      );
      return [rect(source), rect(document.querySelector(`#calendar td[data-date="${to}"] .fc-daygrid-day-frame`))];
    },
    from,
    to,
  );
  assert.ok(a && b, `no session on ${from} or no day ${to}`);
  const [x0, y0] = [Math.round(a.x + 10), Math.round(a.y + 5)];
  const [x1, y1] = [Math.round(b.x + 20), Math.round(b.y + 30)];
  const steps = Array.from({ length: 8 }, (_, i) => [x0 + ((x1 - x0) * (i + 1)) / 8, y0 + ((y1 - y0) * (i + 1)) / 8]);
  let chain = browser.action("pointer", { parameters: { pointerType: "mouse" } }).move({ x: x0, y: y0 }).down().pause(100);
  for (const [x, y] of steps) chain = chain.move({ x: Math.round(x), y: Math.round(y), duration: 50 });
  await chain.pause(100).up().perform();
}

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
  await openCalendarAt(browser, "2023-03");
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
    await created.waitForExist({ timeout: 10000 });
    assert.match(await created.getText(), /Назначено 5: 02\.03\.2023, 09\.03\.2023, 16\.03\.2023, 23\.03\.2023, 30\.03\.2023/);
    await screenshot(browser, "series-form");

    const days = await marchDays(browser);
    await browser.waitUntil(async () => (await days(THURSDAYS)).every((t) => t.includes("Методические четверги")), {
      timeout: 10000,
      timeoutMsg: "not all five sessions are in the March month view",
    });
    await screenshot(browser, "series-in-calendar");
    // A session at a time reads «15:00 Вебинар: …», not FullCalendar's Russian default «15 …».
    assert.match((await days(["2023-03-02"]))[0], /15:00\s*Вебинар/);

    // Drag the 23 March session to Friday 24 March.
    await drag(browser, "2023-03-23", "2023-03-24");
    await browser.waitUntil(async () => (await days(AFTER_DRAG)).every((t) => t.includes("Методические четверги")), {
      timeout: 10000,
      timeoutMsg: "the dragged session is not on 24 March",
    });
    assert.ok(!(await days(["2023-03-23"]))[0].includes("Методические четверги"));

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
      { timeout: 10000, timeoutMsg: "the overlapping series is not flagged" },
    );
    await screenshot(browser, "series-conflicts");

    // The holiday calendar: a regional holiday on 30 March flags that day's sessions.
    await browser.execute(() => {
      document.getElementById("holidays").open = true;
      const set = (id, value) => {
        const input = document.getElementById(id);
        input.value = value;
        input.dispatchEvent(new Event("input", { bubbles: true }));
      };
      set("holiday-year", "2023");
      set("holiday-date", "2023-03-30");
      set("holiday-name", "День города");
    });
    await waitFor(browser, '#holidays tr[data-holiday="2023-03-08"]');
    await (await browser.$("#add-holiday")).click();
    const flaggedOn30 = () =>
      browser.execute(() =>
        [...document.querySelectorAll(".conflict")].some((c) => c.textContent.includes("в праздничный день (День города)")),
      );
    await browser.waitUntil(flaggedOn30, { timeout: 10000, timeoutMsg: "the new holiday does not flag 30 March" });
    await screenshot(browser, "holidays");
    await browser.execute(() =>
      document.querySelector('#holidays tr[data-holiday="2023-03-30"] button').click(),
    );
    await browser.waitUntil(async () => !(await flaggedOn30()), { timeout: 10000, timeoutMsg: "30 March is still a holiday" });
  } finally {
    await browser.deleteSession();
  }
  browser = await openApp(db);
  try {
    await (await browser.$('button[data-view="calendar"]')).waitForClickable({ timeout: 15000 });
    const days = await marchDays(browser);
    await browser.waitUntil(async () => (await days(AFTER_DRAG)).every((t) => t.includes("Методические четверги")), {
      timeout: 10000,
      timeoutMsg: "after a restart the series is gone or the dragged session is back",
    });
    assert.ok(!(await days(["2023-03-23"]))[0].includes("Методические четверги"));
  } finally {
    await browser.deleteSession();
  }

  // The ICS of the series, read by an independent parser.
  const ics = join(dir, "thursdays.ics");
  execFileSync(BINARY, ["--db", db, "ics", "--plan", "1", "--series", "2", "--out", ics]);
  // Debian's interpreter, where .ci/setup installs python3-icalendar: the `python3` on the PATH
  // of these machines is another interpreter that cannot see Debian's packages.
  const read = execFileSync("/usr/bin/python3", [
    "-c",
    `import sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
for e in cal.walk("VEVENT"):
    s = e.decoded("DTSTART")
    d = e.decoded("DTEND") if "DTEND" in e else s + e.decoded("DURATION")
    print(s.isoformat(), d.isoformat(), str(e.get("SUMMARY")))`,
    ics,
  ]).toString("utf8");
  const lines = read.trim().split("\n");
  assert.equal(lines.length, 5, read);
  assert.deepEqual(
    lines.map((l) => l.split(" ")[0]),
    AFTER_DRAG.map((d) => `${d}T15:00:00+03:00`),
  );
  assert.ok(lines.every((l) => l.split(" ")[1].endsWith("T16:00:00+03:00") && l.includes("Методические четверги")), read);
});
