/**
 * Sign-up, sign-in, recovery and sessions. Pseudonymous: a handle and a passphrase, nothing else.
 * @module
 */

import { randomBytes } from 'node:crypto';
import {
  formatRecoveryCode,
  normaliseHandle,
  normaliseRecoveryCode,
  RECOVERY_CODE_COUNT,
  SIGNUP_MAX_PER_ADDRESS,
  SIGNUP_WINDOW_MS,
} from '../../core/accounts';
import { conflict, invalid, unauthenticated } from '../../core/errors';
import { can } from '../../core/groups';
import {
  AccountExport,
  ChangePassphraseRequest,
  DeleteAccountRequest,
  LanguageRequest,
  LoginRequest,
  Me,
  RecoverRequest,
  RecoverResponse,
  SessionAnswer,
  SignupRequest,
  SignupResponse,
} from '../../core/schemas/accounts';
import { Ok } from '../../core/schemas/common';
import { hashToken, newId, newToken } from '../../store/ids';
import type { UserRecord } from '../../store/repos/account-records';
import { feedsRepo } from '../../store/repos/feeds';
import { reachRepo } from '../../store/repos/reach';
import { type Ctx, requireAuth } from '../context';
import {
  attemptSucceeded,
  guardConfirm,
  guardLogin,
  guardRecovery,
  rememberDevice,
  tooMany,
} from '../flows/attempts';
import { checkPassphrase } from '../flows/passphrase';
import { clearSessionCookie, setSessionCookie } from '../middleware/session';
import { type Route, route } from '../route';
import { DEFAULT_SCRYPT, hashPassphrase, verifyDecoy, verifyPassphrase } from '../security';

const WRONG_LOGIN = 'That handle and passphrase do not match an account';

/** The signed-in account as the web app shows it; null when it is gone. */
async function signedIn(c: Ctx, userId: string): Promise<Me | null> {
  const [user, memberships] = await Promise.all([
    c.var.services.accounts.getUser(userId),
    c.var.services.groups.listMembershipsOf(userId),
  ]);
  return user && { ...meOf(user), facilitates: memberships.some((m) => can(m, 'schedule')) };
}

function meOf(user: UserRecord): Me {
  return {
    userId: user.userId,
    handle: user.handle,
    createdAt: user.createdAt,
    recoveryCodesLeft: Object.keys(user.recovery ?? {}).length,
    ...(user.language ? { language: user.language } : {}),
  };
}

function newRecoveryCodes(): { codes: string[]; hashes: Record<string, number> } {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => formatRecoveryCode(randomBytes(10)));
  return { codes, hashes: Object.fromEntries(codes.map((code) => [hashToken(code), 1])) };
}

/** Starts a fresh session (a new token at every sign-in) and sets its cookie. */
async function startSession(c: Ctx, userId: string): Promise<void> {
  const { accounts, now } = c.var.services;
  const token = newToken();
  const at = now();
  await accounts.createSession(hashToken(token), { userId, createdAt: at, lastSeenAt: at });
  setSessionCookie(c, userId, token);
}

/** Asks a signed-in member for their passphrase again, throttled per session. */
async function confirmPassphrase(
  c: Ctx,
  user: UserRecord | null,
  passphrase: string,
  path: string,
  message: string,
): Promise<UserRecord> {
  if (!user) throw unauthenticated();
  const attempt = await guardConfirm(c, requireAuth(c).tokenHash);
  if (!(await verifyPassphrase(passphrase, user.passHash)))
    throw invalid(message, [{ path, message: 'Not right' }]);
  await attemptSucceeded(c, attempt);
  return user;
}

