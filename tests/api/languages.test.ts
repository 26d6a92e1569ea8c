/**
 * Languages through the API: the member's own choice of language, kept on their account; the
 * language a post is written in, chosen by its author or taken from their browser, by which its
 * crisis phrases are read; and the crisis lines offered by it until the author says where they are.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISCREET_TITLE } from '../../functions/core/feeds';
import { createFeedsApp } from '../../functions/feeds/app';
import type { Db } from '../../functions/store/client';
import { groupWithOwner, testApp } from '../support/api';
import { freshDb } from '../support/db';
import { parseCalendar } from '../support/ical';

let db: Db;
let stop: () => Promise<void>;
beforeAll(async () => {
  ({ db, stop } = await freshDb());
});
afterAll(() => stop());

describe('a member’s language', () => {
  it('is kept on their account and said with who they are', async () => {
    const t = testApp(db);
    const ana = await t.signedUp();
    expect((await ana.get('/api/session')).body.me.language).toBeUndefined();
    expect((await ana.call('PUT', '/api/me/language', { language: 'es' })).status).toBe(200);
    expect((await ana.get('/api/session')).body.me.language).toBe('es');
    const bad = await ana.call('PUT', '/api/me/language', { language: 'pt' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe('body.language');
    expect((await t.person().call('PUT', '/api/me/language', { language: 'fr' })).status).toBe(401);
  });
});

describe('the language of a post', () => {
  async function setup() {
    const t = testApp(db);
    const { groupId, join } = await groupWithOwner(t);
    return { groupId, author: await join('Lucía') };
  }

  it('reads a Spanish post’s crisis phrases in Spanish, and offers the lines of Spain and Mexico', async () => {
    const { groupId, author } = await setup();
    const started = await author.post(`/api/groups/${groupId}/threads`, {
      title: 'Esta noche',
      body: 'No sé qué hacer. Ya no quiero vivir más.',
      language: 'es',
    });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    expect(started.body.post.language).toBe('es');
    expect(started.body.signpost).toMatchObject({ resources: null, suggested: ['ES', 'MX'] });
  });

  it('takes the author’s browser language when the post does not say', async () => {
    const { groupId, author } = await setup();
    const started = await author.call(
      'POST',
      `/api/groups/${groupId}/threads`,
      { title: 'Ce soir', body: 'Je veux en finir, je n’en peux plus de vivre.' },
      { 'accept-language': 'fr-BE, fr;q=0.9, en;q=0.5' },
    );
    expect(started.body.post.language).toBe('fr');
    expect(started.body.signpost).toMatchObject({ suggested: ['FR', 'BE', 'CH'] });
    // Without the language, the same words in German are not read as French.
    const german = await author.post(`/api/groups/${groupId}/threads`, {
      title: 'Heute',
      body: 'Je veux en finir, je n’en peux plus de vivre.',
      language: 'de',
    });
    expect(german.body.signpost).toBeNull();
  });

  it('offers the region the author chose rather than guessing from the language', async () => {
    const { groupId, author } = await setup();
    await author.patch('/api/me/preferences', { region: 'AT' });
    const started = await author.post(`/api/groups/${groupId}/threads`, {
      title: 'Heute Abend',
      body: 'Ich will nicht mehr leben.',
      language: 'de',
    });
    expect(started.body.signpost.resources).toMatchObject({ region: 'AT', emergency: '112' });
    expect(started.body.signpost.resources.lines[0]).toMatchObject({ name: 'TelefonSeelsorge', call: '142' });
    expect(started.body.signpost.suggested).toEqual([]);
  });

  it('reads an edited post in its language, and in a new one if its author says so', async () => {
    const { groupId, author } = await setup();
    const started = await author.post(`/api/groups/${groupId}/threads`, {
      title: 'Hola',
      body: 'Hola a todos.',
      language: 'es',
    });
    const postId = started.body.post.postId;
    const edited = await author.patch(`/api/posts/${postId}`, { body: 'Hola. Quiero morirme.' });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body.signpost).toMatchObject({ suggested: ['ES', 'MX'] });
    const relabelled = await author.patch(`/api/posts/${postId}`, {
      body: 'Ich will sterben.',
      language: 'de',
    });
    expect(relabelled.body.post.language).toBe('de');
    expect(relabelled.body.signpost).toMatchObject({ suggested: ['DE', 'AT', 'CH'] });
  });
});

describe('the calendar feed in the member’s language', () => {
  it('says its discreet title, waiting place and duty in French once the member chooses French', async () => {
    const t = testApp(db);
    const feeds = createFeedsApp({ db, now: t.now });
    const { owner, groupId, join } = await groupWithOwner(t);
    const made = await owner.post(`/api/groups/${groupId}/meetups`, {
      title: 'Cercle du mardi',
      start: '2027-03-16T18:30',
      durationMinutes: 90,
      mode: 'online',
      online: { url: 'https://meet.example/cercle' },
      capacity: { online: 1 },
    });
    const occurrenceId = made.body.occurrences[0].occurrenceId as string;
    const first = await join();
    const camille = await join();
    await first.call('PUT', `/api/occurrences/${occurrenceId}/rsvp`, { attendance: 'online' });
    await camille.call('PUT', `/api/occurrences/${occurrenceId}/rsvp`, { attendance: 'online' }); // waits
    const path = (await camille.post('/api/me/feed')).body.feed.path as string;
    const read = async () => {
      const text = await (await feeds.request(path)).text();
      const calendar = parseCalendar(text);
      return calendar.events[0]!;
    };
    expect((await read()).summary).toBe(`${DISCREET_TITLE} (waiting list)`);

    expect((await camille.call('PUT', '/api/me/language', { language: 'fr' })).status).toBe(200);
    const event = await read();
    expect(event.summary).toBe('Séance Hearth (liste d’attente)');
    expect(event.description).toContain('Vous êtes numéro 1 sur la liste d’attente.');
  });

  it('starts a new feed in the language already chosen', async () => {
    const t = testApp(db);
    const feeds = createFeedsApp({ db, now: t.now });
    const { owner, groupId, join } = await groupWithOwner(t);
    const made = await owner.post(`/api/groups/${groupId}/meetups`, {
      title: 'Treffen',
      start: '2027-03-16T18:30',
      durationMinutes: 60,
      mode: 'online',
      online: { url: 'https://meet.example/treffen' },
      capacity: { online: 5 },
    });
    const jonas = await join();
    await jonas.call('PUT', '/api/me/language', { language: 'de' });
    await jonas.call('PUT', `/api/occurrences/${made.body.occurrences[0].occurrenceId}/rsvp`, {
      attendance: 'online',
    });
    const path = (await jonas.post('/api/me/feed')).body.feed.path as string;
    const calendar = parseCalendar(await (await feeds.request(path)).text());
    expect(calendar.events[0]!.summary).toBe('Hearth-Treffen');
    expect(calendar.events[0]!.description).toContain('Online teilnehmen: https://meet.example/treffen');
  });
});
