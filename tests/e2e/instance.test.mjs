// One window per data file: a second start on the same file (spelled differently) hands over
// to the open window, which comes forward and says so; a start on another file opens its own.
// Needs a D-Bus session bus, as every desktop has (CI runs the journeys in dbus-run-session).
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { join } from "node:path";
import { BINARY, dataFile, openApp, screenshot, waitFor, withDriver } from "./driver.mjs";

const { dir, db } = dataFile({ demo: true });
withDriver();

/** Starts the program on `file`; resolves with its exit code, or "running" after `ms`. */
function start(file, ms) {
  return new Promise((resolve) => {
    const child = spawn(BINARY, ["--db", file], { stdio: "ignore" });
    const timer = setTimeout(() => resolve({ state: "running", child }), ms);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ state: "exited", code });
    });
  });
}

test("a second start on the same file brings the first window forward", async () => {
  assert.ok(process.env.DBUS_SESSION_BUS_ADDRESS, "run under dbus-run-session: no D-Bus session bus");
  const browser = await openApp(db);
  try {
    await waitFor(browser, 'button[data-view="schools"]', 15000);
    const same = await start(join(dir, ".", "district.sqlite3"), 15000);
    assert.deepEqual(same, { state: "exited", code: 0 }, "the second start on the same file did not hand over");
    await waitFor(browser, "#instance-raised", 5000);
    assert.match(
      await (await browser.$("#instance-raised")).getText(),
      /с этим файлом данных уже открыт — вот его окно/,
    );
    await screenshot(browser, "instance-raised");

    const { db: other } = dataFile({ demo: false });
    const second = await start(other, 4000);
    assert.equal(second.state, "running", "a window on another data file must open");
    second.child.kill();
  } finally {
    await browser.deleteSession();
  }
});
