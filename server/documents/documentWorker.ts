import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createHash } from 'node:crypto';
import { ObjectId } from 'mongodb';
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import type { CaseEventDoc } from '../cases/caseEventModel.js';
import type { CaseStore } from '../cases/caseStore.js';
import { recordFact } from '../cases/recordFact.js';
import { SYSTEM_ACTOR } from '../cases/systemActor.js';
import { documentBucket } from './documentBucket.js';
import { documentContent, titleOf } from './documentContent.js';
import { DOCUMENT_ISSUED, type DocumentIssuedData } from '../cases/documentIssued.js';
import { documentFacts } from './documentFacts.js';
import { documentJobModel, type DocumentJobDoc } from './documentJobModel.js';
import { documentIdOf } from '../../shared/documents/documentKinds.js';
import { renderPdf } from './renderPdf.js';

/** Renders queued documents after their events commit, so an action never waits for a PDF. */
export interface DocumentWorker {
  /** Renders whenever a commit queues documents, and every `intervalMs` (jobs a crash left). */
  start(): void;
  stop(): Promise<void>;
  /** Renders every waiting document now (of one case with `caseId`); resolves with how many it issued. */
  drain(opts?: { caseId?: string }): Promise<number>;
}

/** An unclaimed job's claim time. */
export const EPOCH = new Date(0);

/** How long a worker holds a job it renders before another may take it over. */
const CLAIM_MS = 60_000;
/** A job that failed this often is left for a person to look at (it stays pending). */
const MAX_ATTEMPTS = 5;

class AlreadyIssued extends Error {}

/**
 * Builds the document worker. Each job is claimed (one worker renders it), rendered from the case,
 * stored in GridFS and recorded by a `DOCUMENT_ISSUED` event whose transaction also marks the job
 * issued: a document is issued once, whatever crashes or races happen in between.
 */
export function createDocumentWorker(deps: {
  db: Connection;
  store: CaseStore;
  logger: Pick<Logger, 'warn' | 'error'>;
  now: () => Date;
  intervalMs?: number;
}): DocumentWorker {
  const { db, store, logger, now } = deps;
  const Jobs = documentJobModel(db);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let scheduled = false;
  let started = false;

  async function issue(job: DocumentJobDoc): Promise<boolean> {
    // claimed by compare-and-set on the claim's time, by `_id` alone (the primary key serves it)
    const seen = await Jobs.findById(job._id).lean<DocumentJobDoc>();
    const at = now();
    if (!seen?.pending || (seen.claimedUntil && seen.claimedUntil > at)) return false;
    const until = new Date(at.getTime() + CLAIM_MS + Math.random());
    const after = await Jobs.findOneAndUpdate(
      { _id: job._id },
      [
        {
          $set: {
            claimedUntil: {
              $cond: [{ $eq: ['$claimedUntil', seen.claimedUntil ?? EPOCH] }, until, '$claimedUntil'],
            },
          },
        },
      ],
      { returnDocument: 'after', updatePipeline: true },
    ).lean<DocumentJobDoc>();
    const claimed = after?.claimedUntil?.getTime() === until.getTime();
    if (!claimed) return false;
    const { doc } = await store.load(job.caseId);
    if ((doc as { pendingEffects?: number }).pendingEffects !== undefined) {
      // the case's follow-ups are being appended: render after them (the next pass), not between them
      await Jobs.updateOne({ _id: job._id }, { $set: { claimedUntil: EPOCH } });
      return false;
    }
    const event = await store.models.events.findById(`${job.caseId}:${job.sourceSeq}`).lean<CaseEventDoc>();
    if (!event) throw new Error(`document ${job._id}: its event is missing`);
    const facts = await documentFacts(db, store, doc, event, job.kind);
    const documentId = documentIdOf(job.sourceSeq, job.kind, job.lang);
    const pdf = await renderPdf(documentContent(job.kind, facts, job.lang), {
      title: `${titleOf(job.kind, job.lang)} ${doc.caseNo}`,
      subject: doc.title,
      createdAt: new Date(event.at),
      lang: job.lang,
      footer: [
        `Sevenfold · ${doc.caseNo} · ${documentId}`,
        `${job.lang === 'zh-CN' ? '依据事件' : 'Issued for event'} #${event.seq} ${event.type} · ${job.lang === 'zh-CN' ? '事件哈希' : 'event hash'} ${event.hash}`,
      ],
    });
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    const name = `${doc.caseNo}-${documentId}.pdf`;
    const bucket = documentBucket(db);
    const fileId = new ObjectId();
    await pipeline(
      Readable.from([pdf]),
      bucket.openUploadStreamWithId(fileId, name, {
        metadata: { caseId: doc._id, documentId, contentType: 'application/pdf' },
      }),
    );
    const data: DocumentIssuedData = {
      documentId,
      fileId: fileId.toHexString(),
      kind: job.kind,
      lang: job.lang,
      sourceSeq: job.sourceSeq,
      name,
      contentType: 'application/pdf',
      size: pdf.length,
      sha256,
      ...(facts.agreement ? { textSha256: facts.agreement.sha256 } : {}),
    };
    try {
      await recordFact(store, doc._id, SYSTEM_ACTOR, DOCUMENT_ISSUED, { ...data }, async (session, ev) => {
        // read in the transaction: a second issue of the job conflicts with this one
        const current = await Jobs.findById(job._id).session(session).lean<DocumentJobDoc>();
        if (!current?.pending) throw new AlreadyIssued();
        await Jobs.updateOne(
          { _id: job._id },
          { $unset: { pending: 1 }, $set: { issuedSeq: ev.seq, claimedUntil: EPOCH } },
          { session },
        );
      });
    } catch (err) {
      await bucket.delete(fileId).catch(() => undefined);
      if (err instanceof AlreadyIssued) return false;
      throw err;
    }
    return true;
  }

  async function drainOnce(caseId?: string): Promise<number> {
    let issued = 0;
    const tried = new Set<string>();
    for (;;) {
      const jobs = (
        await Jobs.find({ pending: true, ...(caseId ? { caseId } : {}) })
          .limit(20)
          .lean<DocumentJobDoc[]>()
      ).filter((j) => !tried.has(j._id) && j.attempts < MAX_ATTEMPTS);
      if (jobs.length === 0) return issued;
      for (const job of jobs) {
        tried.add(job._id);
        try {
          if (await issue(job)) issued++;
        } catch (err) {
          await Jobs.updateOne({ _id: job._id }, { $inc: { attempts: 1 } }).catch(() => undefined);
          logger.error({ err, job: job._id }, 'rendering a document failed; it is tried again later');
        }
      }
    }
  }

  /** Runs one pass after any pass under way (passes never overlap in one process). */
  function drain(opts: { caseId?: string } = {}): Promise<number> {
    const next = (running ?? Promise.resolve(0)).catch(() => 0).then(() => drainOnce(opts.caseId));
    const tracked = next.finally(() => {
      if (running === tracked) running = undefined;
    });
    running = tracked;
    return next;
  }

  /** A commit may have queued documents: render them soon, outside the commit (once per burst). */
  function kick(): void {
    if (!started || scheduled) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      drain().catch((err: unknown) => logger.error({ err }, 'the document worker failed'));
    });
  }

  store.onAppended(({ event }) => {
    if (event.kind === 'transition') kick();
  });

  return {
    start() {
      started = true;
      timer = setInterval(kick, deps.intervalMs ?? 5_000);
      timer.unref();
      kick();
    },
    async stop() {
      started = false;
      if (timer) clearInterval(timer);
      await running?.catch(() => undefined);
    },
    drain,
  };
}
