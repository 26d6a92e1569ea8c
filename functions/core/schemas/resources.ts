import * as z from 'zod/mini';
import {
  COSTS,
  countries,
  isPhoneNumber,
  isWebLink,
  languages,
  REPORT_PROBLEMS,
  RESOURCE_CATEGORIES,
} from '../resources';
import { Cursor, Id, keysOf, line, PageLimit, text } from './common';

export const CategorySchema = z.enum(keysOf(RESOURCE_CATEGORIES));
export const CostSchema = z.enum(keysOf(COSTS));
const Country = z
  .string()
  .check(z.refine((c: string) => countries().has(c), 'Use a country code like GB or US'));
/** An ISO 639-1 language code. */
export const Language = z
  .string()
  .check(z.refine((c: string) => languages().has(c), 'Use a language code like en or cy'));
const WebLink = z
  .string()
  .check(
    z.maxLength(500, 'Use at most 500 characters'),
    z.refine(isWebLink, 'Use an http:// or https:// link'),
  );
const Phone = z.string().check(z.maxLength(40), z.refine(isPhoneNumber, 'That is not a phone number'));

/** Where a listing is: a country (and part of it), or online only. */
const Region = z.union([
  z.strictObject({ country: Country, subdivision: z.optional(line(1, 80)) }),
  z.literal('online'),
]);

const fields = {
  title: line(3, 140),
  description: text(2000, 1),
  category: CategorySchema,
  tags: z._default(z.array(line(1, 30)).check(z.maxLength(8)), []),
  url: z.optional(WebLink),
  phone: z.optional(Phone),
  sms: z.optional(Phone),
  hours: z.optional(line(1, 200)),
  languages: z.array(Language).check(
    z.minLength(1, 'Give at least one language'),
    z.maxLength(10),
    z.refine((l: string[]) => new Set(l).size === l.length, 'Each language once'),
  ),
  cost: CostSchema,
  region: Region,
  address: z.optional(text(300, 1)),
  accessNotes: z.optional(text(500, 1)),
  audience: z.optional(line(1, 200)),
};

/** A way to reach it: a link, a number to call or to text. */
const reachable = (r: { url?: string; phone?: string; sms?: string }) => !!(r.url || r.phone || r.sms);

export const NewResource = z
  .strictObject(fields)
  .check(z.refine(reachable, 'Give a link, a number to call or a number to text'));
export type NewResource = z.infer<typeof NewResource>;

export const ResourceChange = z
  .strictObject({
    title: z.optional(fields.title),
    description: z.optional(fields.description),
    category: z.optional(fields.category),
    tags: z.optional(z.array(line(1, 30)).check(z.maxLength(8))),
    url: z.optional(z.nullable(WebLink)),
    phone: z.optional(z.nullable(Phone)),
    sms: z.optional(z.nullable(Phone)),
    hours: z.optional(z.nullable(line(1, 200))),
    languages: z.optional(fields.languages),
    cost: z.optional(fields.cost),
    region: z.optional(fields.region),
    address: z.optional(z.nullable(text(300, 1))),
    accessNotes: z.optional(z.nullable(text(500, 1))),
    audience: z.optional(z.nullable(line(1, 200))),
  })
  .check(z.refine((u: object) => Object.keys(u).length > 0, 'Change at least one field'));

/** A member's suggestion: a listing to review, in a group's directory or the global one. */
export const Suggestion = z
  .strictObject({ ...fields, scope: z.union([z.literal('global'), Id]) })
  .check(z.refine(reachable, 'Give a link, a number to call or a number to text'));

export const ResourceReport = z.strictObject({
  problem: z.enum(keysOf(REPORT_PROBLEMS)),
  note: z._default(text(1000), ''),
});

export const ResourceParams = z.object({
  resourceId: z.string().check(z.regex(/^[A-Za-z0-9_-]{22}([A-Za-z0-9_-]{11})?$/, 'Not a valid id')),
});

