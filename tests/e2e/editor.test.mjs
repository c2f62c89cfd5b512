// The editor in the real window, from an empty data file: a plan written from nothing — two
// sections, five events typed with Enter between them, one indented with Tab — its numbers
// checked after a move; an order composed with the plan as annex 1; a restart; everything is
// still there, and `koordinator export --document order` prints the points and the annex.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { BINARY, dataFile, openApp, screenshot, waitFor, withDriver } from "./driver.mjs";

const { db, dir } = dataFile({ demo: false });
withDriver();

/** Number and content of every event row, in order. */
const rows = (browser) =>
  browser.execute(() =>
    [...document.querySelectorAll("#plan-editor tr[data-id]")].map(
      (tr) => `${tr.dataset.event} ${tr.querySelector("textarea.content").value}`,
    ),
  );

/** Writes into the focused (new, empty) content cell, then presses a real key there. */
async function typeThen(browser, text, key) {
  await browser.waitUntil(
    () => browser.execute(() => document.activeElement?.classList.contains("content") && document.activeElement.value === ""),
    { timeout: 10000, timeoutMsg: "no new empty row has the focus" },
  );
  await browser.execute((text) => {
    const el = document.activeElement;
    el.value = text;
    el.dispatchEvent(new Event("input", { bubbles: true }));
  }, text);
  if (key) await browser.keys(key);
}

async function setField(browser, selector, value, event = "input") {
  await browser.execute(
    (selector, value, event) => {
      const el = document.querySelector(selector);
      el.value = value;
      el.dispatchEvent(new Event(event, { bubbles: true }));
      if (event === "input") el.dispatchEvent(new Event("change", { bubbles: true }));
    },
    selector,
    value,
    event,
  );
}

