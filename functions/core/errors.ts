/**
 * Domain errors. Each has a stable `code`; the API maps codes to HTTP statuses in one place
 * (functions/api/errors.ts), so the rules never think about HTTP.
 * @module
 */

export type ErrorCode =
  | 'invalid_request'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'payload_too_large';

export interface FieldError {
  /** Dotted path of the offending field, e.g. `body.handle` or `query.cursor`. */
  path: string;
  message: string;
}

export class HearthError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldError[],
    /** Seconds until a rate-limited caller may retry. */
    readonly retryAfter?: number,
    /**
     * Values of the message as the reader's language says them (a date, a time zone), where the
     * English would otherwise sit inside a translated sentence.
     */
    readonly sayValues?: (locale: string) => Record<string, string>,
  ) {
    super(message);
    this.name = 'HearthError';
  }
}

export const invalid = (message: string, fields?: FieldError[]) =>
  new HearthError('invalid_request', message, fields);
export const notFound = (what = 'Not found') => new HearthError('not_found', what);
export const forbidden = (message = 'You cannot do that here') => new HearthError('forbidden', message);
export const conflict = (message: string, fields?: FieldError[]) =>
  new HearthError('conflict', message, fields);
export const unauthenticated = (message = 'Please sign in') => new HearthError('unauthenticated', message);
