import { createHash, randomBytes } from 'node:crypto';
import { expect } from 'chai';
import type { Express } from 'express';
import { Binary, ObjectId, type Db } from 'mongodb';
import request from 'supertest';
import type { EvidenceView } from '../../../shared/api/evidenceView.js';
import { loadAuthUser } from '../../../server/users/loadAuthUser.js';
import { createEvidenceService } from '../../../server/evidence/evidenceService.js';
import type { TestApp } from '../../support/testApp.js';
import { actViaApi, bearer, fileCaseViaApi, mediationComplaint } from '../../support/caseApi.js';
import { buildTestApp, login, seedDirectory } from '../../support/testApp.js';
import { testConfig } from '../../support/testConfig.js';
import { useTestDatabase } from '../../support/useTestDatabase.js';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
/** A PDF header followed by enough bytes to span two GridFS chunks (255 KiB each). */
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'), randomBytes(300_000)]);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Collects a binary response body (superagent hands the raw response stream to a parser). */
const binary = (res: request.Response, done: (err: Error | null, body: Buffer) => void) => {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};

/** The text of a response, also when it was collected as binary. */
const textOf = (res: request.Response): string =>
  typeof res.text === 'string' ? res.text : Buffer.isBuffer(res.body) ? res.body.toString('utf8') : '';

/** Asserts a problem+json answer with this status; returns the problem. */
const expectProblem = (res: request.Response, status: number): { detail: string } => {
  expect(res.status, textOf(res)).to.equal(status);
  expect(res.headers['content-type']).to.match(/^application\/problem\+json/);
  const problem = JSON.parse(textOf(res)) as { status: number; detail: string };
  expect(problem).to.include({ status });
  return problem;
};

