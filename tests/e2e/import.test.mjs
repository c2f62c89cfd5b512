// Importing a roadmap in the real window: the Taganrog seed pasted as text → preview with its
// sections, numbers and flagged rows → a column re-mapped and back → imported in one go →
// the plan is in «Дорожные карты» → copied to next year; the CLI sees both after the window closes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { BINARY, ROOT, chooseImportFile, dataFile, openApp, screenshot, waitFor, withDriver } from "./driver.mjs";

const { db } = dataFile({ demo: true });
withDriver();
const SEED = readFileSync(join(ROOT, "tests/fixtures/seeds/roadmap-taganrog-2022-2023.txt"), "utf8");

const set = (browser, id, value) =>
  browser.execute(
    (id, value) => {
      const el = document.getElementById(id);
      el.value = value;
      el.dispatchEvent(new Event("input", { bubbles: true }));
    },
    id,
    value,
  );

const previewText = (browser) => browser.execute(() => document.getElementById("import-preview")?.textContent ?? "");

test("a pasted roadmap is previewed, mapped, imported and copied to next year", async () => {
  const browser = await openApp(db);
  try {
    const nav = await browser.$('button[data-view="import"]');
    await nav.waitForClickable({ timeout: 15000 });
    await nav.click();
    await waitFor(browser, "#paste-area");
    // An empty period says where it will come from (a date field would show today's date in grey).
    const empty = await browser.execute(() => ["import-start", "import-end"].map((id) => {
      const input = document.getElementById(id);
      return `${input.type} ${input.value}|${input.placeholder}`;
    }));
    assert.deepEqual(empty, ["text |из документа", "text |из документа"]);
    await set(browser, "import-start", "2022-09-01");
    await set(browser, "import-end", "2023-08-31");
    await set(browser, "paste-area", SEED);
    await (await browser.$("#recognise")).click();
    await browser.waitUntil(async () => (await previewText(browser)).includes("Распознано: разделов 3, мероприятий 16"), {
      timeout: 10000,
      timeoutMsg: "the preview does not show 3 sections and 16 events",
    });
    const text = await previewText(browser);
    assert.match(text, /Проектно-деятельностный этап/);
    assert.match(text, /требуют внимания/);
    assert.match(text, /школа «МОБУ СОШ № 24» не найдена среди школ района/);
    await screenshot(browser, "import-preview");

    // The user says the third column is the result, then puts it back.
    const remap = (role) =>
      browser.execute((role) => {
        const select = document.querySelector('#import-preview select[data-column="2"]');
        select.value = role;
        select.dispatchEvent(new Event("change", { bubbles: true }));
      }, role);
    await remap("result");
    await browser.waitUntil(async () => (await previewText(browser)).includes("В таблице нет столбца сроков"), {
      timeout: 10000,
      timeoutMsg: "re-mapping the timeframes column changed nothing",
    });
    await remap("timeframe");
    await browser.waitUntil(async () => !(await previewText(browser)).includes("нет столбца сроков"), { timeout: 10000 });

    await (await browser.$("#import-now")).click();
    // The pasted table is the demo's own roadmap (its title read from the lines above the table,
    // the same period): the window asks; both are kept.
    await (await browser.$("#duplicate-keep")).waitForClickable({ timeout: 10000 });
    // The window's question, from the error's own payload: no command-line answers in it.
    const asked = await browser.execute(() => document.getElementById("import-duplicate").textContent);
    assert.match(asked, /уже есть \(№ 1\)\. Заменить её, оставить обе или отменить импорт\?/);
    assert.doesNotMatch(asked, /командной строке/);
    await (await browser.$("#duplicate-keep")).click();
    const report = await browser.$("#import-report");
    await report.waitForExist({ timeout: 10000 });
    assert.match(await report.getText(), /Записана дорожная карта № 2: разделов 3, мероприятий 16/);

    // «Открыть дорожную карту» from the report: «Дорожные карты» on the plan just written.
    await (await browser.$("#open-imported")).click();
    await waitFor(browser, "#copy-plan");
    await browser.waitUntil(() => browser.execute(() => document.querySelector("section select")?.value === "2"), {
      timeout: 10000,
      timeoutMsg: "the imported plan is not the one opened",
    });
    await browser.waitUntil(
      async () => browser.execute(() => document.body.textContent.includes("Организация цикла вебинаров")),
      { timeout: 10000 },
    );
    await (await browser.$("#copy-plan")).click();
    const note = await browser.$("#plans-note");
    await note.waitForExist({ timeout: 10000 });
    assert.match(await note.getText(), /Создана дорожная карта № 3 на следующий год: мероприятий 16/);
    await screenshot(browser, "plan-copied");
    // Three plans, both views: the page never scrolls sideways and every toolbar button is on screen.
    for (const mode of ["#mode-document", "#mode-editor"]) {
      await (await browser.$(mode)).click();
      const fit = await browser.execute(() => ({
        page: document.scrollingElement.scrollWidth,
        width: window.innerWidth,
        off: [...document.querySelectorAll(".toolbar button")]
          .filter((b) => b.getBoundingClientRect().right > window.innerWidth)
          .map((b) => b.textContent),
      }));
      assert.ok(fit.page <= fit.width, `${mode}: the page is ${fit.page} px wide in a ${fit.width} px window`);
      assert.deepEqual(fit.off, [], `${mode}: toolbar buttons off screen`);
    }
  } finally {
    await browser.deleteSession();
  }
  const plans = JSON.parse(execFileSync(BINARY, ["--db", db, "plans", "--json"], { encoding: "utf8" }));
  assert.deepEqual(
    plans.map((p) => p.period.start).sort(),
    ["2022-09-01", "2022-09-01", "2023-09-01"],
  );
  const events = JSON.parse(execFileSync(BINARY, ["--db", db, "events", "--plan", "3", "--json"], { encoding: "utf8" }));
  assert.equal(events.length, 16);
  assert.equal(events[2].timeframe.text, "до 10 марта 2024 г.");
});

