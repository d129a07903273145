import type { Connection } from 'mongoose';
import { caseModel } from './caseModel.js';
import { caseSearchModel, type CaseSearchDoc } from './caseSearchModel.js';
import { caseSearchFields } from './caseSearchTokens.js';
import type { SearchableCase } from './caseSearchTexts.js';

/** The index of `cases` that held the search tokens before they moved to `case_search`. */
const OLD_TOKENS_INDEX = 'searchTokens_1';
/** Indexes of `cases` that served intake's lookups before their keys moved to `case_search`. */
const OLD_KEY_INDEXES = ['complainantId_1_filedAt_-1', 'rightNumbers_1'];

/** How many cases' search documents one bulk write carries. */
const BATCH = 500;

/** What a case's search document is computed from. */
type Source = SearchableCase & { _id: string; complainantId: string; filedAt: Date; rightNumbers: string[] };

/**
 * Moves a data folder of a version that kept search tokens or intake's lookup keys in `cases` onto
 * `case_search`, once: while `cases` still has one of the old indexes (`{searchTokens}`,
 * `{complainantId, filedAt}`, `{rightNumbers}`), writes the search document of every case (read with
 * a cursor, batch by batch), removes the old tokens field, then drops the tokens index (last, so a
 * start cut short does it all again; the key indexes are dropped next by `dropRetiredIndexes`).
 * Resolves with the cases whose documents it wrote (0: nothing to move).
 */
export async function ensureCaseSearch(db: Connection): Promise<number> {
  const Cases = caseModel(db);
  const names = new Set((await Cases.collection.indexes()).map((index) => index.name));
  const oldTokens = names.has(OLD_TOKENS_INDEX);
  if (!oldTokens && !OLD_KEY_INDEXES.some((name) => names.has(name))) return 0;
  const Search = caseSearchModel(db);
  const cursor = Cases.find(
    {},
    {
      caseNo: 1,
      title: 1,
      complainantName: 1,
      respondentName: 1,
      complainantId: 1,
      filedAt: 1,
      rightNumbers: 1,
      'complaint.description': 1,
      'complaint.rights': 1,
    },
  )
    .lean<Source[]>()
    .cursor();
  let moved = 0;
  let batch: CaseSearchDoc[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    await Search.bulkWrite(
      batch.map(({ _id, ...fields }) => ({
        updateOne: { filter: { _id }, update: { $set: fields }, upsert: true },
      })),
      { ordered: false },
    );
    moved += batch.length;
    batch = [];
  };
  for await (const c of cursor as AsyncIterable<Source>) {
    batch.push({ _id: c._id, ...caseSearchFields(c) });
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  if (oldTokens) {
    await Cases.collection.updateMany({}, { $unset: { searchTokens: '' } });
    await Cases.collection.dropIndex(OLD_TOKENS_INDEX);
  }
  return moved;
}
