import { expect } from 'chai';
import type { Express } from 'express';
import request from 'supertest';
import type { EvidenceView } from '../../../shared/api/evidenceView.js';
import { bearer, fileCaseViaApi, mediationComplaint } from '../../support/caseApi.js';
import { buildTestApp, login, seedDirectory } from '../../support/testApp.js';
import { useTestDatabase } from '../../support/useTestDatabase.js';

/** Collects a response body as it came over the wire (superagent would otherwise gunzip it). */
const raw = (res: request.Response, done: (err: Error | null, body: Buffer) => void) => {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};

/** A chat transcript saved as evidence: plain text, which `compression` would gzip if let. */
const TRANSCRIPT = Buffer.from(
  Array.from(
    { length: 80 },
    (_, i) => `2025-09-22 10:${String(i % 60).padStart(2, '0')} seller: the lamp ships tomorrow\n`,
  ).join(''),
  'utf8',
);

describe('HTTP compression', () => {
  const t = useTestDatabase('compression');
  let app: Express;
  let token: string;
  let caseId: string;

  before(async () => {
    await seedDirectory(t.db);
    app = buildTestApp(t.db).app;
    token = await login(app, 'complainant@demo.local');
    caseId = await fileCaseViaApi(app, token, mediationComplaint('Copied tea mark on a marketplace'));
    await fileCaseViaApi(app, token, mediationComplaint('Copied tea mark at a trade fair'));
  });

  it('gzips a JSON case list over 1 KB for a client that accepts gzip', async () => {
    const res = await request(app)
      .get('/api/cases')
      .set(bearer(token))
      .set('Accept-Encoding', 'gzip')
      .expect(200);
    expect(res.headers['content-encoding']).to.equal('gzip');
    expect(res.headers['vary']).to.match(/Accept-Encoding/i);
    expect(res.headers['content-type']).to.match(/^application\/json/);
    // superagent gunzipped it: the list is whole, and was worth compressing
    expect((res.body as { items: unknown[] }).items).to.have.length(2);
    expect(Buffer.byteLength(JSON.stringify(res.body))).to.be.greaterThan(1024);
  });

  it('sends the same list plain to a client that accepts no compression', async () => {
    const res = await request(app)
      .get('/api/cases')
      .set(bearer(token))
      .set('Accept-Encoding', 'identity')
      .buffer(true)
      .parse(raw)
      .expect(200);
    expect(res.headers['content-encoding']).to.equal(undefined);
    const body = res.body as Buffer;
    expect(body.length).to.be.greaterThan(1024);
    expect(Number(res.headers['content-length'])).to.equal(body.length);
    expect((JSON.parse(body.toString('utf8')) as { items: unknown[] }).items).to.have.length(2);
  });

  it('sends the list plain to a client that names no encoding, without negotiating one', async () => {
    const res = await request(app)
      .get('/api/cases')
      .set(bearer(token))
      .unset('Accept-Encoding')
      .buffer(true)
      .parse(raw)
      .expect(200);
    expect(res.headers['content-encoding']).to.equal(undefined);
    // compression stayed out of it: an answer sent as it is suits every client, so it varies on nothing
    expect(res.headers['vary']).to.equal(undefined);
    const body = res.body as Buffer;
    expect(Number(res.headers['content-length'])).to.equal(body.length);
    expect((JSON.parse(body.toString('utf8')) as { items: unknown[] }).items).to.have.length(2);
  });

  it('sends an evidence download as stored, with its exact length, even to a gzip client', async () => {
    const uploaded = await request(app)
      .post(`/api/cases/${caseId}/evidence`)
      .set(bearer(token))
      .field('description', 'Chat with the seller')
      .attach('file', TRANSCRIPT, { filename: 'chat.txt', contentType: 'text/plain' })
      .expect(201);
    const evidence = uploaded.body as EvidenceView;
    expect(evidence.contentType).to.equal('text/plain');

    const res = await request(app)
      .get(`/api/cases/${caseId}/evidence/${evidence.id}/download`)
      .set(bearer(token))
      .set('Accept-Encoding', 'gzip, deflate, br')
      .buffer(true)
      .parse(raw)
      .expect(200);
    expect(res.headers['content-encoding']).to.equal(undefined);
    expect(res.headers['content-length']).to.equal(String(TRANSCRIPT.length));
    expect((res.body as Buffer).equals(TRANSCRIPT)).to.equal(true);
  });
});
