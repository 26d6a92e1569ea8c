/**
 * What every function is told by its environment: the table. Each function parses its own once,
 * at cold start (api/env.ts adds what the API needs), so a missing variable fails its first call
 * loudly instead of a request deep inside.
 * @module
 */
import * as z from 'zod/mini';

export const TableEnv = z.object({ TABLE_NAME: z.string().check(z.minLength(1)) });

/** The table's name, from a function's environment (refused when missing). */
export const tableFrom = (vars: Record<string, string | undefined>) => TableEnv.parse(vars).TABLE_NAME;
