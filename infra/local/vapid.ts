/**
 * The local stack's VAPID keys: made on the first start and kept in the data folder, readable by
 * this user alone, so devices subscribed once stay subscribed across restarts.
 * @module
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newVapidKeys, type Vapid } from '../../functions/push/send';

export function localVapid(dataDir: string, subject: string): Vapid {
  const file = join(dataDir, 'vapid.json');
  if (!existsSync(file)) writeFileSync(file, JSON.stringify(newVapidKeys()), { mode: 0o600, flag: 'wx' });
  const keys = JSON.parse(readFileSync(file, 'utf8')) as { publicKey: string; privateKey: string };
  return { ...keys, subject };
}
