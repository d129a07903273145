import type { Readable } from 'node:stream';
import { ObjectId } from 'mongodb';
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import type { EvidenceView } from '../../shared/api/evidenceView.js';
import { actorOf, type AuthUser } from '../auth/authUser.js';
import type { CaseEventDoc } from '../cases/caseEventModel.js';
import type { CaseDoc } from '../cases/caseModel.js';
import type { CaseService } from '../cases/caseService.js';
import type { CaseStore } from '../cases/caseStore.js';
import { recordFact } from '../cases/recordFact.js';
import { DomainError } from '../errors/domainError.js';
import type { WriteLimits } from '../limits/writeLimits.js';
import { discardEvidenceFile, evidenceBucket } from './evidenceBucket.js';
import { EVIDENCE_ADDED, type EvidenceAddedData } from './evidenceEvent.js';
import { storedContentMatches, verifiedContentStream } from './evidenceIntegrity.js';
import { presentEvidence } from './evidencePresenter.js';
import { receiveEvidenceUpload, type MultipartSource } from './receiveEvidenceUpload.js';
import { storeEvidenceFile } from './storeEvidenceFile.js';

/** A verified evidence file ready to be sent. */
export interface EvidenceDownload {
  name: string;
  contentType: string;
  size: number;
  sha256: string;
  /** The content, hashed again while it streams: the stream fails rather than end if it changed. */
  open(): Readable;
  /**
   * Bytes `start` to `end` (inclusive) of the content, for a range request (a video player seeking).
   * The whole file was checked against its SHA-256 just before; a part alone cannot be.
   */
  openRange(start: number, end: number): Readable;
}

/** Evidence of cases: upload (multipart, into GridFS), list and verified download. */
export interface EvidenceService {
  /** Stores the multipart upload of `source` and records it on the case (`EVIDENCE_ADDED`). */
  upload(user: AuthUser, caseId: string, source: MultipartSource): Promise<EvidenceView>;
  list(user: AuthUser, caseId: string): Promise<EvidenceView[]>;
  /** Checks access, then that the stored content still hashes to the recorded SHA-256 (409 if not). */
  download(user: AuthUser, caseId: string, evidenceId: string): Promise<EvidenceDownload>;
}

/** What the evidence service needs. */
export interface EvidenceServiceDeps {
  db: Connection;
  cases: Pick<CaseService, 'loadVisible'>;
  store: CaseStore;
  logger: Pick<Logger, 'error'>;
  /** Largest accepted file, in bytes. */
  maxBytes: number;
  /** Uploads per user (none: not limited). */
  limits?: WriteLimits;
}

const CLOSED_DETAIL = 'This case is closed: no evidence can be added.';

const assertOpen = (doc: Pick<CaseDoc, 'status'>) => {
  if (doc.status === 'closed') throw new DomainError('conflict', CLOSED_DETAIL, { code: 'caseClosed' });
};

const noSuchEvidence = () => new DomainError('notFound', 'No such evidence on this case.');

/** Builds the evidence service. */
export function createEvidenceService(deps: EvidenceServiceDeps): EvidenceService {
  const { db, cases, store, logger, maxBytes } = deps;

  return {
    async upload(user, caseId, source) {
      assertOpen((await cases.loadVisible(user, caseId)).doc);
      // counted before the file is read: over the limit nothing is stored
      await deps.limits?.consume('evidence', user.id);
      const bucket = evidenceBucket(db);
      const { file, description } = await receiveEvidenceUpload(source, {
        maxBytes,
        store: (incoming) =>
          storeEvidenceFile(bucket, incoming, { maxBytes, metadata: { caseId, uploadedBy: user.id } }),
        discard: (stored) => discardEvidenceFile(bucket, stored.id),
      });
      const data: EvidenceAddedData = {
        evidenceId: file.id.toHexString(),
        name: file.name,
        contentType: file.contentType,
        size: file.size,
        sha256: file.sha256,
        description,
      };
      let ev: CaseEventDoc;
      try {
        assertOpen((await cases.loadVisible(user, caseId)).doc); // it may have closed during the upload
        // checked again in the commit: a close that wins the race refuses the evidence
        ev = await recordFact(store, caseId, actorOf(user), EVIDENCE_ADDED, { ...data }, undefined, {
          refuseWhenClosed: CLOSED_DETAIL,
        });
      } catch (err) {
        // a refusal recorded nothing: drop the file (after other failures it is kept, unreferenced)
        if (err instanceof DomainError) await discardEvidenceFile(bucket, file.id);
        throw err;
      }
      return presentEvidence(ev);
    },

    async list(user, caseId) {
      await cases.loadVisible(user, caseId);
      return (await store.eventsOfType(caseId, EVIDENCE_ADDED)).map(presentEvidence);
    },

    async download(user, caseId, evidenceId) {
      await cases.loadVisible(user, caseId);
      if (typeof evidenceId !== 'string' || !/^[0-9a-f]{24}$/i.test(evidenceId)) throw noSuchEvidence();
      const wanted = evidenceId.toLowerCase();
      const ev = (await store.eventsOfType(caseId, EVIDENCE_ADDED)).find((e) => e.data.evidenceId === wanted);
      if (!ev) throw noSuchEvidence();
      const data = ev.data as unknown as EvidenceAddedData;
      const id = new ObjectId(data.evidenceId);
      const bucket = evidenceBucket(db);
      const expected = { sha256: data.sha256, size: data.size };
      const where = { caseId, evidenceId: data.evidenceId, seq: ev.seq, expected };

      const check = await storedContentMatches(bucket, id, expected);
      if (!check.ok) {
        logger.error(
          { ...where, found: { sha256: check.sha256, size: check.size }, problem: check.problem },
          'evidence integrity check failed',
        );
        throw new DomainError(
          'conflict',
          'Integrity check failed: the stored file no longer matches the SHA-256 recorded when it was uploaded.',
          { code: 'integrityCheckFailed', evidenceId: data.evidenceId },
        );
      }
      return {
        name: data.name,
        contentType: data.contentType,
        size: data.size,
        sha256: data.sha256,
        open: () =>
          verifiedContentStream(bucket, id, expected, (found) =>
            logger.error({ ...where, found }, 'evidence integrity check failed while sending'),
          ),
        openRange: (start, end) => bucket.openDownloadStream(id, { start, end: end + 1 }),
      };
    },
  };
}
