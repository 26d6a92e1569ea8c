/**
 * The app's documents (functions/pages), as the local stack serves them and the pages function
 * does deployed: the pages a visit lands on arrive drawn, in the reader's language (the one they
 * chose here before, else their browser's), with the answers they show; what is drawn is what any
 * visitor may see; every other page is the shell, in the same language.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPagesApp } from '../../functions/pages/app';
import { fillShell, scriptSafeJson, shellKeys } from '../../functions/pages/document';
import { builtFiles } from '../../functions/pages/files';
import type { Db } from '../../functions/store/client';
import { createLocalApp } from '../../infra/local/server';
import { groupWithOwner, testApp } from '../support/api';
import { freshDb } from '../support/db';
import { stackWebRoot } from '../support/stack';

let db: Db;
let stop: () => Promise<void>;
let local: ReturnType<typeof createLocalApp>;
let publicId: string;
let privateId: string;
beforeAll(async () => {
  ({ db, stop } = await freshDb());
  const t = testApp(db);
  // On the same clock as the people who made the groups (meetups are listed 90 days ahead).
  local = createLocalApp({ db, webRoot: stackWebRoot, now: t.now });
  const made = await groupWithOwner(t, { name: 'Tea & “talk” circle' });
  publicId = made.groupId;
  const meetup = await made.owner.post(`/api/groups/${publicId}/meetups`, {
    title: 'Spring circle',
    start: '2027-01-12T18:30',
    durationMinutes: 90,
    mode: 'in_person',
    venue: { name: 'Hall', address: '1 Main Street' },
    capacity: { inPerson: 8 },
  });
  expect(meetup.status).toBe(201);
  privateId = (await groupWithOwner(t, { name: 'Quiet private circle', visibility: 'private' })).groupId;
});
afterAll(() => stop());

const get = (path: string, headers: Record<string, string> = {}) => local.request(path, { headers });
const html = async (path: string, headers: Record<string, string> = {}) => (await get(path, headers)).text();
/** The answers the page was drawn with, as the app reads them (web/src/landed.ts). */
const landedIn = (page: string) => {
  const block = /<script type="application\/json" id="landed">([^<]*)<\/script>/.exec(page);
  return block ? (JSON.parse(block[1]!) as Record<string, unknown>) : null;
};
const catalogue = (l: string) =>
  JSON.parse(readFileSync(join(process.cwd(), `web/locales/${l}.json`), 'utf8')) as Record<string, string>;
const mainOf = (page: string) => /<main id="main"[^>]*>([\s\S]*)<\/main>/.exec(page)![1]!;

