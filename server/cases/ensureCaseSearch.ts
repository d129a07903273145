import type { Connection } from 'mongoose';
import { caseModel } from './caseModel.js';
import { caseSearchModel } from './caseSearchModel.js';
import { caseSearchTokens } from './caseSearchTokens.js';
import type { SearchableCase } from './caseSearchTexts.js';

/** The index of `cases` that held the search tokens before they moved to `case_search`. */
const OLD_INDEX = 'searchTokens_1';

/** How many cases' tokens one bulk write carries. */
const BATCH = 500;

/**
 * Moves a data folder of a version that kept the search tokens in `cases` onto `case_search`, once:
 * while `cases` still has its old `{searchTokens: 1}` index, writes the tokens of every case (read
 * with a cursor, batch by batch), removes the old field, then drops the index (last, so a start cut
 * short does it all again). Resolves with the cases whose tokens it wrote (0: nothing to move).
 */
export async function ensureCaseSearch(db: Connection): Promise<number> {
  const Cases = caseModel(db);
  const indexes = await Cases.collection.indexes();
  if (!indexes.some((index) => index.name === OLD_INDEX)) return 0;
  const Search = caseSearchModel(db);
  const cursor = Cases.find(
    {},
    {
      caseNo: 1,
      title: 1,
      complainantName: 1,
      respondentName: 1,
      'complaint.description': 1,
      'complaint.rights': 1,
    },
  )
    .lean<(SearchableCase & { _id: string })[]>()
    .cursor();
  let moved = 0;
  let batch: { _id: string; tokens: string[] }[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    await Search.bulkWrite(
      batch.map((doc) => ({
        updateOne: { filter: { _id: doc._id }, update: { $set: { tokens: doc.tokens } }, upsert: true },
      })),
      { ordered: false },
    );
    moved += batch.length;
    batch = [];
  };
  for await (const c of cursor as AsyncIterable<SearchableCase & { _id: string }>) {
    batch.push({ _id: c._id, tokens: caseSearchTokens(c) });
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  await Cases.collection.updateMany({}, { $unset: { searchTokens: '' } });
  await Cases.collection.dropIndex(OLD_INDEX);
  return moved;
}
