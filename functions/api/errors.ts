/**
 * The one place where errors become HTTP: every failure leaves as `{ error: { code, message,
 * key?, values?, fields? } }` with a status from its code, each message (and each field's) with
 * its key in the table of the API's messages, for the web app to word in the reader's language.
 * Nothing else about an unexpected error leaves.
 * @module
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { type ErrorCode, HearthError } from '../core/errors';
import { askedLocale } from '../core/i18n/locales';

const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  invalid_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
};

/**
 * The table of the API's messages (20 KB), loaded by the first refusal a container makes rather
 * than by every cold start, most of which refuse nothing.
 */
let table: Promise<typeof import('../core/i18n/api-messages')> | undefined;

export async function errorResponse(err: Error, c: Context): Promise<Response> {
  table ??= import('../core/i18n/api-messages');
  const { messageKey } = await table;
  /** A message with its key and values, where the table of the API's messages has it. */
  const said = (message: string) => ({ message, ...messageKey(message) });
  if (err instanceof HearthError) {
    if (err.retryAfter) c.header('Retry-After', String(err.retryAfter));
    const message = said(err.message);
    // Values said in the language the request asks for, where the error says them.
    if (err.sayValues && 'values' in message)
      message.values = { ...message.values, ...err.sayValues(askedLocale(c.req.header('accept-language'))) };
    return c.json(
      {
        error: {
          code: err.code,
          ...message,
          ...(err.fields ? { fields: err.fields.map((f) => ({ path: f.path, ...said(f.message) })) } : {}),
        },
      },
      STATUS[err.code],
    );
  }
  if (err instanceof HTTPException && err.status < 500) {
    const code: ErrorCode = err.status === 413 ? 'payload_too_large' : 'invalid_request';
    return c.json(
      { error: { code, ...said(err.message || 'Bad request') } },
      err.status as ContentfulStatusCode,
    );
  }
  // Log the kind and place, never the request body, cookies or tokens.
  console.error(
    JSON.stringify({ level: 'error', route: c.req.routePath, name: err.name, message: err.message }),
  );
  return c.json(
    { error: { code: 'internal', ...said('Something went wrong on our side. Please try again.') } },
    500,
  );
}
