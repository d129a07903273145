import { orgById } from '../orgs/orgLookups.js';
import { randomBytes } from 'node:crypto';
import type { ClientSession, Connection } from 'mongoose';
import { STAFF_ROLES } from '../../shared/admin/staffRoles.js';
import type { StaffLanguage } from '../../shared/admin/staffLanguages.js';
import type { IpType, Role } from '../../shared/vocabulary.js';
import type { AuditLog } from '../audit/auditLog.js';
import { diffFields } from '../audit/diffFields.js';
import { runAudited } from '../audit/runAudited.js';
import type { AuthUser } from '../auth/authUser.js';
import { DUMMY_HASH, hashPassword, verifyPassword } from '../auth/passwords.js';
import { isDuplicateKeyError } from '../db/duplicateKeyError.js';
import { DomainError } from '../errors/domainError.js';
import { AUDITED_USER_FIELDS, type UserChanges } from './userChanges.js';
import { userModel, type UserDoc } from './userModel.js';

/** Input of a new account: a password, or none when the account is invited by e-mail to choose one. */
export interface NewUser {
  email: string;
  password?: string;
  name: string;
  role: Role;
  orgId: string | null;
  expertise?: IpType[];
  capacity?: number;
  languages?: StaffLanguage[];
  lead?: boolean;
}

/** Filters of the account list. */
export interface UserListFilter {
  role?: Role;
  orgId?: string;
  includeInactive?: boolean;
}

/** Accounts: creation, sign-in checks, listings and administrative changes (audited). */
export interface UserService {
  /**
   * Creates an account; with `by`, an administrator's act, audited in the same transaction, in which
   * `within` then runs (an invitation's link and mail). Without a password the account cannot sign in
   * until it chooses one through an invitation (`invitedAt` set).
   */
  create(
    input: NewUser,
    by?: AuthUser,
    within?: (session: ClientSession, doc: UserDoc) => Promise<void>,
  ): Promise<UserDoc>;
  /**
   * Self-registration of a rights holder (`complainant`): creates the account unless the e-mail has
   * one, and says nothing about which happened; both take the time of hashing the password.
   */
  register(input: { email: string; password: string; name: string }): Promise<void>;
  /** The active account with these credentials, or undefined (same time either way). */
  authenticate(email: string, password: string): Promise<UserDoc | undefined>;
  list(filter: UserListFilter): Promise<UserDoc[]>;
  /** One account by id (404 when there is none). */
  get(userId: string): Promise<UserDoc>;
  /**
   * Changes an account for `by` (audited in the same transaction, before and after). Disabling it, or
   * changing its role or organisation, ends its live sessions (the listeners hear of it).
   */
  update(userId: string, changes: UserChanges, by: AuthUser): Promise<UserDoc>;
  /** Enables or disables an account (404 when there is none); disabling tells the listeners. */
  setActive(userId: string, active: boolean, by: AuthUser): Promise<UserDoc>;
  /** Calls `listener` with the id of each account disabled (or moved) from now on; returns the unsubscribe. */
  onDisabled(listener: (userId: string) => void): () => void;
  /**
   * Ends every session of the account (its tokens stop working over HTTP and Socket.IO: the session
   * version goes up) and tells the listeners; resolves with the account after.
   */
  endSessions(userId: string, reason: SessionEndReason): Promise<UserDoc>;
  /**
   * Changes the password when `current` is right (else 403, at the same cost); every other session
   * ends. Resolves with the account after, for a new token of this session.
   */
  changePassword(userId: string, current: string, next: string): Promise<UserDoc>;
  /**
   * Sets a new password (a reset or an invitation by e-mail), ends every session of the account and
   * ends a pending invitation (`invitedAt` cleared).
   */
  setPassword(userId: string, next: string): Promise<UserDoc>;
  /** Calls `listener` when an account's sessions end; returns the unsubscribe. */
  onSessionsEnded(listener: (userId: string, reason: SessionEndReason) => void): () => void;
}

