/** The API function's environment, parsed once. @module */
import * as z from 'zod/mini';
import { TableEnv } from '../store/env';

/** Parsed once at cold start; a missing variable fails the deployment's first call loudly. */
export const env = z
  .extend(TableEnv, {
    PUBLIC_URL: z.optional(z.url()),
    /** The secret CloudFront sends with every request it forwards (Secrets Manager ARN). */
    ORIGIN_SECRET_ARN: z.optional(z.string().check(z.minLength(1))),
    /** Platform admins' handles, comma-separated. */
    ADMINS: z.optional(z.string()),
    /** Web Push: the secret holding Hearth's VAPID keys (made on first use), and the operator's contact. */
    VAPID_SECRET_ARN: z.optional(z.string().check(z.minLength(1))),
    PUSH_CONTACT: z.optional(z.string().check(z.regex(/^(mailto:|https:)/, 'a mailto: or https: address'))),
  })
  .parse(process.env);
