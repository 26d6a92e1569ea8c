/**
 * Changing and cancelling a series: the series item first (its version guards against two
 * organisers at once), recording the change as unfinished, then each upcoming occurrence, then
 * the unfinished mark goes. Every step can be taken again with the same result, so a change a
 * crash left half-done is finished by running it again: the organiser's next look at the series
 * (or their next change to it) does so once no request can still be running it.
 * @module
 */

import { conflict } from '../../core/errors';
import {
  CancelRequest,
  MeetupParams,
  MeetupView,
  UpdatedSeries,
  UpdateMeetupRequest,
} from '../../core/schemas/meetups';
import { iso } from '../../core/time';
import { meetupsRepo } from '../../store/repos/meetups';
import { requireAuth } from '../context';
import { loadSeries } from '../flows/meetup-changes';
import { cancelSeries, changeSeries, finishSeries } from '../flows/series';
import { type Route, route } from '../route';
import { meetupView } from '../views/meetups';

export const seriesRoutes: Route[] = [
  route(
    {
      method: 'patch',
      path: '/meetups/{meetupId}',
      tag: 'meetups',
      summary: 'Change a series: its future occurrences follow, except ones changed on their own',
      auth: 'required',
      params: MeetupParams,
      body: UpdateMeetupRequest,
      responses: { 200: { description: 'How many occurrences changed', schema: UpdatedSeries } },
    },
    async (c, { params, body }) => {
      requireAuth(c);
      const { group, meetup } = await loadSeries(c, params.meetupId);
      // A change left half-done is finished first: this one builds on it.
      const current = await finishSeries(c, group, meetup);
      if (current.status === 'cancelled') throw conflict('This series is cancelled');
      return c.json(await changeSeries(c, group, current, body));
    },
  ),
  route(
    {
      method: 'post',
      path: '/meetups/{meetupId}/cancel',
      tag: 'meetups',
      summary: 'Cancel a whole series: every future occurrence, with a reason',
      auth: 'required',
      params: MeetupParams,
      body: CancelRequest,
      responses: { 200: { description: 'The series', schema: MeetupView } },
    },
    async (c, { params, body }) => {
      requireAuth(c);
      const { now } = c.var.services;
      const meetups = c.var.services.repo(meetupsRepo);
      const { group, meetup } = await loadSeries(c, params.meetupId, { cancelled: true });
      if (meetup.status === 'cancelled') return c.json(meetupView(await finishSeries(c, group, meetup)));
      const current = await finishSeries(c, group, meetup);
      const at = now();
      const updated = await meetups.updateMeetup(current.meetupId, current.version, {
        status: 'cancelled',
        cancelReason: body.reason,
        unfinished: { at, cancel: body.reason },
        updatedAt: iso(at),
      });
      if (!updated) throw conflict('The series was being changed by someone else; please try again');
      await cancelSeries(c, updated, body.reason, at);
      return c.json(meetupView({ ...updated, unfinished: undefined }));
    },
  ),
];
