import { expect } from 'chai';
import request from 'supertest';
import { connectDatabase } from '../../../server/db/connectDatabase.js';
import { buildTestApp } from '../../support/testApp.js';
import { useTestDatabase } from '../../support/useTestDatabase.js';

describe('health, readiness and errors', () => {
  const t = useTestDatabase('health');
  const app = () => buildTestApp(t.db).app;

  it('GET /healthz answers while the process is up', async () => {
    const res = await request(app()).get('/healthz').expect(200);
    expect(res.body).to.deep.equal({ status: 'ok' });
  });

  it('GET /readyz answers 200 when the database answers a ping', async () => {
    const res = await request(app()).get('/readyz').expect(200);
    expect(res.body).to.include({ status: 'ready' });
  });

  it('GET /readyz answers 503 problem+json when the database is gone', async () => {
    const db = await connectDatabase(t.uri);
    await db.close();
    const res = await request(buildTestApp(db).app).get('/readyz');
    expect(res.status).to.equal(503);
    expect(res.headers['content-type']).to.match(/^application\/problem\+json/);
    expect(JSON.parse(res.text)).to.include({ status: 503, title: 'Service Unavailable' });
  });

  it('answers an unknown route with 404 problem+json and echoes a safe request id', async () => {
    const res = await request(app()).get('/no/such/route').set('X-Request-Id', 'abc-123');
    expect(res.status).to.equal(404);
    expect(res.headers['content-type']).to.match(/^application\/problem\+json/);
    expect(res.headers['x-request-id']).to.equal('abc-123');
    expect(JSON.parse(res.text)).to.include({ status: 404, title: 'Not Found' });
  });

  it('replaces an unsafe request id with a generated one', async () => {
    const res = await request(app()).get('/healthz').set('X-Request-Id', 'bad id\twith spaces');
    expect(res.headers['x-request-id']).to.match(/^[0-9a-f-]{36}$/);
  });

  it('answers malformed JSON with 400 problem+json', async () => {
    const res = await request(app())
      .post('/healthz')
      .set('Content-Type', 'application/json')
      .send('{"broken": ');
    expect(res.status).to.equal(400);
    expect(JSON.parse(res.text)).to.include({ status: 400, detail: 'The request body is not valid JSON.' });
  });
});
