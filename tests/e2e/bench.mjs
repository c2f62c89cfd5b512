// The window bench: the real window under WebDriver on a big district (three school years of
// 600 events, made by `koordinator generate`) and, as the reference of the same run, on the demo
// (16 events). Prints medians over several runs; timings are taken inside the page, from the
// action to the frame that shows its result. Run: `npm --prefix tests/e2e run bench` (under Xvfb).
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { BINARY, ROOT, answerFileDialog, dataFile, openApp, openProgram, startDriver } from "./driver.mjs";

const RUNS = Number(process.env.BENCH_RUNS ?? 3);

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((s.length * p) / 100))];
}

/** Runs the scenario `name` in the page and resolves when its result shows after a painted
 * frame: ms. The page's CSP forbids evaluating strings, so the scenarios are written out here. */
async function timed(browser, name, arg = null) {
  process.stderr.write(`  ${name}…\n`);
  return browser.executeAsync(
    (name, arg, finish) => {
      const q = (s) => document.querySelector(s);
      const scenarios = {
        editor: [() => q("#mode-editor").click(), () => q("#plan-editor tr[data-event] textarea.content") !== null],
        // Enter in a row's content adds a row below and puts the caret in it.
        enter: [
          () => {
            window.__rows = new Set([...document.querySelectorAll("#plan-editor tr[data-id]")].map((r) => r.dataset.id));
            q("#plan-editor tr.bench-row textarea.content").dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
          },
          () => {
            const row = document.activeElement?.closest("tr[data-id]");
            return !!row && !window.__rows.has(row.dataset.id);
          },
        ],
        // A changed cell left: saved, the plan read again and drawn.
        leave: [
          () => {
            window.__revision = q("#plan-editor").dataset.revision;
            const cell = q("#plan-editor tr.bench-row textarea.content");
            cell.value += " (изменено)";
            cell.dispatchEvent(new Event("input", { bubbles: true }));
            cell.dispatchEvent(new Event("change", { bubbles: true }));
          },
          () => q("#plan-editor").dataset.revision !== window.__revision,
        ],
        // A search down to the rows that have the words.
        search: [
          () => {
            window.__shown = q("#plan-editor").dataset.shown;
            const input = q("#editor-search");
            input.value = arg;
            input.dispatchEvent(new Event("input", { bubbles: true }));
          },
          () => q("#plan-editor").dataset.shown !== window.__shown,
        ],
        timeline: [() => q("#tab-timeline").click(), () => q("#timeline .tl-mark") !== null],
        // «Результаты» opened: the analysis computed, its charts and the school × year grid drawn.
        results: [
          () => q('button[data-view="results"]').click(),
          () => q("#results-grid tbody tr") !== null && q("#chart-groups .series") !== null && q("#chart-effects") !== null,
        ],
        // «Районы» of a region file opened: every district's row drawn (arg: rows with the total).
        region: [
          () => q('button[data-view="region"]').click(),
          () => document.querySelectorAll("#districts tbody tr").length >= Number(arg),
        ],
        zoom: [() => q("#zoom-month").click(), () => q("#timeline .tl-body")?.style.width !== arg],
        month: [
          () => {
            const i = q("#goto-month");
            i.value = arg;
            i.dispatchEvent(new Event("change", { bubbles: true }));
          },
          () => q(`#calendar td[data-date="${arg}-15"]`) !== null,
        ],
      };
      const [act, done] = scenarios[name];
      const t0 = performance.now();
      act();
      const poll = () => {
        if (done()) requestAnimationFrame(() => finish(performance.now() - t0));
        else if (performance.now() - t0 > 60000) finish(-1);
        else requestAnimationFrame(poll);
      };
      requestAnimationFrame(poll);
    },
    name,
    arg,
  );
}

async function nav(browser, view) {
  const b = await browser.$(`button[data-view="${view}"]`);
  await b.waitForClickable({ timeout: 20000 });
  await b.click();
}

/** RSS and PSS in MB of the program (`comm`, as /proc shows its name) and its WebKit processes. */
function memory(comm = "koordinator") {
  let rss = 0;
  let pss = 0;
  for (const pid of readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    let name;
    try {
      name = readFileSync(`/proc/${pid}/comm`, "utf8").trim();
    } catch {
      continue;
    }
    if (!(name.startsWith(comm.slice(0, 15)) || /^(WebKitWebProces|WebKitNetworkPr)/.test(name))) continue;
    try {
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, "utf8");
      rss += Number(/^Rss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
      pss += Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
    } catch {
      // gone
    }
  }
  return { rss: rss / 1024, pss: pss / 1024 };
}

/** The results view alone on a district of `schools` schools × 10 years of ВПР results. */
async function measureResults(db) {
  const browser = await openApp(db);
  try {
    await (await browser.$('button[data-view="results"]')).waitForClickable({ timeout: 30000 });
    return await timed(browser, "results");
  } finally {
    await browser.deleteSession();
  }
}

