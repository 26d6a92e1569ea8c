/**
 * Pages loaded when first visited: each is a file of its own (split off by the bundler), so a
 * visitor's first page loads only what it needs; the service worker keeps them all for later.
 * @module
 */
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from './i18n';
import { Loading } from './ui';

/** A page that loads its code on first use; `ready` loads it ahead (it never rejects). */
export type LazyPage<P> = ComponentType<P> & { ready: () => Promise<void> };

/** A page component that loads its code on first use, says so meanwhile, and offers a retry. */
export function lazy<P extends object>(load: () => Promise<ComponentType<P>>): LazyPage<P> {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<unknown> | undefined;
  const fetchPage = () =>
    (pending ??= load().then(
      (page) => {
        loaded = page;
      },
      (e) => {
        pending = undefined; // offline, say: asked again on a retry
        throw e;
      },
    ));
  function Lazy(props: P) {
    const [, setShown] = useState(0);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (loaded || failed) return;
      let live = true;
      fetchPage().then(
        () => live && setShown((n) => n + 1),
        () => live && setFailed(true),
      );
      return () => {
        live = false;
      };
    }, [failed]);
    if (loaded) {
      const Page = loaded;
      return <Page {...props} />;
    }
    if (!failed) return <Loading />;
    return (
      <div class="alert" role="alert">
        <p>{t('ui.pageNotLoaded')}</p>
        <button type="button" onClick={() => setFailed(false)}>
          {t('ui.tryAgain')}
        </button>
      </div>
    );
  }
  // Loaded ahead, the page's first render is the page itself, not "Loading…" (see main.tsx).
  return Object.assign(Lazy, { ready: () => fetchPage().then(noop, noop) });
}

const noop = () => undefined;
