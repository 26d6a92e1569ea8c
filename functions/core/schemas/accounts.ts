import * as z from 'zod';
import {
  codePoints,
  HANDLE_MAX,
  HANDLE_MIN,
  HANDLE_PATTERN,
  PASSPHRASE_MAX,
  PASSPHRASE_MIN,
} from '../accounts';

export const Handle = z
  .string()
  .trim()
  .min(HANDLE_MIN, `Use at least ${HANDLE_MIN} characters`)
  .max(HANDLE_MAX, `Use at most ${HANDLE_MAX} characters`)
  .regex(HANDLE_PATTERN, 'Use letters, digits, dots, dashes or underscores, starting with a letter or digit');

export const Passphrase = z
  .string()
  .refine((p) => codePoints(p) >= PASSPHRASE_MIN, `Use at least ${PASSPHRASE_MIN} characters`)
  .refine((p) => codePoints(p) <= PASSPHRASE_MAX, `Use at most ${PASSPHRASE_MAX} characters`);

export const SignupRequest = z.strictObject({ handle: Handle, passphrase: Passphrase });
/** Login is not told the handle rules: a wrong handle is just a failed login. */
export const LoginRequest = z.strictObject({
  handle: z.string().min(1, 'Required').max(64),
  passphrase: z.string().min(1, 'Required').max(1024),
});
export const RecoverRequest = z.strictObject({
  handle: z.string().min(1, 'Required').max(64),
  recoveryCode: z.string().min(1, 'Required').max(64),
  newPassphrase: Passphrase,
});
export const ChangePassphraseRequest = z.strictObject({
  currentPassphrase: z.string().min(1, 'Required').max(1024),
  newPassphrase: Passphrase,
});

export const Me = z.object({
  userId: z.string(),
  handle: z.string(),
  createdAt: z.string(),
  recoveryCodesLeft: z.number().int(),
});
export type Me = z.infer<typeof Me>;

export const SignupResponse = z.object({
  user: Me,
  /** Shown once; only their hashes are kept. */
  recoveryCodes: z.array(z.string()),
});
export const RecoverResponse = z.object({ user: Me, recoveryCodesLeft: z.number().int() });
