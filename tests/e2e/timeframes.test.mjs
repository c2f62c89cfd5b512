// Timeframes in the real window: the field reads the text while it is typed; an unclear
// timeframe lands in «Сроки требуют проверки» and is fixed there.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { BINARY, dataFile, openApp, screenshot, withDriver } from "./driver.mjs";

const { db } = dataFile({ demo: true });
withDriver();

async function typeInto(browser, selector, text) {
  const field = await browser.$(selector);
  await field.clearValue();
  await field.addValue(text);
}

async function readingOf(browser, selector) {
  const reading = await browser.$(selector);
  return reading.getText();
}

test("the timeframe field reads as you type; unclear ones are listed and fixed", async () => {
  const browser = await openApp(db);
  try {
    await (await browser.$('button[data-view="plans"]')).waitForClickable({ timeout: 15000 });
    await (await browser.$('button[data-view="plans"]')).click();
    await (await browser.$("#roadmap")).waitForExist({ timeout: 10000 });
    assert.equal(await (await browser.$("#timeframe-review")).isExisting(), false, "the demo has no unclear timeframe");

    const edit = await browser.$('button[aria-label="Изменить срок мероприятия 3"]');
    await edit.scrollIntoView();
    await edit.click();
    const field = 'tr[data-event="3"] textarea';
    const reading = 'tr[data-event="3"] .reading';
    await (await browser.$(field)).waitForExist({ timeout: 5000 });
    await browser.waitUntil(async () => (await readingOf(browser, reading)).includes("до 10.03.2023"), {
      timeout: 5000,
      timeoutMsg: "the reading of «до 10 марта 2023 г.» is not shown",
    });

    await typeInto(browser, field, "I - II квартал 2023");
    await browser.waitUntil(async () => (await readingOf(browser, reading)).includes("с 01.01.2023 по 30.06.2023"), {
      timeout: 5000,
      timeoutMsg: "the reading does not follow the typing",
    });

    await typeInto(browser, field, "до 15 апреля марта 2023 г.");
    await browser.waitUntil(async () => (await readingOf(browser, reading)).includes("два месяца"), {
      timeout: 5000,
      timeoutMsg: "a contradiction is not explained",
    });
    await screenshot(browser, "timeframe-field");
    await (await browser.$('tr[data-event="3"] .timeframe-editor button.primary')).click();

    const review = await browser.$("#timeframe-review");
    await review.waitForExist({ timeout: 5000 });
    assert.match(await review.getText(), /Сроки требуют проверки \(1\)/);
    await browser.waitUntil(async () => /два месяца/.test(await review.getText()), {
      timeout: 5000,
      timeoutMsg: "the review list does not say what is wrong",
    });
    // The text is kept exactly as typed.
    assert.equal(await (await browser.$("#timeframe-review textarea")).getValue(), "до 15 апреля марта 2023 г.");
    await screenshot(browser, "timeframe-review");

    await typeInto(browser, "#timeframe-review textarea", "до 15 апреля 2023 г.");
    await (await browser.$("#timeframe-review button.primary")).click();
    await review.waitForExist({ reverse: true, timeout: 5000 });
    const cell = await browser.$('tr[data-event="3"] td.when');
    assert.match(await cell.getText(), /до 15 апреля 2023 г\./);
  } finally {
    await browser.deleteSession();
  }
  const events = JSON.parse(execFileSync(BINARY, ["--db", db, "events", "--plan", "1", "--json"], { encoding: "utf8" }));
  const third = events.find((e) => e.number === "3");
  assert.deepEqual(third.timeframe, { text: "до 15 апреля 2023 г.", kind: "until", start: null, end: "2023-04-15", warnings: [] });
});

// A plan with many unclear timeframes opens with the list folded to its heading and count, so
// the plan's table is on the first screen; a click unfolds it.
test("a long list of timeframes to check is folded", async () => {
  const { dir, db: file } = dataFile({ demo: false });
  const table = `${dir}/plan.txt`;
  const rows = Array.from({ length: 12 }, (_, i) => `${i + 1}\tМероприятие ${i + 1}\tпо мере необходимости`).join("\n");
  execFileSync("sh", ["-c", `printf '%s\\n' "$1" > "$2"`, "sh", `№\tМероприятие\tСрок\n${rows}`, table]);
  execFileSync(BINARY, ["--db", file, "import", table, "--period", "2023-01-01..2023-12-31"]);
  const browser = await openApp(file);
  try {
    await (await browser.$('button[data-view="plans"]')).waitForClickable({ timeout: 15000 });
    await (await browser.$('button[data-view="plans"]')).click();
    const review = await browser.$("#timeframe-review");
    await review.waitForExist({ timeout: 10000 });
    assert.match(await (await browser.$("#review-title")).getText(), /Сроки требуют проверки \(12\)/);
    assert.equal(await browser.execute(() => document.getElementById("timeframe-review").open), false);
    const tableTop = await browser.execute(() => document.getElementById("roadmap").getBoundingClientRect().top);
    assert.ok(tableTop < 768, `the table starts ${tableTop}px down`);
    await (await browser.$("#timeframe-review summary")).click();
    assert.equal(await browser.execute(() => document.getElementById("timeframe-review").open), true);
    assert.equal(await browser.execute(() => document.querySelectorAll("#timeframe-review .review-item").length), 12);
  } finally {
    await browser.deleteSession();
  }
});
