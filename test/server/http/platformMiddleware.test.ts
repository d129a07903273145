import { Writable } from 'node:stream';
import { expect } from 'chai';
import express from 'express';
import helmet from 'helmet';
import pino from 'pino';
import request from 'supertest';
import { fixedHeadersOf } from '../../../server/http/platformMiddleware.js';
import { requestLog } from '../../../server/http/requestLog.js';

/** A logger whose lines are kept as parsed objects. */
function keptLogger(): { logger: pino.Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: pino({ level: 'info' }, sink), lines };
}

describe('platform middleware', () => {
  it('sets exactly the headers helmet sets, from one run at start-up', async () => {
    const options = { contentSecurityPolicy: { directives: { 'img-src': ["'self'", 'blob:'] } } };
    const withHelmet = express()
      .use(helmet(options))
      .get('/x', (_req, res) => void res.json({}));
    const withFixed = express()
      .use(fixedHeadersOf(helmet(options)))
      .get('/x', (_req, res) => void res.json({}));
    const a = await request(withHelmet).get('/x').expect(200);
    const b = await request(withFixed).get('/x').expect(200);
    const strip = (h: Record<string, unknown>) => {
      const { date: _d, etag: _e, ...rest } = h;
      return rest;
    };
    expect(strip(b.headers)).to.deep.equal(strip(a.headers));
    expect(b.headers['content-security-policy']).to.include("img-src 'self' blob:");
  });

  it('logs one line per request when its response ends, with the id it answered, and none for probes', async () => {
    const { logger, lines } = keptLogger();
    const app = express()
      .use(requestLog(logger))
      .get('/healthz', (_req, res) => void res.json({ status: 'ok' }))
      .get('/api/things', (_req, res) => void res.status(418).json({}));
    const res = await request(app).get('/api/things?secret=token').set('X-Request-Id', 'req-1');
    await request(app).get('/healthz');
    await new Promise((r) => setTimeout(r, 50));
    expect(res.headers['x-request-id']).to.equal('req-1');
    expect(lines).to.have.length(1);
    expect(lines[0]).to.include({ reqId: 'req-1', method: 'GET', path: '/api/things', status: 418 });
    expect(JSON.stringify(lines[0])).not.to.include('secret');
  });
});
