import type { Readable } from 'node:stream';
import { ObjectId } from 'mongodb';
import type { Connection } from 'mongoose';
import { ZipFile } from 'yazl';
import type { AuthUser } from '../auth/authUser.js';
import type { CaseEventDoc } from '../cases/caseEventModel.js';
import type { CaseService } from '../cases/caseService.js';
import type { CaseStore } from '../cases/caseStore.js';
import { GENESIS_HASH, hashedFieldsOf } from '../cases/eventHash.js';
import { canSeeEvent } from '../cases/casePolicy.js';
import { respondentAtSeq } from '../cases/respondentAtSeq.js';
import { evidenceBucket } from '../evidence/evidenceBucket.js';
import { EVIDENCE_ADDED, type EvidenceAddedData } from '../evidence/evidenceEvent.js';
import { verifiedContentStream } from '../evidence/evidenceIntegrity.js';
import { sanitiseFileName } from '../evidence/sanitiseFileName.js';
import type { Logger } from 'pino';
import type { DocumentLang } from '../../shared/documents/documentKinds.js';
import { caseFilePdf } from './caseFilePdf.js';
import {
  CASE_FILE_FORMAT,
  type CaseFileEvent,
  type CaseFileEvidence,
  type CaseFileManifest,
} from './caseFileManifest.js';

/** A case file being sent: its name and the ZIP archive as it is written. */
export interface CaseFileExport {
  fileName: string;
  stream: Readable;
}

/** Case files (卷宗) for those who may see a case. */
export interface CaseFileService {
  /**
   * The case file as a ZIP: `manifest.json`, `events.json` (the log: the events the user may read in
   * full, the others by their hashes only, so the chain still verifies), the evidence files the user
   * may see under `evidence/`, and a README saying how to check it offline.
   */
  export(user: AuthUser, caseId: string): Promise<CaseFileExport>;
  /**
   * The case file as one PDF: cover, timeline, documents and evidence index (names and SHA-256) of
   * what the user may read, in `lang`.
   */
  exportPdf(user: AuthUser, caseId: string, lang: DocumentLang): Promise<{ fileName: string; pdf: Buffer }>;
}

const README = `Sevenfold case file (${CASE_FILE_FORMAT})

manifest.json  the case, who exported it and when, the SHA-256 and size of every evidence file
events.json    the case's event log: each event's hash covers its content and the hash before it;
               events the exporter may not read (another party's caucus) are given by their hashes only
evidence/      the evidence files, named <seq>-<file name>

Check it offline, in a Sevenfold checkout:  npm run verify-case-file -- <this file>.zip
`;

/** A stored event in full, as written to `events.json`: the fields its hash covers, and the hash. */
const inFull = (ev: CaseEventDoc): CaseFileEvent => ({ ...hashedFieldsOf(ev), hash: ev.hash });

/** Builds the case file service. */
export function createCaseFileService(deps: {
  db: Connection;
  cases: CaseService;
  store: CaseStore;
  logger: Pick<Logger, 'error'>;
  now: () => Date;
}): CaseFileService {
  return {
    async exportPdf(user, caseId, lang) {
      const { doc } = await deps.cases.loadVisible(user, caseId);
      const [log, respondentAt] = await Promise.all([
        deps.store.events(caseId, 0),
        respondentAtSeq(deps.store, doc),
      ]);
      const readable = log.filter((ev) =>
        canSeeEvent(user, { ...doc, respondentId: respondentAt(ev.seq) }, ev),
      );
      const last = log[log.length - 1];
      const pdf = await caseFilePdf(
        doc,
        readable,
        { events: log.length, lastHash: last?.hash ?? GENESIS_HASH },
        lang,
        deps.now(),
      );
      return { fileName: `${doc.caseNo}-${lang}.pdf`, pdf };
    },

    async export(user, caseId) {
      const { doc } = await deps.cases.loadVisible(user, caseId);
      const [log, respondentAt] = await Promise.all([
        deps.store.events(caseId, 0),
        respondentAtSeq(deps.store, doc),
      ]);
      const readable = (ev: CaseEventDoc) =>
        canSeeEvent(user, { ...doc, respondentId: respondentAt(ev.seq) }, ev);
      const events: CaseFileEvent[] = log.map((ev) =>
        readable(ev) ? inFull(ev) : { seq: ev.seq, hash: ev.hash, prevHash: ev.prevHash, withheld: true },
      );
      const evidence: CaseFileEvidence[] = log
        .filter((ev) => ev.type === EVIDENCE_ADDED && readable(ev))
        .map((ev) => {
          const data = ev.data as unknown as EvidenceAddedData;
          return {
            seq: ev.seq,
            id: data.evidenceId,
            name: data.name,
            path: `evidence/${ev.seq}-${sanitiseFileName(data.name)}`,
            contentType: data.contentType,
            size: data.size,
            sha256: data.sha256,
          };
        });
      const last = log[log.length - 1];
      const manifest: CaseFileManifest = {
        format: CASE_FILE_FORMAT,
        caseId,
        caseNo: doc.caseNo,
        title: doc.title,
        exportedAt: deps.now().toISOString(),
        exportedBy: { id: user.id, role: user.role },
        log: { events: log.length, lastHash: last?.hash ?? GENESIS_HASH },
        evidence,
      };

      const zip = new ZipFile();
      const at = deps.now();
      zip.addBuffer(Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), 'manifest.json', { mtime: at });
      zip.addBuffer(Buffer.from(`${JSON.stringify(events, null, 2)}\n`), 'events.json', { mtime: at });
      zip.addBuffer(Buffer.from(README), 'README.txt', { mtime: at });
      const bucket = evidenceBucket(deps.db);
      for (const file of evidence) {
        // one file open at a time, each hashed again as it streams: a changed file fails the archive
        zip.addReadStreamLazy(file.path, { mtime: at, compress: false, size: file.size }, (cb) =>
          cb(
            null,
            verifiedContentStream(
              bucket,
              new ObjectId(file.id),
              { sha256: file.sha256, size: file.size },
              (found) =>
                deps.logger.error(
                  { caseId, evidenceId: file.id, expected: file.sha256, found },
                  'evidence integrity check failed while exporting a case file',
                ),
            ),
          ),
        );
      }
      zip.end();
      return { fileName: `${doc.caseNo}.zip`, stream: zip.outputStream as Readable };
    },
  };
}
