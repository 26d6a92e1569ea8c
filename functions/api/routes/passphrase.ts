/**
 * How strong a new passphrase is: the check every new passphrase passes (sign-up, recovery,
 * change), and the same estimate for the meter beside the field. The estimator's dictionaries
 * (1.6 MB) load on first use, in this function only: a phone never downloads them.
 * @module
 */
import type { Hono } from 'hono';
import { StrengthRequest, StrengthResponse } from '../../core/schemas/accounts';
import type { AppEnv } from '../context';
import { estimator } from '../flows/passphrase';
import { defineRoute } from '../route';
import type { Registry } from '../route-spec';

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
