import { createHash } from 'node:crypto';
import { canonicalize } from '../../shared/util/canonicalJson.js';
import type { Actor } from '../../shared/machine/caseEvents.js';

/** `prevHash` of a case's first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an event that its hash covers. */
export interface HashedEventFields {
  caseId: string;
  seq: number;
  kind: string;
  type: string;
  at: Date | string;
  actor: Actor;
  data: Record<string, unknown>;
  status: string;
  stage: string;
  machineVersion: number;
  prevHash: string;
}

/**
 * SHA-256 over the RFC 8785 canonical JSON of an event and the previous event's hash: changing,
 * removing or reordering any stored event breaks every hash after it.
 */
export function hashEvent(fields: HashedEventFields): string {
  return createHash('sha256')
    .update(canonicalize(hashedFieldsOf(fields)))
    .digest('hex');
}

/** Exactly the fields an event's hash covers, in their canonical form (what a case file carries). */
export function hashedFieldsOf(fields: HashedEventFields): HashedEventFields {
  return {
    caseId: fields.caseId,
    seq: fields.seq,
    kind: fields.kind,
    type: fields.type,
    at: new Date(fields.at).toISOString(),
    actor: {
      id: fields.actor.id,
      role: fields.actor.role,
      orgId: fields.actor.orgId ?? null,
      orgType: fields.actor.orgType ?? null,
    },
    data: fields.data,
    status: fields.status,
    stage: fields.stage,
    machineVersion: fields.machineVersion,
    prevHash: fields.prevHash,
  };
}
