/**
 * Shared schema pieces, in zod/mini: the same schemas and JSON Schema output as classic zod, at a
 * fraction of the load time (measured in `npm run bench`: the API's cold import is what it costs).
 * Import it as a namespace so esbuild can drop what is unused.
 * @module
 */

import * as z from 'zod/mini';
import { LOCALES } from '../i18n/locales';
import { type Issue, peopleMessage } from './messages';

// Messages for built-in checks written for people (zod/mini loads no locale by itself, and zod's
// English one is written for developers).
z.config({ localeError: (issue) => peopleMessage(issue as Issue) });

// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
const CONTROL_BUT_NEWLINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const bounds = (min: number, max: number) => [
  z.minLength(min, {
    error: (issue) =>
      min === 1 || issue.input === '' ? 'Required' : `Use at least ${min.toLocaleString('en')} characters`,
  }),
  z.maxLength(max, `Use at most ${max.toLocaleString('en')} characters`),
];

/** A trimmed single-line text field with bounds, refusing control characters. */
export const line = (min: number, max: number) =>
  z.string().check(
    z.trim(),
    ...bounds(min, max),
    z.refine((s: string) => !CONTROL.test(s), 'Use plain text on one line'),
  );

/** Multi-line text: newlines and tabs allowed, other control characters refused. */
export const text = (max: number, min = 0) =>
  z.string().check(
    z.trim(),
    ...bounds(min, max),
    z.refine((s: string) => !CONTROL_BUT_NEWLINES.test(s), 'Remove control characters'),
  );

/** One of the languages Hearth speaks. */
export const LocaleSchema = z.enum(LOCALES);

/** Opaque ids are 22 characters of base64url (128 random bits). */
export const Id = z.string().check(z.regex(/^[A-Za-z0-9_-]{22}$/, 'Not a valid id'));

/** Ids of things inside a group start with the group's id, so one round trip finds both. */
export const ScopedId = z.string().check(z.regex(/^[A-Za-z0-9_-]{33}$/, 'Not a valid id'));

/** The keys of a table of labels, as a `z.enum` takes them. */
export const keysOf = <T extends object>(o: T) =>
  Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

/** Page cursors are opaque base64url strings. */
export const Cursor = z.string().check(z.maxLength(1024), z.regex(/^[A-Za-z0-9_-]+$/, 'Not a valid cursor'));

export const PageLimit = z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(50)), 20);

/** A message's key in the table of the API's messages (core/i18n/api-messages), with its values. */
const keyed = {
  key: z.optional(z.string()),
  values: z.optional(z.record(z.string(), z.union([z.string(), z.number()]))),
};

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    ...keyed,
    fields: z.optional(z.array(z.object({ path: z.string(), message: z.string(), ...keyed }))),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const Ok = z.object({ ok: z.literal(true) });
