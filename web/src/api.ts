/**
 * The web app's API client. Response types come from the same zod schemas the server validates
 * with (type-only imports: no zod code reaches the bundle).
 * @module
 */
import type { FieldError } from '../../functions/core/errors';
import type { ErrorBody } from '../../functions/core/schemas/common';
import { takeEarly } from './early-answers';
import { apiWords, locale, t } from './i18n';
import { forgetKept, keptAt } from './offline';
import { FROM_DEVICE } from './offline-names';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: (FieldError & { key?: string })[] = [],
  ) {
    super(message);
  }
  /** The message for one field, matched on the last part of its path (`body.handle` → handle). */
  field(name: string): string | undefined {
    return this.fieldError(name)?.message;
  }
  fieldError(name: string): (FieldError & { key?: string }) | undefined {
    return this.fields.find(
      (f) => f.path.split('.').slice(1).join('.') === name || f.path.endsWith(`.${name}`),
    );
  }
  /** The same refusal with one field's message said otherwise. */
  withField(name: string, message: string): ApiError {
    const own = this.fieldError(name);
    return new ApiError(
      this.status,
      this.code,
      this.message,
      this.fields.map((f) => (f === own ? { ...f, message } : f)),
    );
  }
}

/** How far the server's clock is ahead of this device's, from the last answer's Date header. */
let skew = 0;

/**
 * Now, by the server's clock (to the second): a device whose clock is off should not hide or
 * show what the server would decide otherwise.
 */
export const serverNow = () => Date.now() + skew;

/** Bumped when this device ends its session (see `endingSession`). */
let session = 0;

/**
 * This device is ending its session (signing out, or deleting the account): answers to requests
 * sent before, refused for want of a session, are moot. The page that asked is going away, so
 * they are left unanswered rather than thrown at it.
 */
export function endingSession(): void {
  session++;
  void forgetKept();
}

export async function api<T>(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
  /** Sent without the session's cookie: what it says is not tied to who sent it. */
  anonymous = false,
): Promise<T> {
  const sentIn = session;
  let res: Response;
  try {
    // The page's first requests may have left before the app arrived (early.ts): taken once.
    const early =
      method === 'GET' && !anonymous && Object.keys(headers).length === 0
        ? takeEarly(`/api${path}`)
        : undefined;
    res = await (early ??
      fetch(`/api${path}`, {
        method,
        credentials: anonymous ? 'omit' : 'same-origin',
        // The language on show: what the server words for the reader (notifications) is in it.
        headers: {
          'accept-language': locale.peek(),
          ...headers,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      }));
  } catch {
    // Nothing is kept to be sent later: the person decides whether to try again.
    if (navigator.onLine) throw new ApiError(0, 'network', t('network.cannotReach'));
    throw new ApiError(0, 'offline', method === 'GET' ? t('network.offlineRead') : t('network.offlineSend'));
  }
  // The header is to the second: the server's time was somewhere in that second.
  const date = Date.parse(res.headers.get('date') ?? '');
  // Read from the device (offline): the page says how old it is; who is signed in is not news.
  if (res.headers.has(FROM_DEVICE)) {
    if (path !== '/session') keptAt.value = Number.isNaN(date) ? 0 : date;
  } else if (!Number.isNaN(date)) skew = date + 500 - Date.now();
  const data = await res.json().catch(() => null);
  if (res.status === 401 && sentIn !== session) return new Promise<T>(() => {});
  if (!res.ok) {
    const e = data?.error as ErrorBody['error'] | undefined;
    throw new ApiError(
      res.status,
      e?.code ?? 'unknown',
      e ? apiWords(e) : t('network.requestFailed', { status: res.status }),
      (e?.fields ?? []).map((f) => ({
        path: f.path,
        message: apiWords(f),
        ...(f.key ? { key: f.key } : {}),
      })),
    );
  }
  return data as T;
}

export const get = <T>(path: string, headers?: Record<string, string>) =>
  api<T>('GET', path, undefined, headers);
export const post = <T>(path: string, body: unknown = {}) => api<T>('POST', path, body);
export const postAnonymously = <T>(path: string, body: unknown) => api<T>('POST', path, body, {}, true);
export const patch = <T>(path: string, body: unknown) => api<T>('PATCH', path, body);
export const del = <T>(path: string) => api<T>('DELETE', path);
