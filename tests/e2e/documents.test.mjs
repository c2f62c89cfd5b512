// The Документы view in the real window: the form offers the roadmap's columns, and
// «Сохранить PDF…» through GTK's real save dialog (answered with xdotool) writes a real PDF.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { answerFileDialog, dataFile, openApp, screenshot, withDriver } from "./driver.mjs";

const { dir, db } = dataFile({ demo: true });
withDriver();

test("the documents view prints the roadmap annex to PDF", async () => {
  const browser = await openApp(db);
  try {
    const nav = await browser.$('button[data-view="documents"]');
    await nav.waitForClickable({ timeout: 15000 });
    await nav.click();
    const form = await browser.$("#export-form");
    await form.waitForExist({ timeout: 10000 });
    await browser.waitUntil(async () => (await browser.$$("#export-form input[type=checkbox]")).length === 12, {
      timeout: 5000,
      timeoutMsg: "the seven roadmap columns, four blocks and the margin option are not offered",
    });
    assert.match(await form.getText(), /Содержание деятельности/);
    assert.match(await form.getText(), /Отметка о выполнении/);
    assert.match(await (await browser.$("main")).getText(), /Приказ от 16\.02\.2023 № 206/);
    await screenshot(browser, "documents");

    const out = join(dir, "annex.pdf");
    await (await browser.$("#export-pdf")).click();
    await answerFileDialog("Сохранить документ", out);
    await browser.waitUntil(async () => (await form.getText()).includes(`Сохранено: ${out}`), {
      timeout: 30000,
      timeoutMsg: "the PDF was not saved where the dialog was answered",
    });
    const pages = Number((await form.getText()).match(/— (\d+) стр\./)[1]);
    assert.ok(pages >= 3, `${pages} pages`);
    assert.ok(existsSync(out));
  } finally {
    await browser.deleteSession();
  }
  const text = execFileSync("pdftotext", [join(dir, "annex.pdf"), "-"], { encoding: "utf8" });
  assert.match(text, /Приложение 3/);
  assert.match(text, /Издание приказа Управления образования г\. Таганрога/);
});
