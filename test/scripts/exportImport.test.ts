import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, gzipSync } from 'node:zlib';
import { expect } from 'chai';
import type { Express } from 'express';
import { BSON, GridFSBucket, type Db, type Document } from 'mongodb';
import type { Connection } from 'mongoose';
import request from 'supertest';
import { extract as tarExtract, pack as tarPack } from 'tar-stream';
import { createCaseStore } from '../../server/cases/caseStore.js';
import { verifyCaseLog } from '../../server/cases/verifyCaseLog.js';
import { createClockScheduler } from '../../server/clocks/clockScheduler.js';
import { DEMO_SCENARIOS } from '../../server/demo/demoScenarios.js';
import { seedDemoCases } from '../../server/demo/seedDemoCases.js';
import type { ArchiveManifest } from '../../server/portability/archiveManifest.js';
import { exportData } from '../../server/portability/exportData.js';
import { importData } from '../../server/portability/importData.js';
import { nonEmptyCollections } from '../../server/portability/nonEmptyCollections.js';
import { actViaApi, bearer, fileCaseViaApi, mediationComplaint } from '../support/caseApi.js';
import { buildTestApp, login, seedDirectory } from '../support/testApp.js';
import { testLogger } from '../support/testEnvironment.js';
import { runScript } from '../support/runScript.js';
import { useTestDatabase } from '../support/useTestDatabase.js';

/** A PDF spanning two GridFS chunks (255 KiB each). */
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'), randomBytes(300_000)]);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** The collections an import must reproduce exactly (carried, or rebuilt from the log). */
const IDENTICAL = [
  'organisations',
  'users',
  'case_numbers',
  'credit_register',
  'mediator_conflicts',
  'case_events',
  'evidence.files',
  'cases',
  'messages',
] as const;

const native = (db: Connection): Db => {
  if (!db.db) throw new Error('not connected');
  return db.db;
};
const all = (db: Connection, name: string) =>
  native(db).collection(name).find({}).sort({ _id: 1 }).toArray() as Promise<Document[]>;

/** Every member of a gzip'd tar, in order (read with tar-stream directly, not with the code under test). */
async function membersOf(path: string): Promise<{ name: string; content: Buffer }[]> {
  const extract = tarExtract();
  const members: { name: string; content: Buffer }[] = [];
  const reading = (async () => {
    for await (const entry of extract) {
      const chunks: Buffer[] = [];
      for await (const chunk of entry as AsyncIterable<Buffer>) chunks.push(chunk);
      members.push({ name: entry.header.name, content: Buffer.concat(chunks) });
    }
  })();
  await pipeline(createReadStream(path), createGunzip(), async (source: AsyncIterable<Buffer>) => {
    for await (const chunk of source) if (!extract.write(chunk)) await once(extract, 'drain');
    extract.end(null);
  });
  await reading;
  return members;
}

/** Writes members as a gzip'd tar. */
async function writeArchive(path: string, members: { name: string; content: Buffer }[]): Promise<void> {
  const pack = tarPack();
  for (const m of members) pack.entry({ name: m.name }, m.content);
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of Readable.from(pack)) chunks.push(chunk as Buffer);
  writeFileSync(path, gzipSync(Buffer.concat(chunks)));
}

