import type { CaseDoc } from '../cases/caseModel.js';
import { csvLine } from './csvLine.js';

/** The byte-order mark that makes Excel read a CSV file as UTF-8 (Chinese text intact). */
export const UTF8_BOM = '\uFEFF';

/** Languages of the export's header row. */
export const CSV_LANGUAGES = ['zh-CN', 'en'] as const;

const HEADERS: Record<(typeof CSV_LANGUAGES)[number], string[]> = {
  'zh-CN': [
    '案号',
    '案件名称',
    '状态',
    '渠道',
    '程序',
    '权利类型',
    '投诉人',
    '被投诉人',
    '立案时间',
    '更新时间',
    '结案时间',
  ],
  en: [
    'Case no.',
    'Title',
    'Status',
    'Channel',
    'Track',
    'IP type',
    'Complainant',
    'Respondent',
    'Filed at',
    'Updated at',
    'Closed at',
  ],
};

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : '');

/**
 * A case list as CSV text, chunk by chunk: the BOM and the header row, then one line per case as
 * the rows arrive (statuses, channels and types as the API's identifiers, instants in ISO 8601 UTC).
 */
export async function* casesCsv(
  rows: AsyncIterable<CaseDoc>,
  lang: (typeof CSV_LANGUAGES)[number],
): AsyncGenerator<string> {
  yield UTF8_BOM + csvLine(HEADERS[lang]);
  let chunk = '';
  for await (const c of rows) {
    chunk += csvLine([
      c.caseNo,
      c.title,
      c.status,
      c.channel,
      c.track,
      c.ipType,
      c.complainantName,
      c.respondentName,
      iso(c.filedAt),
      iso(c.updatedAt),
      iso(c.closedAt),
    ]);
    if (chunk.length >= 16_384) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}
