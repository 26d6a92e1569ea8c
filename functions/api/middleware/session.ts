/**
 * Resolves the session cookie into `c.var.auth`. Sessions are checked against idle and
 * absolute expiry in code (TTL deletion is late or, in dynalite, never), and the idle clock is
 * refreshed at most every 15 minutes.
 * @module
 */
import type { MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { SESSION_ABSOLUTE_MS, sessionIsLive, sessionNeedsTouch } from '../../core/accounts';
import { hashToken } from '../../store/ids';
import type { AppEnv, Ctx } from '../context';

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export const session: MiddlewareHandler<AppEnv> = async (c, next) => {
  const { accounts, now, cookieName } = c.var.services;
  const token = getCookie(c, cookieName);
  c.set('auth', null);
  if (token && TOKEN_SHAPE.test(token)) {
    const tokenHash = hashToken(token);
    const record = await accounts.getSession(tokenHash);
    const at = now();
    if (record && sessionIsLive(record, at)) {
      c.set('auth', { userId: record.userId, tokenHash, session: record });
      if (sessionNeedsTouch(record, at)) await accounts.touchSession(tokenHash, record, at);
    } else {
      clearSessionCookie(c);
    }
  } else if (token) {
    clearSessionCookie(c);
  }
  await next();
};

export function setSessionCookie(c: Ctx, token: string): void {
  const { config, cookieName } = c.var.services;
  setCookie(c, cookieName, token, {
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
