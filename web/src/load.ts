/**
 * What a part of a page reads when it opens: the answer, or why it could not be read (offline,
 * say), which the page shows in place of "Loading…" (`<Loading error={…} />`).
 * @module
 */
import { useEffect, useState } from 'preact/hooks';

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
