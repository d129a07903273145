import { emailTaken } from '../users/userLookups.js';
import type { Connection } from 'mongoose';
import type {
  CaseInvitationsView,
  InvitationClaimView,
  InvitationView,
} from '../../shared/api/invitationView.js';
import type { CaseContext } from '../../shared/case/caseContext.js';
import { actorOf, type AuthUser } from '../auth/authUser.js';
import { mayActOn } from '../cases/casePolicy.js';
import type { TokenService } from '../auth/tokenService.js';
import type { CaseDoc } from '../cases/caseModel.js';
import type { CaseService } from '../cases/caseService.js';
import type { CaseStore } from '../cases/caseStore.js';
import { recordFact } from '../cases/recordFact.js';
import { SYSTEM_ACTOR } from '../cases/systemActor.js';
import { DomainError } from '../errors/domainError.js';
import { conflict, forbidden } from '../http/httpErrors.js';
import { mailStates } from '../mail/mailStates.js';
import { presentUser } from '../users/userPresenter.js';
import type { UserService } from '../users/userService.js';
import { invitationMailKey, type InvitationIssuer } from './createInvitationIssuer.js';
import {
  invitationClaimed,
  invitationExpired,
  invitationReplaced,
  invitationUnknown,
} from './invitationErrors.js';
import { INVITATION_OPENED, INVITATION_SENT, RESPONDENT_ADDRESS_CHANGED } from './invitationEvents.js';
import { invitationModel, type InvitationDoc } from './invitationModel.js';
import { presentCaseInvitations, presentInvitation } from './invitationPresenter.js';
import { hashInvitationToken } from './invitationTokens.js';

/** Invitations of respondents: what the holder of a link may do, and what staff may do on a case. */
export interface InvitationService {
  /** What the link's holder may see (recording the first opening); errors say only what the link is. */
  open(token: string, user: AuthUser | undefined): Promise<InvitationView>;
  /** Creates the respondent's account with the link's address, binds it to the case and serves them. */
  register(token: string, input: { name: string; password: string }): Promise<InvitationClaimView>;
  /** The signed-in respondent claims the case: bound to it and served. */
  claim(token: string, user: AuthUser): Promise<InvitationClaimView>;
  /** The case's invitations and service (staff of the case). */
  list(user: AuthUser, caseId: string): Promise<CaseInvitationsView>;
  /** A new link to the current address; the pending one is void. */
  resend(user: AuthUser, caseId: string): Promise<CaseInvitationsView>;
  /** The respondent's address changes (recorded old → new, for staff only) and a link goes to it. */
  changeAddress(user: AuthUser, caseId: string, email: string): Promise<CaseInvitationsView>;
}

/** What the invitation service needs. */
export interface InvitationServiceDeps {
  db: Connection;
  store: CaseStore;
  cases: CaseService;
  users: UserService;
  tokens: TokenService;
  issuer: InvitationIssuer;
  now?: () => Date;
}

const contextOf = (doc: CaseDoc) => (doc.snapshot as { context: CaseContext }).context;

