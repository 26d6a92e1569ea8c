/** Where the charts are served from: the build writes them there, the pages that draw them load them. */
export const CHARTS = { script: '/charts.js', style: '/charts.css' } as const;
