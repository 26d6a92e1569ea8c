/**
 * The crisis page, one per language (`crisis.html` in English, `crisis.<locale>.html` in the
 * others), written at build from the crisis lines (functions/core/crisis-lines.ts) and the
 * catalogues: plain HTML that works with JavaScript off, each page linking the others by
 * `hreflang`. The lines of the regions that speak the page's language come first.
 * @module
 */
import { I18n } from '@lingui/core';
import { compileMessage } from '@lingui/message-utils/compileMessage';
import {
  CRISIS_REGIONS,
  dialable,
  ELSEWHERE,
  REGION_CODES,
  REGIONS_BY_LANGUAGE,
  type RegionCode,
} from '../functions/core/crisis-lines';
import { crisisPath, dirOf, LOCALE_NAMES, LOCALES, type Locale } from '../functions/core/i18n/locales';

export { crisisPath };

import { readCatalogue } from './locales';

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A page's words: each message escaped, its values and `<n>` tags given as HTML. */
function wordsFor(root: string, locale: Locale) {
  const i18n = new I18n({});
  const catalogue = readCatalogue(root, locale);
  i18n.loadAndActivate({
    locale,
    messages: Object.fromEntries(Object.entries(catalogue).map(([k, m]) => [k, compileMessage(m)])),
  });
  return (key: string, values: Record<string, string> = {}, ...tags: ((inner: string) => string)[]) => {
    // Values pass through the formatter as markers, so the HTML in them is not escaped twice.
    const marked = Object.fromEntries(Object.keys(values).map((k, i) => [k, `\u{E000}${i}\u{E001}`]));
    let html = esc(i18n._(key, marked));
    html = html.replace(/&lt;(\d+)&gt;(.*?)&lt;\/\1&gt;/gs, (_, n: string, inner: string) =>
      tags[Number(n)]!(inner),
    );
    return html.replace(/\u{E000}(\d+)\u{E001}/gu, (_, i: string) => Object.values(values)[Number(i)]!);
  };
}

function linesOf(
  code: RegionCode,
  say: ReturnType<typeof wordsFor>,
  regionName: (c: string) => string,
  numbers: (emergency: string) => string,
): string {
  const r = CRISIS_REGIONS[code];
  const items = r.lines.map((l: { name: string; call?: string; text?: string; url: string }) => {
    // Numbers read left to right in every language ("116 123", not "123 116" on an Arabic page).
    const tel = (n: string) => (inner: string) => `<a href="tel:${dialable(n)}" dir="ltr">${inner}</a>`;
    const sms = (n: string) => (inner: string) => `<a href="sms:${dialable(n)}" dir="ltr">${inner}</a>`;
    const how =
      l.call && l.text
        ? say('crisisPage.callThenText', { call: esc(l.call), text: esc(l.text) }, tel(l.call), sms(l.text))
        : l.call
          ? say('crisisPage.call', { number: esc(l.call) }, tel(l.call))
          : say('crisisPage.text', { number: esc(l.text!) }, sms(l.text!));
    const host = new URL(l.url).hostname.replace(/^www\./, '');
    return `<p>${say('crisisPage.line', { name: `<strong><bdi>${esc(l.name)}</bdi></strong>`, how })} <a href="${esc(l.url)}" rel="noopener" dir="ltr">${esc(host)}</a></p>`;
  });
  return `<li data-region="${code}"><h2>${esc(regionName(code))}</h2>${items.join('')}<p class="meta">${say('crisisPage.emergency', { number: esc(numbers(r.emergency)) })}</p></li>`;
}

/** The emergency numbers, each with the places it is dialled in. */
function emergencies(
  locale: Locale,
  say: ReturnType<typeof wordsFor>,
  regionName: (c: string) => string,
  numbers: (emergency: string) => string,
): string {
  const byNumber = new Map<string, string[]>();
  for (const code of REGION_CODES) {
    const n = numbers(CRISIS_REGIONS[code].emergency);
    byNumber.set(n, [...(byNumber.get(n) ?? []), regionName(code)]);
  }
  const and = new Intl.ListFormat(locale, { type: 'conjunction' });
  return new Intl.ListFormat(locale, { type: 'unit', style: 'short' }).format(
    [...byNumber].map(([n, places]) =>
      say('crisisPage.numberIn', { number: esc(n), places: esc(and.format(places)) }),
    ),
  );
}

