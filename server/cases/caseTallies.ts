import type { AnyBulkWriteOperation, ClientSession } from 'mongodb';
import type { TogetherWrite } from '../db/writeTogether.js';
import { Schema, type Connection, type Model } from 'mongoose';
import type { CaseCountsView } from '../../shared/api/views.js';
import { randomUUID } from 'node:crypto';
import { DESK_QUEUES, type DeskQueue } from '../../shared/machine/deskQueue.js';
import { CASE_STATUSES } from '../../shared/vocabulary.js';
import { caseModel, type CaseDoc } from './caseModel.js';

/** The scope counting every case (an administrator's desk). */
export const ALL_CASES_SCOPE = 'all';

/**
 * How many cases one scope has in one status and desk queue (closed ones under `closed`). `_id` is
 * `<scope>|<status>|<queue or ->`; the scope is `all` or an organisation's viewer key `o:<orgId>`.
 * `v` counts the commits that changed the tally or, in a {@link WATCHED_QUEUES} queue, any case
 * counted in it; `epoch` is drawn when the tally is created, so a tally created again (an emptied
 * database) never repeats a version.
 */
export interface CaseTallyDoc {
  _id: string;
  scope: string;
  status: string;
  queue: string | null;
  n: number;
  v?: number;
  epoch?: string;
}

/**
 * The desk queues whose tallies change with every commit of a case in them, so a page of such a queue
 * can be kept until its version moves (`listPageMemo`): the intake queues, where cases wait for the
 * desk. Not the queue of cases in channel, where every mediator's action would write one tally and
 * concurrent actions would conflict on it.
 */
export const WATCHED_QUEUES: readonly DeskQueue[] = ['screening', 'triage', 'holds'];

const watched = new Set<string>(WATCHED_QUEUES);

/** A fresh tally epoch. */
const newEpoch = () => randomUUID();

const schema = new Schema<CaseTallyDoc>(
  {
    _id: String,
    scope: { type: String, required: true, index: true },
    status: String,
    queue: { type: String, default: null },
    n: { type: Number, default: 0 },
    v: Number,
    epoch: String,
  },
  { versionKey: false, collection: 'case_tallies' },
);

/** The `case_tallies` model on a connection. */
export function caseTallyModel(conn: Connection): Model<CaseTallyDoc> {
  return (
    (conn.models.CaseTally as Model<CaseTallyDoc> | undefined) ??
    conn.model<CaseTallyDoc>('CaseTally', schema)
  );
}

/** The fields of a case its tallies are read from. */
export type TalliedCase = Pick<CaseDoc, 'open' | 'status' | 'deskQueue' | 'viewerKeys'>;

/**
 * The tallies a case counts in: one per scope (every case, each organisation that sees it), under its
 * status and desk queue while open, under `closed` once closed (for list totals).
 */
export function tallyIdsOf(c: TalliedCase | undefined): string[] {
  if (!c) return [];
  const scopes = [ALL_CASES_SCOPE, ...c.viewerKeys.filter((k) => k.startsWith('o:'))];
  const bucket = c.open ? `${c.status}|${c.deskQueue ?? '-'}` : 'closed|-';
  return scopes.map((scope) => `${scope}|${bucket}`);
}

/**
 * What a change of one case does to the tallies: +1 or −1 per tally id, and 0 for a tally of a
 * {@link WATCHED_QUEUES} queue the case stays in (its version moves: a row of that queue changed);
 * none for any other tally it stays in.
 */
export function tallyChanges(
  prev: TalliedCase | undefined,
  next: TalliedCase | undefined,
): Map<string, number> {
  const changes = new Map<string, number>();
  for (const id of tallyIdsOf(prev)) changes.set(id, (changes.get(id) ?? 0) - 1);
  for (const id of tallyIdsOf(next)) changes.set(id, (changes.get(id) ?? 0) + 1);
  for (const [id, n] of changes) if (n === 0 && !watched.has(partsOf(id).queue ?? '')) changes.delete(id);
  return changes;
}

const partsOf = (id: string) => {
  const [scope, status, queue] = id.split('|') as [string, string, string];
  return { scope, status, queue: queue === '-' ? null : queue };
};

/**
 * The commit's update of one tally: its count moved by `n`, its version by one. An upsert only as a
 * safety net (`prepare` created the tally before the transaction began).
 */
const tallyUpdate = (id: string, n: number) => ({
  $inc: { n, v: 1 },
  $setOnInsert: { ...partsOf(id), epoch: newEpoch() },
});

/** Keeps the tallies of cases per scope, status and desk queue in step with each commit. */
export interface CaseTallies {
  /**
   * Makes sure the tallies a change will add to exist (outside the transaction, once per process
   * and tally), so the commit itself only increments documents found by `_id`.
   */
  prepare(changes: Map<string, number>): Promise<void>;
  /** Applies the changes inside the commit's transaction (one bulk write; nothing when empty). */
  apply(changes: Map<string, number>, session: ClientSession): Promise<void>;
  /** The same changes as writes to go with the commit's others in one round trip (`writeTogether`). */
  writes(changes: Map<string, number>): TogetherWrite[];
  /** The counts of one scope's open cases (a handful of documents read by the `scope` index). */
  read(scope: string): Promise<CaseCountsView>;
  /** The same read, with the version of each {@link WATCHED_QUEUES} queue of the scope. */
  readScope(scope: string): Promise<ScopeTallies>;
  /** How many cases one scope has, open and closed. */
  total(scope: string): Promise<number>;
}

