/**
 * What the API shows of a respondent's invitation: to the holder of its link (`InvitationView`, never
 * the address in full) and to staff (`CaseInvitationsView`, addresses included).
 */
import type { ServiceRecord } from '../machine/serviceRules.js';
import type { Channel } from '../vocabulary.js';

/** An invitation link as its holder sees it (`GET /api/invitations/{token}`). */
export interface InvitationView {
  /** `pending`: it may be used; `claimed`: the caller claimed it (only they see the case through it). */
  state: 'pending' | 'claimed';
  /** The case, once the caller holds it as its respondent; null before. */
  caseId: string | null;
  caseNo: string;
  title: string;
  complainantName: string;
  respondentName: string;
  channel: Channel | null;
  expiresAt: string;
  /** The address the link was sent to, masked (`z***@example.com`). */
  emailHint: string;
  /** An account with that address exists: sign in and claim rather than register. */
  accountExists: boolean;
}

/** The answer to registering or claiming through a link: the case the caller now answers in. */
export interface InvitationClaimView {
  caseId: string;
  /** After registering: the new account's session (as `POST /api/auth/login` gives it). */
  token?: string;
  expiresAt?: string;
  user?: { id: string; email: string; name: string; role: string; orgId: string | null; expertise: string[] };
}

/** One invitation of a case, as staff see it. */
export interface InvitationItemView {
  id: string;
  /** The respondent invited (0 the complaint's first, 1… the others). */
  respondent: number;
  email: string;
  state: 'pending' | 'claimed' | 'void' | 'expired';
  createdAt: string;
  expiresAt: string;
  openedAt: string | null;
  claimedAt: string | null;
  voidReason: 'resent' | 'addressChanged' | null;
  /**
   * Its mail: queued, handed to the mail server (`sent`, with `mailSentAt`), kept in the local outbox
   * (no SMTP server configured), or failed.
   */
  mail: 'queued' | 'sent' | 'kept' | 'failed' | null;
  mailSentAt: string | null;
}

/** A case's invitations and the respondents' service (`GET /api/cases/{id}/invitations`, staff). */
export interface CaseInvitationsView {
  /** The first respondent's address now (the complaint's, or the last one staff set). */
  email: string | null;
  /** The first respondent's service. */
  service: ServiceRecord | null;
  /** Every respondent the complaint names, with their address now and their service. */
  respondents: InvitedRespondentView[];
  items: InvitationItemView[];
}

/** One respondent of a case as its staff see it for invitations. */
export interface InvitedRespondentView {
  respondent: number;
  name: string;
  email: string | null;
  linked: boolean;
  service: ServiceRecord | null;
}
