// One history of changes in the real window: a timeframe fixed in the calendar's panel, then the
// event marked done with its evidence; one Ctrl+Z takes back only the mark (checked through the
// CLI), «Журнал» lists both; after the window closes, the data file alone holds the session.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { BINARY, dataFile, openApp, openCalendarAt, screenshot, waitFor, withDriver } from "./driver.mjs";

const { dir, db } = dataFile({ demo: true });
withDriver();

const event3 = (file) =>
  JSON.parse(execFileSync(BINARY, ["--db", file, "events", "--plan", "1", "--json"]).toString("utf8")).find(
    (e) => e.number === "3",
  );

test("Ctrl+Z takes back only the newest change; the file alone holds the session", async () => {
  const browser = await openApp(db);
  try {
    await openCalendarAt(browser, "2023-03");
    await browser.waitUntil(
      () => browser.execute(() => [...document.querySelectorAll("#calendar .fc-event")].some((e) => e.textContent.includes("Разработка локальных актов"))),
      { timeout: 10000, timeoutMsg: "event 3 is not in March" },
    );
    const open = () =>
      browser.execute(() => [...document.querySelectorAll("#calendar .fc-event")].find((e) => e.textContent.includes("Разработка локальных актов"))?.click());
    await open();
    await waitFor(browser, "#entry-panel");

    // 1. The timeframe fixed in the panel.
    const field = await browser.$('#entry-panel .timeframe-editor input, #entry-panel .timeframe-editor textarea');
    await field.clearValue();
    await field.setValue("до 17 марта 2023 г.");
    await (await browser.$("#entry-panel .timeframe-editor button.primary")).click();
    await browser.waitUntil(async () => event3(db).timeframe.text === "до 17 марта 2023 г.", {
      timeout: 10000,
      timeoutMsg: "the timeframe was not saved",
    });

    // 2. Marked done with its evidence.
    await open();
    await waitFor(browser, "#entry-panel select");
    await (await browser.$("#entry-panel select")).selectByAttribute("value", "done");
    await (await browser.$("#completion-mark")).setValue("Положение утверждено");
    await (await browser.$("#evidence")).setValue("Приказ № 215 от 17.03.2023");
    await (await browser.$("#save-status")).click();
    await browser.waitUntil(async () => event3(db).status === "done", { timeout: 10000, timeoutMsg: "not marked done" });

    // 3. One Ctrl+Z, outside any field: only the mark goes back.
    await browser.execute(() => document.activeElement?.blur());
    await browser.keys(["Control", "z"]);
    await browser.waitUntil(async () => event3(db).status === "planned", { timeout: 10000, timeoutMsg: "Ctrl+Z did not undo the mark" });
    const after = event3(db);
    assert.equal(after.timeframe.text, "до 17 марта 2023 г.", "the earlier change stays");
    assert.equal(after.evidence, "");
    const said = async () => browser.execute(() => document.getElementById("history-step")?.textContent ?? "");
    await browser.waitUntil(async () => (await said()).includes("Отменено: Отметка"), { timeout: 5000, timeoutMsg: "Ctrl+Z said nothing" });
    assert.ok(!(await said()).includes("в другом окне"), await said());

    // «Журнал»: the two changes, the newest undone.
    await (await browser.$('button[data-view="history"]')).click();
    await waitFor(browser, "#history-table");
    const rows = await browser.execute(() => [...document.querySelectorAll("#history-table tbody tr")].map((r) => r.textContent));
    assert.match(rows[0], /Отметка мероприятия 3.*отменено/, rows.join("\n"));
    assert.match(rows[1], /Срок мероприятия 3 изменён/, rows.join("\n"));
    // Each says what it changed from and to.
    assert.match(rows[1], /срок мероприятия: «до 10 марта 2023 г\.» → «до 17 марта 2023 г\.»/, rows[1]);
    assert.match(rows[0], /состояние мероприятия: «запланировано» → «выполнено»/, rows[0]);
    assert.match(rows[0], /отметка о выполнении: пусто → «Положение утверждено»/, rows[0]);
    await screenshot(browser, "history");

  } finally {
    await browser.deleteSession();
  }
  // The window is closed: the -wal file is empty or gone, and a copy of the data file alone has
  // the whole session.
  await new Promise((r) => setTimeout(r, 500));
  const wal = `${db}-wal`;
  assert.ok(!existsSync(wal) || statSync(wal).size === 0, "the session is left in the -wal file");
  const copy = join(dir, "copy.sqlite3");
  copyFileSync(db, copy);
  assert.equal(event3(copy).timeframe.text, "до 17 марта 2023 г.");
  const history = JSON.parse(execFileSync(BINARY, ["--db", copy, "history", "--json"]).toString("utf8"));
  assert.equal(history[0].undone, true);
  assert.equal(history.length, 3, JSON.stringify(history));
  assert.deepEqual(history[1].edits, ["срок мероприятия: «до 10 марта 2023 г.» → «до 17 марта 2023 г.»"]);
});

// A restore in «Файл данных» can be taken back: «Вернуть как было до восстановления» restores
// the copy made just before it; the list says which copy is which.
test("a restore is taken back from the window; backups are told apart", async () => {
  const { db: file } = dataFile({ demo: true });
  const plans = () => JSON.parse(execFileSync(BINARY, ["--db", file, "plans", "--json"]).toString("utf8")).length;
  const browser = await openApp(file);
  try {
    await (await browser.$('button[data-view="file"]')).click();
    await (await browser.$("#backup-now")).click();
    await waitFor(browser, "#backups .restore");
    execFileSync(BINARY, ["--db", file, "copy-plan", "--plan", "1"]);
    assert.equal(plans(), 2);
    await (await browser.$("#backups .restore")).click();
    await (await browser.$("#backups .restore-yes")).click();
    await browser.waitUntil(async () => plans() === 1, { timeout: 10000, timeoutMsg: "not restored" });
    await waitFor(browser, "#undo-restore");
    const kinds = await browser.execute(() => [...document.querySelectorAll("#backups .backup-kind")].map((c) => c.textContent));
    assert.ok(kinds.includes("вручную") && kinds.includes("перед восстановлением"), kinds.join());
    await screenshot(browser, "backups");
    await (await browser.$("#undo-restore")).click();
    await browser.waitUntil(async () => plans() === 2, { timeout: 10000, timeoutMsg: "the restore was not taken back" });
    const note = await browser.execute(() => document.getElementById("backup-note")?.textContent ?? "");
    assert.match(note, /Восстановление отменено/);

    const stepNote = async () => browser.execute(() => document.getElementById("history-step")?.textContent ?? "");
    // A change made on the command line, then Ctrl+Z here: the window says whose it was.
    execFileSync(BINARY, ["--db", file, "copy-plan", "--plan", "1"]);
    await browser.execute(() => document.activeElement?.blur());
    await browser.keys(["Control", "z"]);
    await browser.waitUntil(async () => (await stepNote()).includes("сделано в другом окне или в командной строке"), {
      timeout: 10000,
      timeoutMsg: "the undo of another process's change did not say so",
    });
    assert.match(await stepNote(), /Отменено: Копия на следующий год/);

  } finally {
    await browser.deleteSession();
  }
});
