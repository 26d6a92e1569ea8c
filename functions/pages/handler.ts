/**
 * Lambda entry for the app's documents (behind the HTTP API, routed by CloudFront: every address
 * that names no file). The API runs in the same container, asked in-process as a visitor who is
 * not signed in; the built shell and the pages' catalogues lie beside the bundle (`web/`).
 * @module
 */
import { fileURLToPath } from 'node:url';
import { handle } from 'hono/aws-lambda';
import { createApp } from '../api/app';
import { createDb } from '../store/client';
import { tableFrom } from '../store/env';
import { askAsVisitor, createPagesApp } from './app';
import { builtFiles } from './files';

const api = createApp({
  db: createDb({ table: tableFrom(process.env) }),
  secureCookies: true,
  publicUrl: process.env.PUBLIC_URL,
  // Never asked here: the OpenAPI document is the API function's.
  openApi: () => ({}),
});

export const handler = handle(
  createPagesApp({
    ...builtFiles(fileURLToPath(new URL('./web', import.meta.url))),
    ask: askAsVisitor(api),
  }),
);
