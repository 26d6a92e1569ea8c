/**
 * One push message, end to end on loopback: encrypted and signed by web-push, checked and
 * decrypted by a push service that does what a browser vendor's does (tests/support/push-service).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newVapidKeys, sendPush, type Vapid } from '../../functions/push/send';
import { startPushService } from '../support/push-service';

let service: Awaited<ReturnType<typeof startPushService>>;
const vapid: Vapid = { ...newVapidKeys(), subject: 'mailto:hearth@example.org' };

beforeAll(async () => {
  service = await startPushService();
});
afterAll(() => service.stop());

describe('sending a push message', () => {
  it('arrives decrypted, signed for the push service, with its TTL and urgency', async () => {
    const device = service.subscribe();
    const payload = { title: 'Hearth', body: 'A session at 18:30 tomorrow', url: '/me/meetups' };
    expect(await sendPush(vapid, device, payload, { ttlSeconds: 3600, urgency: 'high' })).toBe('sent');
    const got = service.delivered.at(-1)!;
    expect(got.payload).toEqual(payload);
    expect(got.ttl).toBe(3600);
    expect(got.urgency).toBe('high');
    expect(got.claims.aud).toBe(new URL(device.endpoint).origin);
    expect(got.claims.sub).toBe('mailto:hearth@example.org');
  });

  it('is refused when signed with a key other than the one it names', async () => {
    const device = service.subscribe();
    const other = newVapidKeys();
    const forged = { ...vapid, privateKey: other.privateKey };
    const before = service.delivered.length;
    expect(await sendPush(forged, device, { body: 'x' }, { ttlSeconds: 60 })).toBe('failed');
    expect(service.delivered.length).toBe(before);
    expect(service.refused.at(-1)).toBe('VAPID signature does not verify against k');
  });

  it('says "gone" for a subscription the push service no longer has (410, 404)', async () => {
    const device = service.subscribe();
    service.answer(device.endpoint, 410);
    expect(await sendPush(vapid, device, { body: 'x' }, { ttlSeconds: 60 })).toBe('gone');
    service.answer(device.endpoint, 404);
    expect(await sendPush(vapid, device, { body: 'x' }, { ttlSeconds: 60 })).toBe('gone');
    service.answer(device.endpoint, 503);
    expect(await sendPush(vapid, device, { body: 'x' }, { ttlSeconds: 60 })).toBe('failed');
  });

  it('cannot be read by another device: a payload for one does not decrypt with another’s keys', async () => {
    const a = service.subscribe();
    const b = service.subscribe();
    // b's endpoint with a's keys: the service decrypts with b's private key, and fails.
    expect(
      await sendPush(vapid, { endpoint: b.endpoint, keys: a.keys }, { body: 'x' }, { ttlSeconds: 60 }),
    ).toBe('failed');
    expect(service.refused.at(-1)).not.toBe('VAPID signature does not verify against k');
  });
});