/** The crisis page in one language. */
export function crisisPage(root: string, locale: Locale): string {
  const say = wordsFor(root, locale);
  const names = new Intl.DisplayNames([locale], { type: 'region' });
  const regionName = (c: string) => names.of(c) ?? c;
  // "112 or 999", with the language's own "or".
  const or = new Intl.ListFormat(locale, { type: 'disjunction' });
  const numbers = (emergency: string) => or.format(emergency.split(' or '));
  const first = REGIONS_BY_LANGUAGE[locale] ?? [];
  const order = [...first, ...REGION_CODES.filter((c) => !first.includes(c))];
  // No region here speaks the page's language (Arabic): the way to find one's own line comes first.
  const elsewhere = `<li><h2>${say('crisisPage.elsewhere')}</h2><p>${say('crisisPage.findHelpline', {}, (s) => `<a href="${ELSEWHERE.url}" rel="noopener">${s}</a>`)}</p></li>`;
  const alternates = LOCALES.map(
    (l) => `  <link rel="alternate" hreflang="${l}" href="${crisisPath(l)}">`,
  ).join('\n');
  const others = LOCALES.map((l) =>
    l === locale
      ? `<strong lang="${l}">${LOCALE_NAMES[l]}</strong>`
      : `<a href="${crisisPath(l)}" hreflang="${l}" lang="${l}">${LOCALE_NAMES[l]}</a>`,
  ).join(' · ');
  return `<!doctype html>
<html lang="${locale}" dir="${dirOf(locale)}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${say('crisisPage.title')}</title>
${alternates}
  <link rel="icon" href="/icon.svg" type="image/svg+xml">
  <link rel="manifest" href="/manifest.webmanifest">
  <link rel="apple-touch-icon" href="/icons/apple-touch-icon.png">
  <meta name="theme-color" content="#8a3b12">
  <link rel="stylesheet" href="/styles.css">
  <script src="/quick-exit.js"></script>
  <script src="/crisis.js" defer></script>
</head>
<body>
  <a class="skip" href="#main">${say('shell.skip')}</a>
  <aside class="quick-exit-bar" aria-label="${say('shell.leaveQuickly')}"><a class="quick-exit" href="https://www.bbc.co.uk/weather" rel="noreferrer">${say('shell.leaveQuickly')}<span class="visually-hidden">${say('shell.leaveQuicklyKeys')}</span></a></aside>
  <header class="site">
    <a class="brand" href="/">Hearth</a>
    <a class="crisis-link" href="${crisisPath(locale)}" aria-current="page">${say('shell.needHelp')}</a>
  </header>
  <main id="main" class="crisis">
    <p class="other-languages" aria-label="${say('language.label')}">${others}</p>
    <h1>${say('crisisPage.heading')}</h1>
    <p class="urgent">${say('crisisPage.urgent', { numbers: emergencies(locale, say, regionName, numbers) }, (s) => `<strong>${s}</strong>`)}</p>
    <p>${say('crisisPage.free')}</p>
    <ul class="lines" data-yours="${say('crisisPage.yours')}">
      ${[...(first.length || locale === 'en' ? [] : [elsewhere]), ...order.map((c) => linesOf(c, say, regionName, numbers)), ...(first.length || locale === 'en' ? [elsewhere] : [])].join('\n      ')}
    </ul>
    <p>${say('crisisPage.safetyPlan', {}, (s) => `<a href="/me/safety-plan">${s}</a>`)}</p>
    <p>${say('crisisPage.notService')}</p>
    <p><a href="/">${say('crisisPage.back')}</a></p>
  </main>
</body>
</html>
`;
}