/** Why an account's sessions ended. */
export type SessionEndReason = 'signedOutEverywhere' | 'passwordChanged';

/** Roles that act for an organisation and must belong to one. */
const ORG_ROLES: readonly Role[] = STAFF_ROLES;

/**
 * Builds the user service on a connection; `changed` hears of each account it writes, before the
 * write's caller does (the account cache forgets it).
 */
export function createUserService(
  db: Connection,
  now: () => Date,
  audit: AuditLog,
  changed: (userId: string) => void = () => undefined,
): UserService {
  const Users = userModel(db);
  const disabledListeners = new Set<(userId: string) => void>();
  const endedListeners = new Set<(userId: string, reason: SessionEndReason) => void>();
  /** Raises the session version (and sets `$set` fields with it); tells the listeners. */
  async function bumpSessions(
    userId: string,
    reason: SessionEndReason,
    $set: Record<string, unknown> = {},
  ): Promise<UserDoc> {
    const user = await Users.findByIdAndUpdate(
      userId,
      { $inc: { sessionVersion: 1 }, ...(Object.keys($set).length ? { $set } : {}) },
      { returnDocument: 'after' },
    ).lean();
    changed(userId);
    if (!user) throw new DomainError('notFound', 'No such account.', { code: 'accountNotFound' });
    for (const listener of endedListeners) listener(user._id, reason);
    return user;
  }

  /** Checks that a role, organisation and lead flag fit together. */
  async function checkFit(role: Role, orgId: string | null, lead: boolean, orgChanged: boolean) {
    if (ORG_ROLES.includes(role) && !orgId) {
      throw new DomainError('invalid', `A ${role} must belong to an organisation (orgId).`, {
        code: 'orgRequired',
      });
    }
    if (!ORG_ROLES.includes(role) && orgId) {
      throw new DomainError('invalid', `A ${role} does not belong to an organisation.`, {
        code: 'orgNotAllowed',
      });
    }
    if (lead && role !== 'officer')
      throw new DomainError('invalid', 'Only an officer can lead an organisation.');
    if (orgId && orgChanged) {
      const org = await orgById(db, orgId, { active: 1 });
      if (!org || org.active === false)
        throw new DomainError('invalid', `There is no active organisation ${orgId}.`, { code: 'noSuchOrg' });
    }
  }

  const service: UserService = {
    async create(input, by, within) {
      const lead = input.lead ?? false;
      const invited = input.password === undefined;
      await checkFit(input.role, input.orgId, lead, true);
      const doc: UserDoc = {
        _id: `u-${randomBytes(9).toString('base64url')}`,
        email: input.email.toLowerCase(),
        name: input.name,
        role: input.role,
        orgId: input.orgId,
        // an invited account has a password nobody knows until it chooses its own
        passwordHash: await hashPassword(input.password ?? randomBytes(32).toString('base64url')),
        expertise: input.expertise ?? [],
        capacity: input.capacity ?? 10,
        languages: input.languages ?? [],
        lead,
        active: true,
        createdAt: now(),
        invitedAt: invited ? now() : null,
        sessionVersion: 0,
      };
      try {
        if (!by) {
          await Users.collection.insertOne(doc as never);
          return doc;
        }
        return await runAudited(db, async (session) => {
          await Users.collection.insertOne(doc as never, { session });
          const { after } = diffFields({} as UserDoc, doc, AUDITED_USER_FIELDS);
          await audit.change(session, by, {
            kind: 'user.create',
            orgId: doc.orgId,
            target: { type: 'user', id: doc._id, label: doc.name },
            before: null,
            after,
          });
          if (within) await within(session, doc);
          return doc;
        });
      } catch (err) {
        if (isDuplicateKeyError(err))
          throw new DomainError('conflict', 'An account with this e-mail already exists.', {
            code: 'emailTaken',
          });
        throw err;
      }
    },
    async register(input) {
      try {
        await service.create({ ...input, role: 'complainant', orgId: null });
      } catch (err) {
        // a taken e-mail fails at the insert, after the hash: as slow as a created account
        if (!(err instanceof DomainError && err.kind === 'conflict')) throw err;
      }
    },
    async authenticate(email, password) {
      const user = await Users.findOne({ email: email.toLowerCase(), active: true }).lean();
      const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
      return user && ok ? user : undefined;
    },
    async list(filter) {
      let rows: UserDoc[];
      if (filter.orgId) {
        // one organisation's accounts by the {orgId, name} index; the rest is checked here
        rows = await Users.find({ orgId: filter.orgId }).limit(2000).lean<UserDoc[]>();
        rows = rows.filter(
          (u) => (filter.includeInactive || u.active) && (!filter.role || u.role === filter.role),
        );
      } else if (filter.role) {
        const query = filter.includeInactive ? { role: filter.role } : { role: filter.role, active: true };
        rows = await Users.find(query).limit(2000).lean<UserDoc[]>();
      } else {
        const query: Record<string, unknown> = filter.includeInactive ? {} : { active: true };
        rows = await Users.find(query).limit(500).lean<UserDoc[]>();
      }
      return rows.sort((a, b) => a.name.localeCompare(b.name)).slice(0, 500);
    },
    async get(userId) {
      const user = await Users.findById(userId).lean<UserDoc>();
      if (!user) throw new DomainError('notFound', 'No such account.', { code: 'accountNotFound' });
      return user;
    },
    async update(userId, changes, by) {
      const before = await service.get(userId);
      const next: UserDoc = { ...before, ...changes };
      // a lead who stops being an officer stops leading; naming a non-officer lead is refused below
      if (next.role !== 'officer' && changes.lead === undefined) next.lead = false;
      // a staff member made a platform role leaves their organisation unless told otherwise
      if (changes.orgId === undefined && !ORG_ROLES.includes(next.role)) next.orgId = null;
      const orgChanged = next.orgId !== before.orgId;
      await checkFit(next.role, next.orgId, next.lead ?? false, orgChanged);
      const diff = diffFields(before, next, AUDITED_USER_FIELDS);
      if (Object.keys(diff.after).length === 0) return before;
      const set = Object.fromEntries(Object.keys(diff.after).map((f) => [f, next[f as keyof UserDoc]]));
      await runAudited(db, async (session) => {
        await Users.collection.updateOne({ _id: userId } as never, { $set: set }, { session });
        await audit.change(session, by, {
          kind: 'user.update',
          orgId: next.orgId ?? before.orgId,
          target: { type: 'user', id: userId, label: next.name },
          ...diff,
        });
      });
      changed(userId);
      const disabled = before.active && !next.active;
      if (disabled || next.role !== before.role || next.orgId !== before.orgId)
        for (const listener of disabledListeners) listener(userId);
      return next;
    },
    async setActive(userId, active, by) {
      return service.update(userId, { active }, by);
    },
    onDisabled(listener) {
      disabledListeners.add(listener);
      return () => disabledListeners.delete(listener);
    },
    endSessions: (userId, reason) => bumpSessions(userId, reason),
    async changePassword(userId, current, next) {
      const user = await Users.findById(userId, { passwordHash: 1 }).lean();
      const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, current);
      if (!user || !ok)
        throw new DomainError('forbidden', 'The current password is not right.', { code: 'wrongPassword' });
      return bumpSessions(userId, 'passwordChanged', { passwordHash: await hashPassword(next) });
    },
    async setPassword(userId, next) {
      return bumpSessions(userId, 'passwordChanged', {
        passwordHash: await hashPassword(next),
        invitedAt: null,
      });
    },
    onSessionsEnded(listener) {
      endedListeners.add(listener);
      return () => endedListeners.delete(listener);
    },
  };
  return service;
}
