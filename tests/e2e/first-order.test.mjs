// From the first start to a signed order, as a new coordinator does it, counting every action
// a person takes (a click, a field typed, a dialog answered): a new data file, the district's
// profile, another district's real roadmap (.docx, its title typed over five lines) through the
// real open dialog, the rows it flags settled, the approving order with the roadmap as its
// annex, the PDF through the real save dialog — at most 25 actions, nothing retyped. The PDF's
// first page is read back: the issuer above «ПРИКАЗ», point 1 one paragraph, the signature.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { ROOT, answerFileDialog, dataFile, openApp, screenshot, waitFor, withDriver } from "./driver.mjs";

const { dir, db } = dataFile({ demo: false });
withDriver();
const DOCX = join(ROOT, "tests/fixtures/docx/roadmap-surgut-2021-2022-titled.docx");
const PROFILE = {
  issuer: "Департамент образования Администрации города Сургута",
  coordinator: "Петрова А.С., главный специалист",
  head: "Томазова А.Н., директор департамента образования",
  district: "г. Сургут",
};

test("first start to a signed order in at most 25 actions", async () => {
  const browser = await openApp(db);
  const actions = [];
  const click = async (selector, what) => {
    const el = await browser.$(selector);
    await el.waitForClickable({ timeout: 15000, timeoutMsg: `${what}: ${selector} cannot be clicked` });
    await el.click();
    actions.push(what);
  };
  const type = async (selector, text, what) => {
    const el = await browser.$(selector);
    await el.waitForExist({ timeout: 10000, timeoutMsg: `${what}: ${selector} is not there` });
    await el.setValue(text);
    actions.push(what);
  };
  const dialog = async (title, path, what) => {
    await answerFileDialog(title, path);
    actions.push(what);
  };
  try {
    // 1. Who the district is, once: it goes into everything below.
    for (const [field, value] of Object.entries(PROFILE)) await type(`#profile-${field}`, value, `профиль: ${field}`);
    await click("#start-import", "«Импортировать дорожную карту из Word или Excel»");

    // 2. Another district's roadmap through the real open dialog; the preview comes by itself.
    await click("#choose-file", "«Выбрать файл…»");
    await dialog("Открыть дорожную карту", DOCX, "файл выбран в диалоге");
    await browser.waitUntil(
      () => browser.execute(() => document.getElementById("import-preview")?.textContent.includes("мероприятий 20") ?? false),
      { timeout: 30000, timeoutMsg: "the .docx was not previewed" },
    );
    const reason = await browser.execute(() => document.getElementById("period-reason").textContent);
    assert.match(reason, /«сентябрь 2021 года - май 2022 года»; это 2021\/2022 учебный год/);
    await screenshot(browser, "first-order-preview");
    await click("#import-now", "«Импортировать»");
    await waitFor(browser, "#import-report", 30000);
    await click("#open-imported", "«Открыть дорожную карту»");

    // 3. The flagged rows settled in place: a timeframe typed where the document had none, one
    // partly before the period kept as written.
    await waitFor(browser, "#timeframe-review .review-item");
    const flagged = await browser.execute(() =>
      [...document.querySelectorAll("#timeframe-review .review-item")].map((item) => ({
        number: item.dataset.event,
        field: item.querySelector("textarea").id,
        text: item.querySelector("textarea").value,
      })),
    );
    assert.deepEqual(
      flagged.map((f) => `${f.number} ${f.text}`),
      ["2.1 III квартал 2021", "2.1.4 ", "3.6.1 ", "3.6.2 "],
    );
    const typed = { "2.1.4": "Ноябрь 2021", "3.6.1": "I - II квартал 2022", "3.6.2": "II квартал 2022" };
    for (const f of flagged) {
      const item = `#timeframe-review .review-item[data-event="${f.number}"]`;
      if (typed[f.number]) {
        await type(`#${f.field}`, typed[f.number], `срок ${f.number}`);
        await click(`${item} button.primary`, `«Сохранить срок» ${f.number}`);
      } else {
        await click(`${item} .accept-timeframe`, `«Принять как есть» ${f.number}`);
      }
      await browser.waitUntil(() => browser.execute((s) => !document.querySelector(s), item), {
        timeout: 10000,
        timeoutMsg: `${f.number} stayed in the review list`,
      });
    }
    assert.equal(await browser.execute(() => document.getElementById("timeframe-review")), null, "nothing left to review");

    // 4. The approving order: issuer, signatory, executor and place come from the profile.
    await click('button[data-view="orders"]', "«Приказы»");
    await click("#new-order", "«Новый приказ»");
    await click('.wordings button[data-point="Утвердить дорожную карту"]', "«+ Утвердить дорожную карту»");
    const form = await browser.execute(() =>
      Object.fromEntries(["issuer", "place", "title", "signatory_position", "signatory_name", "executor_name"].map((n) => [n, document.querySelector(`#order-form [name="${n}"]`).value])),
    );
    assert.equal(form.issuer, PROFILE.issuer);
    assert.equal(form.place, "г. Сургут");
    assert.equal(form.signatory_name, "А.Н. Томазова");
    assert.match(form.signatory_position, /^Директор департамента образования/);
    assert.match(form.executor_name, /Петрова А\.С\./);
    assert.match(form.title, /^Об утверждении дорожной карты мероприятий по поддержке образовательных организаций города Сургута с низкими/);
    const point = await browser.execute(() => document.querySelector("#order-points textarea").value);
    assert.doesNotMatch(point, /\n|  /, "the title taken into point 1 is one line");
    assert.match(point, /Сургута с низкими образовательными результатами и \/ или функционирующих в неблагоприятных/);
    await type('#order-form [name="number"]', "412", "номер приказа");
    await screenshot(browser, "first-order-composer");
    await click("#save-order", "«Создать приказ»");

    // 5. Its PDF through the real save dialog, from the orders list.
    await waitFor(browser, '#orders tr[data-order="1"]');
    const pdf = join(dir, "order.pdf");
    await click("#order-pdf-1", "«PDF…»");
    await dialog("Сохранить документ", pdf, "файл назван в диалоге");
    await browser.waitUntil(
      () => browser.execute((p) => document.querySelector(".notice.ok")?.textContent.includes(`Сохранено: ${p}`) ?? false, pdf),
      { timeout: 60000, timeoutMsg: "the order was not saved" },
    );
    await screenshot(browser, "first-order-saved");

    console.log(`${actions.length} actions:\n${actions.map((a, i) => `${i + 1}. ${a}`).join("\n")}`);
    assert.ok(actions.length <= 25, `${actions.length} actions`);

    const first = execFileSync("pdftotext", ["-f", "1", "-l", "1", pdf, "-"], { encoding: "utf8" });
    const upper = first.toUpperCase();
    const issuerAt = upper.indexOf("ДЕПАРТАМЕНТ ОБРАЗОВАНИЯ");
    assert.ok(issuerAt >= 0 && issuerAt < upper.indexOf("ПРИКАЗ"), `the issuer above «ПРИКАЗ»:\n${first}`);
    assert.match(first, /№ 412/);
    assert.match(first, /Директор департамента образования[\s\S]*А\.Н\. Томазова/, "the signature");
    // Point 1 is one paragraph: every line but its last runs to the right margin (a raw line
    // break from the title would leave short lines inside it).
    const lines = first.split("\n");
    const start = lines.findIndex((l) => l.includes("1. Утвердить"));
    assert.ok(start >= 0, first);
    const end = lines.findIndex((l, i) => i > start && /^(2\.|[А-ЯЁ][а-яё]+ [А-ЯЁ]\.[А-ЯЁ]\.|Директор)/.test(l.trim()));
    const paragraph = lines.slice(start, end > start ? end : undefined).filter((l) => l.trim() !== "");
    const widest = Math.max(...paragraph.map((l) => l.length));
    for (const l of paragraph.slice(1, -1)) assert.ok(l.length >= widest * 0.8, `a short line inside point 1: «${l}»\n${paragraph.join("\n")}`);
    assert.match(paragraph.join(" "), /\(приложение\)/);
    const annex = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" });
    assert.match(annex, /Приложение\s+к приказу Департамента образования\s+Администрации города Сургута/);
    assert.match(annex, /Ноябрь 2021/);
  } finally {
    await browser.deleteSession();
  }
});
