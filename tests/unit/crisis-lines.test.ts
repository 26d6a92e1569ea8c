import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CRISIS_REGIONS, dialable, ELSEWHERE, REGION_CODES } from '../../functions/core/crisis-lines';

const page = readFileSync(new URL('../../web/crisis.html', import.meta.url), 'utf8');

describe('crisis lines by region', () => {
  it('gives every region an emergency number and at least one line to call or text, with its source', () => {
    for (const code of REGION_CODES) {
      const r = CRISIS_REGIONS[code];
      expect(r.emergency, code).toMatch(/^\d{3}/);
      expect(r.lines.length, code).toBeGreaterThan(0);
      for (const l of r.lines) {
        expect('call' in l || 'text' in l, l.name).toBe(true);
        for (const u of [l.url, l.source]) expect(new URL(u).protocol, u).toBe('https:');
      }
    }
    expect(new URL(ELSEWHERE.url).protocol).toBe('https:');
  });

  it('seeds the well-known lines: 988 in the US and Canada, Samaritans in the UK and Ireland, Lifeline in Australia', () => {
    expect(CRISIS_REGIONS.US.lines[0]).toMatchObject({ call: '988' });
    expect(CRISIS_REGIONS.CA.lines[0]).toMatchObject({ call: '988' });
    expect(CRISIS_REGIONS.GB.lines[0]).toMatchObject({ name: 'Samaritans', call: '116 123' });
    expect(CRISIS_REGIONS.IE.lines[0]).toMatchObject({ name: 'Samaritans', call: '116 123' });
    expect(CRISIS_REGIONS.AU.lines[0]).toMatchObject({ name: 'Lifeline', call: '13 11 14' });
  });

  it('agrees with the crisis page that works without the app: every line and emergency number is on it', () => {
    const text = page.replace(/<[^>]+>/g, ' ');
    for (const code of REGION_CODES) {
      const r = CRISIS_REGIONS[code];
      for (const l of r.lines as readonly { name: string; call?: string; text?: string }[]) {
        if (l.call) expect(page, `${r.name}: ${l.name}`).toContain(`href="tel:${dialable(l.call)}"`);
        else expect(page, `${r.name}: ${l.name}`).toContain(`href="sms:${dialable(l.text!)}"`);
      }
      // The number on its own, not inside another ("13 11 14" holds no 111).
      for (const n of r.emergency.split(' or '))
        expect(text, `${r.name}: ${n}`).toMatch(new RegExp(`(?<!\\d)(?<!\\d )${n}(?!\\d)(?! \\d)`));
    }
  });
});