describe('a landing page', () => {
  it('arrives drawn in the language the browser asks for, with the groups it shows', async () => {
    const page = await html('/', { 'accept-language': 'de-CH, de;q=0.9, en;q=0.5' });
    expect(page).toMatch(/<html lang="de" dir="ltr">/);
    expect(mainOf(page)).toContain(`<h1 tabindex="-1">${catalogue('de')['directory.heading']}</h1>`);
    expect(page).toContain(`<a href="/groups/${publicId}">Tea &amp; “talk” circle</a>`);
    // The shell's own words, and its crisis links, in German too.
    expect(page).toContain(`>${catalogue('de')['shell.needHelp']}<`);
    expect(page).toContain('href="/crisis.de.html"');
    expect(page).toContain(`<title>${catalogue('de')['directory.title']}: Hearth</title>`);
    // The answers it was drawn with are the API's, for the app to start from.
    const api = await (await get('/api/groups?')).json();
    // And, no session cookie having come, that nobody is signed in: the header offers to sign in.
    expect(landedIn(page)).toEqual({ '/groups?': api, '/session': { me: null } });
    expect(page).toMatch(/<nav [^>]*id="nav">.*href="\/signin".*<\/nav>/);
    // A private group is not listed to a visitor, so not drawn either.
    expect(page).not.toContain('Quiet private circle');
  });

  it('speaks the language chosen here before, over the browser’s, and ignores a cookie it cannot read', async () => {
    const arabic = await html('/', { cookie: 'hearth-locale=ar', 'accept-language': 'de' });
    expect(arabic).toMatch(/<html lang="ar" dir="rtl">/);
    expect(mainOf(arabic)).toContain(catalogue('ar')['directory.heading']);
    expect(arabic).toContain('href="/crisis.ar.html"');
    const odd = await html('/', {
      cookie: 'hearth-locale=xx; hearth-zone=Mars%2FBase',
      'accept-language': 'fr',
    });
    expect(odd).toMatch(/<html lang="fr" dir="ltr">/);
    expect(await html('/', {})).toMatch(/<html lang="en" dir="ltr">/);
  });

  it('says times in the zone the browser said before, else in UTC, named', async () => {
    // 18:30 in London on 12 January 2027 is 18:30 UTC and 13:30 in New York.
    const first = await html('/');
    expect(first).toMatch(/<time datetime="2027-01-12T18:30:00.000Z">[^<]*18:30 UTC<\/time>/);
    const again = await html('/', { cookie: 'hearth-zone=America%2FNew_York' });
    expect(again).toMatch(/<time datetime="2027-01-12T18:30:00.000Z">[^<]*13:30<\/time>/);
  });

  it('is a group’s page with its meetups; a private group’s page is the shell, with nothing of it', async () => {
    const page = await html(`/groups/${publicId}`, { 'accept-language': 'es' });
    expect(page).toMatch(/<html lang="es" dir="ltr">/);
    expect(mainOf(page)).toContain('<h1 tabindex="-1">Tea &amp; “talk” circle</h1>');
    expect(mainOf(page)).toContain(catalogue('es')['occurrenceCards.upcoming']);
    expect(mainOf(page)).toContain('Spring circle');
    expect(Object.keys(landedIn(page)!)).toEqual([
      `/groups/${publicId}`,
      `/groups/${publicId}/occurrences?limit=6`,
      '/session',
    ]);
    // With a session cookie, whoever it is: nothing said of them, and no offer to sign in.
    const member = await html(`/groups/${publicId}`, { cookie: 'hearth_session=anything' });
    expect(Object.keys(landedIn(member)!)).not.toContain('/session');
    expect(member).not.toContain('href="/signin');
    expect(mainOf(member)).toContain('Spring circle');
    const hidden = await html(`/groups/${privateId}`, { cookie: '__Host-hearth_session=x' });
    expect(hidden).not.toContain('Quiet private circle');
    expect(landedIn(hidden)).toBeNull();
    expect(mainOf(hidden).trim()).toMatch(/^<noscript>[\s\S]*<\/noscript>$/);
  });

  it('is New here, drawn; every other page of the app is the shell in the reader’s language', async () => {
    const newHere = mainOf(await html('/new-here', { 'accept-language': 'fr' }));
    expect(newHere).toContain(catalogue('fr')['newHere.title']);
    // Its link to the crisis lines opens them in French, with JavaScript off too.
    expect(newHere).toContain('<a href="/crisis.fr.html">');
    expect(newHere).not.toContain('href="/crisis.html"');
    const signin = await html('/signin', { 'accept-language': 'fr' });
    expect(signin).toMatch(/<html lang="fr" dir="ltr">/);
    expect(mainOf(signin).trim()).toMatch(/^<noscript>[\s\S]*<\/noscript>$/);
    expect(signin).toContain(`>${catalogue('fr')['shell.needHelp']}<`);
    // A page the server does not draw keeps the shell's title and description, in French.
    expect(signin).toContain(`<title data-i18n="shell.title">${catalogue('fr')['shell.title']}</title>`);
    expect(signin).toContain(`content="${catalogue('fr')['shell.description']}"`);
  });

  it('says an address the app has no page for is not found, in the reader’s language', async () => {
    const res = await get('/groups/not-a-group', { 'accept-language': 'de' });
    expect(res.status).toBe(404);
    const page = await res.text();
    expect(mainOf(page)).toContain(catalogue('de')['notFound.heading']);
    expect(page).toContain(`data-i18n="shell.noScript">${catalogue('de')['shell.noScript']}<`);
  });

  it('is compressed, revalidated with its tag, and kept apart by language', async () => {
    const res = await get('/', { 'accept-encoding': 'br', 'accept-language': 'de' });
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('vary')).toBe('Cookie, Accept-Language, Accept-Encoding');
    const body = brotliDecompressSync(Buffer.from(await res.arrayBuffer())).toString();
    expect(body).toMatch(/<html lang="de"/);
    const tag = res.headers.get('etag')!;
    expect((await get('/', { 'if-none-match': tag, 'accept-language': 'de' })).status).toBe(304);
    expect((await get('/', { 'if-none-match': tag, 'accept-language': 'es' })).status).toBe(200);
    expect((await get('/', { 'if-none-match': tag, 'accept-language': 'de', cookie: 'x=1' })).status).toBe(
      304,
    );
  });
});

describe('a page that cannot be drawn', () => {
  it('is the shell as built, so the app still opens and says what it cannot load', async () => {
    const shell = readFileSync(join(stackWebRoot, 'index.html'), 'utf8');
    const pages = createPagesApp({
      ...builtFiles(stackWebRoot),
      ask: async () => {
        throw new Error('The table is out of reach');
      },
    });
    const errors: unknown[] = [];
    const logged = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      const res = await pages.request('/', { headers: { 'accept-language': 'de' } });
      expect(res.status).toBe(200);
      expect(await res.text()).toBe(shell);
    } finally {
      console.error = logged;
    }
    expect(errors).toHaveLength(1);
  });
});

describe('the shell filled', () => {
  const shell = readFileSync(join(stackWebRoot, 'index.html'), 'utf8');
  it('keeps what it carries inert: nothing in the answers closes the block or starts markup', () => {
    const hostile = { '/groups?': { name: '</script><script>alert(1)</script> & \u2028' } };
    const filled = fillShell(shell, {
      locale: 'en',
      title: '</title><b>x',
      words: {},
      nav: '',
      main: '<h1>x</h1>',
      languages: '',
      answers: hostile,
    });
    expect(filled).not.toContain('<script>alert(1)');
    expect(filled).toContain('<title>&lt;/title&gt;&lt;b&gt;x</title>');
    expect(landedIn(filled)).toEqual(hostile);
    expect(scriptSafeJson('<&>')).toBe('"\\u003c\\u0026\\u003e"');
  });

  it('finds every word of the shell, and refuses a shell that lost a place it fills', () => {
    expect(shellKeys(shell).sort()).toEqual(
      [...shell.matchAll(/data-i18n(?:-label|-content)?="([\w.]+)"/g)]
        .map((m) => m[1]!)
        .filter((k, i, a) => a.indexOf(k) === i)
        .sort(),
    );
    const without = shell.replace('<div id="languages"></div>', '');
    expect(() =>
      fillShell(without, {
        locale: 'en',
        title: 'x',
        words: {},
        nav: '',
        main: null,
        languages: '',
        answers: {},
      }),
    ).toThrow(/has no/);
  });
});
