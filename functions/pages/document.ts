/**
 * The app's shell (the built index.html) filled for one request: its language and direction, its
 * title, its own words in that language, the header's links, the page and the language row as
 * rendered on the server, and the answers the page was rendered with, as a JSON block the app
 * reads (web/src/landed.ts). A JSON block is data, not script: the CSP stays strict.
 * @module
 */
import { crisisPath, dirOf, type Locale } from '../core/i18n/locales';

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** JSON safe inside a `<script>` element: nothing in it can close the element or start markup. */
export const scriptSafeJson = (value: unknown) =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

const WORD = /(<[a-z]+\b[^>]*\sdata-i18n="([\w.]+)"[^>]*>)([^<]*)</g;
const LABEL = /aria-label="[^"]*"(\s+data-i18n-label="([\w.]+)")/g;
const CONTENT = /content="[^"]*"(\s+data-i18n-content="([\w.]+)")/g;

/** The keys of the words the shell says (its `data-i18n`, `data-i18n-label` and `data-i18n-content`). */
export function shellKeys(shell: string): string[] {
  const keys = new Set<string>();
  for (const m of shell.matchAll(WORD)) keys.add(m[2]!);
  for (const m of shell.matchAll(LABEL)) keys.add(m[2]!);
  for (const m of shell.matchAll(CONTENT)) keys.add(m[2]!);
  return [...keys];
}

/** One replacement that must happen: a shell that lost its mark is a build to fix, not to serve. */
function once(text: string, mark: string | RegExp, by: string | ((found: string) => string)): string {
  const found = typeof mark === 'string' ? text.includes(mark) : mark.test(text);
  if (!found) throw new Error(`The app's shell has no ${String(mark)}`);
  return text.replace(mark, typeof by === 'string' ? () => by : by);
}

export function fillShell(
  shell: string,
  filled: {
    locale: Locale;
    /** Null: the shell's own. */
    title: string | null;
    words: Record<string, string>;
    nav: string;
    main: string | null;
    languages: string;
    answers: Record<string, unknown>;
  },
): string {
  const word = (key: string, fallback: string) => escapeHtml(filled.words[key] ?? fallback);
  let html = shell
    .replace(WORD, (_, open: string, key: string, text: string) => `${open}${word(key, text)}<`)
    .replace(LABEL, (all: string, attr: string, key: string) =>
      filled.words[key] ? `aria-label="${word(key, '')}"${attr}` : all,
    )
    .replace(CONTENT, (all: string, attr: string, key: string) =>
      filled.words[key] ? `content="${word(key, '')}"${attr}` : all,
    );
  html = once(html, /<html lang="[^"]*">/, `<html lang="${filled.locale}" dir="${dirOf(filled.locale)}">`);
  const title = filled.title;
  if (title !== null) html = once(html, /<title[^>]*>[^<]*<\/title>/, `<title>${escapeHtml(title)}</title>`);
  html = once(html, 'id="nav"></nav>', `id="nav">${filled.nav}</nav>`);
  html = once(html, '<div id="languages"></div>', `<div id="languages">${filled.languages}</div>`);
  // The page first, so the app's render finds each node where it draws it and moves none.
  const main = filled.main;
  if (main !== null) html = once(html, /<main id="main"[^>]*>\s*/, (open) => `${open.trim()}${main}`);
  // Every link to the crisis lines, the page's own too, opens them in the reader's language (with
  // JavaScript off as well; the app sends them there by its own links' clicks).
  // (Anchors only: a member's words, escaped, never hold a `<a`.)
  html = html.replace(
    /(<a\s[^>]*?)href="\/crisis\.html"/g,
    (_, a: string) => `${a}href="${crisisPath(filled.locale)}"`,
  );
  if (Object.keys(filled.answers).length)
    html = once(
      html,
      /<script/,
      `<script type="application/json" id="landed">${scriptSafeJson(filled.answers)}</script>\n  <script`,
    );
  return html;
}
