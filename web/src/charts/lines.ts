/**
 * Line charts for the pages that show figures over time, drawn by uPlot. Built as a file of its
 * own (split off by the bundler) and loaded by those pages alone, so no other page pays for it. The chart is a
 * picture: each page gives the same numbers as a table for screen readers and keyboards.
 * @module
 */
import uPlot from 'uplot';

export interface LineSeries {
  label: string;
  values: (number | null)[];
  /** A colour from the stylesheet's palette. */
  stroke: string;
  dash?: number[];
}

/**
 * Draws lines over `x` (instants in ms) into `el`, as wide as it is; redrawn to fit when it
 * changes size. Returns what takes it down.
 */
export function lineChart(
  el: HTMLElement,
  opts: {
    x: number[];
    series: LineSeries[];
    yMax?: number;
    locale: string;
    height?: number;
    /** Figures by month or quarter: their dates marked, and nothing between. */
    per?: 'month';
    /** How each marked date is said, where months will not do (quarters: "Q4 2026"). */
    tick?: (ms: number) => string;
    /** What the y-axis counts, when it is a share ("%"). */
    yUnit?: '%';
  },
): () => void {
  // Days when the figures span a few months or less; months and years when longer.
  const days = 86_400;
  const first = Math.min(...opts.x) / 1000;
  const last = Math.max(...opts.x) / 1000;
  const date = new Intl.DateTimeFormat(
    opts.locale,
    last - first < 120 * days && !opts.per
      ? { day: 'numeric', month: 'short' }
      : { month: 'short', year: 'numeric' },
  );
  // A fortnight either side, so one meetup (or one month) is a point with room around it.
  const xRange: uPlot.Range.MinMax = [first - 14 * days, last + 14 * days];
  const chart = new uPlot(
    {
      width: el.clientWidth || 320,
      height: opts.height ?? 220,
      legend: { show: true, live: false },
      // Room above the plot for the y-axis's top label ("100%"), which sits on its edge.
      padding: [14, 12, 0, 0],
      cursor: { show: false },
      scales: {
        x: { time: true, range: xRange },
        y: { range: [0, opts.yMax ?? null] as uPlot.Range.MinMax },
      },
      axes: [
        {
          // Room for a date in any language ("3 ديسمبر", "Dec 2026") between marks.
          space: 72,
          values: (_u, splits) =>
            splits.map((s) => (opts.tick ? opts.tick(s * 1000) : date.format(s * 1000))),
          ...(opts.per ? { splits: () => opts.x.map((ms) => ms / 1000) } : {}),
          stroke: '#4b5563',
        },
        {
          stroke: '#4b5563',
          size: 44,
          ...(opts.yUnit
            ? { values: (_u: uPlot, splits: number[]) => splits.map((v) => `${v}${opts.yUnit}`) }
            : {}),
        },
      ],
      series: [
        {},
        ...opts.series.map((s) => ({
          label: s.label,
          stroke: s.stroke,
          width: 2,
          dash: s.dash,
          points: { show: true, size: 7 },
          spanGaps: false,
        })),
      ],
    },
    [opts.x.map((ms) => ms / 1000), ...opts.series.map((s) => s.values)] as uPlot.AlignedData,
    el,
  );
  const fit = new ResizeObserver(() => chart.setSize({ width: el.clientWidth, height: opts.height ?? 220 }));
  fit.observe(el);
  return () => {
    fit.disconnect();
    chart.destroy();
  };
}
