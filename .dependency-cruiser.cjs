/**
 * The layering DESIGN.md describes, checked on every `npm test` (tests/unit/layers.test.ts).
 * Imports point down: web and functions/api, feeds and jobs → store and push → core; core is pure.
 */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment:
        'core holds the rules: it imports its own files and libraries that only compute (zod, the passphrase estimator, the message formatter), nothing else',
      severity: 'error',
      from: { path: '^functions/core/' },
      to: {
        pathNot: [
          '^functions/core/',
          '^node_modules/zod/',
          '^node_modules/@zxcvbn-ts/',
          '^node_modules/@lingui/',
        ],
      },
    },
    {
      name: 'store-below-entry-points',
      comment: 'the store serves the API, the feeds and the jobs, and imports none of them',
      severity: 'error',
      from: { path: '^functions/store/' },
      to: { path: '^functions/(api|feeds|jobs|push)/' },
    },
    {
      name: 'push-is-an-adapter',
      comment: 'sending to push services knows core and its library, not who calls it or the store',
      severity: 'error',
      from: { path: '^functions/push/' },
      to: { path: '^functions/(api|feeds|jobs|store)/' },
    },
    {
      name: 'route-imports-no-route',
      comment:
        'a route file imports no route file; what routes share is in api/access, api/views and api/flows. ' +
        "A context's composition (routes/*-context.ts) imports its route files.",
      severity: 'error',
      from: { path: '^functions/api/routes/', pathNot: '-context\\.ts$' },
      to: { path: '^functions/api/routes/' },
    },
    {
      name: 'routes-only-from-the-app',
      comment: 'only the app (and a context composition) loads route files',
      severity: 'error',
      from: { path: '^functions/', pathNot: ['^functions/api/app\\.ts$', '^functions/api/routes/'] },
      to: { path: '^functions/api/routes/' },
    },
    {
      name: 'web-uses-core-only',
      comment: 'the web app shares rules and schemas with the API through core, nothing else of functions',
      severity: 'error',
      from: { path: '^web/src/' },
      to: { path: '^functions/', pathNot: '^functions/core/' },
    },
    {
      name: 'no-cycles',
      comment: 'no module reaches itself, type-only imports included',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    exclude: { path: '\\.d\\.ts$' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.json'] },
  },
};
