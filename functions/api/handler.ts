/**
 * Lambda entry for the API (behind API Gateway HTTP API, payload v2, routed by CloudFront).
 * @module
 */

import { readFileSync } from 'node:fs';
import type { LambdaEvent } from 'hono/aws-lambda';
import { handle } from 'hono/aws-lambda';
import { createDb } from '../store/client';
import { createApp } from './app';
import { env } from './env';

const db = createDb({ table: env.TABLE_NAME });

const app = createApp({
  db,
  secureCookies: true,
  publicUrl: env.PUBLIC_URL,
  admins: env.ADMINS?.split(',')
    .map((h) => h.trim())
    .filter(Boolean),
  // Written beside the bundle by the build, so the JSON Schema generator stays out of it.
  openApi: () => JSON.parse(readFileSync(new URL('./openapi.json', import.meta.url), 'utf8')),
  clientAddress: (c) => {
    const event = (c.env as { event?: LambdaEvent } | undefined)?.event;
    return (
      (event && 'requestContext' in event && 'http' in event.requestContext
        ? event.requestContext.http.sourceIp
        : undefined) ?? 'unknown'
    );
  },
});

export const handler = handle(app);