describe('evidence: upload, list and verified download', () => {
  const t = useTestDatabase('evidence');
  let app: Express;
  let built: TestApp;
  let complainant: string;
  let respondent: string;
  let outsider: string;
  let caseId: string;
  const native = (): Db => {
    if (!t.db.db) throw new Error('not connected');
    return t.db.db;
  };
  const counts = async () => ({
    files: await native().collection('evidence.files').countDocuments(),
    chunks: await native().collection('evidence.chunks').countDocuments(),
  });
  const upload = (token: string, id: string, content: Buffer, filename: string, contentType: string) =>
    request(app)
      .post(`/api/cases/${id}/evidence`)
      .set(bearer(token))
      .attach('file', content, { filename, contentType });
  const download = (token: string, id: string, evidenceId: string) =>
    request(app)
      .get(`/api/cases/${id}/evidence/${evidenceId}/download`)
      .set(bearer(token))
      .buffer(true)
      .parse(binary);

  before(async () => {
    await seedDirectory(t.db);
    built = buildTestApp(t.db);
    app = built.app;
    complainant = await login(app, 'complainant@demo.local');
    respondent = await login(app, 'respondent@demo.local');
    outsider = await login(app, 'complainant2@demo.local');
    caseId = await fileCaseViaApi(app, complainant, mediationComplaint('Evidence of a copied tea mark'));
  });

  it('stores a PDF and a PNG and serves them back byte for byte with the recorded SHA-256', async () => {
    const pdfRes = await upload(complainant, caseId, PDF, 'Purchase receipt.pdf', 'application/pdf')
      .field('description', '  Order and receipt of the test purchase  ')
      .expect(201);
    const pdf = pdfRes.body as EvidenceView;
    expect(pdf).to.include({
      name: 'Purchase receipt.pdf',
      contentType: 'application/pdf',
      size: PDF.length,
      sha256: sha256(PDF),
      description: 'Order and receipt of the test purchase',
    });
    expect(pdf.uploadedBy).to.deep.equal({ id: 'u-complainant', role: 'complainant' });
    expect(pdfRes.headers.location).to.equal(`/api/cases/${caseId}/evidence/${pdf.id}/download`);

    const pngRes = await upload(respondent, caseId, PNG, '门店照片.png', 'image/png').expect(201);
    const png = pngRes.body as EvidenceView;
    expect(png).to.include({
      name: '门店照片.png',
      contentType: 'image/png',
      size: PNG.length,
      description: null,
    });
    expect(png.uploadedBy.role).to.equal('respondent');
    expect(png.seq).to.be.greaterThan(pdf.seq);

    for (const [view, bytes] of [
      [pdf, PDF],
      [png, PNG],
    ] as const) {
      const res = await download(complainant, caseId, view.id).expect(200);
      expect(Buffer.compare(res.body as Buffer, bytes)).to.equal(0);
      expect(sha256(res.body as Buffer)).to.equal(view.sha256);
      expect(res.headers['content-type']).to.equal(view.contentType);
      expect(res.headers['x-content-type-options']).to.equal('nosniff');
      expect(res.headers['content-disposition']).to.match(/^attachment;/);
      expect(res.headers['content-disposition']).to.include(
        `filename*=UTF-8''${encodeURIComponent(view.name)}`,
      );
    }

    const list = await request(app).get(`/api/cases/${caseId}/evidence`).set(bearer(respondent)).expect(200);
    expect((list.body as { items: EvidenceView[] }).items).to.deep.equal([pdf, png]);

    const events = await request(app).get(`/api/cases/${caseId}/events`).set(bearer(complainant)).expect(200);
    const added = (
      events.body as { items: { type: string; seq: number; data: Record<string, unknown> }[] }
    ).items
      .filter((e) => e.type === 'EVIDENCE_ADDED')
      .map((e) => ({ seq: e.seq, ...e.data }));
    expect(added).to.deep.equal(
      [pdf, png].map((v) => ({
        seq: v.seq,
        evidenceId: v.id,
        name: v.name,
        contentType: v.contentType,
        size: v.size,
        sha256: v.sha256,
        description: v.description,
      })),
    );
  });

  it('accepts a screen recording and streams it by byte ranges, as a video player asks', async () => {
    const video = Buffer.concat([
      Buffer.from([0, 0, 0, 0x20]),
      Buffer.from('ftypisom', 'latin1'),
      Buffer.from([0, 0, 2, 0]),
      Buffer.from('isomiso2avc1mp41', 'latin1'),
      Buffer.alloc(300_000, 7),
    ]);
    const view = (await upload(complainant, caseId, video, '录屏.mp4', 'video/mp4').expect(201))
      .body as EvidenceView;
    expect(view).to.include({ contentType: 'video/mp4', size: video.length, sha256: sha256(video) });
    const ranged = (range: string) =>
      request(app)
        .get(`/api/cases/${caseId}/evidence/${view.id}/download`)
        .set(bearer(respondent))
        .set('Range', range)
        .buffer(true)
        .parse(binary);
    const first = await ranged('bytes=0-1023').expect(206);
    expect(Buffer.compare(first.body as Buffer, video.subarray(0, 1024))).to.equal(0);
    expect(first.headers['content-range']).to.equal(`bytes 0-1023/${video.length}`);
    expect(first.headers['content-length']).to.equal('1024');
    expect(first.headers['accept-ranges']).to.equal('bytes');
    const tail = await ranged('bytes=-500').expect(206);
    expect(Buffer.compare(tail.body as Buffer, video.subarray(video.length - 500))).to.equal(0);
    const middle = await ranged('bytes=200000-250000').expect(206);
    expect(Buffer.compare(middle.body as Buffer, video.subarray(200_000, 250_001))).to.equal(0);
    const outside = await ranged(`bytes=${video.length + 10}-`).expect(416);
    expect(outside.headers['content-range']).to.equal(`bytes */${video.length}`);
    // no Range: the whole file, with its hash checked while it streams
    const whole = await download(respondent, caseId, view.id).expect(200);
    expect(sha256(whole.body as Buffer)).to.equal(view.sha256);
    expect(whole.headers['accept-ranges']).to.equal('bytes');
  });

  it('refuses a file over the limit with 413 and keeps nothing of it', async () => {
    const small = buildTestApp(t.db, { config: testConfig({ EVIDENCE_MAX_BYTES: '300000' }) }).app;
    const before = await counts();
    // declared far over the limit: refused before the body is read
    const huge = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(500_000)]);
    const early = await request(small)
      .post(`/api/cases/${caseId}/evidence`)
      .set(bearer(complainant))
      .attach('file', huge, { filename: 'huge.pdf', contentType: 'application/pdf' });
    expectProblem(early, 413);
    // just over the limit: streamed, a first chunk written, then deleted
    const over = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(300_000)]);
    const late = await request(small)
      .post(`/api/cases/${caseId}/evidence`)
      .set(bearer(complainant))
      .attach('file', over, { filename: 'over.pdf', contentType: 'application/pdf' });
    expectProblem(late, 413);
    expect(await counts()).to.deep.equal(before);
    // exactly at the limit is fine
    const exact = over.subarray(0, 300_000);
    await request(small)
      .post(`/api/cases/${caseId}/evidence`)
      .set(bearer(complainant))
      .attach('file', exact, { filename: 'exact.pdf', contentType: 'application/pdf' })
      .expect(201);
  });

  it('refuses types off the allow-list, and content that is not what it claims, with 415', async () => {
    const before = await counts();
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), randomBytes(2000)]);
    expectProblem(await upload(complainant, caseId, exe, 'setup.exe', 'application/x-msdownload'), 415);
    expectProblem(await upload(complainant, caseId, exe, 'photo.png', 'image/png'), 415);
    expectProblem(await upload(complainant, caseId, PDF, 'scan.pdf', 'image/png'), 415);
    expectProblem(await upload(complainant, caseId, PNG, 'photo.png', 'application/octet-stream'), 415);
    expectProblem(await upload(complainant, caseId, exe, 'notes.txt', 'text/plain'), 415);
    const notMultipart = await request(app)
      .post(`/api/cases/${caseId}/evidence`)
      .set(bearer(complainant))
      .send({ file: 'x' });
    expectProblem(notMultipart, 415);
    expect(await counts()).to.deep.equal(before);
  });

  it('accepts plain text and sanitises the file name', async () => {
    const text = Buffer.from('Witness statement\r\n证人证言\n', 'utf8');
    const res = await upload(complainant, caseId, text, '..\\..\\.\u202Etxt.exe statement.txt', 'text/plain');
    expect(res.status, res.text).to.equal(201);
    const view = res.body as EvidenceView;
    expect(view.name).to.equal('txt.exe statement.txt');
    const long = `${'长'.repeat(300)}.txt`;
    const named = await upload(complainant, caseId, text, long, 'text/plain').expect(201);
    const name = (named.body as EvidenceView).name;
    expect(Array.from(name)).to.have.length(200);
    expect(name.endsWith('.txt')).to.equal(true);
    const got = await download(complainant, caseId, view.id).expect(200);
    expect(got.headers['content-type']).to.equal('text/plain');
    expect(Buffer.compare(got.body as Buffer, text)).to.equal(0);
  });

  it('answers 422 for a missing file or a description over 500 characters', async () => {
    const before = await counts();
    const noFile = await request(app)
      .post(`/api/cases/${caseId}/evidence`)
      .set(bearer(complainant))
      .field('description', 'nothing attached');
    expectProblem(noFile, 422);
    const longText = await upload(complainant, caseId, PNG, 'a.png', 'image/png').field(
      'description',
      'x'.repeat(501),
    );
    expectProblem(longText, 422);
    expect(await counts()).to.deep.equal(before);
  });

  it('hides the case from a user who cannot see it: 404 on upload, list and download', async () => {
    const [first] = (
      (await request(app).get(`/api/cases/${caseId}/evidence`).set(bearer(complainant)).expect(200)).body as {
        items: EvidenceView[];
      }
    ).items;
    if (!first) throw new Error('no evidence');
    expectProblem(await upload(outsider, caseId, PNG, 'a.png', 'image/png'), 404);
    expectProblem(await request(app).get(`/api/cases/${caseId}/evidence`).set(bearer(outsider)), 404);
    expectProblem(await download(outsider, caseId, first.id), 404);
  });

  it('serves evidence only under its own case (another case or an unknown id is 404)', async () => {
    const other = await fileCaseViaApi(app, complainant, mediationComplaint('Another tea-mark dispute'));
    const mine = (await upload(complainant, caseId, PNG, 'mine.png', 'image/png').expect(201))
      .body as EvidenceView;
    expectProblem(await download(complainant, other, mine.id), 404);
    expectProblem(await download(complainant, caseId, new ObjectId().toHexString()), 404);
    expectProblem(await download(complainant, caseId, 'not-an-id'), 400);
  });

  it('refuses a stored file whose content changed: 409, never the bytes', async () => {
    const view = (await upload(complainant, caseId, PDF, 'tampered.pdf', 'application/pdf').expect(201))
      .body as EvidenceView;
    const chunks = native().collection('evidence.chunks');
    const chunk = await chunks.findOne({ files_id: new ObjectId(view.id), n: 1 });
    if (!chunk) throw new Error('no chunk 1');
    const data = Buffer.from((chunk.data as Binary).buffer);
    data[10] = (data[10] ?? 0) ^ 0xff; // one byte, same length
    await chunks.updateOne({ _id: chunk._id }, { $set: { data: new Binary(data) } });

    const res = await download(complainant, caseId, view.id);
    expect(expectProblem(res, 409).detail).to.match(/integrity check failed/i);
    expect(textOf(res)).not.to.include('%PDF');

    // the failure is logged as an error
    const logged: unknown[][] = [];
    const service = createEvidenceService({
      db: t.db,
      cases: built.services.cases,
      store: built.engine.store,
      logger: { error: (...args: unknown[]) => logged.push(args) },
      maxBytes: 1024 * 1024,
    });
    const user = await loadAuthUser(t.db, 'u-complainant');
    if (!user) throw new Error('no user');
    let refused: unknown;
    await service.download(user, caseId, view.id).catch((err: unknown) => (refused = err));
    expect(refused).to.have.property('kind', 'conflict');
    expect(logged).to.have.length(1);
    expect(logged[0]?.[1]).to.equal('evidence integrity check failed');
    expect(logged[0]?.[0]).to.deep.include({ caseId, evidenceId: view.id });

    await chunks.deleteOne({ _id: chunk._id }); // a missing chunk is no better
    expectProblem(await download(complainant, caseId, view.id), 409);
  });

  it('refuses new evidence once the case is closed (409)', async () => {
    const closing = await fileCaseViaApi(
      app,
      complainant,
      mediationComplaint('A dispute the complainant drops'),
    );
    await actViaApi(app, complainant, closing, { type: 'WITHDRAW', reason: 'settled privately' });
    expectProblem(await upload(complainant, closing, PNG, 'late.png', 'image/png'), 409);
  });

  it('needs a signed-in user (401 problem+json)', async () => {
    const res = await request(app).get(`/api/cases/${caseId}/evidence`);
    expectProblem(res, 401);
  });
});
