import { routeComplaint, type RoutingResult } from '../../../shared/intake/routing.js';
import { triage } from '../../../shared/intake/triage.js';
import type { Complaint } from '../../../shared/schemas/complaint.js';
import type { IpType, Remedy, Track } from '../../../shared/vocabulary.js';
import type { ComplaintDraft } from '../complaints/complaintDraft.js';

/** Where the infringement happens. */
export type Place = 'online' | 'offline' | 'export';
/** What the rights holder wants. */
export type Want = 'stop' | 'damages' | 'settle';

/** The self-help questionnaire's answers. */
export interface SelfHelpAnswers {
  ipType: IpType;
  place: Place;
  wants: Want[];
  amountCny: number;
  urgent: boolean;
  mediationOk: boolean;
}

/** The remedies the answers ask for. */
function remediesOf(a: SelfHelpAnswers): Remedy[] {
  const out: Remedy[] = [];
  if (a.wants.includes('stop')) out.push('cease');
  if (a.wants.includes('stop') && a.place === 'online') out.push('takedown');
  if (a.wants.includes('damages')) out.push('damages');
  return out.length ? out : ['cease'];
}

/**
 * The complaint the answers describe, as routing reads it (names and facts are placeholders the
 * rules do not weigh): the same triage and routing Sevenfold runs on a filing (`shared/intake/`).
 */
export function complaintOfAnswers(a: SelfHelpAnswers): Complaint {
  return {
    title: 'Self-help',
    description: 'Self-help questionnaire.',
    ipType: a.ipType,
    rights: [{ number: '-' }],
    complainant: { name: '-', type: 'enterprise', sme: true },
    respondent: { name: '-', type: 'enterprise' },
    ...(a.place === 'online' ? { ecommerce: { platform: '-', listingUrl: 'https://example.com/' } } : {}),
    claim: { amountCny: a.amountCny, remedies: remediesOf(a) },
    consents: { mediation: a.mediationOk || a.wants.includes('settle'), arbitrationAgreement: false },
    foreignRelated: a.place === 'export',
    injunctionRequested: a.urgent,
    evidence: {
      hasRightCertificate: true,
      hasInfringementProof: true,
      hasDamagesProof: a.wants.includes('damages'),
    },
  };
}

/** The track and the ranked channels for the answers. */
export function adviceFor(a: SelfHelpAnswers, now: Date): { track: Track; routing: RoutingResult } {
  const complaint = complaintOfAnswers(a);
  const triaged = triage(complaint, { now });
  return { track: triaged.track, routing: routeComplaint(complaint, { track: triaged.track, now }) };
}

/** Where the answers wait for the complaint form across sign-in or registration (this tab only). */
export const SELF_HELP_KEY = 'sevenfold.selfHelpAnswers';

/** The parts of a complaint draft the answers fill in. */
export function draftOfAnswers(a: SelfHelpAnswers, d: ComplaintDraft): ComplaintDraft {
  return {
    ...d,
    ipType: a.ipType,
    venue: { ...d.venue, ecommerce: a.place === 'online' },
    foreignRelated: a.place === 'export',
    claim: { amountCny: a.amountCny > 0 ? String(a.amountCny) : '', remedies: remediesOf(a) },
    injunctionRequested: a.urgent,
    consents: { ...d.consents, mediation: a.mediationOk || a.wants.includes('settle') },
  };
}

/** The waiting answers, if any (the complaint form removes them once its draft holds them). */
export function peekSelfHelpAnswers(): SelfHelpAnswers | null {
  try {
    const raw = sessionStorage.getItem(SELF_HELP_KEY);
    if (!raw) return null;
    return JSON.parse(raw) as SelfHelpAnswers;
  } catch {
    return null;
  }
}
