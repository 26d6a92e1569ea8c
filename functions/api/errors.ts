/**
 * The one place where errors become HTTP: every failure leaves as `{ error: { code, message,
 * fields? } }` with a status from its code. Nothing else about an unexpected error leaves.
 * @module
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { type ErrorCode, HearthError } from '../core/errors';

const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  invalid_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
};

export function errorResponse(err: Error, c: Context): Response {
  if (err instanceof HearthError) {
    if (err.retryAfter) c.header('Retry-After', String(err.retryAfter));
    return c.json(
      { error: { code: err.code, message: err.message, ...(err.fields ? { fields: err.fields } : {}) } },
      STATUS[err.code],
    );
  }
  if (err instanceof HTTPException && err.status < 500) {
    const code: ErrorCode = err.status === 413 ? 'payload_too_large' : 'invalid_request';
    return c.json(
      { error: { code, message: err.message || 'Bad request' } },
      err.status as ContentfulStatusCode,
    );
  }
  // Log the kind and place, never the request body, cookies or tokens.
  console.error(
    JSON.stringify({ level: 'error', route: c.req.routePath, name: err.name, message: err.message }),
  );
  return c.json(
    { error: { code: 'internal', message: 'Something went wrong on our side. Please try again.' } },
    500,
  );
}
