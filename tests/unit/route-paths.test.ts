import { describe, expect, it } from 'vitest';
import { CONTEXT_PATHS } from '../../functions/api/route-paths';
import { contextPaths } from '../../scripts/route-paths';

describe('the paths the app sends to each lazily loaded context', () => {
  it('are the paths of its routes (run `npm run routes` after adding or moving a route)', async () => {
    const paths = await contextPaths();
    expect(Object.values(paths).flat().length).toBeGreaterThan(60);
    expect(CONTEXT_PATHS).toEqual(paths);
  });
});
