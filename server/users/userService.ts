import { randomBytes } from 'node:crypto';
import type { Connection } from 'mongoose';
import type { IpType, Role } from '../../shared/vocabulary.js';
import { DUMMY_HASH, hashPassword, verifyPassword } from '../auth/passwords.js';
import { isDuplicateKeyError } from '../db/duplicateKeyError.js';
import { DomainError } from '../errors/domainError.js';
import { orgModel } from '../orgs/orgModel.js';
import { userModel, type UserDoc } from './userModel.js';

/** Input of a new account. */
export interface NewUser {
  email: string;
  password: string;
  name: string;
  role: Role;
  orgId: string | null;
  expertise?: IpType[];
  capacity?: number;
}

/** Accounts: creation, sign-in checks and listings. */
export interface UserService {
  create(input: NewUser): Promise<UserDoc>;
  /**
   * Self-registration of a rights holder (`complainant`): creates the account unless the e-mail has
   * one, and says nothing about which happened; both take the time of hashing the password.
   */
  register(input: { email: string; password: string; name: string }): Promise<void>;
  /** The active account with these credentials, or undefined (same time either way). */
  authenticate(email: string, password: string): Promise<UserDoc | undefined>;
  list(filter: { role?: Role; orgId?: string }): Promise<UserDoc[]>;
  /** Enables or disables an account (404 when there is none); disabling tells the listeners. */
  setActive(userId: string, active: boolean): Promise<UserDoc>;
  /** Calls `listener` with the id of each account disabled from now on; returns the unsubscribe. */
  onDisabled(listener: (userId: string) => void): () => void;
}

/** Roles that act for an organisation and must belong to one. */
const ORG_ROLES: readonly Role[] = ['officer', 'mediator', 'arbitrator', 'investigator'];

/** Builds the user service on a connection. */
export function createUserService(db: Connection, now: () => Date = () => new Date()): UserService {
  const Users = userModel(db);
  const disabledListeners = new Set<(userId: string) => void>();
  const service: UserService = {
    async create(input) {
      if (ORG_ROLES.includes(input.role) && !input.orgId) {
        throw new DomainError('invalid', `A ${input.role} must belong to an organisation (orgId).`, {
          code: 'orgRequired',
        });
      }
      if (!ORG_ROLES.includes(input.role) && input.orgId) {
        throw new DomainError('invalid', `A ${input.role} does not belong to an organisation.`, {
          code: 'orgNotAllowed',
        });
      }
      if (input.orgId && !(await orgModel(db).exists({ _id: input.orgId }))) {
        throw new DomainError('invalid', `There is no organisation ${input.orgId}.`, { code: 'noSuchOrg' });
      }
      try {
        const created = await Users.create({
          _id: `u-${randomBytes(9).toString('base64url')}`,
          email: input.email.toLowerCase(),
          name: input.name,
          role: input.role,
          orgId: input.orgId,
          passwordHash: await hashPassword(input.password),
          expertise: input.expertise ?? [],
          capacity: input.capacity ?? 10,
          active: true,
          createdAt: now(),
        });
        return created.toObject();
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
      const query: Record<string, unknown> = { active: true };
      if (filter.role) query.role = filter.role;
      if (filter.orgId) query.orgId = filter.orgId;
      return Users.find(query).sort({ name: 1 }).limit(500).lean();
    },
    async setActive(userId, active) {
      const user = await Users.findByIdAndUpdate(
        userId,
        { $set: { active } },
        { returnDocument: 'after' },
      ).lean();
      if (!user) throw new DomainError('notFound', 'No such account.', { code: 'accountNotFound' });
      if (!active) for (const listener of disabledListeners) listener(user._id);
      return user;
    },
    onDisabled(listener) {
      disabledListeners.add(listener);
      return () => disabledListeners.delete(listener);
    },
  };
  return service;
}
