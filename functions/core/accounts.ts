/**
 * Account rules: pseudonymous handles, passphrases, recovery codes, session lifetimes.
 * Pure functions; the common-passphrase list is injected so this module stays free of I/O
 * and small enough for the web bundle.
 * @module
 */

export const HANDLE_MIN = 3;
export const HANDLE_MAX = 32;
export const PASSPHRASE_MIN = 8;
export const PASSPHRASE_MAX = 128;
export const RECOVERY_CODE_COUNT = 10;

/** Sessions end after a week without use, and after 30 days whatever happens (OWASP ASVS 3.3). */
export const SESSION_IDLE_MS = 7 * 24 * 3600 * 1000;
export const SESSION_ABSOLUTE_MS = 30 * 24 * 3600 * 1000;
/** Refresh a session's idle clock at most this often, so reads do not all become writes. */
export const SESSION_TOUCH_MS = 15 * 60 * 1000;

/** Failed logins: per handle and per client address, within a sliding-start window. */
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const LOGIN_MAX_FAILURES_PER_HANDLE = 5;
export const LOGIN_MAX_FAILURES_PER_ADDRESS = 30;
/**
 * A browser that signed in to an account before is known by its device cookie (OWASP's device
 * cookies): its failures count against its own limit, never the handle's shared one, so strangers
 * guessing at a handle cannot lock its owner out. Trust lasts this long after its last sign-in.
 */
export const LOGIN_MAX_FAILURES_PER_DEVICE = 10;
export const DEVICE_TRUST_MS = 180 * 24 * 3600 * 1000;
export const deviceCookieName = (secure: boolean) => (secure ? '__Host-hearth_device' : 'hearth_device');
/** Asking a signed-in person for their passphrase again (to change it, to delete the account): per session. */
export const CONFIRM_MAX_FAILURES = 5;
/** Sign-ups per client address per hour: room for a shared household or library, not a script. */
export const SIGNUP_WINDOW_MS = 3600 * 1000;
export const SIGNUP_MAX_PER_ADDRESS = 10;

export const HANDLE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/** Length in code points, so an emoji counts once. */
export const codePoints = (s: string) => [...s].length;

/** The form a handle is compared in: case-insensitive, compatibility-normalised. */
export function normaliseHandle(handle: string): string {
  return handle.normalize('NFKC').toLowerCase();
}

/**
 * Why a passphrase is refused, or null when it is fine. NIST SP 800-63B §5.1.1.2: length, not the
 * handle, and not easy to guess by estimate (`weakness`, from ./strength, loaded on demand for
 * its size), with no composition rules.
 */
export function passphraseProblem(
  passphrase: string,
  handle: string,
  weakness: (candidate: string) => string | null,
): string | null {
  const length = codePoints(passphrase);
  if (length < PASSPHRASE_MIN) return `Use at least ${PASSPHRASE_MIN} characters`;
  if (length > PASSPHRASE_MAX) return `Use at most ${PASSPHRASE_MAX} characters`;
  if (CONTROL.test(passphrase)) return CONTROL_MESSAGE;
  if (passphrase.normalize('NFKC').toLowerCase() === normaliseHandle(handle))
    return 'Your passphrase cannot be your handle';
  return weakness(passphrase);
}

/** Control characters (NUL, tab, line breaks…) cannot be typed into a field and are refused. */
export const CONTROL = /\p{Cc}/u;
export const CONTROL_MESSAGE = 'A passphrase cannot contain control characters such as tabs or line breaks';

/** Recovery codes look like `7KQ2-M9XD-4HTR-BW3C`: 16 symbols of Crockford base32, 80 bits. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function formatRecoveryCode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += CROCKFORD[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return (out.slice(0, 16).match(/.{4}/g) ?? []).join('-');
}

/** Accepts what a person might type: lower case, spaces, missing dashes, O for 0, I/L for 1. */
export function normaliseRecoveryCode(input: string): string | null {
  const cleaned = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (!/^[0-9A-HJKMNP-TV-Z]{16}$/.test(cleaned)) return null;
  return (cleaned.match(/.{4}/g) ?? []).join('-');
}

export interface SessionTimes {
  createdAt: number;
  lastSeenAt: number;
}

/** When a session stops being valid: the earlier of idle and absolute expiry (epoch ms). */
export function sessionExpiresAt(s: SessionTimes): number {
  return Math.min(s.lastSeenAt + SESSION_IDLE_MS, s.createdAt + SESSION_ABSOLUTE_MS);
}

export function sessionIsLive(s: SessionTimes, now: number): boolean {
  return now < sessionExpiresAt(s);
}

/**
 * Whether a session read for a cookie's claim holds: found, live, and belonging to the user the
 * cookie names (anything read for that user is usable only then).
 */
export function claimHolds(
  record: (SessionTimes & { userId: string }) | null,
  claimedUserId: string,
  now: number,
): record is SessionTimes & { userId: string } {
  return !!record && record.userId === claimedUserId && sessionIsLive(record, now);
}

export function sessionNeedsTouch(s: SessionTimes, now: number): boolean {
  return now - s.lastSeenAt >= SESSION_TOUCH_MS;
}

/**
 * The session cookie's value is `<userId>.<token>` (22 and 43 characters of base64url). The user
 * id lets a request read that user's items with the session; it is trusted only once the session
 * is found, live, and theirs.
 */
export function parseSessionCookie(value: string | undefined): { userId: string; token: string } | null {
  const m = value ? /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/.exec(value) : null;
  return m ? { userId: m[1]!, token: m[2]! } : null;
}

/** `__Host-` where cookies are Secure (deployed), so no subdomain can set it. */
export const sessionCookieName = (secure: boolean) => (secure ? '__Host-hearth_session' : 'hearth_session');
