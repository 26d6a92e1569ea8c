/**
 * A push service on loopback, as a browser vendor's would answer (RFC 8030): it takes a message
 * for a subscription only with a VAPID JWT signed by the key it names (RFC 8292), for this
 * service's origin, not expired; it decrypts the aes128gcm payload (RFC 8291) with the
 * subscription's private key, made here as a browser makes it. No internet, no mock of the sender.
 * @module
 */
import { createECDH, createPublicKey, randomBytes, verify } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import ece from 'http_ece';

export interface Delivered {
  subscription: string;
  ttl: number;
  urgency: string | null;
  /** The payload as the browser would read it. */
  payload: unknown;
  /** The JWT's claims: aud, exp, sub. */
  claims: { aud: string; exp: number; sub: string };
}

const b64url = (b: Buffer) => b.toString('base64url');

/** A P-256 public key, uncompressed (65 bytes), as a key Node can verify with. */
function publicKeyOf(raw: Buffer) {
  if (raw.length !== 65 || raw[0] !== 4) throw new Error('not an uncompressed P-256 point');
  return createPublicKey({
    key: { kty: 'EC', crv: 'P-256', x: b64url(raw.subarray(1, 33)), y: b64url(raw.subarray(33)) },
    format: 'jwk',
  });
}

/** Checks `Authorization: vapid t=<jwt>, k=<key>`; throws with the reason a real service would refuse. */
function vapidClaims(header: string | undefined, origin: string): Delivered['claims'] {
  const m = /^vapid t=([\w-]+\.[\w-]+\.[\w-]+),\s*k=([\w-]+)$/.exec(header ?? '');
  if (!m) throw new Error(`no VAPID authorization: ${header}`);
  const [head, body, sig] = m[1]!.split('.') as [string, string, string];
  if (JSON.parse(Buffer.from(head, 'base64url').toString()).alg !== 'ES256') throw new Error('not ES256');
  const signed = verify(
    'sha256',
    Buffer.from(`${head}.${body}`),
    { key: publicKeyOf(Buffer.from(m[2]!, 'base64url')), dsaEncoding: 'ieee-p1363' },
    Buffer.from(sig, 'base64url'),
  );
  if (!signed) throw new Error('VAPID signature does not verify against k');
  const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as Delivered['claims'];
  if (claims.aud !== origin) throw new Error(`aud ${claims.aud} is not ${origin}`);
  const now = Date.now() / 1000;
  if (!(claims.exp > now && claims.exp <= now + 86_400)) throw new Error('exp not within 24 hours');
  if (!/^(mailto:|https:)/.test(claims.sub)) throw new Error(`sub ${claims.sub} is not a contact`);
  return claims;
}

const read = (req: IncomingMessage) =>
  new Promise<Buffer>((resolve) => {
    const parts: Buffer[] = [];
    req.on('data', (p: Buffer) => parts.push(p));
    req.on('end', () => resolve(Buffer.concat(parts)));
  });

export async function startPushService() {
  const devices = new Map<string, { ecdh: ReturnType<typeof createECDH>; auth: Buffer; answer: number }>();
  const delivered: Delivered[] = [];
  const refused: string[] = [];
  let origin = '';
  const server = createServer(async (req, res) => {
    const body = await read(req);
    const id = /^\/push\/([\w-]+)$/.exec(req.url ?? '')?.[1];
    const device = id ? devices.get(id) : undefined;
    if (req.method !== 'POST' || !id || !device) return res.writeHead(404).end();
    if (device.answer !== 201) return res.writeHead(device.answer).end();
    try {
      const claims = vapidClaims(req.headers.authorization, origin);
      if (req.headers['content-encoding'] !== 'aes128gcm') throw new Error('not aes128gcm');
      const ttl = Number(req.headers.ttl);
      if (!Number.isInteger(ttl) || ttl < 0) throw new Error('no TTL');
      const plain = ece.decrypt(body, {
        version: 'aes128gcm',
        privateKey: device.ecdh,
        authSecret: device.auth,
      });
      delivered.push({
        subscription: id,
        ttl,
        urgency: (req.headers.urgency as string | undefined) ?? null,
        payload: JSON.parse(plain.toString('utf8')),
        claims,
      });
      res.writeHead(201).end();
    } catch (e) {
      refused.push((e as Error).message);
      res.writeHead(400).end((e as Error).message);
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    delivered,
    refused,
    /** A new device's subscription, as `PushSubscription.toJSON()` gives it. */
    subscribe() {
      const id = b64url(randomBytes(9));
      const ecdh = createECDH('prime256v1');
      ecdh.generateKeys();
      const auth = randomBytes(16);
      devices.set(id, { ecdh, auth, answer: 201 });
      return {
        endpoint: `${origin}/push/${id}`,
        keys: { p256dh: b64url(ecdh.getPublicKey()), auth: b64url(auth) },
      };
    },
    /** From now on the service answers this for the subscription (410: the browser dropped it). */
    answer(endpoint: string, status: number) {
      devices.get(endpoint.split('/').pop()!)!.answer = status;
    },
    stop: () => new Promise<void>((done) => server.close(() => done())),
  };
}
