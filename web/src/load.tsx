/**
 * What parts of a page read when they open: the answer, or why it could not be read (offline,
 * say), which the page shows in place of "Loading…" (`<Loading error={…} />`); a paged list, and
 * a list as it loads.
 * @module
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { get } from './api';
import { t } from './i18n';
import { Loading } from './ui';

/** `read` null waits (signed out, say). Returns the data (null while reading), the problem, and a setter. */
export function useLoad<T>(read: (() => Promise<T>) | null, deps: unknown[]) {
  const [state, setState] = useState<{ data: T | null; error: string | null }>({ data: null, error: null });
  useEffect(() => {
    if (!read) return;
    let live = true;
    read().then(
      (data) => live && setState({ data, error: null }),
      (e: Error) => live && setState({ data: null, error: e.message }),
    );
    return () => {
      live = false;
    };
  }, deps);
  return [state.data, state.error, (data: T) => setState({ data, error: null })] as const;
}

/**
 * A paged list from the API: the first page on load (and whenever `path` changes), more on
 * request. `path` null waits (signed out). The cursor is appended as a query parameter.
 */
export function usePaged<T>(path: string | null) {
  const [items, setItems] = useState<T[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = async (from?: string) => {
    if (!path) return;
    try {
      const page = await get<{ items: T[]; nextCursor: string | null }>(
        `${path}${path.includes('?') ? '&' : '?'}limit=50${from ? `&cursor=${from}` : ''}`,
      );
      setItems((before) => [...(from ? (before ?? []) : []), ...page.items]);
      setCursor(page.nextCursor);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  useEffect(() => {
    void load();
  }, [path]);
  return {
    items,
    setItems,
    error,
    reload: () => load(),
    /** The next page's button, when there is one. */
    more: cursor ? (
      <button type="button" class="secondary" onClick={() => void load(cursor)}>
        {t('load.showMore')}
      </button>
    ) : null,
  };
}

/**
 * A list as it loads: why it could not, a loading note, what to say when it is empty (if the
 * page says anything), and its items otherwise.
 */
export function Loaded<T>(props: {
  error: string | null;
  items: T[] | null;
  empty?: ComponentChildren;
  children: (items: T[]) => ComponentChildren;
}) {
  if (props.error)
    return (
      <p class="alert" role="alert">
        {props.error}
      </p>
    );
  if (!props.items) return <Loading />;
  if (!props.items.length && props.empty !== undefined) return <>{props.empty}</>;
  return <>{props.children(props.items)}</>;
}
