/**
 * The session cookie is `<userId>.<token>`. The middleware only reads the claim; the session
 * itself is read just before a route's handler runs (`resolveSession`, called by defineRoute),
 * together with any items the route names for the claimed user — their membership, the
 * occurrence they RSVP to — in one round trip. Those items are used only once the session is
 * found, live, and belongs to the claimed user. Sessions are checked against idle and absolute
 * expiry in code (TTL deletion is late or, in dynalite, never), and the idle clock is refreshed
 * at most every 15 minutes.
 * @module
 */
import type { MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { claimHolds, parseSessionCookie, SESSION_ABSOLUTE_MS, sessionNeedsTouch } from '../../core/accounts';
import type { Prefetch } from '../../store/batch';
import { hashToken } from '../../store/ids';
import type { AppEnv, Ctx } from '../context';

export const session: MiddlewareHandler<AppEnv> = async (c, next) => {
  const value = getCookie(c, c.var.services.cookieName);
  const claim = parseSessionCookie(value);
  c.set('claim', claim ? { userId: claim.userId, tokenHash: hashToken(claim.token) } : null);
  c.set('auth', null);
  c.set('prefetched', new Map());
  if (value && !claim) clearSessionCookie(c);
  await next();
};

/**
 * Reads the claimed session, and `also(userId)` with it; sets `auth`, and `prefetched` when the
 * session is live and the claimant's. A dead or forged session clears the cookie.
 */
export async function resolveSession(c: Ctx, also?: (userId: string) => Prefetch): Promise<void> {
  const claim = c.var.claim;
  if (!claim || c.var.auth) return;
  const { accounts, now } = c.var.services;
  const { session: record, items } = await accounts.getSessionWith(
    claim.tokenHash,
    also?.(claim.userId) ?? { keys: [] },
  );
  const at = now();
  if (claimHolds(record, claim.userId, at)) {
    c.set('auth', { userId: record.userId, tokenHash: claim.tokenHash, session: record });
    c.set('prefetched', items);
    if (sessionNeedsTouch(record, at)) await accounts.touchSession(claim.tokenHash, record, at);
  } else {
    clearSessionCookie(c);
  }
}

export function setSessionCookie(c: Ctx, userId: string, token: string): void {
  const { config, cookieName } = c.var.services;
  setCookie(c, cookieName, `${userId}.${token}`, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: !!config.secureCookies,
    path: '/',
    maxAge: Math.floor(SESSION_ABSOLUTE_MS / 1000),
  });
}

export function clearSessionCookie(c: Ctx): void {
  const { config, cookieName } = c.var.services;
  deleteCookie(c, cookieName, { path: '/', secure: !!config.secureCookies });
}
