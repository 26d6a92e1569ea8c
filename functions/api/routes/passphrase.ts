/**
 * How strong a new passphrase would be, for the meter beside the field (the same estimate as the
 * check every new passphrase passes, flows/passphrase.ts).
 * @module
 */

import { StrengthRequest, StrengthResponse } from '../../core/schemas/accounts';
import { estimator } from '../flows/passphrase';
import { type Route, route } from '../route';

export const passphraseRoutes: Route[] = [
  route(
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
  ),
];
