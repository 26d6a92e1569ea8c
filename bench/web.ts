/**
 * The web app on a cheap phone on a slow network: Chromium at 360×740 with 150 ms of latency,
 * 1.6 Mbps down, 750 kbps up and the CPU slowed 4×, a cold cache each time. The directory and a
 * public group's page, each beside a bare copy of itself: the same page as it finally shows, saved
 * as plain HTML with its stylesheet and served by a bare Node server with the same compression.
 * Runs interleave (Hearth, bare, Hearth, bare…) so the machine's mood falls on both alike.
 * Measured: first contentful paint, when the content is visible, bytes on the wire, script bytes.
 * @module
 */

import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { root } from '../scripts/build';
import { groupWithOwner, testApp } from '../tests/support/api';
import { launchBrowser } from '../tests/support/browser';
import { startStack } from '../tests/support/stack';
import { ms } from './harness';

/** The phone: Chrome's "slow 4G"-like profile the issue names. */
const PHONE = { latency: 150, down: 1_600_000 / 8, up: 750_000 / 8, cpu: 4 };

type Run = { fcp: number; visible: number; bytes: number; js: number };

/** One cold load of `url` until `selector` shows, in a fresh context (nothing cached). */
async function load(browser: Browser, url: string, selector: string): Promise<Run> {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    serviceWorkers: 'block',
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: PHONE.latency,
    downloadThroughput: PHONE.down,
    uploadThroughput: PHONE.up,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpu });
  const types = new Map<string, string>();
  let bytes = 0;
  let js = 0;
  cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type));
  cdp.on('Network.loadingFinished', (e) => {
    bytes += e.encodedDataLength;
    if (types.get(e.requestId) === 'Script') js += e.encodedDataLength;
  });
  // The moment the content is in the document, seen from inside the page. It is on screen from
  // then or from the page's first contentful paint, whichever is later: content parsed before
  // the stylesheet has arrived is not drawn until then. The same for Hearth and its bare copy.
  // As text: a function would be sent as tsx compiled it, with helpers the page does not have.
  await page.addInitScript(`(() => {
    const look = () => {
      const el = document.querySelector(${JSON.stringify(selector)});
      if (window.__visible === undefined && el && el.textContent.trim()) window.__visible = performance.now();
    };
    new MutationObserver(look).observe(document, { childList: true, subtree: true, characterData: true });
    look();
  })();`);
  await page.goto(url);
  await page.waitForFunction(
    () => (window as unknown as { __visible?: number }).__visible !== undefined,
    null,
    {
      timeout: 60_000,
    },
  );
  await page.waitForLoadState('networkidle');
  const timing = await page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
    inDocument: (window as unknown as { __visible: number }).__visible,
  }));
  await context.close();
  return { fcp: timing.fcp, visible: Math.max(timing.inDocument, timing.fcp), bytes, js };
}

/** A bare server of saved pages and the files they name, compressed as Hearth compresses. */
async function bareServer(pages: Map<string, string>) {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const body = pages.get(path) ?? readFileSafe(join(root, 'dist/web', path));
    if (!body) {
      res.writeHead(404).end();
      return;
    }
    const type = path.endsWith('.css') ? 'text/css' : 'text/html; charset=utf-8';
    const br = /\bbr\b/.test(String(req.headers['accept-encoding']));
    res.writeHead(200, { 'Content-Type': type, ...(br ? { 'Content-Encoding': 'br' } : {}) });
    res.end(br ? brotliCompressSync(body) : body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () => new Promise<void>((r) => server.close(() => r())),
  };
}
const readFileSafe = (path: string) => {
  try {
    return readFileSync(path);
  } catch {
    return null;
  }
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

export async function benchWeb(say: (line?: string) => void, quick: boolean) {
  const stack = await startStack();
  const t = testApp(stack.db);
  // A directory worth looking at: eight public groups.
  let groupId = '';
  for (let i = 0; i < 8; i++)
    ({ groupId } = await groupWithOwner(t, { name: `Circle ${i + 1}: talking and listening` }));
  const browser = await launchBrowser();
  const pages = [
    { name: 'the directory', path: '/', selector: 'ul.cards li.card h2' },
    { name: 'a public group’s page', path: `/groups/${groupId}`, selector: 'main h1' },
  ];
  // The bare copies: each page as it finally shows, its scripts taken out.
  const saved = new Map<string, string>();
  for (const p of pages) {
    const page = await browser.newPage();
    await page.goto(`${stack.url}${p.path}`);
    await page.locator(p.selector).first().waitFor();
    const html = await page.evaluate(() => {
      for (const s of document.querySelectorAll('script, link[rel=modulepreload]')) s.remove();
      return `<!doctype html>${document.documentElement.outerHTML}`;
    });
    saved.set(`/bare${p.path === '/' ? '/' : p.path}`, html);
    await page.close();
  }
  const bare = await bareServer(saved);
  const runs = quick ? 3 : 5;
  const rows = [];
  for (const p of pages) {
    const hearth: Run[] = [];
    const plain: Run[] = [];
    for (let i = 0; i < runs; i++) {
      hearth.push(await load(browser, `${stack.url}${p.path}`, p.selector));
      plain.push(await load(browser, `${bare.url}/bare${p.path === '/' ? '/' : p.path}`, p.selector));
    }
    const m = (rs: Run[], k: keyof Run) => median(rs.map((r) => r[k]));
    rows.push({
      name: p.name,
      ratio: m(hearth, 'visible') / m(plain, 'visible'),
      fcp: m(hearth, 'fcp'),
      bareFcp: m(plain, 'fcp'),
      visible: m(hearth, 'visible'),
      bareVisible: m(plain, 'visible'),
      bytes: m(hearth, 'bytes'),
      bareBytes: m(plain, 'bytes'),
      js: m(hearth, 'js'),
    });
  }
  await browser.close();
  await bare.stop();
  await stack.stop();
  say('## The web app on a phone (Chromium, 360×740, 150 ms, 1.6 Mbps down, CPU ×4, cold)');
  say('');
  say(
    `Median of ${runs} interleaved cold loads, beside a bare copy of the same page (its final HTML and stylesheet from a bare server):`,
  );
  say('');
  say(
    '| page | first paint (bare) | content visible | bare copy: content visible | ratio | bytes on the wire (bare) | script |',
  );
  say('|---|---|---|---|---|---|---|');
  for (const r of rows)
    say(
      `| ${r.name} | ${ms(r.fcp)} (${ms(r.bareFcp)}) | ${ms(r.visible)} | ${ms(r.bareVisible)} | ${(r.visible / r.bareVisible).toFixed(2)}× | ${kb(r.bytes)} (${kb(r.bareBytes)}) | ${kb(r.js)} |`,
    );
  say('');
  const directory = rows[0]!;
  return { directory, group: rows[1]! };
}
