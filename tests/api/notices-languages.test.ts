/**
 * One notice, each reader's language: a notification is kept as a key and values and worded when
 * read, so members told of the same meetup read it in the language the app asks in, get its push
 * in the language of their account, and download it in that language too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOTICES } from '../../functions/core/i18n/notices';
import { zoneName } from '../../functions/core/time';
import { pushNotices } from '../../functions/jobs/push-notices';
import { newVapidKeys, type Vapid } from '../../functions/push/send';
import type { Db } from '../../functions/store/client';
import { groupWithOwner, type Person, testApp } from '../support/api';
import { freshDb } from '../support/db';
import { startPushService } from '../support/push-service';

let db: Db;
let stop: () => Promise<void>;
let service: Awaited<ReturnType<typeof startPushService>>;
const vapid: Vapid = { ...newVapidKeys(), subject: 'mailto:ops@hearth.example' };
beforeAll(async () => {
  ({ db, stop } = await freshDb());
  service = await startPushService();
});
afterAll(async () => {
  await stop();
  await service.stop();
});

const meetupNews = async (p: Person, groupId: string) => {
  const subscription = service.subscribe();
  expect((await p.post('/api/me/reach/devices', { subscription, label: 'Phone' })).status).toBe(201);
  expect((await p.patch('/api/me/reach', { newMeetups: [groupId], detail: 'full' })).status).toBe(200);
  return subscription.endpoint.split('/').pop()!;
};

const newMeetupText = async (p: Person, language?: string) =>
  (
    (await p.call('GET', '/api/me/notifications', undefined, language ? { 'accept-language': language } : {}))
      .body.items as { kind: string; text: string }[]
  ).find((n) => n.kind === 'new_meetup')?.text;

describe('a notice in each reader’s language', () => {
  it('reads in the language asked for, is pushed and downloaded in the account’s', async () => {
    const t = testApp(db, { push: { vapid: async () => vapid, loopback: true } });
    const { owner, groupId, join } = await groupWithOwner(t);
    const lucia = await join('Lucía');
    const jonas = await join('Jonas');
    expect((await lucia.call('PUT', '/api/me/language', { language: 'es' })).status).toBe(200);
    expect((await jonas.call('PUT', '/api/me/language', { language: 'de' })).status).toBe(200);
    const [luciaPhone, jonasPhone] = [await meetupNews(lucia, groupId), await meetupNews(jonas, groupId)];
    const made = await owner.post(`/api/groups/${groupId}/meetups`, {
      title: 'Paseo',
      start: '2026-12-05T10:00',
      durationMinutes: 60,
      mode: 'online',
      online: { url: 'https://meet.example/walk' },
      capacity: { online: 10 },
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);

    // The same notice, worded for whoever reads it: English unless the request asks otherwise.
    const english =
      'New meetup in “Tuesday Anxiety Circle”: “Paseo”, Sat 5 Dec 2026 at 10:00 (United Kingdom Time).';
    expect(await newMeetupText(lucia)).toBe(english);
    const spanish = await newMeetupText(lucia, 'es-MX, es;q=0.9');
    const german = await newMeetupText(jonas, 'de');
    const french = await newMeetupText(jonas, 'fr');
    for (const [text, locale] of [
      [spanish, 'es'],
      [german, 'de'],
      [french, 'fr'],
    ] as const) {
      expect(text, locale).not.toBe(english);
      // The meetup's and the group's names as written, the date and time in the language's words.
      expect(text).toContain('Paseo');
      expect(text).toContain('Tuesday Anxiety Circle');
      expect(text).toContain('10:00');
      expect(text).toContain(zoneName('Europe/London', locale));
      expect(text).toContain(NOTICES[locale].newMeetup.slice(0, 6));
    }
    expect(spanish).toMatch(/dic/);
    expect(german).toMatch(/Dez/);

    // Pushed in full, as they chose, in each account's language.
    t.advance(60_000);
    await pushNotices.run({ db, now: t.now(), vapid });
    const pushed = (id: string) =>
      service.delivered.filter((d) => d.subscription === id).map((d) => (d.payload as { body: string }).body);
    expect(pushed(luciaPhone)).toEqual([spanish]);
    expect(pushed(jonasPhone)).toEqual([german]);

    // Her data, downloaded, in her language.
    const data = await lucia.get('/api/me/export');
    expect(data.status).toBe(200);
    expect(data.body.notifications.map((n: { text: string }) => n.text)).toContain(spanish);
  });
  it('words Hearth’s own entries in the moderation log in the language asked for', async () => {
    const t = testApp(db);
    const { owner, groupId, join } = await groupWithOwner(t);
    const author = await join('Fern');
    const posted = await author.post(`/api/groups/${groupId}/threads`, {
      title: 'Tonight',
      body: 'Some nights I think about killing myself',
    });
    expect(posted.status).toBe(201);
    const log = async (language: string) =>
      (
        (await owner.call('GET', `/api/groups/${groupId}/audit`, undefined, { 'accept-language': language }))
          .body.items as { action: string; reason: string }[]
      ).find((e) => e.action === 'support_opened')?.reason;
    expect(await log('en')).toMatch(/^A post matched a crisis phrase; \d+ (person|people) told$/);
    expect(await log('de')).toMatch(
      /^Ein Beitrag enthielt eine Krisenformulierung; \d+ Person(en)? wurden? informiert$/,
    );
  });
});
