/**
 * The rules of outcomes: when feedback is taken, what facilitators may see (nothing of fewer than
 * five, comments by month in no telling order), the WHO-5 score and its ranges, quarters in the
 * group's zone, and the research file (totals only, no cell a spreadsheet would run).
 */
import { describe, expect, it } from 'vitest';
import {
  bandOf,
  type FeedbackTally,
  feedbackFinal,
  feedbackSummary,
  feedbackWindow,
  quarterIn,
  who5Distribution,
  who5Score,
} from '../../functions/core/outcomes';
import { figuresCsv, figuresFileName } from '../../functions/core/outcomes-csv';

const DAY = 86_400_000;
/** Long after every figure below is final. */
const LATER = Date.UTC(2028, 0, 1);
const tally = (over: Partial<FeedbackTally>): FeedbackTally => ({
  occurrenceId: 'o1',
  startAt: Date.UTC(2027, 2, 16, 18, 30),
  month: '2027-03',
  n: 5,
  sums: { heard: 40, mattered: 35, approach: 30, overall: 45 },
  comments: [],
  ...over,
});

describe('outcomes', () => {
  it('takes feedback from the end of a meetup for two weeks, and never for a cancelled one', () => {
    const o = { endAt: 1000 * DAY, status: 'scheduled' };
    expect(feedbackWindow(o, 999 * DAY)).toBe('not-yet');
    expect(feedbackWindow(o, 1000 * DAY)).toBe('open');
    expect(feedbackWindow(o, 1014 * DAY - 1)).toBe('open');
    expect(feedbackWindow(o, 1014 * DAY)).toBe('closed');
    expect(feedbackWindow({ ...o, status: 'cancelled' }, 1001 * DAY)).toBe('cancelled');
  });

  it('shows no figure made of fewer than five answers, per meetup or per month', () => {
    const s = feedbackSummary(
      [
        tally({
          occurrenceId: 'a',
          n: 3,
          sums: { heard: 30, mattered: 30, approach: 30, overall: 30 },
          comments: ['x'],
        }),
        tally({
          occurrenceId: 'b',
          n: 2,
          startAt: Date.UTC(2027, 2, 23),
          sums: { heard: 0, mattered: 0, approach: 0, overall: 0 },
          comments: ['b', 'a'],
        }),
        tally({
          occurrenceId: 'c',
          n: 4,
          month: '2027-04',
          startAt: Date.UTC(2027, 3, 6),
          comments: ['hidden'],
        }),
      ],
      LATER,
    );
    expect(s.meetups.map((m) => [m.occurrenceId, m.answers, m.means])).toEqual([
      ['a', null, null],
      ['b', null, null],
      ['c', null, null],
    ]);
    // March: 3 + 2 answers, a mean of 6 on each; comments in an order that says nothing.
    expect(s.months[0]).toEqual({
      month: '2027-03',
      answers: 5,
      means: { heard: 6, mattered: 6, approach: 6, overall: 6 },
      comments: ['a', 'b', 'x'],
    });
    expect(s.months[1]).toEqual({ month: '2027-04', answers: null, means: null, comments: [] });
  });

  it('gives no answer away by subtraction, nor by a total seen to change', () => {
    const shown = tally({ occurrenceId: 'big', n: 6 });
    const small = tally({ occurrenceId: 'small', n: 1, startAt: Date.UTC(2027, 2, 23), comments: ['mine'] });
    // The month less the shown meetup would be the one answer: the month is not shown.
    const s = feedbackSummary([shown, small], LATER);
    expect(s.meetups.map((m) => m.answers)).toEqual([6, null]);
    expect(s.months).toEqual([{ month: '2027-03', answers: null, means: null, comments: [] }]);
    // Hidden meetups adding five or more: the month is shown.
    const five = feedbackSummary([shown, { ...small, n: 5 }], LATER);
    expect(five.months[0]).toMatchObject({ answers: 11 });
    // Nothing shows while a meetup still takes answers, nor its month.
    const during = feedbackSummary([shown], shown.startAt + 3 * DAY);
    expect([during.meetups, during.months]).toEqual([[], []]);
    expect(feedbackSummary([shown], feedbackFinal(shown.startAt)).meetups).toHaveLength(1);
    // A quarter shows once it is over.
    const q = [{ quarter: '2027-Q1', bands: { '0-28': 5 } }];
    expect(who5Distribution(q, Date.UTC(2027, 2, 31))).toEqual([]);
    expect(who5Distribution(q, Date.UTC(2027, 3, 2))).toHaveLength(1);
  });

  it('scores the WHO-5 from 0 to 100, in the index’s ranges', () => {
    expect(who5Score({ cheerful: 5, calm: 5, active: 5, rested: 5, interested: 5 })).toBe(100);
    expect(who5Score({ cheerful: 1, calm: 2, active: 1, rested: 1, interested: 2 })).toBe(28);
    expect([0, 28, 29, 50, 51, 75, 76, 100].map(bandOf)).toEqual([
      '0-28',
      '0-28',
      '29-50',
      '29-50',
      '51-75',
      '51-75',
      '76-100',
      '76-100',
    ]);
    expect(who5Distribution([{ quarter: '2027-Q1', bands: { '0-28': 4 } }], LATER)).toEqual([
      { quarter: '2027-Q1', members: null, bands: null },
    ]);
    expect(who5Distribution([{ quarter: '2027-Q1', bands: { '0-28': 4, '76-100': 1 } }], LATER)[0]).toEqual({
      quarter: '2027-Q1',
      members: 5,
      bands: { '0-28': 4, '29-50': 0, '51-75': 0, '76-100': 1 },
    });
  });

  it('counts quarters on the group’s clock', () => {
    const newYear = Date.UTC(2027, 0, 1, 3); // 3 am in London, still 2026 in New York
    expect(quarterIn(newYear, 'Europe/London')).toBe('2027-Q1');
    expect(quarterIn(newYear, 'America/New_York')).toBe('2026-Q4');
  });

  it('writes the research file with totals only, and no cell a spreadsheet would run', () => {
    const csv = figuresCsv({
      attendance: [
        {
          occurrenceId: 'o',
          title: '=HYPERLINK("x")',
          startAt: '2027-03-16T18:30:00.000Z',
          inPerson: 3,
          online: 2,
          headcount: null,
        },
      ],
      feedback: {
        meetups: [],
        months: [{ month: '2027-03', answers: null, means: null, comments: ['secret'] }],
      },
      wellbeing: [
        { quarter: '2027-Q1', members: 5, bands: { '0-28': 1, '29-50': 2, '51-75': 1, '76-100': 1 } },
      ],
      kMin: 5,
    });
    expect(csv).not.toContain('secret');
    expect(csv).not.toContain('HYPERLINK'); // titles are not in the file at all
    expect(csv.split('\r\n')).toEqual([
      expect.stringMatching(/^section,period,/),
      'attendance,2027-03-16,3,2,,,,,,,,,,,',
      'feedback,2027-03,,,,,,,,,,,,,',
      'wellbeing,2027-Q1,,,,,,,,,5,1,2,1,1',
      '',
    ]);
  });
});

describe('the totals file', () => {
  it('is named by its group and day, in ASCII for every client and whole in UTF-8', () => {
    expect(figuresFileName('Café “Calm” / Tuesdays', '2027-01-04')).toBe(
      `attachment; filename="hearth-cafe-calm-tuesdays-totals-2027-01-04.csv"; filename*=UTF-8''${encodeURIComponent('hearth-Café-“Calm”-Tuesdays-totals-2027-01-04.csv')}`,
    );
    expect(figuresFileName("Sam's (group)", '2027-01-04')).toContain(
      "filename*=UTF-8''hearth-Sam%27s-%28group%29-totals-2027-01-04.csv",
    );
    // A name with no Latin letters keeps its own in the UTF-8 name; the plain one still works.
    const arabic = figuresFileName('دائرة الهدوء', '2027-01-04');
    expect(arabic).toMatch(/^attachment; filename="hearth-totals-2027-01-04\.csv"; filename\*=UTF-8''/);
    expect(decodeURIComponent(arabic.split("UTF-8''")[1]!)).toBe('hearth-دائرة-الهدوء-totals-2027-01-04.csv');
  });
});
