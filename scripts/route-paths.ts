/**
 * Writes functions/api/route-paths.ts: the paths of each lazily loaded context, read from its
 * routes, so the app can send a request to its context before loading it. `npm run routes`;
 * tests/unit/route-paths.test.ts fails when the file's paths are not the routes'.
 * @module
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Hono } from 'hono';
import type { AppEnv } from '../functions/api/context';
import type { LazyContext } from '../functions/api/lazy';
import type { Registry } from '../functions/api/route-spec';
import { root } from './build';

/** The contexts the app loads on first use, by the name app.ts gives them. */
export const CONTEXTS: Record<string, () => Promise<LazyContext>> = {
  meetups: () => import('../functions/api/routes/meetup-context'),
  calendar: () => import('../functions/api/routes/calendar'),
  resources: () => import('../functions/api/routes/resource-context'),
  discussions: () => import('../functions/api/routes/discussion-context'),
  support: () => import('../functions/api/routes/support-context'),
  reach: () => import('../functions/api/routes/reach'),
  outcomes: () => import('../functions/api/routes/outcome-context'),
};

/** Each context's paths, in Hono's form (`/groups/:groupId/meetups`), sorted. */
export async function contextPaths(): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const [name, load] of Object.entries(CONTEXTS)) {
    const registry: Registry = [];
    (await load()).register(new Hono<AppEnv>(), registry);
    out[name] = [...new Set(registry.map((r) => r.path.replace(/\{(\w+)\}/g, ':$1')))].sort();
  }
  return out;
}

export const FILE = join(root, 'functions/api/route-paths.ts');

export function render(paths: Record<string, string[]>): string {
  const body = Object.entries(paths)
    .map(([name, list]) => `  ${name}: [\n${list.map((p) => `    '${p}',`).join('\n')}\n  ],`)
    .join('\n');
  return `/**
 * The paths of each context the app loads on first use, written by \`npm run routes\` from the
 * routes themselves (scripts/route-paths.ts); a unit test fails when they differ.
 * @module
 */
export const CONTEXT_PATHS = {
${body}
} as const;
`;
}

if (process.argv[1]?.endsWith('route-paths.ts')) {
  writeFileSync(FILE, render(await contextPaths()));
  execFileSync('npx', ['biome', 'format', '--write', FILE], { stdio: 'ignore' });
  console.log(`Wrote ${FILE}`);
}
