// The region's picture from the districts' own files (issue 27), in the real windows: a district
// saves its package through the save dialog («Файл данных» → «Отправить в регион»); a new file is
// made the region's at its first start, accepts the package through the real open dialog, shows
// the district in its table and prints the summary; the district opens read-only as it was sent.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { BINARY, OUT, answerFileDialog, dataFile, openApp, openProgram, screenshot, waitFor, withDriver } from "./driver.mjs";

const { dir, db } = dataFile({ demo: true });
const region = join(dir, "регион.sqlite3");
// ASCII names: xdotool types Cyrillic into GTK's location field unreliably (its completion eats it).
const pkg = join(dir, "taganrog.koord");
withDriver();

const text = (browser, selector) => browser.execute((s) => document.querySelector(s)?.textContent ?? "", selector);

async function go(browser, view) {
  const nav = await browser.$(`button[data-view="${view}"]`);
  await nav.waitForClickable({ timeout: 15000 });
  await nav.click();
}

test("a district sends its package; the region accepts it, sees it and prints the summary", async () => {
  let browser = await openApp(db);
  try {
    await go(browser, "file");
    await (await browser.$("#make-package")).waitForClickable({ timeout: 10000 });
    await (await browser.$("#make-package")).click();
    await answerFileDialog("Пакет района для региона", pkg);
    await browser.waitUntil(async () => (await text(browser, "#backup-note")).includes("Пакет района «г. Таганрог» (ОКТМО 60737000) сохранён"), {
      timeout: 20000,
      timeoutMsg: "the package was not saved",
    });
    assert.ok(existsSync(pkg));
  } finally {
    await browser.deleteSession();
  }

  // A new file, made the region's at its first start.
  browser = await openApp(region);
  try {
    await waitFor(browser, "#start-region", 15000);
    await (await browser.$("#start-region")).click();
    await waitFor(browser, "#no-districts");
    const navs = await browser.execute(() => [...document.querySelectorAll("nav button")].map((b) => b.textContent));
    assert.deepEqual(navs, ["Районы", "Журнал", "Файл данных"]);
    await (await browser.$("#accept-package")).click();
    await answerFileDialog("Пакет района", pkg);
    try {
      await waitFor(browser, '#districts tr[data-code="60737000"]', 20000);
    } catch (e) {
      await screenshot(browser, "region-failed");
      throw e;
    }
    assert.match(await text(browser, "#package-outcomes"), /Принят пакет района «г\. Таганрог» от \d\d\.\d\d\.\d{4} \d\d:\d\d: первый пакет района\./);
    const cells = await browser.execute(() =>
      [...document.querySelectorAll('#districts tr[data-code="60737000"] td')].map((td) => td.textContent.trim()),
    );
    // Seven ШНОР schools of 2022/23, one roadmap of sixteen events.
    assert.equal(cells[0], "г. Таганрог (60737000)");
    assert.deepEqual(cells.slice(1, 5), ["7", "0", "0", "0"]);
    assert.deepEqual(cells.slice(6, 8), ["1", "16"]);
    await screenshot(browser, "region-districts");

    // The same package again: nothing doubles.
    await (await browser.$("#accept-package")).click();
    await answerFileDialog("Пакет района", pkg);
    await browser.waitUntil(async () => (await text(browser, "#package-outcomes")).includes("уже принят: ничего не изменилось"), {
      timeout: 20000,
      timeoutMsg: "the same package was not recognised",
    });
    assert.equal(await browser.execute(() => document.querySelectorAll("#districts tr[data-code]").length), 1);

    const pdf = join(dir, "summary.pdf");
    await (await browser.$("#print-summary")).click();
    await answerFileDialog("Сохранить сводную информацию", pdf);
    await browser.waitUntil(async () => (await text(browser, "#summary-saved")).includes(pdf), {
      timeout: 30000,
      timeoutMsg: "the summary was not saved",
    });
    const words = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" });
    assert.match(words, /Сводная информация о ходе реализации муниципальных дорожных карт/);
    assert.match(words, /г\. Таганрог/);
    execFileSync("pdftoppm", ["-png", "-r", "70", "-singlefile", pdf, join(OUT, "region-summary")]);

    // «Открыть»: the district in a window of its own, read-only, on its data file as sent.
    await browser.execute(() => document.querySelector('#districts tr[data-code="60737000"] button.link').click());
    let opened = "";
    for (let i = 0; i < 50 && !opened; i++) {
      await new Promise((r) => setTimeout(r, 200));
      try {
        opened = execFileSync("pgrep", ["-af", "--", "--read-only --db"], { encoding: "utf8" }).trim();
      } catch {
        opened = "";
      }
    }
    assert.match(opened, /--read-only --db \S*60737000-\S*\.sqlite3/);
    const [pid, , , , file] = opened.split("\n")[0].split(" ");
    assert.ok(existsSync(file), file);
    process.kill(Number(pid));
  } finally {
    await browser.deleteSession();
  }

  // The district as the region got it: read-only, the district's own views.
  const copy = join(dir, "Таганрог-как-прислан.sqlite3");
  execFileSync(BINARY, ["--db", region, "region", "open", "60737000", "--out", copy]);
  browser = await openProgram(BINARY, ["--read-only", "--db", copy]);
  try {
    await waitFor(browser, "#read-only", 15000);
    assert.match(await text(browser, "#read-only"), /открыт только для просмотра/);
    await go(browser, "plans");
    await browser.waitUntil(async () => (await text(browser, "main")).includes("Муниципальная дорожная карта"), {
      timeout: 15000,
      timeoutMsg: "the district's plan is not shown",
    });
    await screenshot(browser, "region-district-read-only");
  } finally {
    await browser.deleteSession();
  }
});
