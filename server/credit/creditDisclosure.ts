import { LRUCache } from 'lru-cache';
import type { Connection } from 'mongoose';
import { maskPartyName } from './maskPartyName.js';
import { creditEntryModel, type CreditEntryDoc } from './creditEntryModel.js';
import { statusOf } from './creditRules.js';
import { legalBasisKeyOf, type LegalBasisKey } from './legalBasisKey.js';

/** One entry of the public disclosure: what the law allows to publish, no ids or personal data. */
export interface DisclosedEntryView {
  /** An organisation's name; a natural person's masked (`maskPartyName`). */
  name: string;
  partyType: 'enterprise' | 'individual';
  ipType: string;
  rightNumber: string;
  decision: string;
  channel: string | null;
  legalBasisKey: LegalBasisKey | null;
  date: string;
  /** The disclosure ends then. */
  until: string | null;
  /** `final`, `corrected`, or `objected` (under objection: the listed party contests it). */
  status: string;
}

/** A page of the public disclosure. */
export interface DisclosurePage {
  items: DisclosedEntryView[];
  page: number;
  limit: number;
  total: number;
}

/** The public disclosure of final credit-register entries. */
export interface CreditDisclosure {
  page(page: number, limit: number): Promise<DisclosurePage>;
}

/** The public view of an entry. */
export function presentDisclosedEntry(e: CreditEntryDoc): DisclosedEntryView {
  const partyType = e.partyType === 'enterprise' ? 'enterprise' : 'individual';
  return {
    name: maskPartyName(e.name, e.partyType),
    partyType,
    ipType: e.ipType,
    rightNumber: e.rightNumber,
    decision: e.decision,
    channel: e.channel,
    legalBasisKey: legalBasisKeyOf(e),
    date: new Date(e.date).toISOString(),
    until: e.removeAfter ? new Date(e.removeAfter).toISOString() : null,
    status: statusOf(e),
  };
}

/**
 * Builds the disclosure: listed entries whose disclosure period runs (the statuses the public
 * register shows), newest first, a page at a time by the `{listed, removeAfter}` index; pages are kept in memory for
 * `cacheSeconds`.
 */
export function createCreditDisclosure(deps: {
  db: Connection;
  now: () => Date;
  cacheSeconds: number;
}): CreditDisclosure {
  const Credit = creditEntryModel(deps.db);
  async function read(page: number, limit: number): Promise<DisclosurePage> {
    // listed with a running disclosure period: final, objected or corrected entries (one pending
    // appeal has no period yet, a removed one is not listed)
    const filter = { listed: true, removeAfter: { $gt: deps.now() } };
    const [rows, total] = await Promise.all([
      Credit.find(filter)
        .sort({ removeAfter: -1 })
        .skip((page - 1) * limit)
        .limit(limit)
        .lean<CreditEntryDoc[]>(),
      Credit.countDocuments(filter),
    ]);
    return { items: rows.map(presentDisclosedEntry), page, limit, total };
  }
  const ttl = deps.cacheSeconds * 1000;
  const cache =
    ttl > 0
      ? new LRUCache<string, DisclosurePage>({
          max: 200,
          ttl,
          fetchMethod: (key) => {
            const [page, limit] = key.split(':').map(Number) as [number, number];
            return read(page, limit);
          },
        })
      : undefined;
  return {
    async page(page, limit) {
      if (!cache) return read(page, limit);
      const found = await cache.fetch(`${page}:${limit}`);
      if (!found) throw new Error('the disclosure cache returned nothing');
      return found;
    },
  };
}
