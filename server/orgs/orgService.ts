import type { Connection } from 'mongoose';
import { CHANNELS, type Channel, type IpType, type OrgType } from '../../shared/vocabulary.js';
import type { AuditLog } from '../audit/auditLog.js';
import { diffFields } from '../audit/diffFields.js';
import { runAudited } from '../audit/runAudited.js';
import type { AuthUser } from '../auth/authUser.js';
import { isDuplicateKeyError } from '../db/duplicateKeyError.js';
import { DomainError } from '../errors/domainError.js';
import { orgModel, type OrgDoc } from './orgModel.js';

/** A new organisation (validated by `createOrgSchema`). */
export interface NewOrg {
  id: string;
  name: string;
  nameZh: string;
  type: OrgType;
  channel: Channel | null;
  capacity: number | null;
  expertise: IpType[];
  region: string;
}

/** Changes of an organisation (validated by `updateOrgSchema`). */
export type OrgChanges = Partial<Omit<NewOrg, 'id'>> & { active?: boolean };

const AUDITED_ORG_FIELDS = [
  'name',
  'nameZh',
  'type',
  'channel',
  'capacity',
  'expertise',
  'region',
  'active',
] as const satisfies readonly (keyof OrgDoc)[];

/** The organisations of the platform: the directory for staff, and their administration (audited). */
export interface OrgService {
  /**
   * The active organisations of one type, or the others of the same type as `sameTypeAs`, by name
   * (at most 200, read by the type index; an unknown `sameTypeAs` has none).
   */
  list(filter: { type: OrgType } | { sameTypeAs: string }): Promise<OrgDoc[]>;
  /** Every organisation, active or not, by name (a page of at most 500 by the primary key). */
  listAll(): Promise<OrgDoc[]>;
  /** One organisation (404 when there is none). */
  get(orgId: string): Promise<OrgDoc>;
  /** Creates an organisation for `by`, audited in the same transaction. */
  create(input: NewOrg, by: AuthUser): Promise<OrgDoc>;
  /** Changes (or deactivates, reactivates) an organisation for `by`, audited in the same transaction. */
  update(orgId: string, changes: OrgChanges, by: AuthUser): Promise<OrgDoc>;
}

/** A channel's body works in its own channel; a protection center in one of the seven, or none named. */
function channelFor(type: OrgType, channel: Channel | null | undefined): Channel | null {
  if ((CHANNELS as readonly string[]).includes(type)) {
    if (channel && channel !== type)
      throw new DomainError('invalid', `An organisation of type ${type} works in the ${type} channel.`);
    return type as Channel;
  }
  return channel ?? null;
}

/**
 * Builds the organisation service on a connection; `changed` hears of each organisation it changes,
 * before the caller does (the account cache forgets its members: their organisation's type may differ).
 */
export function createOrgService(
  db: Connection,
  audit: AuditLog,
  changed: (orgId: string) => void = () => undefined,
): OrgService {
  const Orgs = orgModel(db);
  const service: OrgService = {
    async list(filter) {
      let type: OrgType;
      let except: string | undefined;
      if ('type' in filter) type = filter.type;
      else {
        const of = await Orgs.findById(filter.sameTypeAs, { type: 1 }).lean<Pick<OrgDoc, 'type'>>();
        if (!of) return [];
        type = of.type;
        except = filter.sameTypeAs;
      }
      const rows = await Orgs.find({ type }).limit(200).lean<OrgDoc[]>();
      return rows
        .filter((o) => o._id !== except && o.active !== false)
        .sort((a, b) => a.name.localeCompare(b.name));
    },
    async listAll() {
      const rows = await Orgs.find({ _id: { $gte: '' } })
        .limit(500)
        .lean<OrgDoc[]>();
      return rows.sort((a, b) => a.name.localeCompare(b.name));
    },
    async get(orgId) {
      const org = await Orgs.findById(orgId).lean<OrgDoc>();
      if (!org) throw new DomainError('notFound', 'No such organisation.');
      return org;
    },
    async create(input, by) {
      const doc: OrgDoc = {
        _id: input.id,
        name: input.name,
        nameZh: input.nameZh,
        type: input.type,
        region: input.region,
        channel: channelFor(input.type, input.channel),
        capacity: input.capacity,
        expertise: input.expertise,
        active: true,
      };
      try {
        await runAudited(db, async (session) => {
          await Orgs.collection.insertOne(doc as never, { session });
          await audit.change(session, by, {
            kind: 'org.create',
            orgId: doc._id,
            target: { type: 'org', id: doc._id, label: doc.nameZh },
            before: null,
            after: diffFields({} as OrgDoc, doc, AUDITED_ORG_FIELDS).after,
          });
        });
      } catch (err) {
        if (isDuplicateKeyError(err))
          throw new DomainError('conflict', `An organisation ${input.id} already exists.`);
        throw err;
      }
      return doc;
    },
    async update(orgId, changes, by) {
      const before = await service.get(orgId);
      const normal: OrgDoc = {
        ...before,
        region: before.region ?? '',
        channel: before.channel ?? null,
        capacity: before.capacity ?? null,
        expertise: before.expertise ?? [],
        active: before.active !== false,
      };
      const next: OrgDoc = { ...normal, ...changes };
      next.channel = channelFor(
        next.type,
        changes.channel !== undefined ? changes.channel : changes.type ? null : normal.channel,
      );
      const diff = diffFields(normal, next, AUDITED_ORG_FIELDS);
      if (Object.keys(diff.after).length === 0) return normal;
      const set = Object.fromEntries(Object.keys(diff.after).map((f) => [f, next[f as keyof OrgDoc]]));
      await runAudited(db, async (session) => {
        await Orgs.collection.updateOne({ _id: orgId } as never, { $set: set }, { session });
        await audit.change(session, by, {
          kind: 'org.update',
          orgId,
          target: { type: 'org', id: orgId, label: next.nameZh },
          ...diff,
        });
      });
      changed(orgId);
      return next;
    },
  };
  return service;
}
