import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import type { Express } from 'express';
import request from 'supertest';
import type { CaseFileEvent, CaseFileManifest } from '../../../server/caseFiles/caseFileManifest.js';
import { verifyCaseFile } from '../../../server/caseFiles/verifyCaseFile.js';
import { verifyCaseFileContent } from '../../../server/caseFiles/verifyCaseFileContent.js';
import { actViaApi, bearer, fileCaseViaApi, mediationComplaint } from '../../support/caseApi.js';
import { buildTestApp, login, seedDirectory } from '../../support/testApp.js';
import { useTestDatabase } from '../../support/useTestDatabase.js';

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n', 'latin1'), randomBytes(300_000)]);
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const binary = (res: request.Response, done: (err: Error | null, body: Buffer) => void) => {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};

/**
 * `GET /api/cases/:id/file.zip`: the case file (卷宗) as one archive: the event log, the evidence, a
 * manifest of SHA-256 fingerprints, checked offline by `npm run verify-case-file`.
 */
describe('case file export (issue 13)', function () {
  this.timeout(60_000);
  const t = useTestDatabase('caseFile');
  let app: Express;
  const tokens: Record<string, string> = {};
  let caseId: string;

  before(async () => {
    await seedDirectory(t.db);
    app = buildTestApp(t.db).app;
    for (const who of ['complainant', 'complainant2', 'respondent', 'admin', 'mediator'])
      tokens[who] = await login(app, `${who}@demo.local`);
    caseId = await fileCaseViaApi(
      app,
      tokens.complainant as string,
      mediationComplaint('Tea mark case file'),
    );
    await actViaApi(app, tokens.admin as string, caseId, { type: 'ACCEPT' });
    await actViaApi(app, tokens.admin as string, caseId, { type: 'ROUTE', channel: 'mediation' });
    await actViaApi(app, tokens.mediator as string, caseId, { type: 'ACCEPT_ASSIGNMENT' });
    for (const [file, name, type] of [
      [PDF, 'Receipt.pdf', 'application/pdf'],
      [PNG, '门店照片.png', 'image/png'],
    ] as const) {
      await request(app)
        .post(`/api/cases/${caseId}/evidence`)
        .set(bearer(tokens.complainant as string))
        .attach('file', file, { filename: name, contentType: type })
        .expect(201);
    }
    // a word to the mediator alone: the respondent's case file must not carry it
    await request(app)
      .post(`/api/cases/${caseId}/messages`)
      .set(bearer(tokens.complainant as string))
      .send({ body: 'Our lowest acceptable figure is CNY 40,000.', visibility: 'caucus:complainant' })
      .expect(201);
  });

  const exportAs = (who: string) =>
    request(app)
      .get(`/api/cases/${caseId}/file.zip`)
      .set(bearer(tokens[who] as string))
      .buffer(true)
      .parse(binary);

  it('streams a ZIP that verifies offline, with every evidence file byte for byte', async () => {
    const res = await exportAs('complainant').expect(200);
    expect(res.headers['content-type']).to.equal('application/zip');
    expect(res.headers['content-disposition']).to.match(/^attachment;.*SF-\d{4}-\d{6}\.zip/);
    const result = await verifyCaseFile(res.body as Buffer);
    expect(result.problems).to.deep.equal([]);
    expect(result).to.include({ ok: true, evidence: 2 });
    expect(result.eventsInFull).to.equal(result.events);
    // as a person would check it: the documented command on the downloaded file
    const dir = mkdtempSync(join(tmpdir(), 'sevenfold-case-file-'));
    const file = join(dir, 'case.zip');
    writeFileSync(file, res.body as Buffer);
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/verifyCaseFile.ts', file], {
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).to.equal(0);
    expect(run.stdout).to.match(/2 evidence files: verified/);
  });

  it('gives another party the log with the caucus entry by its hashes only, and it still verifies', async () => {
    const res = await exportAs('respondent').expect(200);
    const body = res.body as Buffer;
    expect(body.includes(Buffer.from('lowest acceptable figure'))).to.equal(false);
    const result = await verifyCaseFile(body);
    expect(result.ok, result.problems.join('; ')).to.equal(true);
    expect(result.eventsInFull).to.equal(result.events - 1);
  });

  it('is 404 for someone who may not see the case, and needs a sign-in', async () => {
    await exportAs('complainant2').expect(404);
    await request(app).get(`/api/cases/${caseId}/file.zip`).expect(401);
  });

  it('finds a changed event, a broken link, a changed evidence file and a missing one', () => {
    const manifest = {
      caseId: 'c1',
      log: { events: 0, lastHash: '0'.repeat(64) },
      evidence: [
        {
          seq: 2,
          id: 'e',
          name: 'a.png',
          path: 'evidence/2-a.png',
          contentType: 'image/png',
          size: 3,
          sha256: sha256(Buffer.from('abc')),
        },
      ],
    } as unknown as CaseFileManifest;
    const good = verifyCaseFileContent(manifest, [], () => ({ sha256: sha256(Buffer.from('abc')), size: 3 }));
    expect(good.ok).to.equal(true);
    const changed = verifyCaseFileContent(manifest, [], () => ({
      sha256: sha256(Buffer.from('abd')),
      size: 3,
    }));
    expect(changed.problems).to.deep.equal(['evidence/2-a.png: its SHA-256 is not the one recorded']);
    expect(verifyCaseFileContent(manifest, [], () => null).problems).to.deep.equal([
      'evidence/2-a.png is missing',
    ]);
    const events = [
      { seq: 1, hash: 'h1', prevHash: '0'.repeat(64), withheld: true },
      { seq: 2, hash: 'h2', prevHash: 'hX', withheld: true },
    ] as CaseFileEvent[];
    const unlinked = verifyCaseFileContent(
      { ...manifest, evidence: [], log: { events: 2, lastHash: 'h2' } },
      events,
      () => null,
    );
    expect(unlinked.problems).to.deep.equal(['event 2 is not linked to the event before it']);
  });

  it('finds an event whose content was changed in the archive', async () => {
    const res = await exportAs('complainant').expect(200);
    const { default: yauzl } = await import('yauzl');
    const { ZipFile } = await import('yazl');
    // re-pack the archive with one event's actor rewritten
    const entries = await new Promise<Map<string, Buffer>>((resolve, reject) => {
      const out = new Map<string, Buffer>();
      yauzl.fromBuffer(res.body as Buffer, { lazyEntries: true }, (err, zip) => {
        if (err || !zip) return reject(err);
        zip.on('end', () => resolve(out));
        zip.on('entry', (entry: { fileName: string }) =>
          zip.openReadStream(entry as never, (e, s) => {
            if (e || !s) return reject(e);
            const chunks: Buffer[] = [];
            s.on('data', (c: Buffer) => chunks.push(c));
            s.on('end', () => {
              out.set(entry.fileName, Buffer.concat(chunks));
              zip.readEntry();
            });
          }),
        );
        zip.readEntry();
      });
    });
    const events = JSON.parse(entries.get('events.json')!.toString()) as { actor?: { id: string } }[];
    events[1]!.actor!.id = 'u-someone-else';
    entries.set('events.json', Buffer.from(JSON.stringify(events)));
    const zip = new ZipFile();
    for (const [name, data] of entries) zip.addBuffer(data, name);
    zip.end();
    const chunks: Buffer[] = [];
    for await (const c of zip.outputStream as AsyncIterable<Buffer>) chunks.push(c);
    const result = await verifyCaseFile(Buffer.concat(chunks));
    expect(result.ok).to.equal(false);
    expect(result.problems).to.include('event 2: its content does not match its hash');
  });
});
