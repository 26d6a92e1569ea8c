/**
 * The one table's shape, shared by the CDK construct and the local runtime so they cannot drift.
 * Generic key names (ElectroDB style): what an item is lives in its key values (see keys.ts).
 * @module
 */
export const TABLE_KEYS = { partition: 'pk', sort: 'sk' } as const;

/** Indexes are named after the access patterns they serve. */
export const GSI1 = {
  name: 'gsi1',
  partition: 'gsi1pk',
  sort: 'gsi1sk',
  serves: 'directory listings, my memberships, my sessions, a group’s invites',
} as const;

/** Epoch seconds; DynamoDB deletes expired items late and dynalite never, so code checks too. */
export const TTL_ATTRIBUTE = 'ttl';

/**
 * The group schedule: occurrences by start time. Projects the occurrence's card (times, title,
 * status, seat counts) but not its ledger, so a schedule page stays small however many go.
 * DynamoDB takes at most 20 projected attributes an index (CloudFormation refuses more), so what
 * the keys already say is not projected again: the group (pk), the occurrence (sk) and the start
 * (the sort key); the wall-clock start follows from the start and the zone (repos/meetups reads
 * cards).
 */
export const GSI2 = {
  name: 'gsi2',
  partition: 'gsi2pk',
  sort: 'gsi2sk',
  serves: 'a group’s schedule by start time; a member’s posts, to erase them with their account',
  projected: [
    'meetupId',
    'index',
    'title',
    'description',
    'endAt',
    'timezone',
    'mode',
    'venue',
    'online',
    'status',
    'cancelReason',
    'sequence',
    'changedAt',
    'rsvpOpensAt',
    'rsvpClosesAt',
    'recurring',
    'capInPerson',
    'capOnline',
    'inLineInPerson',
    'inLineOnline',
  ],
} as const;
