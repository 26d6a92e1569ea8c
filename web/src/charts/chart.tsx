/** A chart as a Preact component: drawn once the charts file has loaded; a picture only. @module */
import { useEffect, useRef } from 'preact/hooks';
import { locale } from '../i18n';
import type { LineSeries } from './lines';
import { loadCharts } from './load';

/** A chart, drawn once the charts have loaded; a picture only (the table says the same). */
export function Chart(props: {
  x: number[];
  series: LineSeries[];
  yMax?: number;
  per?: 'month';
  tick?: (ms: number) => string;
  yUnit?: '%';
}) {
  const el = useRef<HTMLDivElement>(null);
  // Drawn again when what it shows changes, not each time its page renders (a page re-renders
  // on every keystroke in its forms).
  const shown = JSON.stringify([props.x, props.series, props.yMax, props.per, props.yUnit]);
  useEffect(() => {
    let undo: (() => void) | undefined;
    let live = true;
    loadCharts().then(
      ({ lineChart }) => {
        if (live && el.current) undo = lineChart(el.current, { ...props, locale: locale.value });
      },
      () => undefined, // offline: the table below still says it all
    );
    return () => {
      live = false;
      undo?.();
    };
  }, [shown, locale.value]);
  // Drawn left to right in every language: a canvas in a right-to-left page would set its axis
  // labels' text against the edge they start from, and cut them.
  return <div class="chart" dir="ltr" aria-hidden="true" ref={el} />;
}
