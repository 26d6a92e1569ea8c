/**
 * The check every new passphrase passes (sign-up, recovery, change). The estimator's
 * dictionaries load on first use, in this function only.
 * @module
 */
import { passphraseProblem } from '../../core/accounts';
import { invalid } from '../../core/errors';

export const estimator = () => import('../../core/strength');

/** Refuses a passphrase that is too short, the handle, or easy to guess, by the field at `path`. */
export async function checkPassphrase(passphrase: string, handle: string, path: string): Promise<void> {
  const { strengthOf, weaknessMessage } = await estimator();
  const problem = passphraseProblem(passphrase, handle, (p) => {
    const strength = strengthOf(p, handle);
    return strength.enough ? null : weaknessMessage(strength);
  });
  if (problem) throw invalid(problem, [{ path, message: problem }]);
}
