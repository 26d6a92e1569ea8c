/**
 * Guessing limits for everything that checks a secret. Each attempt takes its slot with one
 * conditional write before the secret is checked, so N attempts at once against a limit L check
 * at most L; an attempt that succeeds gives its slots back (the limits count failures).
 *
 * Whose limit an attempt counts against (OWASP's device cookies): a browser that has signed in to
 * the account before carries a device cookie, and its attempts count against that browser's own
 * limit only. Everyone else shares the handle's limit and their address's. Strangers hammering a
 * handle, or a network, therefore lock out only strangers: the owner's browser still signs in.
 * Recovery codes (80 bits) are limited by address only, so they work while the handle is held up;
 * a signed-in person confirming their passphrase is limited per session.
 * @module
 */
import { getCookie, setCookie } from 'hono/cookie';
import {
  CONFIRM_MAX_FAILURES,
  DEVICE_TRUST_MS,
  deviceCookieName,
  LOGIN_MAX_FAILURES_PER_ADDRESS,
  LOGIN_MAX_FAILURES_PER_DEVICE,
  LOGIN_MAX_FAILURES_PER_HANDLE,
  LOGIN_WINDOW_MS,
} from '../../core/accounts';
import { HearthError } from '../../core/errors';
import { hashToken, newToken } from '../../store/ids';
import type { ThrottleKind } from '../../store/repos/account-records';
import { devicesRepo } from '../../store/repos/devices';
import type { Ctx } from '../context';

/** The slots an attempt took, to give back if it succeeds. */
export interface Attempt {
  slots: { kind: ThrottleKind; id: string; reset: boolean }[];
}

export function tooMany(wait: number, also = ''): HearthError {
  const minutes = Math.ceil(wait / 60);
  return new HearthError(
    'rate_limited',
    `Too many attempts. Please wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.${also}`,
    undefined,
    wait,
  );
}

/** Said to a browser held up at a handle: the owner need not wait. */
const OR_RECOVER = ' If this is your account, a recovery code works now.';

const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const deviceToken = (c: Ctx): string | null => {
  const value = getCookie(c, deviceCookieName(!!c.var.services.config.secureCookies));
  return value && TOKEN.test(value) ? value : null;
};
const addressOf = (c: Ctx) => c.var.services.config.clientAddress?.(c) ?? 'unknown';

/** Takes every slot, or none: a refused slot gives back those already taken. */
async function take(
  c: Ctx,
  wanted: { kind: ThrottleKind; id: string; max: number; reset: boolean }[],
  also = '',
) {
  const { accounts, now } = c.var.services;
  const at = now();
  const waits = await Promise.all(
    wanted.map((w) => accounts.takeSlot(w.kind, w.id, at, { max: w.max, windowMs: LOGIN_WINDOW_MS })),
  );
  const wait = waits.find((w) => w !== null);
  if (wait) {
    await Promise.all(wanted.map((w, i) => (waits[i] === null ? accounts.releaseSlot(w.kind, w.id) : null)));
    throw tooMany(wait, also);
  }
  return { slots: wanted.map(({ kind, id, reset }) => ({ kind, id, reset })) };
}

/** A sign-in: against the browser's own limit when it is known to the account, else the shared ones. */
export async function guardLogin(c: Ctx, handleKey: string, userId: string | null): Promise<Attempt> {
  const token = deviceToken(c);
  if (userId && token) {
    const device = hashToken(token);
    if (await c.var.services.repo(devicesRepo).trusted(userId, device, c.var.services.now())) {
      return take(c, [
        { kind: 'device', id: `${userId}:${device}`, max: LOGIN_MAX_FAILURES_PER_DEVICE, reset: true },
      ]);
    }
  }
  return take(
    c,
    [
      { kind: 'handle', id: handleKey, max: LOGIN_MAX_FAILURES_PER_HANDLE, reset: true },
      { kind: 'address', id: addressOf(c), max: LOGIN_MAX_FAILURES_PER_ADDRESS, reset: false },
    ],
    OR_RECOVER,
  );
}

/** A recovery code: by address only (a code cannot be guessed), so strangers cannot block it. */
export const guardRecovery = (c: Ctx): Promise<Attempt> =>
  take(c, [{ kind: 'address', id: addressOf(c), max: LOGIN_MAX_FAILURES_PER_ADDRESS, reset: false }]);

/** A signed-in person's passphrase, asked again: per session. */
export const guardConfirm = (c: Ctx, tokenHash: string): Promise<Attempt> =>
  take(c, [{ kind: 'confirm', id: tokenHash, max: CONFIRM_MAX_FAILURES, reset: true }]);

/** The attempt was right: its failures start again, and the shared address's slot is given back. */
export async function attemptSucceeded(c: Ctx, attempt: Attempt): Promise<void> {
  const { accounts } = c.var.services;
  await Promise.all(
    attempt.slots.map((s) =>
      s.reset ? accounts.clearThrottle(s.kind, s.id) : accounts.releaseSlot(s.kind, s.id),
    ),
  );
}

/**
 * This browser has just shown it knows the passphrase: it is known to the account from now on
 * (its device cookie set, or kept, and its trust refreshed). `forgetOthers` when the passphrase
 * was reset: every other browser becomes a stranger again.
 */
export async function rememberDevice(c: Ctx, userId: string, forgetOthers = false): Promise<void> {
  const devices = c.var.services.repo(devicesRepo);
  if (forgetOthers) await devices.forgetAll(userId);
  const token = deviceToken(c) ?? newToken();
  await devices.trust(userId, hashToken(token), c.var.services.now());
  setCookie(c, deviceCookieName(!!c.var.services.config.secureCookies), token, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: !!c.var.services.config.secureCookies,
    path: '/',
    maxAge: Math.floor(DEVICE_TRUST_MS / 1000),
  });
}
