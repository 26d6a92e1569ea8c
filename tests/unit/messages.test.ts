/**
 * What people read when the API refuses a value by one of zod's own checks: words for people,
 * never zod's developer English ("Too small: expected number to be >=1").
 */
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { CreateMeetupRequest } from '../../functions/core/schemas/meetups';
import '../../functions/core/schemas/common';

/** The messages a schema gives for a value, by path. */
function said(schema: z.ZodMiniType, value: unknown): Record<string, string> {
  const r = schema.safeParse(value);
  if (r.success) return {};
  return Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
}

describe('messages for built-in checks', () => {
  it.each(
    [
      [z.number().check(z.int(), z.minimum(1)), 0, 'Use a number of at least 1'],
      [z.number().check(z.maximum(500)), 501, 'Use a number no more than 500'],
      [z.number().check(z.gt(0)), 0, 'Use a number more than 0'],
      [z.number().check(z.lt(10)), 10, 'Use a number less than 10'],
      [z.number(), 'abc', 'Use a number'],
      [z.number().check(z.int()), 1.5, 'Use a whole number'],
      [z.number(), undefined, 'Required'],
      [z.string(), 7, 'Use text'],
      [z.string().check(z.minLength(1)), '', 'Required'],
      [z.string().check(z.minLength(3)), 'ab', 'Use at least 3 characters'],
      [z.string().check(z.maxLength(1)), 'ab', 'Use at most 1 character'],
      [z.array(z.string()).check(z.minLength(1)), [], 'Choose at least one'],
      [z.array(z.string()).check(z.maxLength(5)), ['a', 'b', 'c', 'd', 'e', 'f'], 'Choose at most 5'],
      [z.enum(['a', 'b']), 'c', 'Choose one of the options'],
      [z.boolean(), 'yes', 'Choose yes or no'],
      [z.url(), 'not a link', 'Use a web address starting with https://'],
      [z.strictObject({ a: z.string() }), { a: 'x', b: 1 }, 'Not expected here: b'],
    ].map(([schema, value, message]) => ({ schema: schema as z.ZodMiniType, value, message })),
  )('says "$message"', ({ schema, value, message }) => {
    expect(Object.values(said(schema, value))).toEqual([message]);
  });

  it('a meetup with every field wrong is told, field by field, in words for people', () => {
    const messages = said(CreateMeetupRequest, {
      title: '',
      start: 'T18:30',
      durationMinutes: 'abc',
      mode: 'by post',
      capacity: { inPerson: 0 },
    });
    expect(messages).toMatchObject({
      title: 'Required',
      start: 'Choose a date and a start time',
      durationMinutes: 'Use a number',
      mode: 'Choose one of the options',
      'capacity.inPerson': 'Use a number of at least 1',
    });
    for (const m of Object.values(messages)) expect(m).not.toMatch(/expected|Invalid|Too (small|big)|>=|<=/);
  });
});
