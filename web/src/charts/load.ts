/**
 * Loads the charts (their script and stylesheet) the first time a page asks, once. The script is
 * a file of its own that the bundler splits off (only the pages that draw charts load it); the
 * stylesheet's hashed address is written in by the build.
 * @module
 */
import type * as Lines from './lines';

/** uPlot's stylesheet, under its hashed address (scripts/build.ts). */
declare const CHARTS_STYLE: string;

let loading: Promise<typeof Lines> | undefined;

export function loadCharts(): Promise<typeof Lines> {
  if (!document.querySelector(`link[href="${CHARTS_STYLE}"]`)) {
    const sheet = document.createElement('link');
    sheet.rel = 'stylesheet';
    sheet.href = CHARTS_STYLE;
    document.head.append(sheet);
  }
  loading ??= import('./lines').catch((e) => {
    loading = undefined; // offline, say: the next page that asks tries again
    throw e;
  });
  return loading;
}
