/**
 * Sending one Web Push message (RFC 8030) to one device: the payload encrypted for it (RFC 8291,
 * aes128gcm) and the request signed with Hearth's VAPID key (RFC 8292), both by the web-push
 * library; the request itself goes out with fetch, so its timeout and its answer are ours to read.
 * @module
 */
import { createECDH } from 'node:crypto';

/**
 * web-push, with its ASN.1 and big-number libraries (~90 KB), loaded on the first push rather
 * than by every cold start of the API, most of which push nothing.
 */
type WebPush = typeof import('web-push');
let library: Promise<WebPush> | undefined;
const webPush = () =>
  (library ??= import('web-push').then((m) => (m as WebPush & { default?: WebPush }).default ?? m));

/** Hearth's application-server key pair (base64url, as web-push makes them) and a contact. */
export interface Vapid {
  publicKey: string;
  privateKey: string;
  /** A `mailto:` or `https:` address the push service can reach the operator at. */
  subject: string;
}

/** A device's subscription, as the browser's `PushSubscription.toJSON()` gives it. */
export interface DeviceSubscription {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

/**
 * `sent`: the push service took it. `gone`: the device unsubscribed or the subscription expired
 * (404 or 410): forget it. `failed`: anything else (refused, unreachable, too slow): try later.
 */
export type PushOutcome = 'sent' | 'gone' | 'failed';

/** A new P-256 key pair, as web-push makes them: the public point uncompressed, the private key 32 bytes. */
export function newVapidKeys(): { publicKey: string; privateKey: string } {
  const curve = createECDH('prime256v1');
  curve.generateKeys();
  const key = curve.getPrivateKey();
  return {
    publicKey: curve.getPublicKey().toString('base64url'),
    privateKey: Buffer.concat([Buffer.alloc(32 - key.length), key]).toString('base64url'),
  };
}

export async function sendPush(
  vapid: Vapid,
  device: DeviceSubscription,
  payload: unknown,
  opts: { ttlSeconds: number; urgency?: 'normal' | 'high'; timeoutMs?: number },
): Promise<PushOutcome> {
  const webpush = await webPush();
  const request = webpush.generateRequestDetails(device, JSON.stringify(payload), {
    vapidDetails: vapid,
    TTL: opts.ttlSeconds,
    urgency: opts.urgency ?? 'normal',
    contentEncoding: 'aes128gcm',
  });
  try {
    const res = await fetch(request.endpoint, {
      method: request.method,
      headers: request.headers as Record<string, string>,
      body: request.body ? new Uint8Array(request.body) : null,
      signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
    });
    await res.arrayBuffer().catch(() => undefined);
    if (res.status === 404 || res.status === 410) return 'gone';
    return res.ok ? 'sent' : 'failed';
  } catch {
    return 'failed';
  }
}

/**
 * One message to each of a member's devices, at once: `forget` is told of each device its push
 * service says is gone (404, 410); one that fails this time is tried again by the next message.
 */
export async function sendToDevices<D extends DeviceSubscription & { deviceId: string }>(
  vapid: Vapid,
  devices: readonly D[],
  payload: unknown,
  opts: { ttlSeconds: number; urgency?: 'normal' | 'high' },
  forget: (device: D) => Promise<unknown>,
): Promise<{ device: D; outcome: PushOutcome }[]> {
  return Promise.all(
    devices.map(async (device) => {
      const outcome = await sendPush(vapid, device, payload, opts);
      if (outcome === 'gone') await forget(device);
      return { device, outcome };
    }),
  );
}
