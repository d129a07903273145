import type {
  CaseInvitationsView,
  InvitationItemView,
  InvitationView,
} from '../../shared/api/invitationView.js';
import type { CaseContext } from '../../shared/machine/caseContext.js';
import { respondentIdAt, serviceAt } from '../../shared/machine/respondents.js';
import type { Channel } from '../../shared/vocabulary.js';
import type { CaseDoc } from '../cases/caseModel.js';
import type { MailOutboxDoc } from '../mail/mailOutboxModel.js';
import type { InvitationDoc } from './invitationModel.js';
import { namedRespondents, slotOf } from './respondentSlot.js';

/** An address with its local part hidden but its first character (`z***@example.com`). */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${email[0]}***${email.slice(at)}`;
}

/** An invitation as the holder of its link sees it: the case's heading, never the address in full. */
export function presentInvitation(inv: InvitationDoc, doc: CaseDoc, accountExists: boolean): InvitationView {
  return {
    state: inv.state === 'claimed' ? 'claimed' : 'pending',
    caseId: inv.state === 'claimed' ? inv.caseId : null,
    caseNo: doc.caseNo,
    title: doc.title,
    // the parties as the complaint names them (the filing account may be an agent's)
    complainantName: doc.complaint.complainant.name,
    // the respondent this link invites (one of several, each with their own link)
    respondentName: namedRespondents(doc)[slotOf(inv)]?.name ?? doc.respondentName,
    channel: (doc.channel as Channel | null) ?? null,
    expiresAt: inv.expiresAt.toISOString(),
    emailHint: maskEmail(inv.email),
    accountExists,
  };
}

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);

/** A case's invitations for its staff, with each mail's delivery state. */
export function presentCaseInvitations(
  doc: CaseDoc,
  items: InvitationDoc[],
  mailOf: (inv: InvitationDoc) => Pick<MailOutboxDoc, 'state' | 'sentAt'> | undefined,
  now: Date,
): CaseInvitationsView {
  const context = (doc.snapshot as { context: CaseContext }).context;
  const views: InvitationItemView[] = items.map((inv) => {
    const mail = mailOf(inv);
    const expired = inv.state === 'pending' && inv.expiresAt.getTime() <= now.getTime();
    return {
      id: inv._id,
      respondent: slotOf(inv),
      email: inv.email,
      state: expired ? 'expired' : inv.state,
      createdAt: inv.createdAt.toISOString(),
      expiresAt: inv.expiresAt.toISOString(),
      openedAt: iso(inv.openedAt),
      claimedAt: iso(inv.claimedAt),
      voidReason: inv.voidReason,
      mail: mail?.state ?? null,
      mailSentAt: iso(mail?.sentAt),
    };
  });
  const respondents = namedRespondents(doc).map((r, slot) => {
    const last = items.filter((i) => slotOf(i) === slot).pop();
    return {
      respondent: slot,
      name: r.name,
      email: last?.email ?? r.email?.toLowerCase() ?? null,
      linked: respondentIdAt(context, slot) !== null,
      service: serviceAt(context, slot),
    };
  });
  return {
    email: respondents[0]?.email ?? null,
    service: context.service ?? null,
    respondents,
    items: views,
  };
}
