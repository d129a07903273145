import { randomBytes } from 'node:crypto';
import type { Connection } from 'mongoose';
import type { MessagePage, MessageView } from '../../shared/api/messageView.js';
import { caseIdParamsSchema } from '../../shared/schemas/caseQueries.js';
import { messageSchema, type MessageInput } from '../../shared/schemas/messages.js';
import { MESSAGE_VISIBILITIES, type MessageVisibility } from '../../shared/vocabulary.js';
import { actorOf, type AuthUser } from '../auth/authUser.js';
import { canReadMessage } from '../auth/casePolicy.js';
import type { CaseService } from '../cases/caseService.js';
import type { CaseStore } from '../cases/caseStore.js';
import { recordFact } from '../cases/recordFact.js';
import { DomainError } from '../errors/domainError.js';
import { assertMayWriteMessage } from './assertMayWriteMessage.js';
import { MESSAGE_POSTED, messagePostedData } from './messageEvent.js';
import { messageFromEvent } from './messageFromEvent.js';
import { messageModel, type MessageDoc } from './messageModel.js';
import { presentMessage } from './messagePresenter.js';

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
   * caucus has no mediator yet, 403 for a caucus the user is not part of.
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
}): MessageService {
  const { cases, store } = deps;
  const Messages = messageModel(deps.db);

  const loadVisible = async (user: AuthUser, caseId: string) => {
    if (caseIdParamsSchema.validate({ id: caseId }).error) throw new DomainError('notFound', 'No such case.');
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
      );
      return presentMessage(messageFromEvent(ev));
    },

    async list(user, caseId, query) {
      const doc = await loadVisible(user, caseId);
      const readable = MESSAGE_VISIBILITIES.filter(
        (v) => canReadMessage(user, doc, v) && (!query.visibility || v === query.visibility),
      );
      if (readable.length === 0) return { items: [], nextBefore: null };
      // the case's own messages by the {caseId, seq} index; what the reader may see is picked here
      const filter: Record<string, unknown> = { caseId };
      if (query.before !== undefined) filter.seq = { $lt: query.before };
      const docs = (await Messages.find(filter).sort({ seq: -1 }).lean<MessageDoc[]>())
        .filter((m) => readable.includes(m.visibility))
        .slice(0, query.limit + 1);
      const items = docs.slice(0, query.limit);
      const last = items[items.length - 1];
      return {
        items: items.map(presentMessage),
        nextBefore: docs.length > query.limit && last ? last.seq : null,
      };
    },
  };
}