export const ResourceQuery = z.object({
  scope: z._default(z.union([z.literal('global'), Id]), 'global'),
  category: z.optional(CategorySchema),
  /** A country code, or `online` for listings that are online only. */
  region: z.optional(z.union([Country, z.literal('online')])),
  cost: z.optional(CostSchema),
  lang: z.optional(Language),
  q: z.optional(line(1, 80)),
  cursor: z.optional(Cursor),
  limit: PageLimit,
});

export const ReviewQuery = z.object({ scope: z._default(z.union([z.literal('global'), Id]), 'global') });

export const ResourceView = z.object({
  resourceId: z.string(),
  scope: z.string(),
  title: z.string(),
  description: z.string(),
  category: CategorySchema,
  tags: z.array(z.string()),
  url: z.nullable(z.string()),
  phone: z.nullable(z.string()),
  sms: z.nullable(z.string()),
  hours: z.nullable(z.string()),
  languages: z.array(z.string()),
  cost: CostSchema,
  region: z.union([
    z.object({ country: z.string(), countryName: z.string(), subdivision: z.nullable(z.string()) }),
    z.literal('online'),
  ]),
  address: z.nullable(z.string()),
  accessNotes: z.nullable(z.string()),
  audience: z.nullable(z.string()),
  status: z.enum(['listed', 'suggested']),
  /** Where it came from: the seed list with its source, or who added or suggested it. */
  addedBy: z.string(),
  source: z.nullable(z.string()),
  createdAt: z.string(),
  /** The trust shown on every listing. */
  verified: z.nullable(z.object({ by: z.string(), at: z.string(), ago: z.string() })),
  needsReview: z.boolean(),
  reviewDueAt: z.string(),
});
export type ResourceView = z.infer<typeof ResourceView>;
export const ResourcePage = z.object({ items: z.array(ResourceView), nextCursor: z.nullable(z.string()) });

export const ReviewQueue = z.object({
  suggested: z.array(ResourceView),
  needsReview: z.array(ResourceView),
  reports: z.array(
    z.object({
      reportId: z.string(),
      resourceId: z.string(),
      title: z.string(),
      problem: z.string(),
      note: z.string(),
      createdAt: z.string(),
    }),
  ),
});

export const ProfessionalApplication = z.strictObject({
  licenceType: line(2, 120),
  licenceNumber: line(1, 60),
  /** Who issued the licence: a country or region and body, e.g. "UK, HCPC". */
  jurisdiction: line(2, 120),
  note: z._default(text(1000), ''),
});
export const ProfessionalDecision = z
  .strictObject({
    verified: z.boolean(),
    /** Why, when declined (the applicant reads it, and what to change before applying again). */
    reason: z._default(text(500), ''),
  })
  .check(
    z.refine((d: { verified: boolean; reason: string }) => d.verified || d.reason.length >= 3, {
      message: 'Say why, so they know what to change before applying again',
      path: ['reason'],
    }),
  );
export const ProfessionalView = z.object({
  /** On your own view: whether you are a platform admin (you keep the global directory). */
  admin: z.optional(z.boolean()),
  status: z.enum(['none', 'pending', 'verified', 'declined']),
  licenceType: z.nullable(z.string()),
  jurisdiction: z.nullable(z.string()),
  decidedAt: z.nullable(z.string()),
  /** Why an application was declined, on your own view. */
  reason: z.optional(z.nullable(z.string())),
});
export const ProfessionalQueue = z.object({
  items: z.array(
    z.object({
      userId: z.string(),
      handle: z.string(),
      licenceType: z.string(),
      licenceNumber: z.string(),
      jurisdiction: z.string(),
      note: z.string(),
      appliedAt: z.string(),
    }),
  ),
});
export const UserParams = z.object({ userId: Id });
export const ContextNoteRequest = z.strictObject({ body: text(1000, 3) });
