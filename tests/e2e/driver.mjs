// Starts tauri-driver and opens the real Koordinator window on a given data file.
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { after, before } from "node:test";
import { fileURLToPath } from "node:url";
import { remote } from "webdriverio";

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(here, "../..");
export const BINARY = process.env.KOORDINATOR_BIN ?? resolve(ROOT, "target/debug/koordinator");
export const OUT = resolve(here, "out");
mkdirSync(OUT, { recursive: true });

const PORT = 4444;

/** Starts tauri-driver (which starts WebKitWebDriver) and waits until it answers. */
export async function startDriver() {
  const driver = spawn("tauri-driver", ["--port", String(PORT)], { stdio: ["ignore", "inherit", "inherit"] });
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(`http://127.0.0.1:${PORT}/status`);
      if (r.ok) return driver;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  driver.kill();
  throw new Error("tauri-driver did not start");
}

/** Opens the app's window on `db`; close it with `browser.deleteSession()`. */
export async function openApp(db) {
  const browser = await remote({
    hostname: "127.0.0.1",
    port: PORT,
    logLevel: "warn",
    capabilities: {
      browserName: "wry",
      "wdio:enforceWebDriverClassic": true,
      "tauri:options": { application: BINARY, args: ["--db", db] },
    },
  });
  await browser.setTimeout({ implicit: 0 });
  // The window opens maximized; Xvfb has no window manager to honour that, so it is sized to
  // the screen (1366×768, a coordinator's laptop) as a maximized window would be.
  const [width, height] = await browser.execute(() => [screen.width, screen.height]);
  await browser.setWindowRect(0, 0, width, height);
  return browser;
}

/** Saves a PNG of the window once WebKit has painted the latest changes. */
export async function screenshot(browser, name) {
  await browser.pause(400);
  await browser.saveScreenshot(resolve(OUT, `${name}.png`));
}

/** A fresh data file for one test file: empty, or with the demo district loaded by the CLI. */
export function dataFile({ demo }) {
  const dir = mkdtempSync(join(tmpdir(), "koordinator-e2e-"));
  const db = join(dir, "district.sqlite3");
  if (demo) execFileSync(BINARY, ["--db", db, "demo"]);
  return { dir, db };
}

/** Runs tauri-driver for the tests of the calling file. */
export function withDriver() {
  let driver;
  before(async () => {
    driver = await startDriver();
  });
  after(() => driver?.kill());
}

/** Waits until `selector` matches, asking inside the page: no element handle to go stale while
 * the view re-renders. */
export async function waitFor(browser, selector, timeout = 10000) {
  await browser.waitUntil(() => browser.execute((s) => document.querySelector(s) !== null, selector), {
    timeout,
    timeoutMsg: `${selector} did not appear`,
  });
}

const pause = (ms) => new Promise((r) => setTimeout(r, ms));

/** Answers the program's own GTK file dialog titled `title` with `path`, as a person would:
 * WebDriver cannot reach native dialogs, so X input goes there with xdotool (Ctrl+L opens the
 * location field of GTK's file chooser). The pauses let GTK realise the dialog and complete the
 * typed path; without them keys arrive before the field exists. */
export async function answerFileDialog(title, path) {
  const found = execFileSync("xdotool", ["search", "--sync", "--onlyvisible", "--name", title], {
    encoding: "utf8",
    timeout: 15000,
  });
  const dialog = found.trim().split("\n")[0];
  execFileSync("xdotool", ["windowfocus", "--sync", dialog]);
  await pause(800);
  // Ctrl+L opens the open dialog's location field; Ctrl+A then selects what a save dialog's
  // name field offers («Дорожная карта.pdf»), so the typed path replaces it.
  execFileSync("xdotool", ["key", "--clearmodifiers", "ctrl+l"]);
  await pause(300);
  execFileSync("xdotool", ["key", "--clearmodifiers", "ctrl+a"]);
  await pause(200);
  execFileSync("xdotool", ["type", "--delay", "15", path]);
  await pause(500);
  execFileSync("xdotool", ["key", "Return"]);
}