/** A region file of `n` districts' packages (each 30 schools, 3 roadmaps × 300 events), made
 * through the command line as districts and a region would: profile, package, region import. */
function regionFile(n) {
  const district = dataFile({ demo: false });
  execFileSync(BINARY, ["--db", district.db, "generate", "--years", "3", "--schools", "30", "--events", "300", "--from", "2024"]);
  const folder = `${district.dir}/пакеты`;
  execFileSync("mkdir", ["-p", folder]);
  for (let i = 0; i < n; i++) {
    const oktmo = String(60601000 + i * 1000);
    execFileSync(BINARY, ["--db", district.db, "profile", "--issuer", `Управление образования района № ${i + 1}`, "--district", `Район № ${i + 1}`, "--oktmo", oktmo]);
    execFileSync(BINARY, ["--db", district.db, "package", "--out", `${folder}/${oktmo}.koord`]);
  }
  const region = dataFile({ demo: false });
  execFileSync(BINARY, ["--db", region.db, "region", "import", folder]);
  return region.db;
}

/** A 20 000-row workbook (the program's own export of a generated plan), made once. */
function bigWorkbook() {
  const source = dataFile({ demo: false });
  execFileSync(BINARY, ["--db", source.db, "generate", "--years", "1", "--schools", "30", "--events", "20000", "--from", "2024"]);
  const book = `${source.dir}/big.xlsx`;
  execFileSync(BINARY, ["--db", source.db, "export", "--plan", "1", "--document", "annex", "--out", book]);
  return book;
}

/** The window while a 20 000-row workbook is imported through the real dialog: previewed, then
 * written. Frames are counted in the page from the file's choice to the written report: the
 * fewest frames in any second, and the longest time between two frames. */
async function measureImport(book) {
  const { db } = dataFile({ demo: false });
  const browser = await openApp(db);
  try {
    await (await browser.$('button[data-view="import"]')).waitForClickable({ timeout: 30000 });
    await (await browser.$('button[data-view="import"]')).click();
    await (await browser.$("#choose-file")).waitForClickable({ timeout: 10000 });
    await (await browser.$("#choose-file")).click();
    await answerFileDialog("Открыть дорожную карту", book);
    // Counting from the moment the dialog is answered.
    await browser.execute(() => {
      window.__frames = [];
      const tick = (t) => {
        window.__frames.push(t);
        if (!window.__stopFrames) requestAnimationFrame(tick);
      };
      window.__stopFrames = false;
      requestAnimationFrame(tick);
    });
    const t0 = Date.now();
    await browser.waitUntil(() => browser.execute(() => !!document.getElementById("import-now")), { timeout: 120000, interval: 100 });
    const preview = Date.now() - t0;
    await browser.execute(() => document.getElementById("import-now").click());
    await browser.waitUntil(() => browser.execute(() => !!document.getElementById("import-report")), { timeout: 300000, interval: 100 });
    const total = Date.now() - t0;
    const frames = await browser.execute(() => {
      window.__stopFrames = true;
      return window.__frames;
    });
    let gap = 0;
    for (let i = 1; i < frames.length; i++) gap = Math.max(gap, frames[i] - frames[i - 1]);
    const seconds = Math.floor((frames[frames.length - 1] - frames[0]) / 1000);
    let fewest = Infinity;
    for (let s = 0; s < seconds; s++) {
      const from = frames[0] + s * 1000;
      fewest = Math.min(fewest, frames.filter((t) => t >= from && t < from + 1000).length);
    }
    return { preview, total, fewest: seconds > 0 ? fewest : frames.length, gap };
  } finally {
    await browser.deleteSession();
  }
}

/** «Районы» of a region file of `n` districts: from the click to the last row drawn. */
async function measureRegion(db, n) {
  const browser = await openApp(db);
  try {
    await (await browser.$('button[data-view="history"]')).waitForClickable({ timeout: 30000 });
    await (await browser.$('button[data-view="history"]')).click();
    await new Promise((r) => setTimeout(r, 1000));
    return await timed(browser, "region", String(n + 1));
  } finally {
    await browser.deleteSession();
  }
}