/** One scope's counts, and the versions of its watched queues (one read of its tallies). */
export interface ScopeTallies {
  counts: CaseCountsView;
  /**
   * The version of a watched queue in this scope: it changes with every commit of a case in the queue
   * (or entering or leaving it); `undefined` for a queue that is not watched.
   */
  versionOf(queue: string): string | undefined;
}

/** Builds the tallies on a connection. */
export function createCaseTallies(db: Connection): CaseTallies {
  const Tallies = caseTallyModel(db);
  const known = new Set<string>();
  return {
    async prepare(changes) {
      for (const [id, n] of changes) {
        if (n <= 0 || known.has(id)) continue;
        await Tallies.collection.updateOne(
          { _id: id } as never,
          { $setOnInsert: { ...partsOf(id), n: 0, v: 0, epoch: newEpoch() } },
          { upsert: true },
        );
        known.add(id);
      }
    },
    async apply(changes, session) {
      if (changes.size === 0) return;
      const ops: AnyBulkWriteOperation<CaseTallyDoc>[] = [...changes].map(([id, n]) => ({
        // upsert only as a safety net: `prepare` created the tally before the transaction began
        updateOne: { filter: { _id: id }, update: tallyUpdate(id, n), upsert: true },
      }));
      await Tallies.collection.bulkWrite(ops as never, { session, ordered: true });
    },
    writes(changes): TogetherWrite[] {
      const namespace = `${db.name}.${Tallies.collection.collectionName}`;
      return [...changes].map(([id, n]) => ({
        namespace,
        name: 'updateOne' as const,
        filter: { _id: id },
        // upsert only as a safety net: `prepare` created the tally before the transaction began
        update: tallyUpdate(id, n),
        upsert: true,
      }));
    },
    async read(scope) {
      const rows = await Tallies.find({ scope }, { status: 1, queue: 1, n: 1 }).lean<CaseTallyDoc[]>();
      return countsFrom(rows);
    },
    async readScope(scope) {
      const rows = await Tallies.find({ scope }, { status: 1, queue: 1, n: 1, v: 1, epoch: 1 }).lean<
        CaseTallyDoc[]
      >();
      return {
        counts: countsFrom(rows),
        versionOf: (queue) =>
          watched.has(queue)
            ? rows
                .filter((r) => r.queue === queue)
                .map((r) => `${r._id}@${r.epoch ?? ''}:${r.v ?? 0}`)
                .sort()
                .join(',')
            : undefined,
      };
    },
    async total(scope) {
      const rows = await Tallies.find({ scope }, { n: 1 }).lean<CaseTallyDoc[]>();
      return rows.reduce((sum, r) => sum + r.n, 0);
    },
  };
}

/** Sums tally rows (or one row per open case with n = 1) into the counts view. */
export function countsFrom(rows: { status: string; queue: string | null; n: number }[]): CaseCountsView {
  const byStatus = Object.fromEntries(
    CASE_STATUSES.filter((s) => s !== 'closed').map((s) => [s, 0]),
  ) as CaseCountsView['byStatus'];
  const byQueue = Object.fromEntries(DESK_QUEUES.map((q) => [q, 0])) as CaseCountsView['byQueue'];
  for (const r of rows) {
    if (r.n === 0 || !(r.status in byStatus)) continue;
    byStatus[r.status as keyof typeof byStatus] += r.n;
    if (r.queue && r.queue in byQueue) byQueue[r.queue as keyof typeof byQueue] += r.n;
  }
  return { byStatus, byQueue, open: Object.values(byStatus).reduce((a, b) => a + b, 0) };
}

/**
 * Counts every case again and replaces the tallies (maintenance: after projections were rebuilt,
 * imported or written in bulk). Reads every case, with a cursor; resolves with how many it counted.
 */
export async function recountTallies(db: Connection): Promise<number> {
  const totals = new Map<string, number>();
  let counted = 0;
  const cursor = caseModel(db)
    .find({}, { open: 1, status: 1, deskQueue: 1, viewerKeys: 1 })
    .lean<TalliedCase[]>()
    .cursor();
  for await (const c of cursor as AsyncIterable<TalliedCase>) {
    counted++;
    for (const id of tallyIdsOf(c)) totals.set(id, (totals.get(id) ?? 0) + 1);
  }
  const Tallies = caseTallyModel(db);
  // tallies are zeroed, not deleted, so a running server's knowledge of which exist stays true; every
  // version moves, so no page kept by a server outlives the recount
  await Tallies.updateMany({}, { $set: { n: 0 }, $inc: { v: 1 } });
  if (totals.size > 0) {
    await Tallies.bulkWrite(
      [...totals].map(([id, n]) => ({
        updateOne: {
          filter: { _id: id },
          update: { $set: { ...partsOf(id), n }, $setOnInsert: { v: 0, epoch: newEpoch() } },
          upsert: true,
        },
      })),
    );
  }
  return counted;
}

/**
 * Counts the cases into the tallies when a database has cases but no tallies yet (a data folder from
 * a version that kept none, once); resolves with the cases counted (0 when nothing was done).
 */
export async function ensureTallies(db: Connection): Promise<number> {
  if ((await caseTallyModel(db).findOne({}, { _id: 1 }).lean()) !== null) return 0;
  if ((await caseModel(db).findOne({}, { _id: 1 }).lean()) === null) return 0;
  return recountTallies(db);
}
