import type { Readable } from 'node:stream';
import { ObjectId } from 'mongodb';
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import type { AgreementView, DocumentIntegrityView, DocumentView } from '../../shared/api/documentView.js';
import type { AuthUser } from '../auth/authUser.js';
import type { CaseService } from '../cases/caseService.js';
import type { CaseStore } from '../cases/caseStore.js';
import { DomainError } from '../errors/domainError.js';
import { storedContentMatches, verifiedContentStream } from '../evidence/evidenceIntegrity.js';
import { agreementState } from './agreementState.js';
import { documentBucket } from './documentBucket.js';
import { DOCUMENT_ISSUED, type DocumentIssuedData } from '../cases/documentIssued.js';
import { presentDocument } from './documentPresenter.js';

/** A verified document ready to be sent. */
export interface DocumentDownload {
  name: string;
  size: number;
  sha256: string;
  /** The content, hashed again while it streams: the stream fails rather than end if it changed. */
  open(): Readable;
}

/** Generated documents and the agreement being signed, for those who may see a case. */
export interface DocumentService {
  list(user: AuthUser, caseId: string): Promise<DocumentView[]>;
  /** Checks access, then that the stored PDF still hashes to its recorded SHA-256 (409 if not). */
  download(user: AuthUser, caseId: string, documentId: string): Promise<DocumentDownload>;
  /** Whether the stored PDF still is what its `DOCUMENT_ISSUED` event recorded. */
  integrity(user: AuthUser, caseId: string, documentId: string): Promise<DocumentIntegrityView>;
  /** The current draft agreement: its full text, SHA-256 and signatures (404 before any draft). */
  agreement(user: AuthUser, caseId: string): Promise<AgreementView>;
}

const noSuchDocument = () => new DomainError('notFound', 'No such document on this case.');

/** Builds the document service. */
export function createDocumentService(deps: {
  db: Connection;
  cases: Pick<CaseService, 'loadVisible'>;
  store: CaseStore;
  logger: Pick<Logger, 'error'>;
}): DocumentService {
  const { db, cases, store, logger } = deps;

  async function find(user: AuthUser, caseId: string, documentId: string) {
    await cases.loadVisible(user, caseId);
    const ev = (await store.eventsOfType(caseId, DOCUMENT_ISSUED)).find(
      (e) => e.data.documentId === documentId,
    );
    if (!ev) throw noSuchDocument();
    const data = ev.data as unknown as DocumentIssuedData;
    return { ev, data, id: new ObjectId(data.fileId), expected: { sha256: data.sha256, size: data.size } };
  }

  return {
    async list(user, caseId) {
      await cases.loadVisible(user, caseId);
      return (await store.eventsOfType(caseId, DOCUMENT_ISSUED)).map(presentDocument);
    },

    async download(user, caseId, documentId) {
      const { ev, data, id, expected } = await find(user, caseId, documentId);
      const bucket = documentBucket(db);
      const where = { caseId, documentId, seq: ev.seq, expected };
      const check = await storedContentMatches(bucket, id, expected);
      if (!check.ok) {
        logger.error(
          { ...where, found: check.sha256, problem: check.problem },
          'document integrity check failed',
        );
        throw new DomainError(
          'conflict',
          'Integrity check failed: the stored document no longer matches the SHA-256 recorded when it was issued.',
          { code: 'integrityCheckFailed', documentId },
        );
      }
      return {
        name: data.name,
        size: data.size,
        sha256: data.sha256,
        open: () =>
          verifiedContentStream(bucket, id, expected, (found) =>
            logger.error({ ...where, found }, 'document integrity check failed while sending'),
          ),
      };
    },

    async integrity(user, caseId, documentId) {
      const { data, id, expected } = await find(user, caseId, documentId);
      const check = await storedContentMatches(documentBucket(db), id, expected);
      return {
        id: documentId,
        ok: check.ok,
        sha256: data.sha256,
        found: check.sha256 ?? null,
        problem: check.problem ?? null,
      };
    },

    async agreement(user, caseId) {
      const { doc } = await cases.loadVisible(user, caseId);
      const state = await agreementState(store, doc);
      if (!state) throw new DomainError('notFound', 'No agreement has been proposed on this case.');
      return state;
    },
  };
}
