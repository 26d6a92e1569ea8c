/**
 * The landing pages rendered on the server (functions/pages): the header's links, the page and
 * the language row as the app's first render will draw them, from the same components, in the
 * reader's language, with the answers the page shows (landed.ts). Who is signed in is never
 * known here: a page shows what any visitor sees, and the app adds what is theirs once it runs;
 * only where no session cookie came at all is the visitor known to be signed out.
 * @module
 */
import type { Messages } from '@lingui/core';
import { renderToString } from 'preact-render-to-string';
import type { Locale } from '../../functions/core/i18n/locales';
import { Languages } from './components/languages';
import { type MessageKey, speak, t } from './i18n';
import { renderWith } from './landed';
import { pageFor, pageReady } from './routes';
import { Nav, Route } from './shell';
import { location, me } from './state';
import { renderedTitle } from './ui';
import { viewFrom } from './when';

/** Whether the app has a page at this address (else it says "Page not found"). */
export const isAppPage = (url: URL) => pageFor(url) !== null;

export type Rendered = {
  /** The page's title ("Find a group: Hearth"); null where the page is not drawn here. */
  title: string | null;
  nav: string;
  /** The page, or null where the app draws it alone. */
  main: string | null;
  languages: string;
  /** The shell's own words (`data-i18n`), by key, in the reader's language. */
  words: Record<string, string>;
};

/**
 * Renders the frame, and the page at `url` when `page` is set. Synchronous once the page's code
 * is loaded, so one render's language and answers never meet another's.
 */
export async function renderLanding(opts: {
  url: URL;
  locale: Locale;
  messages: Messages;
  zone: string | null;
  /** No session cookie came: nobody is signed in. */
  signedOut: boolean;
  answers: Record<string, unknown>;
  page: boolean;
  /** The keys of the shell's own words. */
  words: string[];
}): Promise<Rendered> {
  if (opts.page) await pageReady(opts.url);
  speak(opts.locale, opts.messages);
  viewFrom(opts.zone);
  renderWith(opts.answers);
  location.value = opts.url;
  me.value = opts.signedOut ? null : undefined;
  renderedTitle.text = '';
  const main = opts.page ? renderToString(<Route />) : null;
  const title = renderedTitle.text ? t('ui.pageTitle', { title: renderedTitle.text }) : null;
  return {
    title,
    nav: renderToString(<Nav />),
    main,
    languages: renderToString(<Languages />),
    words: Object.fromEntries(opts.words.map((k) => [k, t(k as MessageKey)])),
  };
}