test("a plan from nothing, its order, a restart", async () => {
  let browser = await openApp(db);
  try {
    await (await browser.$("button=Начать с пустого файла")).waitForClickable({ timeout: 15000 });
    await (await browser.$("button=Начать с пустого файла")).click();
    await (await browser.$('button[data-view="plans"]')).click();
    await (await browser.$("#new-plan")).click();
    await waitFor(browser, "#plan-form");
    await setField(browser, '#plan-form input[name="title"]', "");
    await (await browser.$("#create-plan")).click();
    await waitFor(browser, "#plan-form .field-error");
    assert.match(await (await browser.$("#plan-form .field-error")).getText(), /Укажите название дорожной карты/);
    await setField(browser, '#plan-form input[name="title"]', "Дорожная карта сопровождения ШНОР на 2023-2024 учебный год");
    await setField(browser, '#plan-form input[name="period-start"]', "2023-09-01", "change");
    await setField(browser, '#plan-form input[name="period-end"]', "2024-08-31", "change");
    await setField(browser, '#plan-form input[name="issuer"]', "Управление образования г. Таганрога");
    await (await browser.$("#create-plan")).click();
    await waitFor(browser, "#plan-editor");

    // Two sections.
    await (await browser.$("#add-section")).click();
    await browser.waitUntil(() => browser.execute(() => document.querySelectorAll("#plan-editor tr.section-row").length === 1));
    await (await browser.$("#add-section")).click();
    await browser.waitUntil(() => browser.execute(() => document.querySelectorAll("#plan-editor tr.section-row").length === 2));
    await setField(browser, '#plan-editor tr.section-row:nth-of-type(2) input.section-title', "Итоговый этап", "input");

    // Section 1: three events, Enter between them; section 2: two.
    await browser.execute(() => document.querySelector("#plan-editor tr.section-row .row-actions button").click());
    await typeThen(browser, "Приказ о сопровождении", ["Enter"]);
    await typeThen(browser, "Совещание с директорами", ["Enter"]);
    await typeThen(browser, "Семинар для учителей", ["Alt", "ArrowRight"]);
    await browser.waitUntil(async () => (await rows(browser)).includes("1.2.1 Семинар для учителей"), {
      timeout: 10000,
      timeoutMsg: "Alt+→ did not indent the third event",
    });
    // Shift+Tab in the content (WebKitGTK: key «Unidentified», code «Tab») outdents; Alt+→ again.
    await browser.waitUntil(() => browser.execute(() => document.activeElement?.closest("tr")?.dataset.event === "1.2.1"), { timeout: 10000 });
    await browser.keys(["Shift", "Tab"]);
    await browser.waitUntil(async () => (await rows(browser)).includes("1.3 Семинар для учителей"), {
      timeout: 10000,
      timeoutMsg: "Shift+Tab did not outdent",
    });
    await browser.waitUntil(() => browser.execute(() => document.activeElement?.closest("tr")?.dataset.event === "1.3"), { timeout: 10000 });
    await browser.keys(["Alt", "ArrowRight"]);
    await browser.waitUntil(async () => (await rows(browser)).includes("1.2.1 Семинар для учителей"), { timeout: 10000 });
    // Enter in the second section's title adds its first event, the caret in it.
    await browser.execute(() => document.querySelectorAll("#plan-editor tr.section-row")[1].querySelector("input.section-title").focus());
    await browser.keys(["Enter"]);
    await browser.waitUntil(() => browser.execute(() => document.activeElement?.closest("tr")?.dataset.event === "2.1"), {
      timeout: 10000,
      timeoutMsg: "Enter in the section's title did not add its first event",
    });
    await typeThen(browser, "Отчёт о выполнении", ["Enter"]);
    await typeThen(browser, "Итоговая конференция", null);
    // Leaving the field saves it (the change event a user's typing would give).
    await browser.execute(() => {
      document.activeElement.dispatchEvent(new Event("change", { bubbles: true }));
      document.activeElement.blur();
    });
    await browser.waitUntil(async () => (await rows(browser)).length === 5 && (await rows(browser))[4].endsWith("конференция"), {
      timeout: 10000,
    });
    assert.deepEqual(await rows(browser), [
      "1.1 Приказ о сопровождении",
      "1.2 Совещание с директорами",
      "1.2.1 Семинар для учителей",
      "2.1 Отчёт о выполнении",
      "2.2 Итоговая конференция",
    ]);

    // A row typed across with real keys and clicks: content, then the timeframe, the place, the
    // executors, then away — all four saved (the row is never rebuilt under the typing).
    const cell = async (n, sel) => browser.$(`#plan-editor tr[data-event="${n}"] ${sel}`);
    await (await cell("2.2", "textarea.content")).click();
    await browser.keys(["Control", "End"]);
    await browser.keys(" для всех школ");
    await (await cell("2.2", "textarea.timeframe")).click();
    await browser.keys("август 2024");
    await (await cell("2.2", 'textarea[data-field="place"]')).click();
    await browser.keys("МБОУ СОШ № 5, актовый зал");
    await (await cell("2.2", "textarea.executors")).click();
    await browser.keys("Иванова А.А., методист");
    await (await cell("2.1", "textarea.content")).click();
    const saved = () =>
      JSON.parse(execFileSync(BINARY, ["--db", db, "events", "--plan", "1", "--json"]).toString("utf8")).find((e) => e.number === "2.2");
    await browser.waitUntil(async () => saved().executors.length > 0, { timeout: 10000, timeoutMsg: "the row typed across was not saved" });
    const typed = saved();
    assert.equal(typed.content, "Итоговая конференция для всех школ");
    assert.equal(typed.timeframe.text, "август 2024");
    assert.deepEqual(typed.executors, ["Иванова А.А., методист"]);
    assert.equal(typed.place, "МБОУ СОШ № 5, актовый зал");
    await setField(browser, '#plan-editor tr[data-event="2.2"] textarea.content', "Итоговая конференция", "input");
    await browser.waitUntil(async () => saved().content === "Итоговая конференция", { timeout: 10000 });

    // A timeframe and an executor for the first event.
    await browser.execute(() => document.querySelector('#plan-editor tr[data-event="1.1"] textarea.timeframe').focus());
    await setField(browser, '#plan-editor tr[data-event="1.1"] textarea.timeframe', "до 15 сентября 2023 г.", "input");
    await setField(browser, '#plan-editor tr[data-event="1.1"] textarea.executors', "Баркалова Е.В., муниципальный координатор", "input");
    await browser.execute(() => document.querySelector('#plan-editor tr[data-event="1.2"] textarea.content').focus());
    await browser.waitUntil(
      () => browser.execute(() => document.querySelector('#plan-editor tr[data-event="1.1"]').textContent.includes("15.09.2023")),
      { timeout: 10000, timeoutMsg: "the timeframe was not saved when the row was left" },
    );

    // «Совещание» moves up with its sub-event: the numbers follow.
    await browser.execute(() => document.querySelector('#plan-editor tr[data-event="1.2"] button[aria-label="Выше"]').click());
    await browser.waitUntil(async () => (await rows(browser))[0] === "1.1 Совещание с директорами", { timeout: 10000 });
    assert.deepEqual(await rows(browser), [
      "1.1 Совещание с директорами",
      "1.1.1 Семинар для учителей",
      "1.2 Приказ о сопровождении",
      "2.1 Отчёт о выполнении",
      "2.2 Итоговая конференция",
    ]);
    // Dragged: «Итоговая конференция» dropped on «Совещание» goes before it (HTML5 drag events,
    // which WebKitWebDriver's pointer does not produce, dispatched on the rows).
    await browser.execute(() => {
      const row = (n) => document.querySelector(`#plan-editor tr[data-event="${n}"]`);
      const data = new DataTransfer();
      row("2.2").dispatchEvent(new DragEvent("dragstart", { bubbles: true, dataTransfer: data }));
    });
    await browser.execute(() => {
      const target = document.querySelector('#plan-editor tr[data-event="1.1"]');
      const data = new DataTransfer();
      target.dispatchEvent(new DragEvent("dragover", { bubbles: true, cancelable: true, dataTransfer: data }));
      target.dispatchEvent(new DragEvent("drop", { bubbles: true, cancelable: true, dataTransfer: data }));
    });
    await browser.waitUntil(async () => (await rows(browser))[0] === "1.1 Итоговая конференция", { timeout: 10000, timeoutMsg: "the drop did not move the row" });
    await (await browser.$("#undo")).click();
    await browser.waitUntil(async () => (await rows(browser))[0] === "1.1 Совещание с директорами", { timeout: 10000, timeoutMsg: "undo did not take the drag back" });

    // The second section moved up, and back with undo.
    await browser.execute(() => document.querySelectorAll("#plan-editor tr.section-row")[1].querySelector('button[aria-label="Раздел выше"]').click());
    await browser.waitUntil(async () => (await rows(browser))[0] === "1.1 Отчёт о выполнении", { timeout: 10000, timeoutMsg: "the section did not move up" });
    // Ctrl+Z takes it back, Ctrl+Shift+Z makes it again, Ctrl+Z once more.
    await browser.execute(() => document.activeElement?.blur());
    await browser.keys(["Control", "z"]);
    await browser.waitUntil(async () => (await rows(browser))[0] === "1.1 Совещание с директорами", { timeout: 10000, timeoutMsg: "Ctrl+Z did not undo" });
    await browser.keys(["Control", "Shift", "z"]);
    await browser.waitUntil(async () => (await rows(browser))[0] === "1.1 Отчёт о выполнении", { timeout: 10000, timeoutMsg: "Ctrl+Shift+Z did not redo" });
    await browser.keys(["Control", "z"]);
    await browser.waitUntil(async () => (await rows(browser))[0] === "1.1 Совещание с директорами", { timeout: 10000 });

    // Deleted and undone.
    await browser.execute(() => document.querySelector('#plan-editor tr[data-event="2.1"] button[aria-label="Удалить"]').click());
    await browser.waitUntil(async () => (await rows(browser)).length === 4, { timeout: 10000 });
    await (await browser.$("#undo-delete")).click();
    await browser.waitUntil(async () => (await rows(browser)).length === 5, { timeout: 10000, timeoutMsg: "undo did not bring the event back" });
    await screenshot(browser, "editor");

    // The order: the plan as annex 1, and control of execution.
    await (await browser.$('button[data-view="orders"]')).click();
    await (await browser.$("#new-order")).waitForClickable({ timeout: 10000 });
    await (await browser.$("#new-order")).click();
    await waitFor(browser, "#order-form");
    // The ready wordings come from Rust with the order's usual title.
    await browser.waitUntil(
      () => browser.execute(() => [...document.querySelectorAll("#order-form .chip-button")].some((b) => b.textContent.includes("Утвердить дорожную карту"))),
      { timeout: 10000, timeoutMsg: "no ready wordings" },
    );
    assert.equal(
      await browser.execute(() => document.querySelector('#order-form input[name="title"]').value),
      "Об утверждении дорожной карты сопровождения ШНОР на 2023-2024 учебный год",
    );
    // The title follows the points until the person writes their own: taking note of the
    // plan's course alone is «О ходе реализации …», approving it makes it «Об утверждении …».
    const chip = (label) =>
      browser.execute((label) => [...document.querySelectorAll("#order-form .chip-button")].find((b) => b.textContent.includes(label)).click(), label);
    const title = () => browser.execute(() => document.querySelector('#order-form input[name="title"]').value);
    await chip("Принять к сведению ход реализации");
    await browser.waitUntil(async () => (await title()) === "О ходе реализации дорожной карты сопровождения ШНОР на 2023-2024 учебный год", {
      timeout: 10000,
      timeoutMsg: "the title did not follow the point",
    });
    await chip("Утвердить дорожную карту");
    await browser.waitUntil(async () => (await title()).startsWith("Об утверждении дорожной карты"), { timeout: 10000 });
    // The note point taken out again: the order approves the plan only.
    await browser.execute(() => document.querySelector('#order-form button[aria-label="Удалить пункт"]').click());
    await chip("Контроль исполнения");
    await (await browser.$("#save-order")).click();
    await waitFor(browser, "#order-form .field-error");
    assert.match(await (await browser.$("#order-form .field-error")).getText(), /Укажите номер приказа/);
    await setField(browser, '#order-form input[name="number"]', "301");
    await setField(browser, '#order-form input[name="date"]', "2023-09-01");
    await setField(browser, '#order-form input[name="place"]', "г. Таганрог");
    await setField(browser, '#order-form input[name="signatory_position"]', "Начальник Управления образования г. Таганрога");
    await setField(browser, '#order-form input[name="signatory_name"]', "О.Л. Морозова");
    await screenshot(browser, "order-composer");
    await (await browser.$("#save-order")).click();
    await waitFor(browser, "#orders tr[data-order]");
    // Opened again: a change is saved as soon as the field is left, no Save button.
    await browser.execute(() => document.querySelector("#orders tr[data-order] button").click());
    await waitFor(browser, '#order-form textarea[name="preamble"]');
    await setField(browser, '#order-form textarea[name="preamble"]', "В целях сопровождения школ с низкими образовательными результатами,");
    await browser.waitUntil(async () => (await (await browser.$("#order-form")).getText()).includes("Изменения сохранены."), {
      timeout: 10000,
      timeoutMsg: "the preamble was not saved when left",
    });
    await (await browser.$("#close-order")).click();
  } finally {
    await browser.deleteSession();
  }

  browser = await openApp(db);
  try {
    await (await browser.$('button[data-view="plans"]')).waitForClickable({ timeout: 15000 });
    await (await browser.$('button[data-view="plans"]')).click();
    await (await browser.$("#mode-editor")).waitForClickable({ timeout: 10000 });
    await (await browser.$("#mode-editor")).click();
    await browser.waitUntil(async () => (await rows(browser)).length === 5, { timeout: 10000, timeoutMsg: "after a restart the plan is gone" });
    assert.equal((await rows(browser))[2], "1.2 Приказ о сопровождении");
    // The passport opened by the person stays open while its fields are saved one by one.
    await browser.execute(() => document.querySelector("#plan-form summary").click());
    const open = () => browser.execute(() => document.querySelector("#plan-form details").open);
    assert.equal(await open(), true);
    await setField(browser, '#plan-form input[name="issuer"]', "Управление образования г. Таганрога (отдел)", "change");
    await browser.waitUntil(
      async () => (await browser.execute(() => document.querySelector('#plan-form input[name="issuer"]').value)).includes("(отдел)") &&
        JSON.parse(execFileSync(BINARY, ["--db", db, "plans", "--json"], { encoding: "utf8" }))[0].issuer.includes("(отдел)"),
      { timeout: 10000, timeoutMsg: "the issuer was not saved" },
    );
    await browser.pause(500);
    assert.equal(await open(), true, "saving a field collapsed the passport");
  } finally {
    await browser.deleteSession();
  }

  const pdf = join(dir, "order.pdf");
  execFileSync(BINARY, ["--db", db, "export", "--plan", "1", "--document", "order", "--out", pdf]);
  const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
  assert.match(text, /ПРИКАЗ/);
  assert.match(text, /№ 301/);
  assert.match(text, /В целях сопровождения школ с низкими образовательными результатами, ПРИКАЗЫВАЮ:/);
  assert.match(text, /1\. Утвердить дорожную карту сопровождения ШНОР на 2023-2024 учебный год \(приложение\)\./);
  assert.match(text, /2\. Контроль исполнения приказа оставляю за собой\./);
  assert.match(text, /Приложение к приказу Управления образования г\. Таганрога от 01\.09\.2023 № 301/);
  assert.match(text, /Семинар для учителей/);
  assert.match(text, /Итоговая конференция/);
  assert.match(text, /до 15 сентября/);
});

