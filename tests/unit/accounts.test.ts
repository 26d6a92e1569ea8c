import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCRYPT, hashPassphrase, verifyPassphrase } from '../../functions/api/security';
import {
  formatRecoveryCode,
  normaliseHandle,
  normaliseRecoveryCode,
  passphraseProblem,
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
  sessionIsLive,
  sessionNeedsTouch,
} from '../../functions/core/accounts';
import { strengthOf, weaknessMessage } from '../../functions/core/strength';

const never = () => null;
const estimate = (handle: string) => (p: string) => {
  const s = strengthOf(p, handle);
  return s.enough ? null : weaknessMessage(s);
};

describe('passphrases', () => {
  it('counts characters, not bytes or UTF-16 units', () => {
    expect(passphraseProblem('🌊🌲🌙🔥🌊🌲🌙', 'someone', never)).toMatch(/at least 8/);
    expect(passphraseProblem('🌊🌲🌙🔥🌊🌲🌙🔥', 'someone', never)).toBeNull();
    expect(passphraseProblem('x'.repeat(129), 'someone', never)).toMatch(/at most 128/);
  });

  it('has no composition rules: lower-case words are fine', () => {
    for (const p of ['quiet river morning tea', 'my dog likes long walks', 'blue kettle sings at dawn']) {
      expect(passphraseProblem(p, 'someone', estimate('someone')), p).toBeNull();
    }
  });

  it('refuses the handle, in any case', () => {
    expect(passphraseProblem('WillowTree', 'willowtree', never)).toMatch(/handle/);
  });

  it('refuses passphrases that are easy to guess, by estimate, saying why and what helps', () => {
    for (const p of [
      'aaaaaaaaaaaaaaaa',
      'Password1!',
      'correct horse battery staple',
      '111111111111',
      'password',
      'PASSWORD',
      '12345678',
      'iloveyou',
      'qwertyuiop',
      'abcdefghijklmnop',
      'hunter2hunter2',
      'willowtree2026', // the handle with a year
    ]) {
      const problem = passphraseProblem(p, 'willowtree', estimate('willowtree'));
      expect(problem, p).toMatch(/^This passphrase is too easy to guess\. \S.* \S/);
    }
    const weak = strengthOf('Password1!');
    expect(weak.enough).toBe(false);
    expect(weak.score).toBeLessThan(3);
    expect(weak.warning).not.toBe('');
  });

  it('refuses control characters, NUL among them, but takes any other script and emoji', () => {
    for (const p of [
      '\0'.repeat(12),
      'quiet river\tmorning',
      'quiet river\nmorning tea',
      'tea\u007fby the river',
    ]) {
      expect(passphraseProblem(p, 'someone', never), JSON.stringify(p)).toMatch(/control characters/);
    }
    expect(passphraseProblem('тихая река утром 🌊', 'someone', estimate('someone'))).toBeNull();
  });
});

describe('handles', () => {
  it('compare case-insensitively and by compatibility form', () => {
    expect(normaliseHandle('RiverStone')).toBe(normaliseHandle('riverstone'));
    expect(normaliseHandle('ｒｉｖｅｒ')).toBe('river');
  });
});

describe('recovery codes', () => {
  it('are 16 Crockford base32 symbols in groups of four, and read back however they are typed', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 10, maxLength: 10 }), (bytes) => {
        const code = formatRecoveryCode(bytes);
        expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
        expect(normaliseRecoveryCode(code)).toBe(code);
        expect(normaliseRecoveryCode(code.toLowerCase().replace(/-/g, ' '))).toBe(code);
      }),
    );
  });

  it('maps look-alike letters and refuses anything else', () => {
    expect(normaliseRecoveryCode('O0IL-0000-0000-0000')).toBe('0011-0000-0000-0000');
    expect(normaliseRecoveryCode('too short')).toBeNull();
    expect(normaliseRecoveryCode('UUUU-0000-0000-0000')).toBeNull();
  });
});

describe('sessions', () => {
  const t0 = Date.parse('2026-01-01T00:00:00Z');
  it('end after a week idle', () => {
    const s = { createdAt: t0, lastSeenAt: t0 };
    expect(sessionIsLive(s, t0 + SESSION_IDLE_MS - 1)).toBe(true);
    expect(sessionIsLive(s, t0 + SESSION_IDLE_MS)).toBe(false);
  });
  it('end after 30 days however busy', () => {
    const s = { createdAt: t0, lastSeenAt: t0 + SESSION_ABSOLUTE_MS - 1000 };
    expect(sessionIsLive(s, t0 + SESSION_ABSOLUTE_MS - 1)).toBe(true);
    expect(sessionIsLive(s, t0 + SESSION_ABSOLUTE_MS)).toBe(false);
  });
  it('refresh the idle clock at most every 15 minutes', () => {
    const s = { createdAt: t0, lastSeenAt: t0 };
    expect(sessionNeedsTouch(s, t0 + 14 * 60_000)).toBe(false);
    expect(sessionNeedsTouch(s, t0 + 15 * 60_000)).toBe(true);
  });
});

describe('scrypt at the production cost', () => {
  it('verifies the right passphrase, refuses a wrong one, and salts every hash', async () => {
    const a = await hashPassphrase('lanterns over the bay', DEFAULT_SCRYPT);
    const b = await hashPassphrase('lanterns over the bay', DEFAULT_SCRYPT);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassphrase('lanterns over the bay', a)).toBe(true);
    expect(await verifyPassphrase('lanterns over the sea', a)).toBe(false);
    expect(await verifyPassphrase('anything', 'md5$deadbeef')).toBe(false);
  });
});
