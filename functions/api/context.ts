import type { Context } from 'hono';
import { unauthenticated } from '../core/errors';
import type { Vapid } from '../push/send';
import type { Db } from '../store/client';
import type { SessionRecord } from '../store/repos/account-records';
import type { AccountsRepo } from '../store/repos/accounts';
import type { GroupsRepo } from '../store/repos/groups';
import type { Registry } from './route-spec';
import type { ScryptCost } from './security';

export interface AppConfig {
  db: Db;
  /** Milliseconds since the epoch; injectable so tests can move time. */
  now?: () => number;
  /** Deployed behind HTTPS: cookies get `Secure` and the `__Host-` prefix. */
  secureCookies?: boolean;
  /** The caller's network address, for throttling failed logins. */
  clientAddress?: (c: Context) => string;
  /** The origin the viewer's browser is on, when a proxy we trust says so (for the Origin check). */
  viewerOrigin?: (c: Context) => string | undefined;
  /** Public origin of the web app, for invite links, e.g. https://hearth.example. */
  publicUrl?: string;
  scrypt?: ScryptCost;
  /** Handles of the platform admins (they keep the global directory and verify professionals). */
  admins?: string[];
  /**
   * The OpenAPI document for the routes: `openApiDocument` from ./openapi where the bundle size
   * does not matter, the prebuilt file in Lambda (see handler.ts).
   */
  openApi: (registry: Registry) => unknown;
  /**
   * Web Push: Hearth's VAPID keys, read when first needed (absent: push is not set up, and the
   * web app says so). `loopback`: subscriptions may name a push service on this machine (local, tests).
   */
  push?: { vapid: () => Promise<Vapid>; loopback?: boolean };
}

export interface Services {
  accounts: AccountsRepo;
  groups: GroupsRepo;
  /**
   * A repository, built on first use and then kept for the life of the app (every request after
   * shares it): `repo(meetupsRepo)`. A route's module brings its repositories' code when it loads.
   */
  repo: <R>(make: (db: Db) => R) => R;
  now: () => number;
  config: AppConfig;
  cookieName: string;
}

export interface Auth {
  userId: string;
  tokenHash: string;
  session: SessionRecord;
}

/** What the session cookie claims, before the session is read. */
export interface Claim {
  userId: string;
  tokenHash: string;
}

export type AppEnv = {
  Variables: {
    services: Services;
    claim: Claim | null;
    /** Set from the claim before a route's handler runs (functions/api/middleware/session.ts). */
    auth: Auth | null;
    /** Items the route asked to read with the session, by `keyOf` (present only when found). */
    prefetched: Map<string, Record<string, unknown>>;
  };
};

export type Ctx = Context<AppEnv>;

export function requireAuth(c: Ctx): Auth {
  const auth = c.get('auth');
  if (!auth) throw unauthenticated();
  return auth;
}
