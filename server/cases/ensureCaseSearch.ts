import type { Connection } from 'mongoose';
import { caseModel } from './caseModel.js';
import { caseSearchModel, type CaseSearchDoc } from './caseSearchModel.js';
import { caseSearchFields, type SearchSource } from './caseSearchTokens.js';

/** The index of `cases` that held the search tokens before they moved to `case_search`. */
const OLD_TOKENS_INDEX = 'searchTokens_1';
/** Indexes of `cases` that served intake's lookups before their keys moved to `case_search`. */
const OLD_KEY_INDEXES = ['complainantId_1_filedAt_-1', 'rightNumbers_1'];
/** The index of `case_search` that served intake's lookup by right before `open` joined it. */
const OLD_RIGHTS_INDEX = 'rightNumbers_1';

/** MongoDB's "namespace not found" (a collection not created yet). */
const NAMESPACE_NOT_FOUND = 26;

/** How many cases' search documents one bulk write carries. */
const BATCH = 500;

/** The names of a collection's indexes (none when it does not exist yet). */
async function indexNames(db: Connection, collection: string): Promise<Set<string>> {
  try {
    return new Set((await db.collection(collection).indexes()).map((index) => index.name ?? ''));
  } catch (err) {
    if ((err as { code?: unknown }).code === NAMESPACE_NOT_FOUND) return new Set();
    throw err;
  }
}

/**
 * Brings `case_search` of a data folder written by an earlier version up to this one, once:
 * - while `cases` still has one of the indexes of the version that kept search tokens or intake's
 *   lookup keys there (`{searchTokens}`, `{complainantId, filedAt}`, `{rightNumbers}`), writes the
 *   search document of every case, removes the old tokens field, then drops the tokens index (last, so a
 *   start cut short does it all again; the key indexes are dropped next by `dropRetiredIndexes`);
 * - else, while `case_search` still has `{rightNumbers}` alone (the version before `open` joined it),
 *   writes whether each case is open into its search document (`dropRetiredIndexes` then drops that
 *   index, so a start cut short before it does this again).
 * Cases are read with a cursor and written batch by batch. Resolves with the cases whose documents it
 * wrote (0: nothing to do).
 */
export async function ensureCaseSearch(db: Connection): Promise<number> {
  const Cases = caseModel(db);
  const names = await indexNames(db, Cases.collection.collectionName);
  const oldTokens = names.has(OLD_TOKENS_INDEX);
  if (oldTokens || OLD_KEY_INDEXES.some((name) => names.has(name))) {
    const moved = await writeSearchDocuments(db);
    if (oldTokens) {
      await Cases.collection.updateMany({}, { $unset: { searchTokens: '' } });
      await Cases.collection.dropIndex(OLD_TOKENS_INDEX);
    }
    return moved;
  }
  const Search = caseSearchModel(db);
  if ((await indexNames(db, Search.collection.collectionName)).has(OLD_RIGHTS_INDEX)) return writeOpen(db);
  return 0;
}

/** Writes the whole search document of every case; resolves with how many. */
async function writeSearchDocuments(db: Connection): Promise<number> {
  const cursor = caseModel(db)
    .find(
      {},
      {
        caseNo: 1,
        title: 1,
        complainantName: 1,
        respondentName: 1,
        complainantId: 1,
        filedAt: 1,
        rightNumbers: 1,
        open: 1,
        'complaint.description': 1,
        'complaint.rights': 1,
      },
    )
    .lean<(SearchSource & { _id: string })[]>()
    .cursor();
  return inBatches(db, cursor as AsyncIterable<SearchSource & { _id: string }>, (c) => ({
    updateOne: { filter: { _id: c._id }, update: { $set: caseSearchFields(c) }, upsert: true },
  }));
}

/** Writes whether each case is open into its search document; resolves with how many. */
async function writeOpen(db: Connection): Promise<number> {
  const cursor = caseModel(db).find({}, { open: 1 }).lean<{ _id: string; open: boolean }[]>().cursor();
  return inBatches(db, cursor as AsyncIterable<{ _id: string; open: boolean }>, (c) => ({
    updateOne: { filter: { _id: c._id }, update: { $set: { open: c.open } } },
  }));
}

/** Writes one `case_search` update per case of `cases`, {@link BATCH} to a bulk write. */
async function inBatches<T>(
  db: Connection,
  cases: AsyncIterable<T>,
  write: (c: T) => {
    updateOne: { filter: { _id: string }; update: { $set: Partial<CaseSearchDoc> }; upsert?: boolean };
  },
): Promise<number> {
  const Search = caseSearchModel(db);
  let written = 0;
  let batch: ReturnType<typeof write>[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    await Search.bulkWrite(batch as never[], { ordered: false });
    written += batch.length;
    batch = [];
  };
  for await (const c of cases) {
    batch.push(write(c));
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  return written;
}
