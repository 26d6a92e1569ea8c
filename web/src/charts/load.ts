/**
 * Loads the charts (their script and stylesheet) the first time a page asks, once.
 * @module
 */
import { CHARTS } from './files';
import type * as Lines from './lines';

let loading: Promise<typeof Lines> | undefined;

export function loadCharts(): Promise<typeof Lines> {
  if (!document.querySelector(`link[href="${CHARTS.style}"]`)) {
    const sheet = document.createElement('link');
    sheet.rel = 'stylesheet';
    sheet.href = CHARTS.style;
    document.head.append(sheet);
  }
  // A path the bundler leaves alone: the charts are a file of their own.
  const script: string = CHARTS.script;
  loading ??= (import(script) as Promise<typeof Lines>).catch((e) => {
    loading = undefined; // offline, say: the next page that asks tries again
    throw e;
  });
  return loading;
}