async function measure(db, events) {
  const out = {};
  const t0 = performance.now();
  const browser = await openApp(db);
  try {
    await (await browser.$('button[data-view="plans"]')).waitForClickable({ timeout: 30000 });
    out["Окно готово к работе (с сеансом WebDriver)"] = performance.now() - t0;
    await new Promise((r) => setTimeout(r, 1500));
    const mem = memory();
    out["Память после запуска: RSS, МБ"] = mem.rss;
    out["Память после запуска: PSS, МБ"] = mem.pss;

    await nav(browser, "plans");
    await browser.waitUntil(() => browser.execute(() => !!document.getElementById("mode-editor")), { timeout: 30000 });
    out["Открыть редактор дорожной карты"] = await timed(browser, "editor", events);
    // Keystroke to paint: real keys into a content cell in the middle of the plan.
    await browser.execute(() => {
      const cells = document.querySelectorAll("#plan-editor textarea.content");
      const cell = cells[Math.floor(cells.length / 2)];
      cell.scrollIntoView({ block: "center" });
      cell.focus();
      window.__lat = [];
      cell.addEventListener("keydown", () => {
        const t = performance.now();
        requestAnimationFrame(() => requestAnimationFrame(() => window.__lat.push(performance.now() - t)));
      });
    });
    for (let i = 0; i < 20; i++) await browser.keys(["ж"]);
    await new Promise((r) => setTimeout(r, 500));
    const lat = await browser.execute(() => window.__lat);
    out["Нажатие клавиши до кадра, медиана"] = median(lat);
    out["Нажатие клавиши до кадра, 90-й процентиль"] = percentile(lat, 90);
    await browser.keys(["Escape"]);
    // A row in view for Enter and for leaving a changed cell.
    const pick = () =>
      browser.execute(() => {
        document.querySelector("tr.bench-row")?.classList.remove("bench-row");
        const rows = document.querySelectorAll("#plan-editor tr[data-id]");
        const row = rows[Math.floor(rows.length / 2)];
        row.classList.add("bench-row");
        row.scrollIntoView({ block: "center" });
        row.querySelector("textarea.content").focus();
      });
    const enters = [];
    const leaves = [];
    for (let i = 0; i < 3; i++) {
      await pick();
      await new Promise((r) => setTimeout(r, 300));
      leaves.push(await timed(browser, "leave"));
      await pick();
      await new Promise((r) => setTimeout(r, 300));
      enters.push(await timed(browser, "enter"));
      await new Promise((r) => setTimeout(r, 300));
    }
    out["Enter: новая строка под курсором"] = median(enters);
    out["Уход из изменённой ячейки: сохранено и перерисовано"] = median(leaves);
    const word = await browser.execute(() => document.querySelector("tr.bench-row textarea.content").value.split(/\s+/).slice(0, 3).join(" "));
    out["Поиск в редакторе"] = await timed(browser, "search", word);

    await nav(browser, "progress");
    await browser.waitUntil(() => browser.execute(() => !!document.getElementById("tab-timeline")), { timeout: 30000 });
    out["Шкала времени: первый рисунок"] = await timed(browser, "timeline");
    const width = await browser.execute(() => document.querySelector("#timeline .tl-body").style.width);
    out["Шкала времени: смена масштаба"] = await timed(browser, "zoom", width);

    await nav(browser, "calendar");
    await browser.waitUntil(() => browser.execute(() => !!document.querySelector("#calendar .fc-daygrid")), { timeout: 30000 });
    const months = ["2024-10", "2024-11", "2024-12"];
    const switches = [];
    for (const m of months) {
      switches.push(await timed(browser, "month", m));
    }
    out["Календарь: переход к месяцу"] = median(switches);
  } finally {
    await browser.deleteSession();
  }
  return out;
}

/** The floor of this stack: an empty Tauri 2 window (tests/e2e/minimal-window), built with the
 * same toolchain and profile as the measured binary and measured the same way. */
function minimalWindow() {
  const release = BINARY.includes("/release/");
  execFileSync("cargo", ["build", "--quiet", "-p", "minimal-window", ...(release ? ["--release", "--features", "tauri/custom-protocol"] : [])], {
    cwd: ROOT,
    stdio: "inherit",
  });
  return `${ROOT}/target/${release ? "release" : "debug"}/minimal-window`;
}

async function measureMinimal(binary) {
  const t0 = performance.now();
  const browser = await openProgram(binary, []);
  try {
    await browser.waitUntil(() => browser.execute(() => !!document.getElementById("ready")), { timeout: 30000 });
    const ready = performance.now() - t0;
    await new Promise((r) => setTimeout(r, 1500));
    const mem = memory("minimal-window");
    return { ready, rss: mem.rss, pss: mem.pss };
  } finally {
    await browser.deleteSession();
  }
}

