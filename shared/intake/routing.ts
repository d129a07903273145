/**
 * Routing (design brief, "Triage and routing"): ranks all seven channels for a triaged complaint,
 * each with a score and the plain-English reasons behind it. An officer routes; choosing a channel
 * other than the top recommendation needs a reason (`requiresOverrideReason`). Pure and isomorphic.
 */
import type { Complaint } from '../schemas/complaint.js';
import { CHANNELS } from '../vocabulary.js';
import type { Channel, Track } from '../vocabulary.js';
import { PUNISHABLE_BY_AUTHORITY } from '../machine/rules/administrativeRules.js';
import { formatCny, reason, totalWeight } from './reason.js';
import type { Reason } from './reason.js';
import {
  LARGE_CLAIM_CNY,
  SMALL_CLAIM_CNY,
  describeIpType,
  isTechnicallyComplex,
  priorRecords,
  wantsPunitive,
} from './triage.js';
import type { CreditRecord } from './triage.js';

/** Fixed order that breaks ties between equal scores (the vocabulary's channel order). */
export const CHANNEL_TIE_ORDER: readonly Channel[] = CHANNELS;

/** Score weights of the routing rules. */
export const ROUTING_WEIGHTS = {
  /** High enough to outrank every court signal combined: courts decline arbitrable disputes. */
  arbitrationAgreement: 20,
  fastTrackSignal: 5,
  fastTrackExtraSignal: 1,
  fastTrackTriage: 2,
  counterfeitingAtScale: 5,
  repeatInfringer: 4,
  mediationConsent: 4,
  smallSimpleClaim: 3,
  largeClaim: 4,
  technicallyComplex: 3,
  ordinaryTrack: 2,
  injunction: 3,
  punitive: 4,
  sameAssociation: 5,
  smeWithoutCounsel: 3,
  legalAid: 4,
  ignoredDecision: 4,
} as const;

/** What routing needs besides the complaint. */
export interface RoutingOptions {
  track: Track;
  creditRecord?: CreditRecord;
  /** Credit entries older than the triage look-back before `now` are ignored. */
  now?: Date;
}

/** One channel with its score and reasons. */
export interface RankedChannel {
  channel: Channel;
  score: number;
  reasons: Reason[];
}

/** All seven channels, best first. */
export interface RoutingResult {
  ranked: RankedChannel[];
}

const COURT_OFFER = 'with an offer of pre-litigation mediation first';

/** Ranks all seven channels for a complaint, score descending, ties by `CHANNEL_TIE_ORDER`. */
export function routeComplaint(complaint: Complaint, options: RoutingOptions): RoutingResult {
  const reasons = channelReasons(complaint, options);
  const ranked = CHANNEL_TIE_ORDER.map((channel) => ({
    channel,
    score: totalWeight(reasons[channel]),
    reasons: reasons[channel],
  }));
  ranked.sort(
    (a, b) =>
      b.score - a.score || CHANNEL_TIE_ORDER.indexOf(a.channel) - CHANNEL_TIE_ORDER.indexOf(b.channel),
  );
  return { ranked };
}

/** The top recommended channel. */
export function topChannel(result: RoutingResult): Channel {
  const top = result.ranked[0];
  if (!top) throw new Error('A routing result must rank every channel');
  return top.channel;
}

/**
 * Whether routing to `chosen` overrides the recommendation and so needs a reason: true unless the
 * chosen channel has the top score (channels tied with the top one are top recommendations too).
 */
export function requiresOverrideReason(result: RoutingResult, chosen: Channel): boolean {
  const topScore = result.ranked[0]?.score;
  const entry = result.ranked.find((r) => r.channel === chosen);
  return entry === undefined || topScore === undefined || entry.score < topScore;
}

