import type { CaseEventDoc } from '../cases/caseEventModel.js';
import type { CaseDoc } from '../cases/caseModel.js';
import type { DocumentIssuedData } from '../cases/documentIssued.js';
import { DOCUMENT_ISSUED } from '../cases/documentIssued.js';
import { titleOf, type DocumentContent } from '../documents/documentContent.js';
import type { DocumentLang } from '../../shared/documents/documentKinds.js';
import { beijingTime, labelOf, say } from '../documents/documentLabels.js';
import { renderPdf } from '../documents/renderPdf.js';
import { EVIDENCE_ADDED, type EvidenceAddedData } from '../evidence/evidenceEvent.js';

/**
 * The case file (卷宗) as one PDF: a cover (case number, parties, channel, status), the timeline of
 * the events the reader may see, the generated documents and the evidence index, each with its
 * SHA-256, and the log's last hash.
 */
export function caseFilePdf(
  doc: CaseDoc,
  readable: readonly CaseEventDoc[],
  log: { events: number; lastHash: string },
  lang: DocumentLang,
  exportedAt: Date,
): Promise<Buffer> {
  const s = (zh: string, en: string) => say(lang, zh, en);
  // a generated document is named by its title in the file's language
  const what = (ev: CaseEventDoc) =>
    ev.type === DOCUMENT_ISSUED
      ? `${ev.type} ${titleOf((ev.data as unknown as DocumentIssuedData).kind, lang)} (${(ev.data as unknown as DocumentIssuedData).lang})`
      : ev.type;
  const timeline = readable.map(
    (ev) => `#${ev.seq}  ${beijingTime(ev.at, lang)}  ${what(ev)}  · ${ev.actor.role}`,
  );
  const documents = readable
    .filter((ev) => ev.type === DOCUMENT_ISSUED)
    .map((ev) => {
      const d = ev.data as unknown as DocumentIssuedData;
      return `${d.name}\nSHA-256 ${d.sha256}`;
    });
  const evidence = readable
    .filter((ev) => ev.type === EVIDENCE_ADDED)
    .map((ev) => {
      const d = ev.data as unknown as EvidenceAddedData;
      return `#${ev.seq} ${d.name} (${d.size} B)\nSHA-256 ${d.sha256}`;
    });
  const none = s('无', 'None');
  const content: DocumentContent = {
    title: s('案件卷宗', 'Case file'),
    fields: [
      [s('案号', 'Case No.'), doc.caseNo],
      [s('案由', 'Matter'), doc.title],
      [s('申请人', 'Complainant'), doc.complainantName],
      [s('被申请人', 'Respondent'), doc.respondentName],
      [s('程序', 'Procedure'), labelOf.channel(doc.channel, lang)],
      [s('状态', 'Status'), labelOf.status(doc.status, lang)],
      [s('立案时间', 'Filed'), beijingTime(doc.filedAt, lang)],
      [s('导出时间', 'Exported'), beijingTime(exportedAt, lang)],
    ],
    sections: [
      { heading: s('时间线', 'Timeline'), paragraphs: timeline.length ? timeline : [none] },
      { heading: s('文书', 'Documents'), paragraphs: documents.length ? documents : [none] },
      { heading: s('证据目录', 'Evidence index'), paragraphs: evidence.length ? evidence : [none] },
      {
        heading: s('事件日志', 'Event log'),
        paragraphs: [
          s(
            `共 ${log.events} 个事件，最后一个事件的哈希：${log.lastHash}`,
            `${log.events} events; the last event's hash: ${log.lastHash}`,
          ),
        ],
        mono: true,
      },
    ],
  };
  return renderPdf(content, {
    title: `${s('案件卷宗', 'Case file')} ${doc.caseNo}`,
    subject: doc.title,
    createdAt: exportedAt,
    lang,
    footer: [`Sevenfold · ${doc.caseNo}`],
  });
}
