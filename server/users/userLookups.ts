import type { ClientSession } from 'mongodb';
import type { Connection } from 'mongoose';
import { userModel, type UserDoc } from './userModel.js';

/** Fields of an account to read (a projection: 1 to include). */
export type UserFields = Partial<Record<keyof UserDoc, 1>>;

/** The account with this id (by its primary key), with only `fields` when given; null when none. */
export async function userById(
  db: Connection,
  id: string,
  fields?: UserFields,
  session?: ClientSession,
): Promise<UserDoc | null> {
  return userModel(db)
    .findById(id, fields ?? null, session ? { session } : {})
    .lean<UserDoc>();
}

/** The account with this (lower-case) e-mail, by its unique index; null when none. */
export async function userByEmail(db: Connection, email: string): Promise<UserDoc | null> {
  return userModel(db).findOne({ email: email.toLowerCase() }).lean<UserDoc>();
}

/** Whether an account has this (lower-case) e-mail. */
export async function emailTaken(db: Connection, email: string): Promise<boolean> {
  return (await userModel(db).exists({ email: email.toLowerCase() })) !== null;
}

/** The active mediators (by the `{role}` index; a pool of tens). */
export async function activeMediators(db: Connection): Promise<UserDoc[]> {
  return userModel(db).find({ role: 'mediator', active: true }).lean<UserDoc[]>();
}

/** The members of an organisation (by the `{orgId}` index), at most `limit`. */
export async function orgMembers(
  db: Connection,
  orgId: string,
  opts: { fields?: UserFields; limit?: number; session?: ClientSession } = {},
): Promise<UserDoc[]> {
  return userModel(db)
    .find({ orgId }, opts.fields ?? null, opts.session ? { session: opts.session } : {})
    .limit(opts.limit ?? 500)
    .lean<UserDoc[]>();
}

/** Sets fields of the user's own settings (language, mails turned off). */
export async function updateUserSettings(
  db: Connection,
  id: string,
  set: Partial<Pick<UserDoc, 'language' | 'mailOff'>>,
): Promise<void> {
  await userModel(db).updateOne({ _id: id }, { $set: set });
}
