/**
 * Hearth's VAPID keys, made once and kept: locally in the data folder (infra/local), and when
 * deployed in a Secrets Manager secret the stack creates empty. The first function to need them
 * makes them and stores them with a fixed request token: a second function racing it is refused
 * (the token names a version that exists with another value) and reads the winner's instead.
 * @module
 */
import { newVapidKeys, type Vapid } from './send';

/** Secrets Manager's idempotency token for the one version of the keys (32 to 64 characters). */
const KEYS_VERSION = 'hearth-vapid-keys-version-0000000001';

type Keys = { publicKey: string; privateKey: string };
const hasKeys = (v: unknown): v is Keys =>
  typeof (v as Keys | null)?.publicKey === 'string' && typeof (v as Keys | null)?.privateKey === 'string';

export async function vapidFromSecret(secretArn: string, subject: string): Promise<Vapid> {
  const sm = await import('@aws-sdk/client-secrets-manager');
  const client = new sm.SecretsManagerClient({});
  const read = async () => {
    const out = await client.send(new sm.GetSecretValueCommand({ SecretId: secretArn }));
    const parsed = JSON.parse(out.SecretString ?? '{}') as unknown;
    return hasKeys(parsed) ? parsed : null;
  };
  let keys = await read();
  if (!keys) {
    try {
      await client.send(
        new sm.PutSecretValueCommand({
          SecretId: secretArn,
          SecretString: JSON.stringify(newVapidKeys()),
          ClientRequestToken: KEYS_VERSION,
        }),
      );
    } catch (e) {
      if ((e as Error).name !== 'ResourceExistsException') throw e;
    }
    keys = await read();
    if (!keys) throw new Error('The VAPID secret has no keys after they were stored');
  }
  return { ...keys, subject };
}
