import { handle } from 'hono/aws-lambda';
import * as z from 'zod/mini';
import { createDb } from '../store/client';
import { createFeedsApp } from './app';

const env = z.object({ TABLE_NAME: z.string().check(z.minLength(1)) }).parse(process.env);
export const handler = handle(
  createFeedsApp({ db: createDb({ table: env.TABLE_NAME }), secureCookies: true }),
);
