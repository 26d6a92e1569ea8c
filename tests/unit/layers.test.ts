/**
 * The layering of .dependency-cruiser.cjs, checked by dependency-cruiser itself: on the tree, and
 * on a small tree that breaks each rule once (so a rule that matches nothing fails here).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import { afterAll, describe, expect, it } from 'vitest';
import { root } from '../../scripts/build';

const config = createRequire(import.meta.url)(join(root, '.dependency-cruiser.cjs'));
const RULES: string[] = config.forbidden.map((r: { name: string }) => r.name);

async function check(baseDir: string, files: string[]) {
  const result = await cruise(files, {
    ...config.options,
    baseDir,
    validate: true,
    ruleSet: { forbidden: config.forbidden },
  });
  const out = result.output as ICruiseResult;
  return {
    modules: out.summary.totalCruised,
    broken: out.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`),
  };
}

describe('the layers', () => {
  it('hold across functions and the web app', async () => {
    const { modules, broken } = await check(root, ['functions/**/*.ts', 'web/src/**/*.{ts,tsx}']);
    expect(broken).toEqual([]);
    // Every source file was read (a glob that matched nothing would pass vacuously).
    expect(modules).toBeGreaterThan(200);
  });

  const probe = mkdtempSync(join(tmpdir(), 'hearth-layers-'));
  afterAll(() => rmSync(probe, { recursive: true, force: true }));
  const write = (file: string, text: string) => {
    mkdirSync(dirname(join(probe, file)), { recursive: true });
    writeFileSync(join(probe, file), text);
  };

  it('are refused when broken, each by its own rule', async () => {
    write('functions/core/rule.ts', "import { x } from '../store/repo';\nexport const y = x;\n");
    write('functions/store/repo.ts', "import { h } from '../api/routes/a';\nexport const x = h;\n");
    write('functions/api/routes/a.ts', "import { b } from './b';\nexport const h = b;\n");
    write('functions/api/routes/b.ts', 'export const b = 1;\n');
    write('functions/api/flows/f.ts', "import { b } from '../routes/b';\nexport const f = b;\n");
    write('functions/jobs/one.ts', "import type { T } from './two';\nexport type U = T;\n");
    write('functions/jobs/two.ts', "import type { U } from './one';\nexport type T = U | 1;\n");
    write('functions/push/send.ts', "import { x } from '../store/repo';\nexport const s = x;\n");
    write('web/src/page.ts', "import { f } from '../../functions/api/flows/f';\nexport const p = f;\n");
    const { broken } = await check(probe, ['functions/**/*.ts', 'web/src/**/*.ts']);
    const named = new Set(broken.map((b) => b.split(':')[0]));
    expect([...named].sort()).toEqual([...RULES].sort());
    expect(broken).toContain('no-cycles: functions/jobs/one.ts → functions/jobs/two.ts');
  });
});
