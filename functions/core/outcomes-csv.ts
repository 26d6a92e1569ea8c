/**
 * A group's totals as one CSV table (RFC 4180), for research where the group agreed: a row per
 * past meetup (who came), per month (feedback) and per quarter (wellbeing). Totals only: no
 * answer, no comment, and a blank where fewer than five answered. Pure.
 * @module
 */
import { FEEDBACK_ITEMS, WHO5_BANDS } from './outcomes';
import type { OutcomesView } from './schemas/outcomes';

const COLUMNS = [
  'section',
  'period',
  'in_person',
  'online',
  'counted_on_the_day',
  'answers',
  ...FEEDBACK_ITEMS.map((i) => `mean_${i}`),
  'members',
  ...WHO5_BANDS.map((b) => `who5_${b.replace('-', '_')}`),
] as const;
type Row = Partial<Record<(typeof COLUMNS)[number], string | number | null>>;

/** A cell: quoted where it must be, and never read as a formula by a spreadsheet. */
function cell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'number' ? String(v) : /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function figuresCsv(f: OutcomesView): string {
  const rows: Row[] = [
    ...f.attendance.map((a) => ({
      section: 'attendance',
      period: a.startAt.slice(0, 10),
      in_person: a.inPerson,
      online: a.online,
      counted_on_the_day: a.headcount,
    })),
    ...f.feedback.months.map((m) => ({
      section: 'feedback',
      period: m.month,
      answers: m.answers,
      ...Object.fromEntries(FEEDBACK_ITEMS.map((i) => [`mean_${i}`, m.means?.[i] ?? null])),
    })),
    ...f.wellbeing.map((q) => ({
      section: 'wellbeing',
      period: q.quarter,
      members: q.members,
      ...Object.fromEntries(WHO5_BANDS.map((b) => [`who5_${b.replace('-', '_')}`, q.bands?.[b] ?? null])),
    })),
  ];
  return `${[COLUMNS.join(','), ...rows.map((r) => COLUMNS.map((c) => cell(r[c])).join(','))].join('\r\n')}\r\n`;
}

/**
 * The download's name: the group's and the day's, so several groups' files keep apart. Given
 * twice, as the header allows: in plain ASCII letters for every client, and whole in UTF-8
 * (RFC 6266) for those that read it, so a name in Arabic letters is kept.
 */
export function figuresFileName(groupName: string, day: string): string {
  const ascii = groupName
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 60);
  const plain = `hearth-${ascii ? `${ascii}-` : ''}totals-${day}.csv`;
  const whole = `hearth-${groupName.trim().replace(/[\s/\\]+/g, '-')}-totals-${day}.csv`;
  // RFC 5987 leaves fewer characters bare than encodeURIComponent does.
  const encoded = encodeURIComponent(whole).replace(
    /[!'()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${plain}"; filename*=UTF-8''${encoded}`;
}
