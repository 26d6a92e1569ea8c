/**
 * Reading the directory page by page: a bucket (every public group, or one focus) filtered by
 * how and where groups meet and by words, without a scan.
 * @module
 */
import {
  type FocusTag,
  type MeetingWay,
  type ModerationPolicy,
  placeText,
  type Tone,
} from '../../core/groups';
import type { Db } from '../client';
import { keys } from '../keys';
import { queryPage } from '../paging';
import { GSI1 } from '../table';

export function directoryPages(db: Db) {
  return {
    /** One page of the directory's group ids, optionally filtered; at most a few round trips. */
    async page(opts: DirectoryQuery): Promise<{ groupIds: string[]; nextCursor: string | null }> {
      const bucket = keys.directoryBucket(opts.focus ? `focus:${opts.focus}` : 'all');
      const filters: string[] = [];
      const names: Record<string, string> = { '#p': GSI1.partition };
      const values: Record<string, unknown> = { ':b': bucket };
      const where = (expression: string, name: string | null, value: [string, unknown]) => {
        filters.push(expression);
        if (name) names[`#${name}`] = name;
        values[value[0]] = value[1];
      };
      if (opts.q) where('contains(#search, :q)', 'search', [':q', opts.q.normalize('NFKC').toLowerCase()]);
      if (opts.moderationPolicy) where('moderationPolicy = :m', null, [':m', opts.moderationPolicy]);
      if (opts.tone) where('tone = :t', null, [':t', opts.tone]);
      if (opts.meets) where('contains(ways, :w)', null, [':w', opts.meets]);
      // Entries from before groups said their language are English.
      if (opts.language)
        where(
          opts.language === 'en'
            ? '(contains(#languages, :lang) OR attribute_not_exists(#languages))'
            : 'contains(#languages, :lang)',
          'languages',
          [':lang', opts.language],
        );
      if (opts.near) where('contains(#where, :near)', 'where', [':near', placeText(opts.near)]);
      const page = await queryPage(
        db,
        {
          IndexName: GSI1.name,
          KeyConditionExpression: '#p = :b',
          FilterExpression: filters.length ? filters.join(' AND ') : undefined,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        },
        {
          limit: opts.limit,
          cursor: opts.cursor,
          keyAttributes: DIRECTORY_KEYS,
          partition: { attribute: GSI1.partition, value: bucket },
        },
      );
      return { groupIds: page.items.map((i) => i.groupId as string), nextCursor: page.nextCursor };
    },
  };
}

export const DIRECTORY_KEYS = ['pk', 'sk', GSI1.partition, GSI1.sort] as const;

/** What a page of the directory is asked for by: its filters, and where the page starts. */
export interface DirectoryQuery {
  focus?: FocusTag;
  q?: string;
  moderationPolicy?: ModerationPolicy;
  tone?: Tone;
  meets?: MeetingWay;
  near?: string;
  language?: string;
  limit: number;
  cursor?: string;
}
