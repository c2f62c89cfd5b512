// The Документы view in the real window: the form offers the roadmap's columns, and
// «Сохранить PDF…» through GTK's real save dialog (answered with xdotool) writes a real PDF.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { answerFileDialog, dataFile, openApp, printToFile, screenshot, waitFor, withDriver } from "./driver.mjs";

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
    await browser.waitUntil(async () => (await browser.$$("#export-form input[type=checkbox]")).length === 13, {
      timeout: 5000,
      timeoutMsg: "the eight roadmap columns, four blocks and the margin option are not offered",
    });
    assert.match(await form.getText(), /Место проведения/);
    assert.match(await form.getText(), /Содержание деятельности/);
    assert.match(await form.getText(), /Отметка о выполнении/);
    assert.match(await (await browser.$("main")).getText(), /Приказ от 16\.02\.2023 № 206/);
    // Ticked: the columns the demo plan fills — no event has a result, evidence or a mark yet.
    const ticked = () =>
      browser.execute(() =>
        [...document.querySelectorAll("#export-form label.inline")]
          .filter((l) => l.querySelector("input[type=checkbox]")?.checked)
          .map((l) => l.textContent.trim()),
      );
    await browser.waitUntil(async () => (await ticked()).includes("Ответственный исполнитель"), { timeout: 5000 });
    const usual = await ticked();
    assert.ok(usual.includes("Сроки реализации") && usual.includes("Ответственный исполнитель"), usual.join(", "));
    assert.ok(!usual.includes("Отметка о выполнении") && !usual.includes("Планируемый результат"), usual.join(", "));
    await screenshot(browser, "documents");

    // The order chosen and «Планируемый результат» ticked are there on the next visit.
    await browser.execute(() => {
      const kind = document.getElementById("document-kind");
      kind.value = "order";
      kind.dispatchEvent(new Event("change", { bubbles: true }));
    });
    await browser.waitUntil(() => browser.execute(() => document.getElementById("document-kind").value === "order"));
    await browser.execute(() => {
      const label = [...document.querySelectorAll("#export-form label.inline")].find((l) => l.textContent.includes("Планируемый результат"));
      label.querySelector("input").click();
    });
    await (await browser.$('button[data-view="schools"]')).click();
    await (await browser.$('button[data-view="documents"]')).click();
    await browser.waitUntil(() => browser.execute(() => document.getElementById("document-kind")?.value === "order"), {
      timeout: 10000,
      timeoutMsg: "the document chosen was forgotten",
    });
    await browser.waitUntil(async () => (await ticked()).includes("Планируемый результат"), {
      timeout: 10000,
      timeoutMsg: "the column ticked was forgotten",
    });
    await browser.execute(() => {
      const kind = document.getElementById("document-kind");
      kind.value = "annex";
      kind.dispatchEvent(new Event("change", { bubbles: true }));
    });
    await browser.waitUntil(async () => !(await ticked()).includes("Планируемый результат"), { timeout: 5000 });

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

    // Any order of the list prints by its own button.
    const order = join(dir, "order.pdf");
    await (await browser.$("#print-order-1")).click();
    await answerFileDialog("Сохранить документ", order);
    await browser.waitUntil(async () => (await form.getText()).includes(`Сохранено: ${order}`), {
      timeout: 30000,
      timeoutMsg: "the order was not saved",
    });
    assert.match(execFileSync("pdftotext", [order, "-"], { encoding: "utf8" }), /№ 206/);
    const orderPages = Number((await form.getText()).match(/— (\d+) стр\./)[1]);

    // The order looked at before it is saved: the same pages as its PDF, over the window.
    await (await browser.$("#preview-order-1")).click();
    await waitFor(browser, "#document-preview .preview-page svg", 30000);
    const shown = await browser.execute(() => ({
      title: document.getElementById("preview-title").textContent,
      pages: document.querySelectorAll("#document-preview .preview-page svg").length,
      first: document.querySelector("#document-preview .preview-page svg").textContent,
    }));
    assert.equal(shown.pages, orderPages, "the preview has the PDF's pages");
    assert.equal(shown.title, `Приказ № 206 — ${orderPages} стр.`);
    assert.match(shown.first, /ПРИКАЗ/);
    assert.match(shown.first, /О\.Л\. Морозова/);
    await screenshot(browser, "document-preview");

    // «Печать…»: the system's print dialog, answered with its print-to-file printer; what it
    // printed is the document, page for page (a landscape annex turned onto its sheet).
    await (await browser.$("#preview-print")).click();
    const printed = await printToFile();
    try {
      const info = execFileSync("pdfinfo", [printed], { encoding: "utf8" });
      assert.equal(Number(info.match(/Pages:\s+(\d+)/)[1]), orderPages, info);
      assert.match(info, /Page size:\s+595(\.\d+)? x 842/, "A4 sheets");
      const text = execFileSync("pdftotext", [printed, "-"], { encoding: "utf8" });
      assert.match(text, /ПРИКАЗ/);
      assert.match(text, /Утвердить Дорожную карту/, "words printed with their spaces");
    } finally {
      rmSync(printed, { force: true });
    }
    // The window prints as itself again once the preview is closed (Esc).
    await browser.keys("Escape");
    await browser.waitUntil(() => browser.execute(() => !document.getElementById("document-preview") && !document.getElementById("print-sheets")), {
      timeout: 5000,
      timeoutMsg: "the preview did not close",
    });
  } finally {
    await browser.deleteSession();
  }
  const text = execFileSync("pdftotext", [join(dir, "annex.pdf"), "-"], { encoding: "utf8" });
  assert.match(text, /Приложение 3/);
  assert.match(text, /Издание приказа Управления образования г\. Таганрога/);
  // No column empty all the way down.
  assert.doesNotMatch(text, /Отметка о выполнении/);
});
