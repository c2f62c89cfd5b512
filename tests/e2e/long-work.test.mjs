// A big import in the real window: a bundle of 20 000 events shows where it is («Запись
// мероприятий: … из 20 000») and «Остановить» stops it — the data file is as it was (the CLI
// sees the same plans and history), the window says nothing was written.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { BINARY, chooseImportFile, dataFile, openApp, screenshot, waitFor, withDriver } from "./driver.mjs";

const { db } = dataFile({ demo: true });
const { dir: bigDir, db: big } = dataFile({ demo: false });
withDriver();

const cli = (file, args) => execFileSync(BINARY, ["--db", file, ...args], { encoding: "utf8" });

test("a big import shows its progress and «Остановить» leaves the file as it was", async () => {
  cli(big, ["generate", "--years", "1", "--schools", "5", "--events", "20000"]);
  // An ASCII name: xdotool drops letters of Cyrillic text typed into GTK.
  const bundle = join(bigDir, "big-roadmap.json");
  cli(big, ["bundle", "--plan", "1", "--out", bundle]);
  const before = { plans: cli(db, ["plans", "--json"]), history: cli(db, ["history", "--json"]) };

  const browser = await openApp(db);
  try {
    await chooseImportFile(browser, bundle);
    await waitFor(browser, "#import-now", 15000);
    await (await browser.$("#import-now")).click();

    await browser.waitUntil(
      async () => /Запись мероприятий: [\d\s]+ из 20\s000/.test(await browser.execute(() => document.getElementById("work-progress")?.textContent ?? "")),
      { timeout: 60000, timeoutMsg: "no progress of the writing was shown" },
    );
    await screenshot(browser, "import-progress");
    await (await browser.$("#work-cancel")).click();
    // Said as news the person asked for, not in error red.
    await browser.waitUntil(
      async () =>
        (await browser.execute(() => document.getElementById("work-stopped")?.textContent ?? "")).includes(
          "Остановлено по вашей просьбе: ничего не записано.",
        ),
      { timeout: 60000, timeoutMsg: "stopping was not reported" },
    );
    assert.equal(await browser.execute(() => document.querySelector(".notice.error")?.textContent ?? null), null);
    assert.equal(await browser.execute(() => document.getElementById("import-report")), null);
  } finally {
    await browser.deleteSession();
  }
  assert.equal(cli(db, ["plans", "--json"]), before.plans);
  assert.equal(cli(db, ["history", "--json"]), before.history);
});

// Issue 25, point 4: a 20 000-row workbook's preview comes in seconds and shows its first rows
// (and those that need a look) with the whole table's counts; the whole table is imported.
test("a 20 000-row workbook is previewed in part and imported whole", async () => {
  const book = join(bigDir, "big-roadmap.xlsx");
  cli(big, ["export", "--plan", "1", "--document", "annex", "--out", book]);
  const { db: empty } = dataFile({ demo: false });
  const browser = await openApp(empty);
  try {
    await chooseImportFile(browser, book);
    await waitFor(browser, "#preview-shortened", 120000);
    assert.match(await browser.execute(() => document.getElementById("import-preview").textContent), /мероприятий 20\s?000/);
    assert.match(await browser.execute(() => document.getElementById("preview-shortened").textContent), /из 20\s?000/);
    // Drawn a hundred rows a frame: all of the rows sent, and no more.
    const rows = () => browser.execute(() => document.querySelectorAll(".import-table tbody tr[data-number]").length);
    await browser.waitUntil(async () => (await rows()) >= 300, { timeout: 10000, timeoutMsg: "the preview's rows were not all drawn" });
    await browser.pause(500);
    assert.ok((await rows()) <= 600, `${await rows()} rows drawn`);
    await (await browser.$("#import-now")).click();
    await waitFor(browser, "#import-report", 300000);
  } finally {
    await browser.deleteSession();
  }
  const events = JSON.parse(
    execFileSync(BINARY, ["--db", empty, "events", "--plan", "1", "--json"], { encoding: "utf8", maxBuffer: 1 << 28 }),
  );
  assert.equal(events.length, 20000);
});
