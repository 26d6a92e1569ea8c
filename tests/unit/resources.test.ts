import { describe, expect, it } from 'vitest';
import { countries } from '../../functions/core/resources';

describe('the countries a listing can be in', () => {
  it('names each country once, under its current code only (no UK beside GB, no SU, YU or DD)', () => {
    const all = countries();
    const names = [...all.values()];
    expect(new Set(names).size).toBe(names.length);
    expect(all.get('GB')).toBe('United Kingdom');
    for (const retired of ['UK', 'SU', 'YU', 'DD', 'RH', 'CS', 'ZR'])
      expect(all.has(retired), retired).toBe(false);
    expect(all.get('RS')).toBe('Serbia');
    expect(all.size).toBeGreaterThan(240);
  });
});