const NO_SIGNAL: Readonly<Record<Channel, string>> = {
  administrative:
    'No sign of counterfeiting at scale, a repeat infringer, or a protection center fast track case (design patent of an SME, e-commerce listing, trade fair).',
  judicial: `The claim is neither large nor complex and asks for no injunction or punitive damages; the courts remain available, ${COURT_OFFER}.`,
  mediation: 'The complainant has not consented to mediation and the claim is not small and simple.',
  arbitration: 'There is no arbitration agreement between the parties, which arbitration requires.',
  legalServices: 'The complainant is not an SME without counsel and requests no legal aid.',
  socialSupervision: 'No ignored decision is known, so social supervision is not indicated.',
  industrySelfRegulation: 'The parties are not known to be members of the same industry association.',
};

function channelReasons(complaint: Complaint, options: RoutingOptions): Record<Channel, Reason[]> {
  const W = ROUTING_WEIGHTS;
  const { track } = options;
  const amount = complaint.claim.amountCny;
  const complex = isTechnicallyComplex(complaint.ipType);
  const prior = priorRecords(options.creditRecord, complaint.respondent.name, options.now);
  const ipType = describeIpType(complaint.ipType);
  const r: Record<Channel, Reason[]> = {
    administrative: [],
    judicial: [],
    mediation: [],
    arbitration: [],
    legalServices: [],
    socialSupervision: [],
    industrySelfRegulation: [],
  };

  // Commercial arbitration.
  if (complaint.consents.arbitrationAgreement) {
    r.arbitration.push(
      reason(
        'arbitration.agreement',
        'The parties have a valid arbitration agreement, which points to commercial arbitration (a court would normally decline the dispute).',
        W.arbitrationAgreement,
      ),
    );
  }

  // Administrative: the protection center fast track, then enforcement.
  const fastSignals: [string, string][] = [];
  if (complaint.ipType === 'designPatent' && complaint.complainant.sme) {
    fastSignals.push([
      'administrative.fastTrack.designSme',
      'A design patent of an SME points to the protection center fast track (rapid handling of SME design-patent disputes).',
    ]);
  }
  if (complaint.ecommerce) {
    fastSignals.push([
      'administrative.fastTrack.ecommerce',
      `An e-commerce listing on ${complaint.ecommerce.platform} points to the protection center fast track (rapid handling of e-commerce IP disputes, with notice and takedown).`,
    ]);
  }
  if (complaint.tradeFair) {
    fastSignals.push([
      'administrative.fastTrack.tradeFair',
      `Infringement at the trade fair ${complaint.tradeFair.name} points to the protection center fast track (rapid handling at trade fairs).`,
    ]);
  }
  fastSignals.forEach(([code, text], i) =>
    r.administrative.push(reason(code, text, i === 0 ? W.fastTrackSignal : W.fastTrackExtraSignal)),
  );
  if (track === 'fast') {
    r.administrative.push(
      reason(
        'administrative.fastTrack.triage',
        'Triage put the case on the fast track, which the protection center fast track handles.',
        W.fastTrackTriage,
      ),
    );
  }
  if (complaint.counterfeitingAtScale) {
    r.administrative.push(
      reason(
        'administrative.counterfeiting',
        PUNISHABLE_BY_AUTHORITY.includes(complaint.ipType)
          ? 'Counterfeiting at scale points to administrative enforcement (market supervision can investigate, confiscate the goods and fine).'
          : 'Counterfeiting at scale points to administrative enforcement (for a patent the authority can order the infringement to stop; confiscation and fines are for trademarks and copyright, Patent Law art. 65).',
        W.counterfeitingAtScale,
      ),
    );
  }
  const repeatSources = [
    complaint.repeatInfringer ? 'as the complaint states' : null,
    prior.infringements.length > 0
      ? `${prior.infringements.length} prior infringement ${plural(prior.infringements.length, 'record')} in the credit register`
      : null,
  ].filter((s): s is string => s !== null);
  if (repeatSources.length > 0) {
    r.administrative.push(
      reason(
        'administrative.repeatInfringer',
        `The respondent is a repeat infringer (${repeatSources.join('; ')}), which points to administrative enforcement.`,
        W.repeatInfringer,
      ),
    );
  }

  // Diversified mediation.
  if (complaint.consents.mediation) {
    r.mediation.push(
      reason(
        'mediation.consent',
        'The complainant consents to mediation, which points to diversified mediation.',
        W.mediationConsent,
      ),
    );
  }
  if (amount <= SMALL_CLAIM_CNY && !complex && track !== 'ordinary') {
    r.mediation.push(
      reason(
        'mediation.smallSimpleClaim',
        `A small, simple claim (${formatCny(amount)}, at most ${formatCny(SMALL_CLAIM_CNY)}, ${track} track) points to mediation.`,
        W.smallSimpleClaim,
      ),
    );
  }

  // Judicial trial, always with an offer of pre-litigation mediation.
  if (amount > LARGE_CLAIM_CNY) {
    r.judicial.push(
      reason(
        'judicial.largeClaim',
        `A large claim (${formatCny(amount)}, over ${formatCny(LARGE_CLAIM_CNY)}) points to the courts, ${COURT_OFFER}.`,
        W.largeClaim,
      ),
    );
  }
  if (complex) {
    r.judicial.push(
      reason(
        'judicial.complexClaim',
        `A complex claim on ${ipType} (technically complex) points to the courts, ${COURT_OFFER}.`,
        W.technicallyComplex,
      ),
    );
  }
  if (track === 'ordinary') {
    r.judicial.push(
      reason(
        'judicial.ordinaryTrack',
        `Triage put the case on the ordinary track (not a small, clear claim), which points to the courts, ${COURT_OFFER}.`,
        W.ordinaryTrack,
      ),
    );
  }
  if (complaint.injunctionRequested) {
    r.judicial.push(
      reason(
        'judicial.injunction',
        `An injunction is requested, which only a court can grant: this points to the courts, ${COURT_OFFER}.`,
        W.injunction,
      ),
    );
  }
  if (wantsPunitive(complaint)) {
    r.judicial.push(
      reason(
        'judicial.punitive',
        `Punitive damages${complaint.wilful ? ' for wilful infringement' : ''} are requested, which only a court can award: this points to the courts, ${COURT_OFFER}.`,
        W.punitive,
      ),
    );
  }

  // Industry self-regulation.
  if (complaint.sameAssociation) {
    r.industrySelfRegulation.push(
      reason(
        'industrySelfRegulation.sameAssociation',
        `Both parties are members of the same association (${complaint.sameAssociation.name}), which points to industry self-regulation.`,
        W.sameAssociation,
      ),
    );
  }

  // Legal services.
  if (complaint.complainant.sme && complaint.hasCounsel !== true) {
    r.legalServices.push(
      reason(
        'legalServices.smeWithoutCounsel',
        'The complainant is an SME without counsel, which adds legal services (SME IP-protection assistance).',
        W.smeWithoutCounsel,
      ),
    );
  }
  if (complaint.legalAidRequested) {
    r.legalServices.push(
      reason(
        'legalServices.legalAid',
        'The complainant requests legal aid, which adds legal services.',
        W.legalAid,
      ),
    );
  }

  // Social supervision.
  const ignoredSources = [
    complaint.priorDecisionIgnored ? 'as the complaint states' : null,
    prior.nonCompliance.length > 0
      ? `${prior.nonCompliance.length} ignored ${plural(prior.nonCompliance.length, 'decision')} in the credit register`
      : null,
  ].filter((s): s is string => s !== null);
  if (ignoredSources.length > 0) {
    r.socialSupervision.push(
      reason(
        'socialSupervision.ignoredDecision',
        `The respondent ignored an earlier decision (${ignoredSources.join('; ')}), which points to social supervision (public reports and credit-system disclosure).`,
        W.ignoredDecision,
      ),
    );
  }

  for (const channel of CHANNELS) {
    if (r[channel].length === 0) r[channel].push(reason(`${channel}.none`, NO_SIGNAL[channel], 0));
  }
  return r;
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}
