import { randomBytes } from 'node:crypto';
import type { Connection } from 'mongoose';
import type { MessagePage, MessageView } from '../../shared/api/messageView.js';
import { caseIdParamsSchema } from '../../shared/schemas/caseQueries.js';
import { messageSchema, type MessageInput } from '../../shared/schemas/messages.js';
import { MESSAGE_VISIBILITIES, type MessageVisibility } from '../../shared/vocabulary.js';
import { actorOf, type AuthUser } from '../auth/authUser.js';
import { canReadMessage } from '../cases/casePolicy.js';
import type { CaseService } from '../cases/caseService.js';
import type { CaseStore } from '../cases/caseStore.js';
import { recordFact } from '../cases/recordFact.js';
import { respondentAtSeq } from '../cases/respondentAtSeq.js';
import { DomainError } from '../errors/domainError.js';
import type { WriteLimits } from '../limits/writeLimits.js';
import { assertMayWriteMessage } from './assertMayWriteMessage.js';
import { MESSAGE_POSTED, messagePostedData } from './messageEvent.js';
import { messageFromEvent } from './messageFromEvent.js';
import { messageModel, type MessageDoc } from './messageModel.js';
import { presentMessage } from './messagePresenter.js';

const CLOSED_DETAIL = 'This case is closed: no more messages can be posted.';

/** Filters and page of the message list (validated by `messageListQuerySchema`). */
export interface MessageListQuery {
  /** Only messages recorded before this case seq. */
  before?: number;
  limit: number;
  visibility?: MessageVisibility;
}

/** Case messages for the HTTP and realtime layers, each authorised for the calling user. */
export interface MessageService {
  /**
   * Posts a message. `input` is validated here with `messageSchema` (it may come straight from a
   * socket): 422 when invalid, 404 for a case the user cannot see, 409 when the case is closed or a
   * caucus has no mediator yet, 403 for a caucus the user is not part of, 429 over the user's limit.
   */
  post(user: AuthUser, caseId: string, input: unknown): Promise<MessageView>;
  /** The messages the user may read, newest first. */
  list(user: AuthUser, caseId: string, query: MessageListQuery): Promise<MessagePage>;
}

/** Builds the message service. */
export function createMessageService(deps: {
  db: Connection;
  cases: Pick<CaseService, 'loadVisible'>;
  store: CaseStore;
  /** Messages per user, over HTTP and Socket.IO alike (none: not limited). */
  limits?: WriteLimits;
}): MessageService {
  const { cases, store } = deps;
  const Messages = messageModel(deps.db);

  /**
   * Up to `want` messages of one visibility before a seq, newest first, that `mayRead` lets through:
   * read in batches of `want` by the {caseId, visibility, seq} index (one batch unless some are
   * skipped: a caucus of an earlier respondent), never the case's whole history at once.
   */
  async function readPage(
    caseId: string,
    visibility: MessageVisibility,
    before: number | undefined,
    want: number,
    mayRead: (m: MessageDoc) => boolean,
  ): Promise<MessageDoc[]> {
    const found: MessageDoc[] = [];
    let cursor = before;
    for (;;) {
      const filter: Record<string, unknown> = { caseId, visibility };
      if (cursor !== undefined) filter.seq = { $lt: cursor };
      const batch = await Messages.find(filter).sort({ seq: -1 }).limit(want).lean<MessageDoc[]>();
      found.push(...batch.filter(mayRead));
      const last = batch[batch.length - 1];
      if (found.length >= want || batch.length < want || !last) return found.slice(0, want);
      cursor = last.seq;
    }
  }

  const loadVisible = async (user: AuthUser, caseId: string) => {
    if (caseIdParamsSchema.validate({ id: caseId }).error)
      throw new DomainError('notFound', 'No such case.', { code: 'caseNotFound' });
    return (await cases.loadVisible(user, caseId)).doc;
  };

  return {
    async post(user, caseId, input) {
      const { value, error } = messageSchema.validate(input, { abortEarly: false, convert: true });
      if (error) {
        const errors = error.details.map((d) => ({
          path: d.path.join('.'),
          message: d.message.replace(/"/g, ''),
        }));
        throw new DomainError(
          'invalid',
          `The message is not valid: ${errors.map((e) => e.message).join('; ')}.`,
          { errors },
        );
      }
      const { body, visibility } = value as MessageInput;
      const doc = await loadVisible(user, caseId);
      assertMayWriteMessage(user, doc, visibility);
      await deps.limits?.consume('message', user.id);
      const messageId = randomBytes(12).toString('base64url');
      const data = messagePostedData(messageId, visibility, user.name, body);
      // the message document commits with its event: the list never lacks a message of the log
      const ev = await recordFact(
        store,
        caseId,
        actorOf(user),
        MESSAGE_POSTED,
        { ...data },
        async (session, event) => {
          await Messages.collection.insertOne(messageFromEvent(event) as never, { session });
        },
        // checked again in the commit: a close that wins the race refuses the message
        { refuseWhenClosed: CLOSED_DETAIL },
      );
      return presentMessage(messageFromEvent(ev));
    },

    async list(user, caseId, query) {
      const doc = await loadVisible(user, caseId);
      const readable = MESSAGE_VISIBILITIES.filter(
        (v) => canReadMessage(user, doc, v) && (!query.visibility || v === query.visibility),
      );
      if (readable.length === 0) return { items: [], nextBefore: null };
      const respondentAt = await respondentAtSeq(store, doc);
      // a caucus is read by the party of its time, not whoever holds the role now
      const mayRead = (m: MessageDoc) =>
        canReadMessage(user, { ...doc, respondentId: respondentAt(m.seq) }, m.visibility);
      // one page of each readable visibility, newest first, by the {caseId, visibility, seq} index
      const want = query.limit + 1;
      const pages = await Promise.all(
        readable.map((visibility) => readPage(caseId, visibility, query.before, want, mayRead)),
      );
      const docs = pages
        .flat()
        .sort((a, b) => b.seq - a.seq)
        .slice(0, want);
      const items = docs.slice(0, query.limit);
      const last = items[items.length - 1];
      return {
        items: items.map(presentMessage),
        nextBefore: docs.length > query.limit && last ? last.seq : null,
      };
    },
  };
}
