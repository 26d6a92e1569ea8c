/**
 * Shared schema pieces. Import zod as a namespace (`import * as z`): the named `z` export drags
 * every zod locale into a bundle (about 370 KB), the namespace lets esbuild drop them.
 * @module
 */
import * as z from 'zod';

/** A trimmed single-line text field with bounds, refusing control characters. */
export const line = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min, min === 1 ? 'Required' : `Use at least ${min} characters`)
    .max(max, `Use at most ${max} characters`)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'Use plain text on one line');

/** Multi-line text: newlines and tabs allowed, other control characters refused. */
export const text = (max: number, min = 0) =>
  z
    .string()
    .trim()
    .min(min, min === 1 ? 'Required' : `Use at least ${min} characters`)
    .max(max, `Use at most ${max} characters`)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), 'Remove control characters');

/** Opaque ids are 22 characters of base64url (128 random bits). */
export const Id = z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'Not a valid id');

/** Page cursors are opaque base64url strings. */
export const Cursor = z
  .string()
  .max(1024)
  .regex(/^[A-Za-z0-9_-]+$/, 'Not a valid cursor');

export const PageLimit = z.coerce.number().int().min(1).max(50).default(20);

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const Ok = z.object({ ok: z.literal(true) });
