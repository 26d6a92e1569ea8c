/**
 * How strong a new passphrase is: the check every new passphrase passes (sign-up, recovery,
 * change), and the same estimate for the meter beside the field. The estimator's dictionaries
 * (1.6 MB) load on first use, in this function only: a phone never downloads them.
 * @module
 */
import type { Hono } from 'hono';
import { passphraseProblem } from '../../core/accounts';
import { invalid } from '../../core/errors';
import { StrengthRequest, StrengthResponse } from '../../core/schemas/accounts';
import type { AppEnv } from '../context';
import { defineRoute, type Registry } from '../route';

const estimator = () => import('../../core/strength');

/** Refuses a passphrase that is too short, the handle, or easy to guess, by the field at `path`. */
export async function checkPassphrase(passphrase: string, handle: string, path: string): Promise<void> {
  const { strengthOf, weaknessMessage } = await estimator();
  const problem = passphraseProblem(passphrase, handle, (p) => {
    const strength = strengthOf(p, handle);
    return strength.enough ? null : weaknessMessage(strength);
  });
  if (problem) throw invalid(problem, [{ path, message: problem }]);
}

export function passphraseRoutes(app: Hono<AppEnv>, registry: Registry): void {
  defineRoute(
    app,
    registry,
    {
      method: 'post',
      path: '/auth/passphrase-strength',
      tag: 'accounts',
      summary:
        'How hard a new passphrase would be to guess, with what would make it stronger (nothing is kept)',
      auth: 'none',
      body: StrengthRequest,
      responses: { 200: { description: 'The estimate', schema: StrengthResponse } },
    },
    async (c, { body }) => {
      const { strengthOf } = await estimator();
      return c.json(strengthOf(body.passphrase, body.handle));
    },
  );
}