// A workbook through the real open dialog (GTK's, driven with xdotool: WebDriver cannot reach
// it): the roadmap's sheet is taken, not the longer summary; the person picks the other plan's
// sheet, its events replace the preview, and that sheet is what gets imported.
test("a workbook's sheet is chosen in the preview and imported", async () => {
  const book = join(ROOT, "tests/fixtures/sheets/plans.xlsx");
  const browser = await openApp(db);
  try {
    await chooseImportFile(browser, book);

    await browser.waitUntil(async () => (await previewText(browser)).includes("мероприятий 5"), {
      timeout: 15000,
      timeoutMsg: "the roadmap sheet of the workbook is not previewed",
    });
    assert.match(await previewText(browser), /взят лист «Дорожная карта» \(на нём больше всего строк\)/);
    const sheet = await browser.$("#import-sheet");
    assert.equal(await sheet.getValue(), "Дорожная карта");
    await screenshot(browser, "import-sheets");
    await browser.execute(() => {
      const select = document.getElementById("import-sheet");
      select.value = "План на 2024";
      select.dispatchEvent(new Event("change", { bubbles: true }));
    });
    await browser.waitUntil(async () => (await previewText(browser)).includes("мероприятий 3"), {
      timeout: 10000,
      timeoutMsg: "choosing another sheet did not change the preview",
    });
    assert.match(await previewText(browser), /Стратегическая сессия/);
    assert.equal(await (await browser.$("#import-start")).getValue(), "2024-01-01");
    await (await browser.$("#import-now")).click();
    const report = await browser.$("#import-report");
    await report.waitForExist({ timeout: 10000 });
    assert.match(await report.getText(), /мероприятий 3/);
  } finally {
    await browser.deleteSession();
  }
  const plans = JSON.parse(execFileSync(BINARY, ["--db", db, "plans", "--json"], { encoding: "utf8" }));
  const last = plans.find((p) => p.title === "План мероприятий на 2024 год");
  assert.ok(last, JSON.stringify(plans.map((p) => p.title)));
  const events = JSON.parse(execFileSync(BINARY, ["--db", db, "events", "--plan", String(last.id), "--json"], { encoding: "utf8" }));
  assert.deepEqual(events.map((e) => e.content), ["Стратегическая сессия", "Педагогический марафон", "Отчёт о реализации"]);
});

// A hostile workbook through the real open dialog (a cell at XFD1048576: readers that lay the
// sheet out by its declared range allocate gigabytes): the file is read in a separate process
// within limits, the window says why in Russian and goes on working.
test("a hostile workbook is refused in Russian and the window lives on", async () => {
  const { dir } = dataFile({ demo: false });
  const book = join(dir, "far-cell.xlsx");
  const script = `
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED)
z.writestr("xl/workbook.xml", '<workbook><sheets><sheet name="L" r:id="r1"/></sheets></workbook>')
z.writestr("xl/_rels/workbook.xml.rels", '<Relationships><Relationship Id="r1" Target="worksheets/sheet1.xml"/></Relationships>')
z.writestr("xl/worksheets/sheet1.xml", '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>N</t></is></c></row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData></worksheet>')
z.close()`;
  execFileSync("python3", ["-c", script, book]);
  const browser = await openApp(db);
  try {
    await chooseImportFile(browser, book);
    const alert = async () => browser.execute(() => [...document.querySelectorAll('[role="alert"]')].map((e) => e.textContent).join(" "));
    await browser.waitUntil(async () => (await alert()).includes("XFD1048576"), {
      timeout: 15000,
      timeoutMsg: "no Russian refusal of the hostile workbook",
    });
    assert.match(await alert(), /больше 1\s000 столбцов/);
    // The window is still there and answers.
    await (await browser.$('button[data-view="schools"]')).click();
    await waitFor(browser, "#schools-title, h1");
  } finally {
    await browser.deleteSession();
  }
});
