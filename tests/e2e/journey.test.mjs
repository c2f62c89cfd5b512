// The foundation journey in the real window: a fresh data file, the demo district, the
// roadmap, a new school through the form, a restart, the school still there.
import { test } from "node:test";
import assert from "node:assert/strict";
import { dataFile, openApp, screenshot, withDriver } from "./driver.mjs";

const { db } = dataFile({ demo: false });
withDriver();

async function go(browser, view) {
  await (await browser.$(`button[data-view="${view}"]`)).click();
}

async function schoolCount(browser) {
  return browser.execute(() => document.querySelectorAll("#schools-table tbody tr").length);
}

test("demo district, roadmap, a new school that survives a restart", async () => {
  let browser = await openApp(db);
  try {
    const load = await browser.$("#load-demo");
    await load.waitForClickable({ timeout: 15000 });
    await load.click();

    await browser.waitUntil(async () => (await schoolCount(browser)) === 18, {
      timeout: 10000,
      timeoutMsg: "the 18 demo schools were not listed",
    });
    // One script call: WebKitWebDriver does not survive many requests at once.
    const labels = await browser.execute(() =>
      [...document.querySelectorAll("#schools-table .chip")].map((c) => c.textContent ?? ""),
    );
    assert.equal(labels.filter((l) => l.startsWith("ШНОР")).length, 7, "7 supported schools");
    assert.equal(labels.filter((l) => l.startsWith("Школа-наставник")).length, 5, "5 mentor schools");
    await screenshot(browser, "schools");

    await go(browser, "plans");
    const roadmap = await browser.$("#roadmap");
    await roadmap.waitForExist({ timeout: 10000 });
    assert.match(await roadmap.getText(), /Издание приказа Управления образования г\. Таганрога/);
    assert.match(await roadmap.getText(), /Итоговый этап/);
    await screenshot(browser, "roadmap");

    await go(browser, "schools");
    await (await browser.$("#add-school")).click();
    const form = await browser.$("#school-form");
    await form.waitForExist({ timeout: 5000 });
    await (await form.$('input[name="short_name"]')).setValue("МОБУ СОШ № 11");
    await (await form.$('input[name="director"]')).setValue("Ковалёва Т.Н.");
    await (await browser.$("#save-school")).click();
    await browser.waitUntil(async () => (await schoolCount(browser)) === 19, {
      timeout: 10000,
      timeoutMsg: "the new school did not appear",
    });

    // A duplicate is refused beside its field, and what was typed stays.
    await (await browser.$("#add-school")).click();
    await (await browser.$('#school-form input[name="short_name"]')).setValue("МОБУ СОШ № 11");
    await (await browser.$("#save-school")).click();
    const err = await browser.$("#err-short_name");
    await err.waitForExist({ timeout: 5000 });
    assert.match(await err.getText(), /уже есть/);
    assert.equal(await (await browser.$('#school-form input[name="short_name"]')).getValue(), "МОБУ СОШ № 11");
    await screenshot(browser, "school-form-error");
  } finally {
    await browser.deleteSession();
  }

  browser = await openApp(db);
  try {
    await browser.waitUntil(async () => (await schoolCount(browser)) === 19, {
      timeout: 15000,
      timeoutMsg: "after a restart the schools are not all there",
    });
    const row = await browser.$('#schools-table tr[data-school="МОБУ СОШ № 11"]');
    assert.ok(await row.isExisting(), "the added school is still there");
    assert.match(await row.getText(), /Ковалёва Т\.Н\./);
    assert.equal(await (await browser.$("#load-demo")).isExisting(), false, "no first-start offer any more");
  } finally {
    await browser.deleteSession();
  }
});