describe('npm run export and npm run import', function () {
  this.timeout(180_000);
  const source = useTestDatabase('portSource');
  const target = useTestDatabase('portTarget');
  const refused = useTestDatabase('portRefused');
  const viaCli = useTestDatabase('portCli');
  const dir = mkdtempSync(join(tmpdir(), 'sevenfold-archive-test-'));
  const archive = join(dir, 'sevenfold.tar.gz');
  /** The instant both schedulers look at the clocks (source before export, target after import). */
  const tickAt = new Date();
  let app: Express;
  let evidenceId: string;
  let mediationCaseId: string;
  let published: number;

  const tick = (db: Connection) =>
    createClockScheduler({
      db,
      store: createCaseStore({ db, logger: testLogger, now: () => tickAt }),
      logger: testLogger,
      now: () => tickAt,
    }).tick();

  before(async () => {
    await seedDirectory(source.db);
    await seedDemoCases(source.db, testLogger, DEMO_SCENARIOS.length, { now: tickAt });
    app = buildTestApp(source.db).app;
    const complainant = await login(app, 'complainant@demo.local');
    const admin = await login(app, 'admin@demo.local');
    mediationCaseId = await fileCaseViaApi(app, complainant, mediationComplaint('Tea mark copied'));
    const uploaded = await request(app)
      .post(`/api/cases/${mediationCaseId}/evidence`)
      .set(bearer(complainant))
      .attach('file', PDF, { filename: 'Purchase receipt.pdf', contentType: 'application/pdf' })
      .field('description', 'Order and receipt')
      .expect(201);
    evidenceId = (uploaded.body as { id: string }).id;
    await actViaApi(app, admin, mediationCaseId, { type: 'ACCEPT' });
    await actViaApi(app, admin, mediationCaseId, { type: 'ROUTE', channel: 'mediation' });
    for (const [body, visibility] of [
      ['We propose a meeting next week.', 'joint'],
      ['Our lowest figure is CNY 40,000.', 'caucus:complainant'],
    ]) {
      await request(app)
        .post(`/api/cases/${mediationCaseId}/messages`)
        .set(bearer(complainant))
        .send({ body, visibility })
        .expect(201);
    }
    published = await tick(source.db); // publishes the clock warnings due by now
    await exportData(source.db, archive, { logger: testLogger });
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a manifest first that counts each collection and hashes every member', async () => {
    const members = await membersOf(archive);
    expect(members[0]?.name).to.equal('manifest.json');
    const manifest = JSON.parse(members[0]!.content.toString('utf8')) as ArchiveManifest;
    expect(manifest).to.include({ format: 'sevenfold-archive', formatVersion: 1, sevenfoldVersion: '0.1.0' });
    expect(Date.parse(manifest.createdAt)).to.be.closeTo(Date.now(), 120_000);
    expect(members.slice(1).map((m) => m.name)).to.deep.equal(manifest.members.map((m) => m.name));
    for (const [i, m] of manifest.members.entries()) {
      expect(sha256(members[i + 1]!.content), m.name).to.equal(m.sha256);
      expect(members[i + 1]!.content.length, m.name).to.equal(m.bytes);
    }
    for (const collection of ['organisations', 'users', 'case_numbers', 'credit_register', 'case_events']) {
      const stored = await native(source.db).collection(collection).countDocuments();
      expect(stored, collection).to.be.greaterThan(0);
      expect(manifest.counts[collection], collection).to.equal(stored);
    }
    expect(manifest.counts.caseLogs).to.equal(DEMO_SCENARIOS.length + 1);
    const evidence = manifest.members.filter((m) => m.evidenceId !== undefined);
    expect(evidence).to.deep.equal([
      {
        name: `evidence/${evidenceId}`,
        evidenceId,
        caseId: mediationCaseId,
        bytes: PDF.length,
        sha256: sha256(PDF),
      },
    ]);
    expect(members.find((m) => m.name === `evidence/${evidenceId}`)?.content.equals(PDF)).to.equal(true);
    // derived and transient collections are not carried
    expect(manifest.members.map((m) => m.name)).not.to.include.members([
      'collections/cases.ndjson',
      'collections/deadlines.ndjson',
      'collections/messages.ndjson',
      'collections/idempotency_keys.ndjson',
    ]);
    // Extended JSON keeps dates as dates
    const users = members.find((m) => m.name === 'collections/users.ndjson')!.content.toString('utf8');
    const first = BSON.EJSON.parse(users.split('\n')[0]!, { relaxed: false }) as { createdAt: unknown };
    expect(first.createdAt).to.be.instanceOf(Date);
  });

  it('imports into an empty database: identical projections, log, accounts, register and evidence', async () => {
    const lines: string[] = [];
    const summary = await importData(target.db, archive, {
      logger: testLogger,
      progress: (l) => lines.push(l),
    });
    expect(summary.caseLogs).to.equal(DEMO_SCENARIOS.length + 1);
    expect(summary.evidenceFiles).to.equal(1);
    expect(lines.join('\n')).to.match(/verified .*sevenfold\.tar\.gz: \d+ members, \d+ case logs/);

    for (const name of IDENTICAL) {
      const [before, after] = [await all(source.db, name), await all(target.db, name)];
      expect(after, name).to.have.length(before.length);
      expect(after, name).to.deep.equal(before);
    }
    expect((await all(target.db, 'messages')).map((m) => m.body)).to.include(
      'Our lowest figure is CNY 40,000.',
    );
    expect(await native(target.db).collection('evidence.chunks').countDocuments()).to.equal(2);
    const chunks: Buffer[] = [];
    const bucket = new GridFSBucket(native(target.db), { bucketName: 'evidence' });
    for await (const chunk of bucket.openDownloadStream(BSON.ObjectId.createFromHexString(evidenceId))) {
      chunks.push(chunk as Buffer);
    }
    expect(sha256(Buffer.concat(chunks))).to.equal(sha256(PDF));
    expect(Buffer.concat(chunks).equals(PDF)).to.equal(true);

    const store = createCaseStore({ db: target.db, logger: testLogger, now: () => new Date() });
    const ids = (await store.models.events.distinct('caseId')) as string[];
    expect(ids).to.have.length(DEMO_SCENARIOS.length + 1);
    for (const id of ids) expect(verifyCaseLog(id, await store.events(id)).problems, id).to.deep.equal([]);

    // the running clocks are scheduled again, and the warnings already published are not published twice
    const pending = async (db: Connection) =>
      (await all(db, 'deadlines')).filter((d) => d.state === 'pending');
    expect(published, 'warnings published in the source').to.be.greaterThan(0);
    expect(await pending(source.db)).to.have.length.greaterThan(0);
    expect((await pending(target.db)).map((d) => d._id)).to.deep.equal(
      (await pending(source.db)).map((d) => d._id),
    );
    const events = await native(target.db).collection('case_events').countDocuments();
    await tick(target.db);
    expect(await native(target.db).collection('case_events').countDocuments()).to.equal(events);
    expect(await pending(target.db)).to.deep.equal(await pending(source.db));
  });

  it('carries the password hashes: the demo accounts sign in on the imported database', async () => {
    const built = buildTestApp(target.db);
    const imported = built.app;
    const token = await login(imported, 'mediator@demo.local');
    const res = await request(imported).get(`/api/cases/${mediationCaseId}`).set(bearer(token)).expect(200);
    expect(res.body).to.include({ id: mediationCaseId, mediatorId: 'u-mediator' });
    // the view is recorded in the audit log a moment later: written now, before the next test counts
    await built.services.auditLog.flush();
  });

  it('refuses a database that is not empty, and changes nothing', async () => {
    const snapshot = async () =>
      Promise.all(
        (await nonEmptyCollections(target.db)).map(async (name) => [
          name,
          await native(target.db).collection(name).countDocuments(),
        ]),
      );
    const before = await snapshot();
    let error: Error | undefined;
    await importData(target.db, archive, { logger: testLogger }).catch((err: Error) => (error = err));
    expect(error?.message).to.match(/^the database is not empty \(.*case_events.*\).*nothing was changed$/);
    expect(await snapshot()).to.deep.equal(before);
  });

  it('refuses a tampered member by name, a broken hash chain and a file that is no archive', async () => {
    const members = await membersOf(archive);
    const failure = async (path: string) => {
      const err = await importData(refused.db, path, { logger: testLogger }).then(
        () => undefined,
        (e: Error) => e,
      );
      expect(await nonEmptyCollections(refused.db), 'left behind').to.deep.equal([]);
      return err?.message ?? 'imported';
    };

    // one byte of the evidence file changed, the manifest left alone
    const tampered = join(dir, 'tampered.tar.gz');
    await writeArchive(
      tampered,
      members.map((m) => {
        if (m.name !== `evidence/${evidenceId}`) return m;
        const content = Buffer.from(m.content);
        content[1000] = (content[1000]! + 1) % 256;
        return { name: m.name, content };
      }),
    );
    expect(await failure(tampered)).to.equal(
      `archive member evidence/${evidenceId} does not match its SHA-256 in manifest.json: the archive is damaged or was altered`,
    );

    // an event rewritten and the manifest updated to match: the hash chain still gives it away
    const rewritten = join(dir, 'rewritten.tar.gz');
    const eventsName = 'collections/case_events.ndjson';
    const lines = members
      .find((m) => m.name === eventsName)!
      .content.toString('utf8')
      .trimEnd()
      .split('\n');
    const second = lines.findIndex((l) => (BSON.EJSON.parse(l) as { seq: number }).seq === 2);
    const ev = BSON.EJSON.parse(lines[second]!, { relaxed: false }) as Document;
    const caseId = ev.caseId as string;
    ev.actor = { ...(ev.actor as object), id: 'someone-else' };
    lines[second] = BSON.EJSON.stringify(ev, { relaxed: false });
    const events = Buffer.from(`${lines.join('\n')}\n`);
    const manifest = JSON.parse(members[0]!.content.toString('utf8')) as ArchiveManifest;
    const entry = manifest.members.find((m) => m.name === eventsName)!;
    Object.assign(entry, { sha256: sha256(events), bytes: events.length });
    await writeArchive(rewritten, [
      { name: 'manifest.json', content: Buffer.from(JSON.stringify(manifest)) },
      ...members.slice(1).map((m) => (m.name === eventsName ? { name: m.name, content: events } : m)),
    ]);
    expect(await failure(rewritten)).to.include(
      `the event log in ${eventsName} does not verify: case ${caseId}: event 2: content does not match its hash`,
    );

    const garbage = join(dir, 'garbage.tar.gz');
    writeFileSync(garbage, randomBytes(2048));
    expect(await failure(garbage)).to.match(
      /garbage\.tar\.gz is not a readable Sevenfold archive \(a gzip'd tar\)/,
    );
    expect(await failure(join(dir, 'missing.tar.gz'))).to.match(
      /^cannot read the archive .*missing\.tar\.gz/,
    );
  });

  it('refuses to overwrite an existing file', async () => {
    let error: Error | undefined;
    await exportData(source.db, archive, { logger: testLogger }).catch((err: Error) => (error = err));
    expect(error?.message).to.equal(
      `${archive} exists already: an archive is never overwritten, name a new file`,
    );
  });

  it('runs as npm scripts: export, import into an empty database, refusals with exit codes', async () => {
    const file = join(dir, 'cli.tar.gz');
    const exported = await runScript('exportData.ts', [file], source.uri);
    expect(exported.out).to.match(
      new RegExp(
        `exported ${DEMO_SCENARIOS.length + 1} case logs, \\d+ events, .*1 evidence files \\(${PDF.length} bytes\\) to `,
      ),
    );
    expect(exported.code).to.equal(0);

    const imported = await runScript('importData.ts', [file], viaCli.uri);
    expect(imported.out).to.include('every SHA-256 and hash chain verified');
    expect(imported.out).to.include(`rebuilt ${DEMO_SCENARIOS.length + 1} case projections`);
    expect(imported.code).to.equal(0);
    expect(await all(viaCli.db, 'cases')).to.deep.equal(await all(source.db, 'cases'));

    const again = await runScript('importData.ts', [file], viaCli.uri);
    expect(again.out).to.include('the database is not empty');
    expect(again.code).to.equal(1);

    const usage = await runScript('importData.ts', [], viaCli.uri);
    expect(usage.out).to.include('usage: npm run import -- FILE');
    expect(usage.code).to.equal(2);
  });

  it('refuses to export a log that does not verify, altered evidence or data it does not know', async () => {
    const attempt = async () => {
      const file = join(dir, `refused-${randomBytes(4).toString('hex')}.tar.gz`);
      const err = await exportData(source.db, file, { logger: testLogger }).then(
        () => undefined,
        (e: Error) => e,
      );
      const written = readdirSync(dir).filter((f) => f.startsWith(basename(file)));
      expect(written, 'files left').to.deep.equal(err ? [] : [basename(file)]);
      return err?.message ?? 'exported';
    };
    const events = native(source.db).collection('case_events');
    const original = await events.findOne({ _id: `${mediationCaseId}:2` as never });
    await events.updateOne(
      { _id: `${mediationCaseId}:2` as never },
      { $set: { 'actor.id': 'someone-else' } },
    );
    try {
      expect(await attempt()).to.equal(
        `case ${mediationCaseId}: event 2: content does not match its hash: this log does not verify ` +
          '(npm run verify-log lists every problem); nothing was exported',
      );
    } finally {
      await events.replaceOne({ _id: `${mediationCaseId}:2` as never }, original!);
    }

    const chunks = native(source.db).collection('evidence.chunks');
    const chunk = await chunks.findOne({ n: 1 });
    const altered = Buffer.from((chunk!.data as BSON.Binary).buffer);
    altered[0] = (altered[0]! + 1) % 256;
    await chunks.updateOne({ _id: chunk!._id }, { $set: { data: new BSON.Binary(altered) } });
    try {
      expect(await attempt()).to.match(
        new RegExp(
          `^evidence ${evidenceId} of case ${mediationCaseId} does not match the SHA-256 its EVIDENCE_ADDED`,
        ),
      );
    } finally {
      await chunks.replaceOne({ _id: chunk!._id }, chunk!);
    }

    await native(source.db).collection('strays').insertOne({ note: 'added by hand' });
    try {
      expect(await attempt()).to.equal(
        'the database holds collections Sevenfold does not know how to export (strays): nothing was exported',
      );
    } finally {
      await native(source.db).collection('strays').drop();
    }
    expect(await attempt()).to.equal('exported');
  });

  it('keeps the case numbers: a case filed after the import gets the next one', async () => {
    const numbers = (await all(source.db, 'cases')).map((c) => c.caseNo as string).sort();
    const imported = buildTestApp(target.db).app;
    const complainant = await login(imported, 'complainant@demo.local');
    const id = await fileCaseViaApi(imported, complainant, mediationComplaint('Filed after the move'));
    const filed = await native(target.db)
      .collection('cases')
      .findOne({ _id: id as never });
    expect(numbers).not.to.include(filed?.caseNo);
    expect(String(filed?.caseNo) > numbers[numbers.length - 1]!).to.equal(true);
  });
});
