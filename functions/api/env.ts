import * as z from 'zod';

/** Parsed once at cold start; a missing variable fails the deployment's first call loudly. */
export const env = z
  .object({
    TABLE_NAME: z.string().min(1),
    PUBLIC_URL: z.url().optional(),
  })
  .parse(process.env);