const minimal = minimalWindow();
const driver = await startDriver();
try {
  const demo = dataFile({ demo: true });
  const only = process.env.BENCH_ONLY;
  const big = dataFile({ demo: false });
  const results = dataFile({ demo: false });
  if (only !== "region") {
    execFileSync(BINARY, ["--db", big.db, "generate", "--years", "3", "--schools", "60", "--events", "600", "--from", "2024"]);
    // Results at a district's full size: 300 schools × 10 years × 30 rows (90 000 records).
    execFileSync(BINARY, ["--db", results.db, "generate", "--years", "10", "--schools", "300", "--events", "20", "--from", "2014"]);
  }
  const runs = { demo: [], big: [], minimal: [], results: [], demoResults: [], region: [], region1: [], imports: [] };
  const book = only === undefined || only === "import" ? bigWorkbook() : null;
  // BENCH_ONLY=results or region: that view alone (its own figures, quicker to repeat).
  const region60 = only === undefined || only === "region" ? regionFile(60) : null;
  const region1 = only === undefined || only === "region" ? regionFile(1) : null;
  for (let i = 0; i < RUNS; i++) {
    if (book) runs.imports.push(await measureImport(book));
    if (only === "import") continue;
    if (region60) {
      runs.region1.push(await measureRegion(region1, 1));
      runs.region.push(await measureRegion(region60, 60));
    }
    if (only === "region") continue;
    if (only !== "results") {
      runs.minimal.push(await measureMinimal(minimal));
      runs.demo.push(await measure(demo.db, 16));
      runs.big.push(await measure(big.db, 600));
    }
    runs.demoResults.push(await measureResults(demo.db));
    runs.results.push(await measureResults(results.db));
  }
  if (only === "results" || only === "region" || only === "import") runs.minimal = runs.demo = runs.big = [];
  const floor = runs.minimal.length === 0 ? {} : {
    "Окно готово к работе (с сеансом WebDriver)": median(runs.minimal.map((r) => r.ready)),
    "Память после запуска: RSS, МБ": median(runs.minimal.map((r) => r.rss)),
    "Память после запуска: PSS, МБ": median(runs.minimal.map((r) => r.pss)),
  };
  console.log(`\nОпорное окно — пустое окно Tauri 2 той же сборки (tests/e2e/minimal-window), медианы ${RUNS} прогонов`);
  console.log(`${"".padEnd(46)} ${"пустое".padStart(9)} ${"демо".padStart(9)} ${"3×600".padStart(9)} ${"отношение".padStart(10)}`);
  for (const [key, f] of Object.entries(floor)) {
    const d = median(runs.demo.map((r) => r[key]));
    const b = median(runs.big.map((r) => r[key]));
    console.log(`${key.padEnd(46)} ${f.toFixed(0).padStart(9)} ${d.toFixed(0).padStart(9)} ${b.toFixed(0).padStart(9)} ${(b / f).toFixed(2).padStart(9)}×`);
  }
  console.log(`\nОкно: медианы ${RUNS} прогонов; опорное — демонстрационный район (16 мероприятий) в том же прогоне`);
  console.log(`${"".padEnd(46)} ${"демо".padStart(9)} ${"3×600".padStart(9)} ${"отношение".padStart(10)}`);
  for (const key of Object.keys(runs.big[0] ?? {})) {
    const d = median(runs.demo.map((r) => r[key]));
    const b = median(runs.big.map((r) => r[key]));
    console.log(`${key.padEnd(46)} ${d.toFixed(0).padStart(9)} ${b.toFixed(0).padStart(9)} ${(b / d).toFixed(1).padStart(9)}×`);
  }
  if (runs.results.length > 0) {
    const d = median(runs.demoResults);
    const r = median(runs.results);
    console.log(`\n«Результаты»: медианы ${RUNS} прогонов; опорное — демонстрационный район (108 результатов)`);
    console.log(`${"Открыть: анализ, графики и таблица".padEnd(46)} ${d.toFixed(0).padStart(9)} ${r.toFixed(0).padStart(9)} ${(r / d).toFixed(1).padStart(9)}×  (300 школ × 10 лет × 30)`);
  }
  if (runs.imports.length > 0) {
    const m = (k) => median(runs.imports.map((r) => r[k]));
    console.log(`\nИмпорт книги Excel на 20 000 мероприятий через диалог: медианы ${RUNS} прогонов`);
    console.log(`${"Просмотр готов, мс".padEnd(46)} ${m("preview").toFixed(0).padStart(9)}`);
    console.log(`${"Записано, мс".padEnd(46)} ${m("total").toFixed(0).padStart(9)}`);
    console.log(`${"Кадров в самую медленную секунду".padEnd(46)} ${m("fewest").toFixed(0).padStart(9)}  (цель — не меньше 30)`);
    console.log(`${"Самый долгий промежуток между кадрами, мс".padEnd(46)} ${m("gap").toFixed(0).padStart(9)}`);
  }
  if (runs.region.length > 0) {
    const one = median(runs.region1);
    const all = median(runs.region);
    console.log(`\n«Районы» файла региона: медианы ${RUNS} прогонов; опорное — регион из одного района`);
    console.log(`${"Открыть: таблица районов".padEnd(46)} ${one.toFixed(0).padStart(9)} ${all.toFixed(0).padStart(9)} ${(all / one).toFixed(1).padStart(9)}×  (60 районов)`);
  }
} finally {
  driver.kill();
}
