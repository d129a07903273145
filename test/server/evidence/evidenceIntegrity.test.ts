import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { expect } from 'chai';
import { Binary, GridFSBucket, ObjectId } from 'mongodb';
import {
  IntegrityError,
  storedContentMatches,
  verifiedContentStream,
} from '../../../server/evidence/evidenceIntegrity.js';
import { useTestDatabase } from '../../support/useTestDatabase.js';

describe('evidence integrity checks', () => {
  const t = useTestDatabase('evintegrity');
  const content = randomBytes(600_000); // three chunks
  const expected = { sha256: createHash('sha256').update(content).digest('hex'), size: content.length };
  let bucket: GridFSBucket;

  const store = async () => {
    const id = new ObjectId();
    await pipeline(Readable.from([content]), bucket.openUploadStreamWithId(id, 'x.bin'));
    return id;
  };
  const drain = async (stream: Readable) => {
    const got: Buffer[] = [];
    try {
      for await (const chunk of stream) got.push(chunk as Buffer);
      return { bytes: Buffer.concat(got) };
    } catch (err) {
      return { bytes: Buffer.concat(got), err };
    }
  };

  before(() => {
    if (!t.db.db) throw new Error('not connected');
    bucket = new GridFSBucket(t.db.db, { bucketName: 'evidence' });
  });

  it('passes an unchanged file on both passes', async () => {
    const id = await store();
    expect(await storedContentMatches(bucket, id, expected)).to.include({
      ok: true,
      sha256: expected.sha256,
    });
    const { bytes, err } = await drain(verifiedContentStream(bucket, id, expected, () => undefined));
    expect(err).to.equal(undefined);
    expect(Buffer.compare(bytes, content)).to.equal(0);
  });

  it('fails a changed, truncated or missing file on the first pass', async () => {
    const id = await store();
    expect((await storedContentMatches(bucket, id, { ...expected, sha256: '0'.repeat(64) })).ok).to.equal(
      false,
    );
    const chunks = t.db.db!.collection('evidence.chunks');
    await chunks.deleteOne({ files_id: id, n: 2 });
    expect((await storedContentMatches(bucket, id, expected)).ok).to.equal(false);
    expect(await storedContentMatches(bucket, new ObjectId(), expected)).to.include({
      ok: false,
      problem: 'the stored file is missing',
    });
  });

  it('fails the sending pass before its last chunk when the file changed after the first pass', async () => {
    const id = await store();
    const chunk = await t.db.db!.collection('evidence.chunks').findOne({ files_id: id, n: 0 });
    const data = Buffer.from((chunk!.data as Binary).buffer);
    data[0] = (data[0] ?? 0) ^ 1;
    await t.db
      .db!.collection('evidence.chunks')
      .updateOne({ _id: chunk!._id }, { $set: { data: new Binary(data) } });
    let reported: { sha256: string; size: number } | undefined;
    const { bytes, err } = await drain(
      verifiedContentStream(bucket, id, expected, (found) => (reported = found)),
    );
    expect(err).to.be.instanceOf(IntegrityError);
    expect(bytes.length).to.be.lessThan(content.length);
    expect(reported?.size).to.equal(content.length);
    expect(reported?.sha256).not.to.equal(expected.sha256);
  });
});
