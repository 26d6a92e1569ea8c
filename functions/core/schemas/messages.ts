/**
 * What a person reads when a value is refused by one of zod's built-in checks, in place of zod's
 * own English ("Too small: expected number to be >=1"), which is written for developers. Our own
 * checks carry their own words; these are for the rest. Each message is placed by its field, so it
 * says what to do, not which field.
 * @module
 */

/** The parts of a zod issue the messages read (zod's types for it are internal). */
export interface Issue {
  code: string;
  input?: unknown;
  origin?: string;
  expected?: string;
  format?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  exact?: boolean;
  divisor?: number;
  values?: unknown[];
  keys?: string[];
}

const count = (n: number | bigint, one: string, many: string) =>
  `${n.toLocaleString('en')} ${Number(n) === 1 ? one : many}`;

function tooSmall(i: Issue): string {
  const n = i.minimum ?? 0;
  switch (i.origin) {
    case 'string':
      return Number(n) <= 1 ? 'Required' : `Use at least ${count(n, 'character', 'characters')}`;
    case 'array':
    case 'set':
      return Number(n) <= 1 ? 'Choose at least one' : `Choose at least ${n}`;
    case 'date':
      return 'Choose a later date';
    default:
      return i.inclusive === false ? `Use a number more than ${n}` : `Use a number of at least ${n}`;
  }
}

function tooBig(i: Issue): string {
  const n = i.maximum ?? 0;
  switch (i.origin) {
    case 'string':
      return `Use at most ${count(n, 'character', 'characters')}`;
    case 'array':
    case 'set':
      return `Choose at most ${n}`;
    case 'date':
      return 'Choose an earlier date';
    default:
      return i.inclusive === false ? `Use a number less than ${n}` : `Use a number no more than ${n}`;
  }
}

const TYPES: Record<string, string> = {
  number: 'Use a number',
  int: 'Use a whole number',
  bigint: 'Use a whole number',
  string: 'Use text',
  boolean: 'Choose yes or no',
  array: 'Choose from the list',
  date: 'Use a date',
};

const FORMATS: Record<string, string> = {
  url: 'Use a web address starting with https://',
  email: 'Use an email address',
  datetime: 'Use a date and time',
  date: 'Use a date',
  time: 'Use a time',
};

/** The message for one refused value. */
export function peopleMessage(i: Issue): string {
  switch (i.code) {
    case 'invalid_type':
      if (i.input === undefined || i.input === null) return 'Required';
      return TYPES[i.expected ?? ''] ?? 'This is not the kind of value asked for';
    case 'too_small':
      return tooSmall(i);
    case 'too_big':
      return tooBig(i);
    case 'invalid_value':
      return i.values?.length === 1 ? 'Not the value asked for' : 'Choose one of the options';
    case 'invalid_format':
      return FORMATS[i.format ?? ''] ?? 'Not in the form asked for';
    case 'not_multiple_of':
      return `Use a multiple of ${i.divisor}`;
    case 'unrecognized_keys':
      return `Not expected here: ${(i.keys ?? []).join(', ')}`;
    case 'invalid_union':
      return 'Not in any of the forms asked for';
    default:
      return 'Check this value';
  }
}
