/** The calendar feeds function, in Lambda. @module */
import { handle } from 'hono/aws-lambda';
import { createDb } from '../store/client';
import { tableFrom } from '../store/env';
import { createFeedsApp } from './app';

/** Built once, at cold start, from the environment. */
export const handler = handle(
  createFeedsApp({ db: createDb({ table: tableFrom(process.env) }), secureCookies: true }),
);
