import type { Connection } from 'mongoose';
import { userModel } from './userModel.js';

/** The id of the active respondent account with this (lower-case) e-mail, if there is one (by its index). */
export async function respondentAccountId(db: Connection, email: string): Promise<string | undefined> {
  const user = await userModel(db).findOne({ email, role: 'respondent', active: true }, { _id: 1 }).lean();
  return user?._id;
}
