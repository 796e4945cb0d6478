// The web page in a real browser: `sitrep serve` on a temporary store holding the bundled samples and one hostile
// article, driven through Debian's Chromium by playwright-core (no browser download). Fails loudly on any broken
// check, any page error and any console error (a CSP violation is one). Screenshots go to ./artifacts/.
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const sitrep = join(root, "sitrep");
const artifacts = join(here, "artifacts");
const browserPath = process.env.CHROMIUM || "/usr/bin/chromium";
const work = mkdtempSync(join(tmpdir(), "sitrep-browser-"));
const store = join(work, "store.db");

// Markup that must stay text: if the page ever parsed it, these would set window.sitrepPwned.
const hostile = {
  id: "hostile/1",
  title: "<img src=x onerror=\"window.sitrepPwned = 'title'\">",
  published: "2022-05-14",
  lang: "fr",
  text: "Les forces russes ont bombardé Kharkiv vendredi 13 mai. <script>window.sitrepPwned = 'script'</script> " +
    "\"><img src=x onerror=\"window.sitrepPwned = 'img'\"> Des manifestants se sont rassemblés à Lviv le 14 mai.",
};

function check(condition, message) {
  if (!condition) throw new Error("browser test: " + message);
  console.log("ok - " + message);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

async function waitForHealth(base, child) {
  for (let i = 0; i < 120; i++) {
    if (child.exitCode !== null) throw new Error(`sitrep serve exited with ${child.exitCode}`);
    try {
      const response = await fetch(base + "/health");
      if (response.ok) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("sitrep serve did not answer /health within 60 s");
}

let server = null;
let browser = null;
try {
  execFileSync(sitrep, ["ingest", join(root, "samples"), "--store", store], { stdio: "inherit" });
  const batch = join(work, "hostile.jsonl");
  writeFileSync(batch, JSON.stringify(hostile) + "\n");
  execFileSync(sitrep, ["ingest", batch, "--store", store], { stdio: "inherit" });

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  server = spawn(sitrep, ["serve", "--store", store, "--urls", base], { stdio: ["ignore", "inherit", "inherit"] });
  await waitForHealth(base, server);

  browser = await chromium.launch({ executablePath: browserPath, args: ["--no-sandbox"] });
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const problems = [];
  page.on("pageerror", (error) => problems.push("page error: " + error.message));
  page.on("console", (message) => { if (message.type() === "error") problems.push("console error: " + message.text()); });
  page.on("response", (response) => { if (response.status() >= 400) problems.push(`HTTP ${response.status()} for ${response.url()}`); });
  mkdirSync(artifacts, { recursive: true });

  // (a) the events table
  await page.goto(base + "/");
  await page.waitForSelector("#events-table tbody tr td a");
  const rows = await page.locator("#events-table tbody tr").count();
  check(rows >= 5, `events table shows the stored events (${rows} rows)`);
  await page.click("th[data-sort=date]");
  await page.waitForSelector("th[data-sort=date][aria-sort=descending]");
  check(true, "date column sorts newest first on click");
  await page.screenshot({ path: join(artifacts, "events.png"), fullPage: true });

  // (d) an article from the table, with highlights and event cards
  await page.click("#events-table tbody tr td a");
  await page.waitForSelector("#article-text .hl-event");
  const highlights = await page.evaluate(() => ({
    entities: document.querySelectorAll("#article-text .hl-entity").length,
    events: document.querySelectorAll("#article-text .hl-event").length,
    times: document.querySelectorAll("#article-text .hl-time").length,
    cards: document.querySelectorAll("#article-events .event-card").length,
    selected: document.querySelectorAll("#article-events .event-card.selected").length,
  }));
  check(highlights.entities > 0 && highlights.events > 0 && highlights.cards > 0,
    `article view highlights entities (${highlights.entities}), events (${highlights.events}), times (${highlights.times}) with ${highlights.cards} event cards`);
  check(highlights.selected === 1, "the event linked from the table is selected");
  await page.screenshot({ path: join(artifacts, "article.png"), fullPage: true });

  // The hostile article: its markup is text on the page, nothing of it runs.
  await page.goto(base + "/#article/" + hostile.id.split("/").map(encodeURIComponent).join("/"));
  await page.waitForSelector("#article-text .hl-event");
  const hostileView = await page.evaluate(() => ({
    pwned: window.sitrepPwned,
    text: document.getElementById("article-text").textContent,
    title: document.getElementById("article-title").textContent,
    injected: document.querySelectorAll("main script, main img, #article-text *:not(span)").length,
  }));
  check(hostileView.pwned === undefined, "no script from the hostile article ran (window.sitrepPwned never set)");
  check(hostileView.text.includes("<script>window.sitrepPwned = 'script'</script>") && hostileView.text.includes("onerror="),
    "the hostile markup is shown as text");
  check(hostileView.title === hostile.title, "the hostile title is shown as text");
  check(hostileView.injected === 0, "no element came from the article's markup");
  await page.screenshot({ path: join(artifacts, "hostile.png"), fullPage: true });

  // (b) the timeline and (c) the map
  await page.goto(base + "/#timeline");
  await page.waitForSelector("#timeline svg.timeline rect, #timeline p");
  check(await page.locator("#timeline svg.timeline rect").count() > 0, "timeline draws bars");
  await page.goto(base + "/#map");
  await page.waitForSelector("#map svg.world path.country");
  const countries = await page.locator("#map path.country").count();
  const points = await page.locator("#map circle.event-point").count();
  check(countries > 100, `map draws the offline basemap (${countries} countries) and ${points} event points`);
  if (points > 0) {
    await page.locator("#map circle.event-point").first().dispatchEvent("click");
    await page.waitForSelector("#map-detail h3");
    check(true, "clicking a point shows its event");
  }
  await page.screenshot({ path: join(artifacts, "map.png"), fullPage: true });

  // Filters reach the API: an alpha-3 country that no actor has empties the table.
  await page.goto(base + "/#events");
  await page.fill("#filters input[name=country]", "NZL");
  await page.click("#filters button[type=submit]");
  await page.waitForSelector("#events-table td.empty");
  check(true, "filters narrow the table");

  // (e) paste an article: extracted, shown, not stored
  await page.goto(base + "/#paste");
  await page.fill("#paste-form textarea", "Les forces russes ont bombardé Kharkiv vendredi 13 mai, a déclaré le président ukrainien Volodymyr Zelensky.");
  await page.fill("#paste-form input[name=published]", "2022-05-14");
  await page.click("#paste-form button[type=submit]");
  await page.waitForSelector("#view-article:not([hidden]) #article-text .hl-entity");
  check(true, "a pasted article is extracted and shown with highlights");
  await page.screenshot({ path: join(artifacts, "paste.png"), fullPage: true });

  check(await page.evaluate(() => window.sitrepPwned) === undefined, "still no hostile script ran");
  check(problems.length === 0, "no page or console error" + (problems.length ? ": " + problems.join("; ") : ""));
  console.log("browser test: passed; screenshots in " + artifacts);
} finally {
  if (browser) await browser.close();
  if (server && server.exitCode === null) server.kill("SIGTERM");
  rmSync(work, { recursive: true, force: true });
}
