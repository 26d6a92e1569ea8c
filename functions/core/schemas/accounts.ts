import * as z from 'zod/mini';
import {
  CONTROL,
  CONTROL_MESSAGE,
  codePoints,
  HANDLE_MAX,
  HANDLE_MIN,
  HANDLE_PATTERN,
  PASSPHRASE_MAX,
  PASSPHRASE_MIN,
} from '../accounts';
import { LocaleSchema } from './common';

export const Handle = z
  .string()
  .check(
    z.trim(),
    z.minLength(HANDLE_MIN, `Use at least ${HANDLE_MIN} characters`),
    z.maxLength(HANDLE_MAX, `Use at most ${HANDLE_MAX} characters`),
    z.regex(
      HANDLE_PATTERN,
      'Use letters, digits, dots, dashes or underscores, starting with a letter or digit',
    ),
  );

export const Passphrase = z.string().check(
  z.refine((p: string) => codePoints(p) >= PASSPHRASE_MIN, `Use at least ${PASSPHRASE_MIN} characters`),
  z.refine((p: string) => codePoints(p) <= PASSPHRASE_MAX, `Use at most ${PASSPHRASE_MAX} characters`),
  z.refine((p: string) => !CONTROL.test(p), CONTROL_MESSAGE),
);

/** A required string with a generous bound, for fields whose rules must not be revealed. */
const opaque = (max: number) => z.string().check(z.minLength(1, 'Required'), z.maxLength(max));

export const SignupRequest = z.strictObject({ handle: Handle, passphrase: Passphrase });
/** Login is not told the handle rules: a wrong handle is just a failed login. */
export const LoginRequest = z.strictObject({ handle: opaque(64), passphrase: opaque(1024) });
export const RecoverRequest = z.strictObject({
  handle: opaque(64),
  recoveryCode: opaque(64),
  newPassphrase: Passphrase,
});
export const ChangePassphraseRequest = z.strictObject({
  currentPassphrase: opaque(1024),
  newPassphrase: Passphrase,
});

/** Everything Hearth keeps about the caller (see routes/export.ts for the fields). */
export const AccountExport = z.looseObject({
  exportedAt: z.string(),
  account: z.object({ handle: z.string(), createdAt: z.string(), recoveryCodesLeft: z.number() }),
});

export const LanguageRequest = z.strictObject({ language: LocaleSchema });

/** Erasing one's account asks for the passphrase again. */
export const DeleteAccountRequest = z.strictObject({ passphrase: opaque(1024) });

export const Me = z.object({
  userId: z.string(),
  handle: z.string(),
  createdAt: z.string(),
  recoveryCodesLeft: z.number(),
  /** Whether they organise or facilitate anywhere (their duties are a page of their own). */
  facilitates: z.optional(z.boolean()),
  /** The language they chose for Hearth; absent until they choose. */
  language: z.optional(LocaleSchema),
});
export type Me = z.infer<typeof Me>;
export const SessionAnswer = z.object({ me: z.nullable(Me) });

export const SignupResponse = z.object({
  user: Me,
  /** Shown once; only their hashes are kept. */
  recoveryCodes: z.array(z.string()),
});
export const RecoverResponse = z.object({ user: Me, recoveryCodesLeft: z.number() });

/** A passphrase being chosen, for the strength meter (never stored, never logged). */
export const StrengthRequest = z.strictObject({
  passphrase: z.string().check(z.maxLength(1024)),
  handle: z.optional(z.string().check(z.maxLength(64))),
});
export const StrengthResponse = z.object({
  score: z.number(),
  enough: z.boolean(),
  /** What makes it weak, as a key of the estimator's warnings (`similarToCommon`), or empty. */
  warning: z.string(),
  /** How to make it stronger, as keys of the estimator's suggestions (`anotherWord`). */
  suggestions: z.array(z.string()),
});
export type StrengthResponse = z.infer<typeof StrengthResponse>;
