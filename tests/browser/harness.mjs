// What the browser tests share: the real `newsroom serve` binary on a free
// port with a fresh database in a temporary directory, Debian's Chromium
// driven headless by playwright-core, and a tiny static server on another
// port for cross-origin pages.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync, mkdirSync, readFileSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const DIST = path.join(REPO, "web", "dist");
// The repository's data/, passed to the server explicitly.
export const DATA = path.join(REPO, "data");
// The README's pictures (docs/screenshots/) are refreshed only when asked
// (run.mjs --screenshots docs/screenshots); a test run writes its
// screenshots next to the binary, so it leaves the source tree as it was.
export function screenshotDir() {
  const asked = process.env.NEWSROOM_SCREENSHOTS;
  if (asked) return path.resolve(asked);
  return path.join(path.dirname(binary()), "screenshots");
}

export const ALL_CAPS = "BU HABER ÇOK GÜZEL OLMUŞ, EMEĞİ GEÇENLERE TEŞEKKÜRLER";
export const ALL_CAPS_FIX = "Bu haber çok güzel olmuş, emeği geçenlere teşekkürler";
// Three misspelt words of seven: held for a moderator, not refused.
export const BORDERLINE = "Bu habr çok güzl olmuş, yazann eline sağlık.";

export function binary() {
  const b = process.env.NEWSROOM_BINARY;
  if (!b) throw new Error("no server binary: run with --binary PATH (see tests/browser/run.mjs)");
  return b;
}

// Starts `newsroom serve` with a fresh database; resolves once it listens.
// `extra`: more settings for server.toml ("[comments]\n…").
export async function startServer({ lang = "tr", extra = "" } = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), "newsroom-browser-"));
  const db = path.join(dir, "newsroom.db");
  const config = path.join(dir, "server.toml");
  writeFileSync(
    config,
    `[site]\nlang = "${lang}"\nassets_dir = ${JSON.stringify(DIST)}\n${extra}`,
  );
  const args = ["serve", "--data-dir", DATA, "--config", config, "--listen", "127.0.0.1:0",
    "--db", `sqlite:${db}`,
    "--rate-limit", "0", "--access-log", "off"];
  const child = spawn(binary(), args, { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (d) => { stderr += d; });
  const port = await new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`server did not start in 180 s\n${stderr}`)), 180_000);
    child.stdout.on("data", (d) => {
      out += d;
      const m = /listening on [^\s]*:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before listening\n${stderr}`));
    });
  });
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    port,
    db,
    async stop() {
      if (child.exitCode === null) {
        const done = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await done;
      }
      rmSync(dir, { recursive: true, force: true });
    },
    addUser(name, password, role = "moderator") {
      const r = spawnSync(binary(), ["user", "add", "--role", role, "--db", `sqlite:${db}`, name],
        { input: `${password}\n`, timeout: 120_000 });
      if (r.status !== 0) throw new Error(`user add failed: ${r.stderr}`);
    },
    async json(method, p, body) {
      const r = await fetch(url + p, {
        method,
        headers: body ? { "Content-Type": "application/json" } : {},
        body: body ? JSON.stringify(body) : undefined,
      });
      return { status: r.status, headers: r.headers, body: await r.json().catch(() => null) };
    },
    async slug() {
      const r = await this.json("GET", "/api/v1/articles");
      return r.body.articles[0].slug;
    },
    // A JSON request with a signed-in user's cookie and CSRF token.
    async as(user, password, method, p, body) {
      if (!this.sessions) this.sessions = {};
      if (!this.sessions[user]) {
        const r = await fetch(url + "/api/v1/session", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ username: user, password }),
        });
        const data = await r.json();
        this.sessions[user] = { cookie: r.headers.get("set-cookie").split(";")[0], csrf: data.csrf_token };
      }
      const { cookie, csrf } = this.sessions[user];
      const r = await fetch(url + p, {
        method,
        headers: { Cookie: cookie, "X-CSRF-Token": csrf, ...(body ? { "Content-Type": "application/json" } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      return { status: r.status, body: await r.json().catch(() => null) };
    },
  };
}

// Debian's Chromium, headless, with a fresh profile directory.
// `debugPort`: also open Chromium's DevTools protocol on that port, for
// Lighthouse to drive the same browser (and its cookies).
export async function startBrowser({ debugPort = 0, locale = "tr-TR" } = {}) {
  const profile = mkdtempSync(path.join(tmpdir(), "newsroom-chromium-"));
  const args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run"];
  if (debugPort) args.push(`--remote-debugging-port=${debugPort}`);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args,
    viewport: { width: 1000, height: 900 },
    locale,
    timezoneId: "Europe/Istanbul",
  });
  context.setDefaultTimeout(30_000);
  return {
    context,
    async page() {
      const page = await context.newPage();
      page.dialogs = [];
      page.on("dialog", async (d) => {
        page.dialogs.push(d.message());
        await d.dismiss();
      });
      page.errors = [];
      page.on("pageerror", (e) => page.errors.push(String(e)));
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

// Serves `files` ({"/name": "content"}) from a second origin.
export async function startStatic(files) {
  const server = http.createServer((req, res) => {
    const p = new URL(req.url, "http://x").pathname;
    const body = files[p === "/" ? "/index.html" : p];
    if (body === undefined) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(body);
  });
  // 127.0.0.2 (loopback too): another host, so another origin than the
  // Newsroom server on 127.0.0.1 whatever the ports.
  await new Promise((r) => server.listen(0, "127.0.0.2", r));
  const { port } = server.address();
  return {
    url: `http://127.0.0.2:${port}`,
    close: () => new Promise((r) => server.close(r)),
  };
}

export function screenshotPath(name) {
  const dir = screenshotDir();
  mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}

export function readRepoFile(rel) {
  return readFileSync(path.join(REPO, rel), "utf8");
}

// Waits until the live region says something that matches `re`.
export async function waitForLive(locator, re, timeout = 30_000) {
  const deadline = Date.now() + timeout;
  let last = "";
  while (Date.now() < deadline) {
    last = (await locator.textContent()) || "";
    if (re.test(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`live region never matched ${re}; it said: ${JSON.stringify(last)}`);
}

// Signs in through the login form; resolves on the page it leads to.
export async function signIn(page, server, user, password, next = "") {
  await page.goto(`${server.url}/login${next ? `?next=${encodeURIComponent(next)}` : ""}`);
  await page.fill("#login-username", user);
  await page.fill("#login-password", password);
  await Promise.all([
    page.waitForURL((u) => !u.pathname.startsWith("/login")),
    page.locator("form.login-form button[type=submit]").click(),
  ]);
}

// A free TCP port on loopback.
export async function freePort() {
  const server = http.createServer();
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address();
  await new Promise((r) => server.close(r));
  return port;
}

// The JPEG bytes of a photo the server drew (the demo article's).
export async function demoJpeg(server) {
  const page = await (await fetch(`${server.url}/news/${await server.slug()}`)).text();
  const src = /src="(\/media\/photos\/\d+\/800\.jpg)"/.exec(page)[1];
  return Buffer.from(await (await fetch(server.url + src)).arrayBuffer());
}
