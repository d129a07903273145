import { randomBytes } from 'node:crypto';
import type { Connection } from 'mongoose';
import type { MessagePage, MessageView } from '../../shared/api/messageView.js';
import { caseIdParamsSchema } from '../../shared/schemas/caseQueries.js';
import { messageSchema, type MessageInput } from '../../shared/schemas/messages.js';
import { MESSAGE_VISIBILITIES, type MessageVisibility } from '../../shared/vocabulary.js';
import { actorOf, type AuthUser } from '../auth/authUser.js';
import { canReadMessage, canWriteMessage } from '../auth/casePolicy.js';
import type { CaseEventDoc } from '../cases/caseEventModel.js';
import type { CaseService } from '../cases/caseService.js';
import type { CaseStore } from '../cases/caseStore.js';
import { recordFact } from '../cases/recordFact.js';
import { isDuplicateKeyError } from '../db/duplicateKeyError.js';
import { DomainError } from '../errors/domainError.js';
import { MESSAGE_POSTED, messagePostedData, type MessagePostedData } from './messageEvent.js';
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

/** The `messages` document of a `MESSAGE_POSTED` event (everything it holds is in the event). */
function messageOf(ev: CaseEventDoc): MessageDoc {
  const data = ev.data as unknown as MessagePostedData;
  return {
    _id: data.messageId,
    caseId: ev.caseId,
    seq: ev.seq,
    authorId: ev.actor.id,
    authorRole: ev.actor.role as MessageDoc['authorRole'], // people post messages, never the system
    authorName: data.authorName,
    visibility: data.visibility,
    body: data.body,
    createdAt: new Date(ev.at),
  };
}

/** Builds the message service. */
export function createMessageService(deps: {
  db: Connection;
  cases: Pick<CaseService, 'loadVisible'>;
  store: CaseStore;
}): MessageService {
  const { cases, store } = deps;
  const Messages = messageModel(deps.db);

  /**
   * Writes the messages of a case's log that `messages` lacks: a server that stopped between
   * appending a message's event and writing its document left it in the timeline (and pushed it
   * live) but out of the list. Like the case projection, the list is repaired on read.
   */
  async function repairMessages(caseId: string): Promise<void> {
    const [log, stored] = await Promise.all([store.events(caseId), Messages.countDocuments({ caseId })]);
    const events = log.filter((ev) => ev.type === MESSAGE_POSTED);
    if (events.length === stored) return;
    const have = new Set((await Messages.find({ caseId }, { _id: 1 }).lean()).map((m) => m._id));
    for (const ev of events) {
      const message = messageOf(ev);
      if (!have.has(message._id)) await insertMessage(message);
    }
  }

  /** Writes a message document; one already there (written by a repair) is the same message. */
  async function insertMessage(message: MessageDoc): Promise<void> {
    try {
      await Messages.create(message);
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
    }
  }

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
      if (doc.status === 'closed') {
        throw new DomainError('conflict', 'This case is closed: no more messages can be posted.', {
          code: 'caseClosed',
        });
      }
      if (!canWriteMessage(user, doc, visibility)) {
        throw new DomainError(
          'forbidden',
          `Only the mediator and the party of a ${visibility} may write in it.`,
        );
      }
      if (visibility !== 'joint' && !doc.mediatorId) {
        throw new DomainError('conflict', 'A caucus opens once a mediator is assigned to the case.', {
          code: 'noMediator',
        });
      }
      const messageId = randomBytes(12).toString('base64url');
      const data = messagePostedData(messageId, visibility, user.name, body);
      const ev = await recordFact(store, caseId, actorOf(user), MESSAGE_POSTED, { ...data }, 'messageId');
      const message = messageOf(ev);
      await insertMessage(message);
      return presentMessage(message);
    },

    async list(user, caseId, query) {
      const doc = await loadVisible(user, caseId);
      await repairMessages(caseId);
      const readable = MESSAGE_VISIBILITIES.filter(
        (v) => canReadMessage(user, doc, v) && (!query.visibility || v === query.visibility),
      );
      if (readable.length === 0) return { items: [], nextBefore: null };
      const filter: Record<string, unknown> = { caseId, visibility: { $in: readable } };
      if (query.before !== undefined) filter.seq = { $lt: query.before };
      const docs = await Messages.find(filter)
        .sort({ seq: -1 })
        .limit(query.limit + 1)
        .lean<MessageDoc[]>();
      const items = docs.slice(0, query.limit);
      const last = items[items.length - 1];
      return {
        items: items.map(presentMessage),
        nextBefore: docs.length > query.limit && last ? last.seq : null,
      };
    },
  };
}
