import { describe, expect, it } from 'vitest';
import {
  CRISIS_REGIONS,
  crisisLineListing,
  dialable,
  ELSEWHERE,
  REGION_CODES,
} from '../../functions/core/crisis-lines';
import { LOCALES } from '../../functions/core/i18n/locales';
import { root } from '../../scripts/build';
import { crisisPage, crisisPath } from '../../scripts/crisis-pages';

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

  it('says every line is free and open at any time, as each crisis page says of it', () => {
    for (const code of REGION_CODES)
      for (const l of CRISIS_REGIONS[code].lines) expect(l.hours, `${code}: ${l.name}`).toBe('any time');
  });

  it.each(LOCALES)(
    'is on the crisis page in %s, which works without the app: every line and emergency number',
    (locale) => {
      const page = crisisPage(root, locale);
      const text = page.replace(/<[^>]+>/g, ' ');
      for (const code of REGION_CODES) {
        const r = CRISIS_REGIONS[code];
        for (const l of r.lines as readonly { name: string; call?: string; text?: string }[]) {
          if (l.call) expect(page, `${r.name}: ${l.name}`).toContain(`href="tel:${dialable(l.call)}"`);
          if (l.text) expect(page, `${r.name}: ${l.name}`).toContain(`href="sms:${dialable(l.text)}"`);
        }
        // The number on its own, not inside another ("13 11 14" holds no 111).
        for (const n of r.emergency.split(' or '))
          expect(text, `${r.name}: ${n}`).toMatch(new RegExp(`(?<!\\d)(?<!\\d )${n}(?!\\d)(?! \\d)`));
      }
      expect(page).toContain(`<html lang="${locale}" dir="${locale === 'ar' ? 'rtl' : 'ltr'}">`);
      for (const l of LOCALES)
        expect(page).toContain(`<link rel="alternate" hreflang="${l}" href="${crisisPath(l)}">`);
      expect(page).not.toMatch(/<script>|\son\w+=|javascript:/);
    },
  );

  it('puts the lines of the regions that speak the page’s language first', () => {
    const first = (l: 'es' | 'fr' | 'de' | 'en') => /data-region="(\w+)"/.exec(crisisPage(root, l))?.[1];
    expect(first('es')).toBe('ES');
    expect(first('fr')).toBe('FR');
    expect(first('de')).toBe('DE');
    expect(first('en')).toBe('US');
  });

  it('lists each line in the directory in its own language where Hearth speaks it', () => {
    expect(crisisLineListing('ES', CRISIS_REGIONS.ES.lines[0])).toEqual({
      title: 'Línea 024 (España)',
      description:
        'Gratuita y confidencial, a cualquier hora. Llama al 024. ¿En peligro ahora? Llama al 112.',
      hours: 'a cualquier hora',
    });
    expect(crisisLineListing('IE', CRISIS_REGIONS.IE.lines[0]).description).toBe(
      'Free and confidential, any time. Call 116 123. In danger now? Call 112 or 999.',
    );
    expect(crisisLineListing('CH', CRISIS_REGIONS.CH.lines[0]).title).toMatch(/\(Schweiz\)$/);
  });
});
