import { expect } from 'chai';
import request from 'supertest';
import { caseModel, type CaseDoc } from '../../../server/cases/caseModel.js';
import { csvCell } from '../../../server/search/csvLine.js';
import { bearer, fileCaseViaApi, mediationComplaint } from '../../support/caseApi.js';
import { buildTestApp, login, seedDirectory, type TestApp } from '../../support/testApp.js';
import { useTestDatabase } from '../../support/useTestDatabase.js';

/** Parses CSV text (RFC 4180: quoted cells, doubled quotes, CRLF lines). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') ((cell += '"'), i++);
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') (row.push(cell), (cell = ''));
    else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}

describe('GET /api/exports/cases (CSV, streamed)', function () {
  this.timeout(120_000);
  const t = useTestDatabase('export');
  let a: TestApp;
  const tokens: Record<string, string> = {};
  let tricky = '';

  before(async () => {
    await seedDirectory(t.db);
    a = buildTestApp(t.db);
    for (const who of ['complainant', 'complainant2', 'admin', 'court']) {
      tokens[who] = await login(a.app, `${who}@demo.local`);
    }
    tricky = await fileCaseViaApi(a.app, tokens.complainant as string, {
      ...mediationComplaint('=HYPERLINK("x"), 茶叶 "quoted", comma'),
      description: '被投诉人销售假冒龙井茶叶，并在页面上使用我方商标。',
    });
    await fileCaseViaApi(a.app, tokens.complainant2 as string, mediationComplaint('Another holder’s case'));
  });

  const exportCsv = (who: string, query: Record<string, string> = {}) =>
    request(a.app)
      .get('/api/exports/cases')
      .query(query)
      .set(bearer(tokens[who] as string))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          done(null, { text: Buffer.concat(chunks).toString('utf8'), chunks: chunks.length }),
        );
      });

  it('escapes cells: quotes doubled, commas quoted, formulas kept as text', () => {
    expect(csvCell('a,b')).to.equal('"a,b"');
    expect(csvCell('say "hi"')).to.equal('"say ""hi"""');
    expect(csvCell('=1+1')).to.equal("'=1+1");
    expect(csvCell('-5')).to.equal("'-5");
    expect(csvCell(null)).to.equal('');
    expect(csvCell('line\nbreak')).to.equal('"line\nbreak"');
  });

  it('exports the filtered list staff may see, UTF-8 with a BOM, header in the asked language', async () => {
    const res = await exportCsv('admin', { q: '茶叶' }).expect(200);
    expect(res.headers['content-type']).to.match(/^text\/csv; charset=utf-8/);
    expect(res.headers['content-disposition']).to.match(/^attachment; filename="sevenfold-cases-/);
    const { text } = res.body as { text: string };
    expect(text.charCodeAt(0)).to.equal(0xfeff);
    const rows = parseCsv(text.slice(1));
    expect(rows[0]?.[0]).to.equal('案号');
    expect(rows).to.have.length(2);
    expect(rows[1]?.[1]).to.equal('\'=HYPERLINK("x"), 茶叶 "quoted", comma');
    const doc = await caseModel(t.db).findById(tricky).lean<CaseDoc>();
    expect(rows[1]?.[0]).to.equal(doc?.caseNo);
    expect(rows[1]?.[8]).to.equal(doc?.filedAt.toISOString());

    const en = parseCsv(
      ((await exportCsv('admin', { lang: 'en' }).expect(200)).body as { text: string }).text.slice(1),
    );
    expect(en[0]?.slice(0, 2)).to.deep.equal(['Case no.', 'Title']);
    expect(en).to.have.length(3);
  });

  it('is for staff only, and only over the cases they may see', async () => {
    await exportCsv('complainant').expect(403);
    const court = parseCsv(((await exportCsv('court').expect(200)).body as { text: string }).text.slice(1));
    expect(court).to.have.length(1); // the header: the court holds neither case
    await exportCsv('admin', { status: 'nope' }).expect(400);
    await exportCsv('admin', { lang: 'fr' }).expect(400);
  });

  it('streams thousands of rows in chunks from a cursor (no whole list in memory)', async () => {
    const Cases = caseModel(t.db);
    const found = await Cases.findById(tricky).lean<CaseDoc>();
    if (!found) throw new Error('no case');
    const { pendingEffects, ...model } = found;
    void pendingEffects;
    const n = 2000;
    for (let start = 0; start < n; start += 500) {
      await Cases.collection.insertMany(
        Array.from({ length: 500 }, (_, i) => ({
          // the fields a list row reads (no machine snapshot: they only need to be listed)
          ...model,
          snapshot: {},
          _id: `bulk-${start + i}`,
          caseNo: `BULK-${String(start + i).padStart(6, '0')}`,
          title: `批量案件 ${start + i}`,
          filedAt: new Date(model.filedAt.getTime() + (start + i) * 1000),
          updatedAt: new Date(model.updatedAt.getTime() + (start + i) * 1000),
        })) as never[],
      );
    }
    const before = process.memoryUsage().heapUsed;
    const res = await exportCsv('admin', { sort: '-filedAt' }).expect(200);
    const { text, chunks } = res.body as { text: string; chunks: number };
    const rows = parseCsv(text.slice(1));
    expect(rows).to.have.length(n + 3);
    expect(res.headers['content-length']).to.equal(undefined);
    expect(chunks).to.be.greaterThan(5);
    // newest filing first: the last bulk case
    expect(rows[1]?.[0]).to.equal(`BULK-${String(n - 1).padStart(6, '0')}`);
    expect(process.memoryUsage().heapUsed - before).to.be.lessThan(200 * 1024 * 1024);
    // the bulk rows go before the database is dropped (dropping them with it takes the engine longer)
    await Cases.deleteMany({ _id: /^bulk-/ });
  });
});