/** Builds the invitation service. */
export function createInvitationService(deps: InvitationServiceDeps): InvitationService {
  const Invitations = invitationModel(deps.db);
  const now = deps.now ?? (() => new Date());

  /** The pending, unexpired invitation of a token, or the error that says what the link is. */
  async function usable(token: string, user?: AuthUser): Promise<{ inv: InvitationDoc; doc: CaseDoc }> {
    const inv = await Invitations.findOne({ tokenHash: hashInvitationToken(token) }).lean();
    if (!inv) throw invitationUnknown();
    if (inv.state === 'void') throw invitationReplaced();
    if (inv.state === 'claimed' && (!user || user.id !== inv.claimedBy)) throw invitationClaimed();
    if (inv.state === 'pending' && inv.expiresAt.getTime() <= now().getTime()) throw invitationExpired();
    const { doc } = await deps.store.load(inv.caseId);
    return { inv, doc };
  }

  /** Marks the link used (once: a second use finds it claimed), binds the account and records service. */
  async function claimWith(inv: InvitationDoc, userId: string): Promise<void> {
    const at = now();
    // one conditional write by _id (an update pipeline): only a pending, unexpired link becomes claimed,
    // and the document as it was tells whether this call claimed it
    const pendingNow = {
      $and: [{ $eq: ['$state', 'pending'] }, { $gt: ['$expiresAt', at] }],
    };
    const before = await Invitations.findOneAndUpdate(
      { _id: inv._id },
      [
        {
          $set: {
            state: { $cond: [pendingNow, 'claimed', '$state'] },
            claimedAt: { $cond: [pendingNow, at, '$claimedAt'] },
            claimedBy: { $cond: [pendingNow, userId, '$claimedBy'] },
          },
        },
      ],
      { returnDocument: 'before', updatePipeline: true },
    ).lean();
    if (!before || before.state !== 'pending' || before.expiresAt.getTime() <= at.getTime()) {
      throw before?.state === 'void'
        ? invitationReplaced()
        : before?.state === 'pending'
          ? invitationExpired()
          : invitationClaimed();
    }
    try {
      const context = contextOf((await deps.store.load(inv.caseId)).doc);
      if (context.respondentId !== userId) {
        await deps.store.transition(inv.caseId, SYSTEM_ACTOR, {
          type: 'LINK_RESPONDENT',
          respondentId: userId,
        });
      }
      if (!context.service && context.outcome === null && context.closureReason === null) {
        await deps.store.transition(inv.caseId, SYSTEM_ACTOR, {
          type: 'SERVE',
          means: 'link',
          servedAt: at.toISOString(),
        });
      }
    } catch (err) {
      // the case refused (closed meanwhile): the link stays usable for what it still can do
      const mine = { $and: [{ $eq: ['$state', 'claimed'] }, { $eq: ['$claimedBy', userId] }] };
      await Invitations.updateOne(
        { _id: inv._id },
        [
          {
            $set: {
              state: { $cond: [mine, 'pending', '$state'] },
              claimedAt: { $cond: [mine, null, '$claimedAt'] },
              claimedBy: { $cond: [mine, null, '$claimedBy'] },
            },
          },
        ],
        { updatePipeline: true },
      );
      if (err instanceof DomainError && err.kind === 'conflict') {
        throw conflict('This case can no longer take a respondent: it is closed.', { code: 'caseClosed' });
      }
      throw err;
    }
  }

  /** The case, for a member of its staff: its handling organisation's officer, an assignee, an admin. */
  async function staffCase(user: AuthUser, caseId: string): Promise<CaseDoc> {
    const { doc } = await deps.cases.loadVisible(user, caseId);
    const staff =
      user.role === 'admin' ||
      (user.role === 'officer' && mayActOn(user, doc)) ||
      doc.assigneeIds.includes(user.id);
    if (!staff) throw forbidden('Only the staff of this case see and send its invitations.');
    return doc;
  }

  async function view(doc: CaseDoc): Promise<CaseInvitationsView> {
    const items = await Invitations.find({ caseId: doc._id }).sort({ createdAt: 1 }).limit(100).lean();
    const mails = await mailStates(
      deps.db,
      items.map((i) => invitationMailKey(i._id)),
    );
    const mailOf = new Map(mails.map((m) => [String(m._id), m]));
    return presentCaseInvitations(doc, items, (inv) => mailOf.get(invitationMailKey(inv._id)), now());
  }

  async function currentAddress(doc: CaseDoc): Promise<string | null> {
    const latest = await Invitations.find({ caseId: doc._id }, { email: 1 })
      .sort({ createdAt: -1 })
      .limit(1)
      .lean();
    return latest[0]?.email ?? doc.complaint.respondent.email?.toLowerCase() ?? null;
  }

  function refuseWhenServed(doc: CaseDoc): void {
    const context = contextOf(doc);
    if (context.service)
      throw conflict('The respondent has been served: no new invitation is needed.', {
        code: 'invitationNotNeeded',
      });
    if (!doc.channel || context.closureReason !== null || context.outcome !== null) {
      throw conflict('Invitations are sent while the case is in a procedure, before a decision.', {
        code: 'invitationNotNow',
      });
    }
  }

  return {
    async open(token, user) {
      const { inv, doc } = await usable(token, user);
      if (inv.state === 'pending' && !inv.openedAt) {
        const first = await Invitations.findOneAndUpdate(
          { _id: inv._id },
          [{ $set: { openedAt: { $ifNull: ['$openedAt', now()] } } }],
          { returnDocument: 'before', updatePipeline: true },
        ).lean();
        if (first && first.openedAt === null) {
          await recordFact(deps.store, doc._id, SYSTEM_ACTOR, INVITATION_OPENED, { invitationId: inv._id });
        }
      }
      const accountExists = await emailTaken(deps.db, inv.email);
      return presentInvitation(inv, doc, accountExists);
    },

    async register(token, input) {
      const { inv } = await usable(token);
      if (inv.state !== 'pending') throw invitationClaimed();
      let created;
      try {
        created = await deps.users.create({
          email: inv.email,
          password: input.password,
          name: input.name,
          role: 'respondent',
          orgId: null,
        });
      } catch (err) {
        if (err instanceof DomainError && err.kind === 'conflict') {
          throw conflict('An account with this e-mail already exists: sign in, then claim the case.', {
            code: 'invitationAccountExists',
          });
        }
        throw err;
      }
      await claimWith(inv, created._id);
      const session = await deps.tokens.issue(created._id, created.role);
      return {
        caseId: inv.caseId,
        token: session.token,
        expiresAt: session.expiresAt.toISOString(),
        user: presentUser(created),
      };
    },

    async claim(token, user) {
      const { inv, doc } = await usable(token, user);
      if (inv.state === 'claimed') return { caseId: inv.caseId };
      if (user.role !== 'respondent')
        throw forbidden('Sign in with a respondent account to claim this case.');
      const linked = contextOf(doc).respondentId;
      if (linked && linked !== user.id)
        throw forbidden('Another account answers for the respondent of this case.');
      await claimWith(inv, user.id);
      return { caseId: inv.caseId };
    },

    async list(user, caseId) {
      return view(await staffCase(user, caseId));
    },

    async resend(user, caseId) {
      const doc = await staffCase(user, caseId);
      refuseWhenServed(doc);
      const email = await currentAddress(doc);
      if (!email)
        throw conflict('The complaint gives no address for the respondent: set one first.', {
          code: 'invitationNoAddress',
        });
      const prepared = deps.issuer.prepare();
      await recordFact(
        deps.store,
        caseId,
        actorOf(user),
        INVITATION_SENT,
        { ...prepared, reason: 'resent' },
        (session) =>
          deps.issuer.issue(session, {
            prepared,
            caseDoc: doc,
            email,
            createdBy: user.id,
            voidReason: 'resent',
          }),
      );
      return view((await deps.store.load(caseId)).doc);
    },

    async changeAddress(user, caseId, email) {
      const doc = await staffCase(user, caseId);
      refuseWhenServed(doc);
      const from = await currentAddress(doc);
      if (from === email)
        throw conflict('This is already the respondent’s address.', { code: 'invitationSameAddress' });
      const prepared = deps.issuer.prepare();
      // the addresses are personal data: the event is for staff only
      const data = { from, to: email, ...prepared, visibility: 'staff' };
      await recordFact(deps.store, caseId, actorOf(user), RESPONDENT_ADDRESS_CHANGED, data, (session) =>
        deps.issuer.issue(session, {
          prepared,
          caseDoc: doc,
          email,
          createdBy: user.id,
          voidReason: 'addressChanged',
        }),
      );
      return view((await deps.store.load(caseId)).doc);
    },
  };
}
