// «Результаты» in the real window: the demo's analysis drawn (groups over the years, estimates
// with intervals, a small multiple per supported school), a ФИС ОКО table imported through
// GTK's open dialog with an unknown school added, the справка printed through the save dialog
// and read back with pdftotext.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { BINARY, answerFileDialog, dataFile, openApp, screenshot, waitFor, withDriver } from "./driver.mjs";

const { dir, db } = dataFile({ demo: true });
const FIXTURE = resolve(import.meta.dirname, "../fixtures/results/vpr-2024-fis-oko.xlsx");
withDriver();

const count = (browser, selector) => browser.execute((s) => document.querySelectorAll(s).length, selector);

test("results: the analysis is drawn, a ФИС ОКО table comes in, the справка is printed", async () => {
  const browser = await openApp(db);
  try {
    const nav = await browser.$('button[data-view="results"]');
    await nav.waitForClickable({ timeout: 15000 });
    await nav.click();
    await waitFor(browser, "#chart-groups .series");
    await waitFor(browser, "#chart-effects .estimate");
    // Three lines over the years; the seven supported schools and all of them together.
    assert.equal(await count(browser, "#chart-groups .series"), 3);
    assert.equal(await count(browser, "#chart-effects .estimate"), 8);
    assert.equal(await count(browser, "#small-multiples .multiple"), 7);
    const findings = await (await browser.$("#findings")).getText();
    assert.match(findings, /у школ под поддержкой \(7 шк\./);
    assert.ok(!findings.includes("благодаря"));
    await screenshot(browser, "results-analysis");

    // One subject: the small school (14 pupils a year) is greyed in the grid.
    await (await browser.$("#filter-subject")).selectByVisibleText("Математика");
    await browser.waitUntil(async () => (await count(browser, "#results-grid td.few")) > 0, {
      timeout: 10000,
      timeoutMsg: "no figure greyed for few pupils in mathematics",
    });

    // The import: the open dialog, the preview, the unknown school added.
    await (await browser.$("#results-import")).click();
    await (await browser.$("#results-choose-file")).click();
    await answerFileDialog("Открыть таблицу результатов", FIXTURE);
    await waitFor(browser, "#results-names", 20000);
    const context = await (await browser.$("#results-context")).getText();
    assert.match(context, /ВПР 2024, 5 класс, математика/);
    assert.match(context, /в процентах/);
    assert.equal(await count(browser, "#results-names tbody tr"), 10, "the totals rows are not schools");
    assert.equal(await count(browser, "#results-names tr.unmatched"), 1);
    await screenshot(browser, "results-import");
    await (await browser.$("#results-import-confirm")).click();
    await browser.waitUntil(async () => !(await browser.execute(() => !!document.getElementById("results-import-panel"))), {
      timeout: 20000,
      timeoutMsg: "the import panel did not close",
    });
    // 2024 is a new year of the chart; the command line sees the ten results and the new school.
    const rows = JSON.parse(execFileSync(BINARY, ["--db", db, "results", "--json"], { encoding: "utf8" }));
    assert.equal(rows.filter((r) => r.year === 2024).length, 10);
    const schools = JSON.parse(execFileSync(BINARY, ["--db", db, "schools", "--json"], { encoding: "utf8" }));
    assert.ok(schools.some((s) => s.code === "sch613041"), "the unknown school was added with its login");
    await waitFor(browser, "#chart-groups");
    await browser.waitUntil(async () => (await (await browser.$("#chart-groups")).getText()).includes("2024"), {
      timeout: 10000,
      timeoutMsg: "the chart does not show 2024",
    });

    // A table pasted from Excel: recognised the same way (year and procedure typed in).
    await (await browser.$("#results-import")).click();
    await browser.execute((text) => {
      const area = document.getElementById("results-paste");
      area.value = text;
      area.dispatchEvent(new Event("input", { bubbles: true }));
    }, "Школа\tУчастники\t«2»\t«3»\t«4»\t«5»\nМОБУ СОШ № 6\t50\t5\t20\t20\t5\nМОБУ СОШ № 31\t40\t4\t16\t16\t4\n");
    await (await browser.$("#results-recognise-pasted")).click();
    await waitFor(browser, "#results-errors");
    assert.match(await (await browser.$("#results-errors")).getText(), /год/);
    await browser.execute(() => {
      for (const [id, v] of [["hint-year", "2020"], ["hint-procedure", "ВПР"]]) {
        const input = document.getElementById(id);
        input.value = v;
        input.dispatchEvent(new Event("change", { bubbles: true }));
      }
    });
    await browser.waitUntil(async () => (await (await browser.$("#results-context")).getText()).includes("ВПР 2020"), {
      timeout: 10000,
      timeoutMsg: "the typed year and procedure were not used",
    });
    assert.equal(await count(browser, "#results-names tbody tr"), 2);
    await (await browser.$("#results-import-confirm")).click();
    await browser.waitUntil(async () => !(await browser.execute(() => !!document.getElementById("results-import-panel"))), {
      timeout: 20000,
      timeoutMsg: "the pasted table was not imported",
    });
    const pastedRows = JSON.parse(execFileSync(BINARY, ["--db", db, "results", "--json"], { encoding: "utf8" }));
    assert.equal(pastedRows.filter((r) => r.year === 2020).length, 2);

    // The district's own indicator: added, a value typed for the first school, kept.
    await (await browser.$("#tab-indicators")).click();
    await (await browser.$("#indicator-name")).setValue("Доля выпускников, поступивших в колледжи");
    await (await browser.$("#indicator-unit")).setValue("%");
    await (await browser.$("#indicator-add")).click();
    await waitFor(browser, "#indicators-grid");
    await browser.execute(() => {
      const year = document.getElementById("indicator-year");
      year.value = "2023";
      year.dispatchEvent(new Event("change", { bubbles: true }));
    });
    const cell = await browser.$("#indicators-grid tbody tr input");
    await cell.setValue("41,5");
    await browser.keys(["Tab"]);
    await browser.waitUntil(
      () => {
        const list = JSON.parse(execFileSync(BINARY, ["--db", db, "results", "indicators", "--json"], { encoding: "utf8" }));
        return list[0]?.values?.[0]?.value === 41.5 && list[0].values[0].year === 2023;
      },
      { timeout: 10000, timeoutMsg: "the indicator's value was not saved" },
    );
    await screenshot(browser, "results-indicators");

    // The indicator analysed like results: values for every school in 2022 and 2023 (the command
    // line), the indicator chosen in «Показатель»; the results' filters do not apply to it.
    for (const s of schools) {
      for (const [year, value] of [["2022", 40], ["2023", 40 + (s.statuses.some((st) => st.category !== "mentor") ? 6 : 2)]]) {
        execFileSync(BINARY, ["--db", db, "results", "indicator-set", "--indicator", "1", "--school", String(s.id), "--year", year, "--value", String(value)]);
      }
    }
    await (await browser.$('button[data-view="documents"]')).click();
    await (await browser.$('button[data-view="results"]')).click();
    await waitFor(browser, "#filter-metric");
    await (await browser.$("#filter-metric")).selectByVisibleText("Доля выпускников, поступивших в колледжи");
    await browser.waitUntil(async () => (await (await browser.$("#findings")).getText()).includes("Доля выпускников, поступивших в колледжи, %: у школ под поддержкой"), {
      timeout: 15000,
      timeoutMsg: "the indicator was not analysed",
    });
    const byIndicator = await (await browser.$("#findings")).getText();
    assert.match(byIndicator, /разница \+4,0 п\. п\./, byIndicator);
    assert.ok(!byIndicator.includes("уч."), "no pupils behind an indicator");
    assert.equal(await (await browser.$("#filter-procedure")).isExisting(), false, "the results' filters are not offered");
    await screenshot(browser, "results-indicator-analysis");
    await (await browser.$("#filter-metric")).selectByAttribute("value", "share_of_twos");

    // The справка through the Documents view and the save dialog.
    await (await browser.$('button[data-view="documents"]')).click();
    await waitFor(browser, "#document-kind");
    await (await browser.$("#document-kind")).selectByAttribute("value", "effectiveness");
    const out = join(dir, "spravka.pdf");
    await (await browser.$("#export-pdf")).click();
    await answerFileDialog("Сохранить документ", out);
    const form = await browser.$("#export-form");
    await browser
      .waitUntil(async () => (await form.getText()).includes(`Сохранено: ${out}`), { timeout: 60000 })
      .catch(async () => assert.fail(`the справка was not saved: ${await (await browser.$("main")).getText()}`));
    assert.ok(existsSync(out));
    const text = execFileSync("pdftotext", ["-layout", out, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    assert.match(text, /Аналитическая справка о результатах и эффективности мер поддержки школ/);
    assert.match(text, /за 2020–2024 годы/);
    assert.match(text, /Как получены цифры/);
    execFileSync("pdftoppm", ["-png", "-r", "50", "-f", "1", "-l", "2", out, join(resolve(import.meta.dirname, "out"), "results-spravka")]);
  } finally {
    await browser.deleteSession();
  }
});
