/**
 * Run before the app, as the page's first script: asks at once for what the first page will ask
 * for (its language's words, the directory's groups or a group, who is signed in, and the code of
 * the page it opens on), so those travel while the app's script does instead of after it. The app takes them
 * (early-answers.ts), each once; nothing here renders or decides anything. Loaded `async`: it
 * runs as soon as it arrives, holding neither the page's parsing nor waiting for its stylesheet;
 * were it ever to arrive after the app had started, the app would have asked for itself.
 * @module
 */
import type { Locale } from '../../functions/core/i18n/locales';
import { firstLocale } from './first-locale';
import { GROUP_PAGE, landingReads } from './landing';

/** Compiled catalogues' file names (content-hashed), given by the build. */
declare const LOCALE_FILES: Record<Locale, { page: string; api: string }>;
/** For the pages visits often start on, the files of their code the app does not load itself. */
declare const PAGE_FILES: Record<'group' | 'occurrence' | 'newHere' | 'resources', string[]>;

(() => {
  const kept: Record<string, Promise<Response>> = {};
  (window as unknown as { __early: typeof kept }).__early = kept;
  const locale = firstLocale();
  const ask = (url: string, api = true) => {
    // After what the first paint needs (the stylesheet): where the page came drawn, these only
    // bring it to life; elsewhere they still leave first.
    const answer = fetch(url, {
      priority: 'low',
      ...(api ? { credentials: 'same-origin', headers: { 'accept-language': locale } } : {}),
    });
    answer.catch(() => undefined); // not taken, or offline: the app asks again and says why
    kept[url] = answer;
  };
  ask(`/locales/${LOCALE_FILES[locale].page}`, false);
  ask('/api/session');
  const path = location.pathname;
  const group = GROUP_PAGE.exec(path);
  // The page's own code, asked for beside the app's rather than once the app has run.
  const page = group
    ? 'group'
    : /^\/occurrences\/[A-Za-z0-9_-]{33}$/.test(path)
      ? 'occurrence'
      : path === '/new-here'
        ? 'newHere'
        : path === '/resources'
          ? 'resources'
          : null;
  for (const href of page ? PAGE_FILES[page] : []) {
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.fetchPriority = 'low';
    link.href = href;
    document.head.append(link);
  }
  const drawn = document.getElementById('landed')?.textContent ?? '';
  for (const read of landingReads(path, new URLSearchParams(location.search)) ?? []) {
    // The directory drawn with its groups keeps them (web/src/landed.ts); a group's page reads
    // itself again for a member's view, but not for an invitation (its code goes in a header).
    if (path === '/' ? drawn.includes(`"${read}"`) : location.hash.includes('invite=')) continue;
    ask(`/api${read}`);
  }
})();
