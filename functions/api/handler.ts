/**
 * Lambda entry for the API (behind API Gateway HTTP API, payload v2, routed by CloudFront). The
 * viewer's address and host are taken from CloudFront's headers only on requests that carry the
 * origin secret (see viewer.ts).
 * @module
 */

import { readFileSync } from 'node:fs';
import type { LambdaEvent } from 'hono/aws-lambda';
import { handle } from 'hono/aws-lambda';
import type { Vapid } from '../push/send';
import { vapidFromSecret } from '../push/vapid';
import { createDb } from '../store/client';
import { createApp } from './app';
import { env } from './env';
import { viewerAddress, viewerOrigin } from './viewer';

const db = createDb({ table: env.TABLE_NAME });

/** Read once, at cold start: CloudFront's secret header says a request is from our distribution. */
async function readSecret(arn: string): Promise<string> {
  const { SecretsManagerClient, GetSecretValueCommand } = await import('@aws-sdk/client-secrets-manager');
  const out = await new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: arn }));
  if (!out.SecretString) throw new Error('The origin secret has no value');
  return out.SecretString;
}
const originSecret = env.ORIGIN_SECRET_ARN ? await readSecret(env.ORIGIN_SECRET_ARN) : undefined;

type HttpEvent = {
  headers: Record<string, string | undefined>;
  requestContext: { http: { sourceIp: string } };
};
function httpEventOf(lambdaEnv: unknown): HttpEvent | undefined {
  const event = (lambdaEnv as { event?: LambdaEvent } | undefined)?.event;
  return event && 'requestContext' in event && 'http' in event.requestContext
    ? (event as unknown as HttpEvent)
    : undefined;
}

/** Read on first use, then kept for the container's life. */
let vapid: Promise<Vapid> | undefined;
const vapidSecret = env.VAPID_SECRET_ARN;

const app = createApp({
  db,
  secureCookies: true,
  push: vapidSecret
    ? {
        vapid: () => {
          vapid ??= vapidFromSecret(
            vapidSecret,
            env.PUSH_CONTACT ??
              `mailto:hearth@${new URL(env.PUBLIC_URL ?? 'https://hearth.invalid').hostname}`,
          );
          return vapid;
        },
      }
    : undefined,
  publicUrl: env.PUBLIC_URL,
  admins: env.ADMINS?.split(',')
    .map((h) => h.trim())
    .filter(Boolean),
  // Written beside the bundle by the build, so the JSON Schema generator stays out of it.
  openApi: () => JSON.parse(readFileSync(new URL('./openapi.json', import.meta.url), 'utf8')),
  clientAddress: (c) => {
    const event = httpEventOf(c.env);
    return event ? viewerAddress(event.headers, event.requestContext.http.sourceIp, originSecret) : 'unknown';
  },
  viewerOrigin: (c) => {
    const event = httpEventOf(c.env);
    return event ? viewerOrigin(event.headers, originSecret) : undefined;
  },
});

export const handler = handle(app);
