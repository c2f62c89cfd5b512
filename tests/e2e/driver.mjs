// Starts tauri-driver and opens the real Koordinator window on a given data file.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";
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
  return openProgram(BINARY, ["--db", db]);
}

/** Opens any Tauri program's window under WebDriver (the bench's minimal window too). */
export async function openProgram(application, args) {
  const browser = await remote({
    hostname: "127.0.0.1",
    port: PORT,
    logLevel: "warn",
    capabilities: {
      browserName: "wry",
      "wdio:enforceWebDriverClassic": true,
      "tauri:options": { application, args },
    },
  });
  await browser.setTimeout({ implicit: 0 });
  // The window opens maximized; Xvfb has no window manager to honour that, so it is sized to
  // the screen (1366×768, a coordinator's laptop) as a maximized window would be.
  const [width, height] = await browser.execute(() => [screen.width, screen.height]);
  await browser.setWindowRect(0, 0, width, height);
  return browser;
}

/** Saves a PNG of the screen (the window fills it) once WebKit has painted the latest changes.
 * Taken from the X server with xwd — the pixels a person sees — because WebKitWebDriver's own
 * screenshot never returns when the window is drawn without compositing, as it is here. */
export async function screenshot(browser, name) {
  await browser.pause(400);
  writeFileSync(resolve(OUT, `${name}.png`), xwdToPng(execFileSync("xwd", ["-root", "-silent"], { maxBuffer: 64 << 20 })));
}

/** An XWD dump (ZPixmap, 24 or 32 bits per pixel, true colour) as PNG bytes. */
function xwdToPng(x) {
  const be = (i) => x.readUInt32BE(i * 4);
  const [headerSize, width, height, byteOrder, bpp, stride, ncolors] = [be(0), be(4), be(5), be(7), be(11), be(12), be(19)];
  const masks = [be(14), be(15), be(16)];
  const data = headerSize + ncolors * 12;
  const bytes = bpp / 8;
  const shift = (m) => 31 - Math.clz32(m & -m);
  // What Xvfb gives at depth 24: 32-bit pixels, least significant byte first, blue lowest.
  const fast = bytes === 4 && byteOrder === 0 && masks[0] === 0xff0000 && masks[1] === 0xff00 && masks[2] === 0xff;
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0;
    for (let i = 0; i < width; i++) {
      const at = data + y * stride + i * bytes;
      const o = y * (width * 3 + 1) + 1 + i * 3;
      if (fast) {
        raw[o] = x[at + 2];
        raw[o + 1] = x[at + 1];
        raw[o + 2] = x[at];
        continue;
      }
      let v = 0;
      for (let b = 0; b < bytes; b++) v += x[at + b] * 2 ** (8 * (byteOrder === 0 ? b : bytes - 1 - b));
      for (let c = 0; c < 3; c++) raw[o + c] = Math.floor(v / 2 ** shift(masks[c])) & 0xff;
    }
  }
  const chunk = (type, body) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(body.length);
    const tb = Buffer.concat([Buffer.from(type, "ascii"), body]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(tb));
    return Buffer.concat([len, tb, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
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

/** «Календарь» on `month` («2023-03»), from whatever view is open. */
export async function openCalendarAt(browser, month) {
  const nav = await browser.$('button[data-view="calendar"]');
  await nav.waitForClickable({ timeout: 15000 });
  await nav.click();
  await waitFor(browser, "#calendar .fc-daygrid");
  await browser.execute((month) => {
    const input = document.getElementById("goto-month");
    input.value = month;
    input.dispatchEvent(new Event("change", { bubbles: true }));
  }, month);
}

/** «Импорт» with `file` chosen in the real open dialog. */
export async function chooseImportFile(browser, file) {
  const nav = await browser.$('button[data-view="import"]');
  await nav.waitForClickable({ timeout: 15000 });
  await nav.click();
  await (await browser.$("#choose-file")).click();
  await answerFileDialog("Открыть дорожную карту", file);
}

/** Answers the system's print dialog («Печать», GTK's own) with its «Печатать в файл» printer and
 * waits for the file it writes: GTK names it «вывод.pdf» (in a Russian locale) in the program's
 * working folder. Gives the file's path; the caller removes it. */
export async function printToFile() {
  const names = ["вывод.pdf", "output.pdf"].map((n) => join(process.cwd(), n));
  for (const n of names) rmSync(n, { force: true });
  const found = execFileSync("xdotool", ["search", "--sync", "--onlyvisible", "--name", "^Печать$"], {
    encoding: "utf8",
    timeout: 15000,
  });
  execFileSync("xdotool", ["windowfocus", "--sync", found.trim().split("\n")[0]]);
  await pause(800);
  // The printer list has the focus: Down chooses «Печатать в файл», Return prints.
  execFileSync("xdotool", ["key", "Down"]);
  await pause(500);
  execFileSync("xdotool", ["key", "Return"]);
  for (let i = 0; i < 150; i++) {
    const file = names.find((n) => existsSync(n) && statSync(n).size > 0);
    // Written when the size stops growing.
    if (file) {
      const size = statSync(file).size;
      await pause(500);
      if (statSync(file).size === size) return file;
    }
    await pause(200);
  }
  throw new Error("the print dialog wrote no file");
}
