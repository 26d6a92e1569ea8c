/**
 * What the resources store keeps: a listing and a report of one; which directory a listing's
 * id belongs to.
 * @module
 */
import type { Cost, ResourceCategory } from '../../core/resources';

export interface ResourceRecord {
  resourceId: string;
  /** `global`, or the group whose directory it is in. */
  scope: string;
  title: string;
  description: string;
  category: ResourceCategory;
  tags: string[];
  url?: string;
  phone?: string;
  sms?: string;
  hours?: string;
  languages: string[];
  cost: Cost;
  region: { country: string; subdivision?: string } | 'online';
  address?: string;
  accessNotes?: string;
  audience?: string;
  status: 'listed' | 'suggested';
  /** Who added or suggested it (null for the seed list, which has `source`). */
  addedBy: string | null;
  source?: string;
  createdAt: number;
  updatedAt: number;
  verifiedBy?: string;
  verifiedAt?: number;
  reviewDueAt: number;
  search: string;
  version: number;
}

export interface ResourceReportRecord {
  reportId: string;
  resourceId: string;
  scope: string;
  problem: string;
  note: string;
  reporterId: string;
  createdAt: number;
}

/** Global listings have 22-character ids; a group's have 33 (the group's id and 11 more). */
export const scopeOfResource = (resourceId: string) =>
  resourceId.length === 33 ? resourceId.slice(0, 22) : 'global';