export const accountRoutes: Route[] = [
  route(
    {
      method: 'post',
      path: '/auth/signup',
      tag: 'accounts',
      summary: 'Create a pseudonymous account; returns 10 one-time recovery codes, shown once',
      auth: 'none',
      body: SignupRequest,
      responses: { 201: { description: 'Signed up and signed in', schema: SignupResponse } },
    },
    async (c, { body }) => {
      const { accounts, now, config } = c.var.services;
      await checkPassphrase(body.passphrase, body.handle, 'body.passphrase');
      const address = config.clientAddress?.(c) ?? 'unknown';
      // The sign-up's slot is taken first, so a burst from one address makes at most the limit.
      const wait = await accounts.takeSlot('signup', address, now(), {
        max: SIGNUP_MAX_PER_ADDRESS,
        windowMs: SIGNUP_WINDOW_MS,
      });
      if (wait) throw tooMany(wait);
      const handleKey = normaliseHandle(body.handle);
      const { codes, hashes } = newRecoveryCodes();
      const createdAt = new Date(now()).toISOString();
      const user: UserRecord = {
        userId: newId(),
        handle: body.handle,
        handleKey,
        passHash: await hashPassphrase(body.passphrase, config.scrypt ?? DEFAULT_SCRYPT),
        recovery: hashes,
        createdAt,
        updatedAt: createdAt,
      };
      if (!(await accounts.createUser(user))) {
        await accounts.releaseSlot('signup', address); // no account was made
        throw conflict('That handle is taken; try another', [{ path: 'body.handle', message: 'Taken' }]);
      }
      await rememberDevice(c, user.userId);
      await startSession(c, user.userId);
      return c.json({ user: meOf(user), recoveryCodes: codes }, 201);
    },
  ),
  route(
    {
      method: 'post',
      path: '/auth/login',
      tag: 'accounts',
      summary: 'Sign in with handle and passphrase',
      auth: 'none',
      body: LoginRequest,
      responses: { 200: { description: 'Signed in', schema: Me } },
    },
    async (c, { body }) => {
      const { accounts, config } = c.var.services;
      const handleKey = normaliseHandle(body.handle);
      const user = await accounts.findByHandle(handleKey);
      const attempt = await guardLogin(c, handleKey, user?.userId ?? null);
      const ok = user
        ? await verifyPassphrase(body.passphrase, user.passHash)
        : await verifyDecoy(body.passphrase, config.scrypt ?? DEFAULT_SCRYPT);
      if (!user || !ok) throw unauthenticated(WRONG_LOGIN);
      await attemptSucceeded(c, attempt);
      await rememberDevice(c, user.userId);
      await startSession(c, user.userId);
      return c.json(meOf(user));
    },
  ),
  route(
    {
      method: 'post',
      path: '/auth/logout',
      tag: 'accounts',
      summary: 'Sign out of this device',
      auth: 'optional',
      responses: { 200: { description: 'Signed out', schema: Ok } },
    },
    async (c) => {
      const auth = c.get('auth');
      if (auth) await c.var.services.accounts.deleteSession(auth.tokenHash);
      clearSessionCookie(c);
      return c.json({ ok: true as const });
    },
  ),
  route(
    {
      method: 'post',
      path: '/auth/logout-everywhere',
      tag: 'accounts',
      summary: 'Sign out on every device, this one included',
      auth: 'required',
      responses: { 200: { description: 'Every session ended', schema: Ok } },
    },
    async (c) => {
      const auth = requireAuth(c);
      await c.var.services.accounts.deleteSession(auth.tokenHash);
      await c.var.services.accounts.deleteAllSessions(auth.userId);
      clearSessionCookie(c);
      return c.json({ ok: true as const });
    },
  ),
  route(
    {
      method: 'post',
      path: '/auth/recover',
      tag: 'accounts',
      summary: 'Set a new passphrase with a one-time recovery code; ends every other session',
      auth: 'none',
      body: RecoverRequest,
      responses: { 200: { description: 'Passphrase reset and signed in', schema: RecoverResponse } },
    },
    async (c, { body }) => {
      const { accounts, now, config } = c.var.services;
      const handleKey = normaliseHandle(body.handle);
      // A new passphrase too weak is said before the attempt counts (it is not a guess).
      await checkPassphrase(body.newPassphrase, body.handle, 'body.newPassphrase');
      const attempt = await guardRecovery(c);
      const code = normaliseRecoveryCode(body.recoveryCode);
      const user = code ? await accounts.findByHandle(handleKey) : null;
      const fail = () => unauthenticated('That handle and recovery code do not match');
      if (!user || !code) throw fail();
      const passHash = await hashPassphrase(body.newPassphrase, config.scrypt ?? DEFAULT_SCRYPT);
      if (
        !(await accounts.recoverWithCode(
          user.userId,
          hashToken(code),
          passHash,
          new Date(now()).toISOString(),
        ))
      ) {
        throw fail();
      }
      await accounts.deleteAllSessions(user.userId);
      await attemptSucceeded(c, attempt);
      await rememberDevice(c, user.userId, true);
      await startSession(c, user.userId);
      const left = Object.keys(user.recovery).length - 1;
      return c.json({ user: { ...meOf(user), recoveryCodesLeft: left }, recoveryCodesLeft: left });
    },
  ),
  route(
    {
      method: 'get',
      path: '/me',
      tag: 'accounts',
      summary: 'The signed-in account',
      auth: 'required',
      responses: { 200: { description: 'You', schema: Me } },
    },
    async (c) => {
      const auth = requireAuth(c);
      const me = await signedIn(c, auth.userId);
      if (!me) throw unauthenticated();
      return c.json(me);
    },
  ),
  route(
    {
      method: 'get',
      path: '/session',
      tag: 'accounts',
      summary: 'Who is signed in on this browser, if anyone (a visitor is not an error)',
      auth: 'optional',
      responses: { 200: { description: 'You, or null', schema: SessionAnswer } },
    },
    async (c) => {
      const auth = c.get('auth');
      return c.json({ me: auth ? await signedIn(c, auth.userId) : null });
    },
  ),
  route(
    {
      method: 'put',
      path: '/me/language',
      tag: 'accounts',
      summary: 'Choose the language Hearth speaks to you in, on every device',
      auth: 'required',
      body: LanguageRequest,
      responses: { 200: { description: 'Chosen', schema: Ok } },
    },
    async (c, { body }) => {
      const { userId } = requireAuth(c);
      const { accounts, now, repo } = c.var.services;
      // The account's, and where the jobs and the calendar feed read it (each write idempotent).
      await Promise.all([
        accounts.setLanguage(userId, body.language, new Date(now()).toISOString()),
        repo(reachRepo).setLanguage(userId, body.language),
        repo(feedsRepo).updateSettings(userId, { language: body.language }, now()),
      ]);
      return c.json({ ok: true as const });
    },
  ),
  route(
    {
      method: 'post',
      path: '/me/passphrase',
      tag: 'accounts',
      summary: 'Change passphrase; ends every other session',
      auth: 'required',
      body: ChangePassphraseRequest,
      responses: { 200: { description: 'Changed', schema: Ok } },
    },
    async (c, { body }) => {
      const auth = requireAuth(c);
      const { accounts, now, config } = c.var.services;
      const user = await confirmPassphrase(
        c,
        await accounts.getUser(auth.userId),
        body.currentPassphrase,
        'body.currentPassphrase',
        'Your current passphrase is not right',
      );
      await checkPassphrase(body.newPassphrase, user.handle, 'body.newPassphrase');
      await accounts.setPassHash(
        user.userId,
        await hashPassphrase(body.newPassphrase, config.scrypt ?? DEFAULT_SCRYPT),
        new Date(now()).toISOString(),
      );
      await accounts.deleteAllSessions(user.userId);
      await rememberDevice(c, user.userId, true);
      await startSession(c, user.userId);
      return c.json({ ok: true as const });
    },
  ),
  route(
    {
      method: 'post',
      path: '/me/delete',
      tag: 'accounts',
      summary:
        'Delete your account for good: your places, duties, memberships, posts’ text, sessions and feed go',
      auth: 'required',
      body: DeleteAccountRequest,
      responses: { 200: { description: 'Deleted', schema: Ok } },
    },
    async (c, { body }) => {
      const auth = requireAuth(c);
      const user = await confirmPassphrase(
        c,
        await c.var.services.accounts.getUser(auth.userId),
        body.passphrase,
        'body.passphrase',
        'Your passphrase is not right',
      );
      const { eraseAccount } = await import('../flows/erasure');
      await eraseAccount(c, user);
      clearSessionCookie(c);
      return c.json({ ok: true as const });
    },
  ),
  route(
    {
      method: 'get',
      path: '/me/export',
      tag: 'accounts',
      summary: 'Download what Hearth keeps about you, as JSON (never your secrets, nothing about others)',
      auth: 'required',
      responses: { 200: { description: 'Your data', schema: AccountExport } },
    },
    async (c) => {
      const auth = requireAuth(c);
      const user = await c.var.services.accounts.getUser(auth.userId);
      if (!user) throw unauthenticated();
      const { exportAccount } = await import('../flows/export');
      const data = await exportAccount(c, user);
      c.header('Content-Disposition', `attachment; filename="hearth-${user.handle}.json"`);
      return c.json(data);
    },
  ),
];
