import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { createGroupInBrowser, signedUpPerson } from '../support/browser';
import { browser, stack, useBrowserAndStack } from '../support/e2e';

useBrowserAndStack();

const person = (handle: string, width = 1280, timezoneId?: string) =>
  signedUpPerson(browser, stack.url, handle, width, timezoneId);

describe('meetups in Chromium', () => {
  it('schedule a weekly hybrid meetup → two people RSVP → the third waits → a withdrawal promotes them', async () => {
    const host = await person('host-e2e');
    await createGroupInBrowser(
      host.page,
      stack.url,
      'Riverside Peer Support',
      'A small hybrid group by the river.',
    );
    await host.page.getByRole('link', { name: 'Schedule a meetup' }).click();
    await host.page.getByLabel('Title').fill('Riverside evening');
    await host.page.getByLabel('Date').fill('2027-03-16');
    await host.page.getByLabel('Start time').fill('18:30');
    await host.page.getByLabel('Venue').fill('Boathouse café');
    await host.page.getByLabel('Address').fill('1 Towpath Lane');
    await host.page.getByLabel('Step-free access').check();
    await host.page.getByLabel('Places in the room').fill('2');
    await host.page.getByLabel('Link to the online room').fill('https://meet.example/riverside');
    await host.page.getByLabel('Places online').fill('5');
    await host.page.getByLabel('Weekly').check();
    await host.page.getByLabel('Number of meetups').fill('8');
    await host.page.getByText('Meets every Tuesday, 8 times, at 18:30.').waitFor();
    await host.page.getByRole('button', { name: 'Schedule' }).click();
    await host.page.getByRole('heading', { name: 'Riverside evening' }).waitFor();
    const occurrenceUrl = host.page.url();
    expect(occurrenceUrl).toMatch(/\/occurrences\/[A-Za-z0-9_-]{33}$/);
    const groupUrl = await host.page
      .getByRole('link', { name: /Riverside Peer Support/ })
      .getAttribute('href');
    // The directory's card now says how and when the group meets.
    await host.page.goto(`${stack.url}/`);
    const card = host.page.getByRole('listitem').filter({ hasText: 'Riverside Peer Support' });
    // The next one is hybrid: the card says so, not only that the group meets both ways.
    await card
      .getByText(/^Meets in person and online · next Tue 16 Mar 2027 at 18:30, in person and online$/)
      .waitFor();
    await host.page.goto(occurrenceUrl);

    const guests = [];
    // The first lives in the group's zone and sees its time alone; the third lives in New York
    // and sees the group's time and theirs.
    for (const [handle, zone] of [
      ['ash-e2e', 'Europe/London'],
      ['beech-e2e', undefined],
      ['cedar-e2e', 'America/New_York'],
    ] as const) {
      const g = await person(handle, 360, zone);
      await g.page.goto(`${stack.url}${groupUrl}`);
      await g.page.getByLabel(/I have read the community guidelines/).check();
      await g.page.getByRole('button', { name: 'Join group' }).click();
      await g.page.getByText('Your role here: Member').waitFor();
      await g.page.goto(occurrenceUrl);
      await g.page.getByText('The address is shown once you have a place.').waitFor();
      // The room holds two: the third is told, before the click, that it joins the waiting list.
      const third = handle === 'cedar-e2e';
      const rsvp = g.page.getByRole('button', {
        name: third ? 'Join the waiting list (in person): you would be number 1' : 'Going in person',
      });
      await rsvp.focus();
      await g.page.keyboard.press('Enter');
      // The button pressed is gone: the keyboard is at what it did.
      await expect
        .poll(() => g.page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
        .toBe('Your RSVP');
      guests.push(g);
    }
    await guests[0]!.page.getByText('You are going in person').waitFor();
    expect(await guests[0]!.page.getByText('1 Towpath Lane').isVisible()).toBe(true);
    await guests[1]!.page.getByText('You are going in person').waitFor();
    await guests[2]!.page.getByText('You are number 1 on the waiting list').waitFor();
    // Waiting is not a place: the address waits for one.
    await guests[2]!.page.getByText('The address is shown once you have a place.').waitFor();
    // (Chromium's locale decides the order of day and month, and the clock.)
    await guests[2]!.page.getByText(/^Tue 16 Mar 2027 at 18:30–20:00 \(United Kingdom Time\)$/).waitFor();
    await guests[2]!.page.getByText(/^Tue 16 Mar 2027 at 14:30 your time \(Eastern Time\)$/).waitFor();
    expect(await guests[0]!.page.getByText(/your time/).count()).toBe(0);

    // Giving up a place is asked first (someone waits: it goes to them), and can be kept.
    const ash = guests[0]!.page;
    await ash.getByRole('button', { name: 'I can’t go any more' }).click();
    await ash.getByText(/^Give up your place\? It goes to the next person waiting/).waitFor();
    await expect
      .poll(() => ash.evaluate(() => document.activeElement?.textContent))
      .toBe('Yes, give up my place');
    await ash.getByRole('button', { name: 'Keep my place' }).click();
    await expect
      .poll(() => ash.evaluate(() => document.activeElement?.textContent))
      .toBe('I can’t go any more');
    await ash.keyboard.press('Enter');
    await ash.getByRole('button', { name: 'Yes, give up my place' }).click();
    // Their place went to the first in line, so the room is full again, and the button says so.
    await guests[0]!.page
      .getByRole('button', { name: 'Join the waiting list (in person): you would be number 1' })
      .waitFor();
    await guests[2]!.page.reload();
    await guests[2]!.page.getByText('You are going in person').waitFor();
    await guests[2]!.page.getByRole('link', { name: /Notifications/ }).click();
    await guests[2]!.page.getByText(/A place opened up/).waitFor();
    await guests[2]!.page.getByRole('link', { name: /Notifications 1 unread/ }).waitFor();
    await guests[2]!.page.getByRole('button', { name: 'Mark all as read' }).click();
    await guests[2]!.page.getByRole('button', { name: 'Mark all as read' }).waitFor({ state: 'detached' });
    await guests[2]!.page.getByRole('link', { name: 'Notifications', exact: true }).waitFor();

    await host.page.reload();
    await host.page.getByRole('heading', { name: 'Who is coming (2)' }).waitFor();
    // The session's own thread, from the meetup's page.
    await host.page.getByRole('button', { name: 'Talk about this session' }).click();
    await host.page.getByRole('heading', { name: 'Riverside evening, Tue 16 Mar 2027' }).waitFor();
    await host.page.getByLabel('Your reply').fill('Looking forward to seeing you all.');
    await host.page.getByRole('button', { name: 'Reply', exact: true }).click();
    await host.page.getByText('Looking forward to seeing you all.').waitFor();

    // The series is made two meetups longer: everyone keeps their place.
    await host.page.goto(occurrenceUrl);
    await host.page.getByRole('link', { name: 'Change the whole series' }).click();
    const dates = host.page.getByRole('region', { name: 'Change the dates' });
    await dates.getByLabel('Number of meetups').fill('10');
    await dates.getByText('Meets every Tuesday, 10 times, at 18:30.').waitFor();
    await dates.getByRole('button', { name: 'Save the new dates' }).click();
    await dates.getByText('Saved: 2 meetups added, 0 meetups cancelled.').waitFor();
    await host.page.getByText('Riverside evening: every Tuesday, 10 times.').waitFor();
    // RSVPs for the whole series now close an hour before each meetup.
    await host.page.getByLabel('RSVPs close').selectOption({ label: '1 hour before' });
    await host.page.getByRole('button', { name: 'Save changes' }).click();
    await host.page.getByText('10 upcoming meetups changed.').waitFor();
    // A new time above: the dates below follow it, so saving dates cannot put the old time back.
    await host.page.getByLabel('Start time').first().fill('18:45');
    await host.page.getByRole('button', { name: 'Save changes' }).click();
    await host.page.getByText('10 upcoming meetups changed.').waitFor();
    await dates.getByText('Meets every Tuesday, 10 times, at 18:45.').waitFor();
    expect(await dates.getByLabel('Start time').inputValue()).toBe('18:45');
    await host.page.getByLabel('Start time').first().fill('18:30');
    await host.page.getByRole('button', { name: 'Save changes' }).click();
    await dates.getByText('Meets every Tuesday, 10 times, at 18:30.').waitFor();
    await host.page.goto(occurrenceUrl);
    await host.page.getByRole('heading', { name: 'Riverside evening' }).waitFor();
    await host.page.getByText(/^RSVPs close Tue 16 Mar 2027 at 17:30/).waitFor();

    // The promoted member adds this meetup to their calendar, then subscribes to all of theirs.
    const cedar = guests[2]!.page;
    await cedar.goto(occurrenceUrl);
    const [download] = await Promise.all([
      cedar.waitForEvent('download'),
      cedar.getByRole('link', { name: 'Add to calendar' }).click(),
    ]);
    const file = await readFile((await download.path())!, 'utf8');
    expect(file).toMatch(/^BEGIN:VCALENDAR\r\n/);
    // Discreet, as calendars are unless the member chooses full details; the address is there.
    expect(file).toContain('SUMMARY:Hearth session');
    expect(file).not.toContain('Riverside');
    expect(file).toContain('1 Towpath Lane');
    await cedar.getByRole('link', { name: 'or subscribe to all your meetups' }).click();
    // The page loads its feed first; the keyboard still arrives at its heading.
    await expect
      .poll(() => cedar.evaluate(() => document.activeElement?.textContent))
      .toBe('Subscribe in your calendar');
    await cedar.getByRole('button', { name: 'Make my calendar link' }).click();
    const link = await cedar.getByRole('textbox', { name: 'Calendar link', exact: true }).inputValue();
    expect(await cedar.getByRole('link', { name: 'Open in my calendar app' }).getAttribute('href')).toBe(
      link.replace(/^http:/, 'webcal:'),
    );
    const feed = await (await fetch(link)).text();
    expect(feed).toContain('SUMMARY:Hearth session'); // discreet by default
    expect(feed).not.toContain('Riverside');
    await cedar.getByLabel(/Discreet/).uncheck();
    await cedar.getByRole('button', { name: 'Save' }).click();
    await cedar.getByText('Saved.').waitFor();
    expect(await (await fetch(link)).text()).toContain('SUMMARY:Riverside evening');
    // A reminder a day before, by keyboard: the feed carries it.
    const dayBefore = cedar
      .getByRole('group', { name: 'Reminders before meetups' })
      .getByLabel('1 day before');
    await dayBefore.focus();
    await cedar.keyboard.press('Space');
    expect(await dayBefore.isChecked()).toBe(true);
    // A change not yet saved says so. Cedar holds no duties: no reminders before duties are offered.
    await cedar.getByText('You have changes not saved yet.').waitFor();
    expect(await cedar.getByRole('group', { name: 'Reminders before duties you hold' }).count()).toBe(0);
    await cedar.keyboard.press('Tab');
    expect(await cedar.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Save');
    await cedar.keyboard.press('Enter');
    await cedar.getByText(/^Saved\./).waitFor();
    // The keyboard is where it was.
    expect(await cedar.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Save');
    const reminded = await (await fetch(link)).text();
    expect(reminded).toMatch(
      /BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-P1D\r\nDESCRIPTION:Riverside evening/,
    );
    // A new link asks first (the old one stops working), then the keyboard is at the new link.
    cedar.once('dialog', (d) => {
      expect(d.message()).toMatch(/^Make a new link\?/);
      void d.accept();
    });
    await cedar.getByRole('button', { name: 'Make a new link' }).click();
    await expect
      .poll(() => cedar.evaluate(() => document.activeElement?.textContent?.trim()))
      .toBe('Your calendar link');
    const newLink = await cedar.getByRole('textbox', { name: 'Calendar link', exact: true }).inputValue();
    expect(newLink).not.toBe(link);
    expect((await fetch(link)).status).toBe(404);
    expect(await (await fetch(newLink)).text()).toMatch(/TRIGGER:-P1D/);
    // Turned off: said so, with the keyboard at the words, and the link gone.
    cedar.once('dialog', (d) => {
      expect(d.message()).toMatch(/^Turn off your calendar feed\?.*settings are forgotten/);
      void d.accept();
    });
    await cedar.getByRole('button', { name: 'Turn off the feed' }).click();
    await expect
      .poll(() => cedar.evaluate(() => document.activeElement?.textContent?.trim()))
      .toMatch(/^Your calendar feed is off/);
    expect((await fetch(newLink)).status).toBe(404);
    await cedar.getByRole('button', { name: 'Make my calendar link' }).waitFor();

    // A meetup whose RSVPs open a week before: members see when, and no button until then.
    await host.page.goto(`${stack.url}${groupUrl}`);
    await host.page.getByRole('link', { name: 'Schedule a meetup' }).click();
    await host.page.getByLabel('Title').fill('Riverside picnic');
    await host.page.getByLabel('Date').fill('2027-06-05');
    await host.page.getByLabel('Start time').fill('12:00');
    await host.page.getByLabel('Venue').fill('The meadow');
    await host.page.getByLabel('Address').fill('Riverside Park');
    await host.page.getByLabel('Places in the room').fill('10');
    await host.page.getByLabel('Link to the online room').fill('https://meet.example/picnic');
    await host.page.getByLabel('Places online').fill('5');
    await host.page.getByLabel('RSVPs open').selectOption({ label: '1 week before' });
    await host.page.getByLabel('RSVPs close').selectOption({ label: '1 day before' });
    await host.page.getByRole('button', { name: 'Schedule' }).click();
    await host.page.getByRole('heading', { name: 'Riverside picnic' }).waitFor();
    await cedar.goto(host.page.url());
    await cedar.getByText(/^RSVPs open Sat 29 May 2027 at /).waitFor();
    expect(await cedar.getByRole('button', { name: /^Going/ }).count()).toBe(0);
    // The one-off picnic becomes a series that starts with it.
    const picnicUrl = host.page.url();
    await host.page.getByRole('link', { name: 'Repeat this meetup' }).click();
    await host.page.getByRole('heading', { name: 'Repeat this meetup' }).waitFor();
    const repeats = host.page.getByRole('region', { name: 'How it repeats' });
    await repeats.getByLabel('Number of meetups').fill('3');
    await repeats.getByText('Meets every Saturday, 3 times, at 12:00.').waitFor();
    await repeats.getByRole('button', { name: 'Save the new dates' }).click();
    // Now a series, the page says so.
    await host.page.getByRole('heading', { name: 'Change the series' }).waitFor();
    await host.page
      .getByRole('region', { name: 'Change the dates' })
      .getByText('Saved: 2 meetups added, 0 meetups cancelled.')
      .waitFor();
    await host.page.getByText('Riverside picnic: every Saturday, 3 times.').waitFor();
    await host.page.goto(picnicUrl);
    await host.page.getByRole('link', { name: 'Change the whole series' }).waitFor();
    // The host removes a member: asked first, told what goes with them.
    await host.page.goto(`${stack.url}${groupUrl}/members`);
    await host.page.getByRole('button', { name: 'Remove ash-e2e' }).click();
    await host.page
      .getByText(/Remove ash-e2e\? Their places at upcoming meetups go to the next in line/)
      .waitFor();
    await host.page.getByRole('button', { name: 'Yes, remove' }).click();
    await host.page.getByRole('button', { name: 'Remove ash-e2e' }).waitFor({ state: 'detached' });
    for (const p of [host, ...guests]) expect(p.problems).toEqual([]);
  });

  it('a meetup in the hour the clocks repeat: warned before, its page says which 1:30; cancelled, then put back on', async () => {
    const host = await person('owl-e2e', 360, 'Europe/London');
    await createGroupInBrowser(host.page, stack.url, 'Night Owls', 'For people awake at night.');
    await host.page.getByRole('link', { name: 'Schedule a meetup' }).click();
    await host.page.getByLabel('Title').fill('Small hours');
    await host.page.getByLabel('Date').fill('2027-10-31');
    await host.page.getByLabel('Start time').fill('01:30');
    await host.page.getByLabel('Minutes').fill('60');
    await host.page.getByLabel('Online', { exact: true }).check();
    await host.page.getByLabel('Link to the online room').fill('https://meet.example/owls');
    await host.page.getByLabel('Places online').fill('8');
    // A one-off is warned as a series is, before it is scheduled.
    await host.page.getByText(/^2027-10-31 01:30 happens twice in Europe\/London/).waitFor();
    await host.page.getByRole('button', { name: 'Schedule' }).click();
    await host.page.getByRole('heading', { name: 'Small hours' }).waitFor();
    // It starts at the first 1:30 and ends at the second: the offsets tell them apart.
    await host.page
      .getByText(
        /^Sun 31 Oct 2027 at 01:30 GMT\+1 to 01:30 GMT\+0, 60 minutes \(United Kingdom Time; the clocks go back that night\)$/,
      )
      .waitFor();
    const meetupUrl = host.page.url();
    const groupUrl = await host.page.getByRole('link', { name: /Night Owls/ }).getAttribute('href');
    // Moving it to the gap of March is warned on the change page too.
    await host.page.getByRole('link', { name: 'Change this meetup' }).click();
    await host.page.getByLabel(/Date and time/).fill('2028-03-26T01:30');
    await host.page.getByText(/^2028-03-26 01:30 does not exist in Europe\/London/).waitFor();
    await host.page.getByLabel(/Date and time/).fill('2027-11-07T01:30');
    await host.page.getByText(/does not exist|happens twice/).waitFor({ state: 'detached' });

    // A member goes; the host cancels it, then puts it back on: nobody's place comes back, they are told.
    const lark = await person('lark-e2e', 1280);
    await lark.page.goto(`${stack.url}${groupUrl}`);
    await lark.page.getByLabel(/I have read the community guidelines/).check();
    await lark.page.getByRole('button', { name: 'Join group' }).click();
    await lark.page.getByText('Your role here: Member').waitFor();
    await lark.page.goto(meetupUrl);
    await lark.page.getByRole('button', { name: 'Going online' }).click();
    await lark.page.getByText('You are going online').waitFor();
    await host.page.goto(meetupUrl);
    await host.page.getByRole('button', { name: 'Cancel this meetup' }).click();
    await host.page.getByLabel('Why is it cancelled?').fill('Nobody can host that night');
    await host.page.getByRole('button', { name: 'Cancel the meetup' }).click();
    await expect
      .poll(() => host.page.evaluate(() => document.activeElement?.textContent))
      .toBe('Cancelled. Everyone with an RSVP or a duty is told.');
    await host.page.getByText(/^This meetup is cancelled: Nobody can host that night/).waitFor();
    // No places are shown as held, and those who had answered are named as told.
    await host.page.getByText('It is cancelled: no places are held.').waitFor();
    await host.page
      .getByRole('heading', { name: /^Who had answered \(1\), all told it is cancelled$/ })
      .waitFor();
    await host.page.getByRole('button', { name: 'Put this meetup back on' }).click();
    await expect
      .poll(() => host.page.evaluate(() => document.activeElement?.textContent))
      .toBe('Back on. 1 person who had a place or a duty was told, and can RSVP again.');
    await host.page.getByRole('button', { name: 'Cancel this meetup' }).waitFor();
    await lark.page.goto(`${stack.url}/notifications`);
    await lark.page.getByText(/“Small hours” on .* is back on\. Places and duties were not kept/).waitFor();
    await lark.page.goto(meetupUrl);
    await lark.page.getByRole('button', { name: 'Going online' }).waitFor();
    for (const p of [host, lark]) expect(p.problems).toEqual([]);
  });
});
