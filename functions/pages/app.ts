/**
 * The app's documents: every address of the web app that names no file is answered with its
 * shell in the reader's language (functions/core/viewer-prefs.ts) and, for the pages a visit most
 * often lands on (the directory, a group's page, "New here?"), with the page itself rendered in
 * it (web/src/server.tsx), so its content is in the first paint, before any script has run. The
 * answers come from the API as an anonymous visitor would get them: what is rendered here is
 * what anyone may see, and the same for everyone in a language and zone.
 * @module
 */
import { createHash } from 'node:crypto';
import type { Messages } from '@lingui/core';
import { Hono } from 'hono';
import { landingReads } from '../../web/src/landing';
import { compressAnswers } from '../api/middleware/compress';
import { tagMatches } from '../core/compression';
import type { Locale } from '../core/i18n/locales';
import { viewerPrefs } from '../core/viewer-prefs';
import { fillShell, shellKeys } from './document';

export interface PagesConfig {
  /** `GET /api<path>` as a visitor who is not signed in, in a language. */
  ask: (path: string, locale: Locale) => Promise<Response>;
  /** The built shell (dist/web/index.html). */
  shell: () => string;
  /** A language's compiled catalogue of the pages' words. */
  catalogue: (l: Locale) => Messages;
}

/** `ask` for an API app in the same process: a request with no cookie, in the language given. */
export const askAsVisitor =
  (api: { fetch: (request: Request) => Response | Promise<Response> }): PagesConfig['ask'] =>
  async (path, locale) =>
    api.fetch(new Request(`https://pages.invalid/api${path}`, { headers: { 'Accept-Language': locale } }));

/**
 * The API's address for an answer the app keys by its own: the directory's search sent by its
 * form without JavaScript names every filter, the empty ones too, which the API would refuse.
 */
function asked(path: string): string {
  const [at, query = ''] = path.split('?') as [string, string?];
  if (!query) return path;
  const given = [...new URLSearchParams(query)].filter(([, v]) => v !== '');
  return `${at}?${new URLSearchParams(given).toString()}`;
}

/** The answers a page shows, by the app's path for each; those not answered 200 are left out. */
async function answersFor(config: PagesConfig, paths: string[], locale: Locale) {
  const answers: Record<string, unknown> = {};
  await Promise.all(
    paths.map(async (path) => {
      const res = await config.ask(asked(path), locale);
      if (res.ok) answers[path] = await res.json();
      else await res.body?.cancel();
    }),
  );
  return answers;
}

/**
 * The document for a request, and its status: drawn where it can be; an address the app has no
 * page for says so (404); else the shell, which the app draws.
 */
async function documentFor(
  config: PagesConfig,
  url: URL,
  prefs: ReturnType<typeof viewerPrefs>,
): Promise<{ html: string; status: 200 | 404 }> {
  const shell = config.shell();
  try {
    // Loaded on first use: a container that never renders a page never reads the components.
    const { isAppPage, renderLanding } = await import('../../web/src/server');
    const known = isAppPage(url);
    const paths = known ? landingReads(url.pathname, url.searchParams) : [];
    const found = paths ? await answersFor(config, paths, prefs.locale) : {};
    const page = paths !== null && (paths.length === 0 || Object.hasOwn(found, paths[0]!));
    // Nobody signed in for sure: the header offers to sign in from the first paint, as the app will.
    const answers = { ...(page ? found : {}), ...(prefs.signedOut ? { '/session': { me: null } } : {}) };
    const rendered = await renderLanding({
      url,
      ...prefs,
      messages: config.catalogue(prefs.locale),
      answers,
      page,
      words: shellKeys(shell),
    });
    return {
      html: fillShell(shell, { ...rendered, locale: prefs.locale, answers }),
      status: known ? 200 : 404,
    };
  } catch (e) {
    // The table out of reach, say: every page still opens, and the app says what it cannot load.
    console.error('A page could not be drawn; the shell goes as built', e);
    return { html: shell, status: 200 };
  }
}

export function createPagesApp(config: PagesConfig) {
  const app = new Hono();
  app.use(compressAnswers());
  app.on(['GET', 'HEAD'], '*', async (c) => {
    const prefs = viewerPrefs({
      cookie: c.req.header('Cookie'),
      acceptLanguage: c.req.header('Accept-Language'),
    });
    const { html, status } = await documentFor(config, new URL(c.req.url), prefs);
    const etag = `"${createHash('sha256').update(html).digest('base64url').slice(0, 22)}"`;
    const headers = {
      'Content-Type': 'text/html; charset=utf-8',
      // Asked about on each use; another language or zone is another page.
      'Cache-Control': 'no-cache',
      Vary: 'Cookie, Accept-Language',
      ETag: etag,
    };
    const asked = c.req.header('If-None-Match');
    if (status === 200 && asked && tagMatches(asked, etag)) return c.body(null, 304, headers);
    if (c.req.method === 'HEAD') return c.body(null, status, headers);
    return c.body(html, status, headers);
  });
  return app;
}