// Enter then Esc in the editor: the empty row Enter added goes again — no empty numbered row is
// saved and nothing below is renumbered (issue 25, point 8).
test("Enter then Esc leaves no empty row", async () => {
  const { dir: d2, db: file } = dataFile({ demo: false });
  const table = join(d2, "plan.txt");
  execFileSync("sh", ["-c", `printf '%s\\n' "$1" > "$2"`, "sh", "№\tМероприятие\tСрок\n1\tСовещание\tмарт 2023\n2\tСеминар\tапрель 2023", table]);
  execFileSync(BINARY, ["--db", file, "import", table, "--period", "2023-01-01..2023-12-31"]);
  const events = () => JSON.parse(execFileSync(BINARY, ["--db", file, "events", "--plan", "1", "--json"]).toString("utf8")).map((e) => `${e.number} ${e.content}`);
  const browser = await openApp(file);
  try {
    await (await browser.$('button[data-view="plans"]')).waitForClickable({ timeout: 15000 });
    await (await browser.$('button[data-view="plans"]')).click();
    await (await browser.$("#mode-editor")).waitForClickable({ timeout: 10000 });
    await (await browser.$("#mode-editor")).click();
    await browser.waitUntil(async () => (await rows(browser)).length === 2, { timeout: 10000 });
    await browser.execute(() => document.querySelector('#plan-editor tr[data-event="1"] textarea.content').focus());
    await browser.keys(["Enter"]);
    await browser.waitUntil(async () => (await rows(browser)).length === 3, { timeout: 10000, timeoutMsg: "Enter added no row" });
    assert.deepEqual(events(), ["1 Совещание", "2 ", "3 Семинар"]);
    await browser.waitUntil(
      () => browser.execute(() => document.activeElement?.classList.contains("content") && document.activeElement.value === ""),
      { timeout: 10000, timeoutMsg: "the new row has no focus" },
    );
    await browser.keys(["Escape"]);
    await browser.waitUntil(async () => (await rows(browser)).length === 2, { timeout: 10000, timeoutMsg: "Esc left the empty row" });
    assert.deepEqual(await rows(browser), ["1 Совещание", "2 Семинар"]);
    assert.deepEqual(events(), ["1 Совещание", "2 Семинар"]);
  } finally {
    await browser.deleteSession();
  }
});
