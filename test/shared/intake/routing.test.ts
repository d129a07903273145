import { expect } from 'chai';
import type { Reason } from '../../../shared/intake/reason.js';
import {
  ROUTING_WEIGHTS,
  requiresOverrideReason,
  routeComplaint,
  topChannel,
} from '../../../shared/intake/routing.js';
import type { RoutingOptions, RoutingResult } from '../../../shared/intake/routing.js';
import { triage } from '../../../shared/intake/triage.js';
import type { Complaint } from '../../../shared/schemas/complaint.js';
import { CHANNELS } from '../../../shared/vocabulary.js';
import type { Channel } from '../../../shared/vocabulary.js';
import {
  COMPLAINT_FIXTURES,
  arbitrationAgreementComplaint,
  designPatentSmeEcommerce,
  largeInventionPunitive,
  smallTrademarkMediation,
} from '../../fixtures/complaints.js';

/** A plain complaint that triggers no routing rule at all (ordinary track is not used). */
const neutral: Complaint = {
  ...structuredClone(arbitrationAgreementComplaint),
  consents: { mediation: false, arbitrationAgreement: false },
  claim: { amountCny: 1_000_000, remedies: ['cease', 'damages'] },
};

function variant(base: Complaint, patch: Partial<Complaint>): Complaint {
  return { ...structuredClone(base), ...patch };
}

function route(complaint: Complaint, options: Partial<RoutingOptions> = {}): RoutingResult {
  return routeComplaint(complaint, { track: 'simple', ...options });
}

function reasonsOf(result: RoutingResult, channel: Channel): Reason[] {
  const entry = result.ranked.find((r) => r.channel === channel);
  if (!entry) throw new Error(`channel ${channel} missing`);
  return entry.reasons;
}

function scoreOf(result: RoutingResult, channel: Channel): number {
  return result.ranked.find((r) => r.channel === channel)?.score ?? NaN;
}

function reasonFor(result: RoutingResult, channel: Channel, code: string): Reason {
  const found = reasonsOf(result, channel).find((r) => r.code === code);
  if (!found) {
    throw new Error(
      `no ${code} for ${channel}: ${reasonsOf(result, channel)
        .map((r) => r.code)
        .join(', ')}`,
    );
  }
  return found;
}

describe('routing', () => {
  it('the neutral complaint triggers no rule', () => {
    const result = route(neutral);
    for (const entry of result.ranked) {
      expect(entry.score).to.equal(0);
      expect(entry.reasons.map((r) => r.code)).to.deep.equal([`${entry.channel}.none`]);
    }
  });

  describe('ranks all seven channels', () => {
    const examples = Object.entries(COMPLAINT_FIXTURES).flatMap(([name, complaint]) =>
      (['fast', 'simple', 'ordinary'] as const).map((track) => [name, complaint, track] as const),
    );
    for (const [name, complaint, track] of examples) {
      it(`${name} on the ${track} track: seven channels, sorted, each explained`, () => {
        const result = routeComplaint(complaint, { track });
        expect(result.ranked.map((r) => r.channel)).to.have.members([...CHANNELS]);
        expect(result.ranked).to.have.length(7);
        for (let i = 1; i < result.ranked.length; i++) {
          const [a, b] = [result.ranked[i - 1]!, result.ranked[i]!];
          expect(
            a.score > b.score ||
              (a.score === b.score && CHANNELS.indexOf(a.channel) < CHANNELS.indexOf(b.channel)),
          ).to.be.true;
        }
        for (const entry of result.ranked) {
          expect(entry.reasons).to.not.be.empty;
          expect(entry.score).to.equal(entry.reasons.reduce((s, r) => s + (r.weight ?? 0), 0));
          for (const r of entry.reasons) {
            expect(r.code.startsWith(`${entry.channel}.`)).to.be.true;
            expect(r.text).to.match(/^[A-Z].*\.$/);
          }
        }
      });
    }

    it('breaks ties by the fixed channel order', () => {
      expect(route(neutral).ranked.map((r) => r.channel)).to.deep.equal([...CHANNELS]);
    });
  });

  describe('fixtures go to their expected top channel', () => {
    const expected: [string, Complaint, Channel][] = [
      ['design-patent SME e-commerce', designPatentSmeEcommerce, 'administrative'],
      ['large invention patent with punitive damages', largeInventionPunitive, 'judicial'],
      ['small trademark with mediation consent', smallTrademarkMediation, 'mediation'],
      ['arbitration agreement', arbitrationAgreementComplaint, 'arbitration'],
    ];
    for (const [name, complaint, channel] of expected) {
      it(`${name} → ${channel}`, () => {
        const { track } = triage(complaint);
        expect(topChannel(routeComplaint(complaint, { track }))).to.equal(channel);
      });
    }
  });

  describe('rules of the brief', () => {
    it('a valid arbitration agreement points to arbitration', () => {
      const r = reasonFor(route(arbitrationAgreementComplaint), 'arbitration', 'arbitration.agreement');
      expect(r.weight).to.equal(ROUTING_WEIGHTS.arbitrationAgreement);
      expect(r.text).to.include('valid arbitration agreement');
      expect(r.text).to.include('points to commercial arbitration');
    });

    it('an arbitration agreement outranks every court signal combined', () => {
      const complaint = variant(largeInventionPunitive, {
        consents: { mediation: false, arbitrationAgreement: true },
      });
      expect(topChannel(route(complaint, { track: 'ordinary' }))).to.equal('arbitration');
    });

    it('a design patent of an SME points to the protection center fast track', () => {
      const complaint = variant(designPatentSmeEcommerce, { ecommerce: undefined });
      const result = route(complaint);
      const r = reasonFor(result, 'administrative', 'administrative.fastTrack.designSme');
      expect(r.text).to.include('design patent of an SME');
      expect(r.text).to.include('protection center fast track');
      expect(r.weight).to.equal(ROUTING_WEIGHTS.fastTrackSignal);
    });

    it('a design patent of a non-SME does not', () => {
      const complaint = variant(designPatentSmeEcommerce, {
        ecommerce: undefined,
        complainant: { name: 'Big Co', type: 'enterprise', sme: false },
      });
      expect(reasonsOf(route(complaint), 'administrative').map((r) => r.code)).to.deep.equal([
        'administrative.none',
      ]);
    });

    it('an e-commerce listing points to the protection center fast track', () => {
      const complaint = variant(smallTrademarkMediation, {
        ecommerce: { platform: 'JD.com', listingUrl: 'https://item.jd.com/1.html' },
      });
      const r = reasonFor(route(complaint), 'administrative', 'administrative.fastTrack.ecommerce');
      expect(r.text).to.include('e-commerce listing on JD.com');
      expect(r.text).to.include('protection center fast track');
    });

    it('a trade fair points to the protection center fast track', () => {
      const complaint = variant(neutral, { tradeFair: { name: 'Canton Fair' } });
      const r = reasonFor(route(complaint), 'administrative', 'administrative.fastTrack.tradeFair');
      expect(r.text).to.include('trade fair Canton Fair');
      expect(r.text).to.include('protection center fast track');
    });

    it('further fast-track signals add a little, and the fast track from triage adds more', () => {
      const result = route(designPatentSmeEcommerce, { track: 'fast' });
      expect(scoreOf(result, 'administrative')).to.equal(
        ROUTING_WEIGHTS.fastTrackSignal +
          ROUTING_WEIGHTS.fastTrackExtraSignal +
          ROUTING_WEIGHTS.fastTrackTriage,
      );
      expect(reasonFor(result, 'administrative', 'administrative.fastTrack.triage').text).to.include(
        'protection center fast track',
      );
    });

    it('consent to mediation points to mediation', () => {
      const complaint = variant(neutral, { consents: { mediation: true, arbitrationAgreement: false } });
      const r = reasonFor(route(complaint), 'mediation', 'mediation.consent');
      expect(r.text).to.include('consents to mediation');
      expect(r.weight).to.equal(ROUTING_WEIGHTS.mediationConsent);
    });

    it('a small simple claim points to mediation', () => {
      const complaint = variant(smallTrademarkMediation, {
        consents: { mediation: false, arbitrationAgreement: false },
      });
      const result = route(complaint, { track: 'simple' });
      expect(reasonFor(result, 'mediation', 'mediation.smallSimpleClaim').text).to.include(
        'small, simple claim (CNY 80,000',
      );
      expect(topChannel(result)).to.equal('mediation');
    });

    it('a small claim on the ordinary track or on a complex IP type is not a small simple claim', () => {
      const complaint = variant(smallTrademarkMediation, {
        consents: { mediation: false, arbitrationAgreement: false },
      });
      expect(scoreOf(route(complaint, { track: 'ordinary' }), 'mediation')).to.equal(0);
      expect(scoreOf(route(variant(complaint, { ipType: 'inventionPatent' })), 'mediation')).to.equal(0);
    });

    it('counterfeiting at scale points to administrative enforcement', () => {
      const r = reasonFor(
        route(variant(neutral, { counterfeitingAtScale: true })),
        'administrative',
        'administrative.counterfeiting',
      );
      expect(r.text).to.include('Counterfeiting at scale points to administrative enforcement');
    });

    it('a repeat infringer flag points to administrative enforcement', () => {
      const r = reasonFor(
        route(variant(neutral, { repeatInfringer: true })),
        'administrative',
        'administrative.repeatInfringer',
      );
      expect(r.text).to.include('repeat infringer (as the complaint states)');
      expect(r.text).to.include('administrative enforcement');
    });

    it('a prior infringement in the credit record marks a repeat infringer', () => {
      const result = route(neutral, {
        creditRecord: {
          entries: [
            { name: 'TIANJIN SWIFT LOGISTICS', decision: 'infringement', date: '2024-03-01' },
            { name: 'Tianjin Swift Logistics Co., Ltd.', decision: 'infringement', date: '2023-03-01' },
          ],
        },
      });
      const r = reasonFor(result, 'administrative', 'administrative.repeatInfringer');
      expect(r.text).to.include('2 prior infringement records in the credit register');
      expect(topChannel(result)).to.equal('administrative');
    });

    const courtRules: [string, Complaint, RoutingOptions['track'], string, string][] = [
      [
        'a large claim',
        variant(neutral, { claim: { amountCny: 8_000_000, remedies: ['damages'] } }),
        'simple',
        'judicial.largeClaim',
        'large claim (CNY 8,000,000',
      ],
      [
        'a technically complex claim',
        variant(neutral, { ipType: 'icLayout' }),
        'simple',
        'judicial.complexClaim',
        'complex claim on an IC layout design',
      ],
      ['an ordinary-track claim', neutral, 'ordinary', 'judicial.ordinaryTrack', 'ordinary track'],
      [
        'an injunction',
        variant(neutral, { injunctionRequested: true }),
        'simple',
        'judicial.injunction',
        'injunction is requested',
      ],
      [
        'punitive damages',
        variant(neutral, { claim: { amountCny: 100, remedies: ['punitive'] } }),
        'simple',
        'judicial.punitive',
        'Punitive damages are requested',
      ],
    ];
    for (const [name, complaint, track, code, phrase] of courtRules) {
      it(`${name} points to the courts with an offer of pre-litigation mediation`, () => {
        const result = route(complaint, { track });
        const r = reasonFor(result, 'judicial', code);
        expect(r.text).to.include(phrase);
        expect(r.text).to.include('points to the courts');
        expect(r.text).to.include('pre-litigation mediation');
        expect(r.weight).to.be.greaterThan(0);
        expect(topChannel(result)).to.equal('judicial');
      });
    }

    it('punitive damages for wilful infringement say so', () => {
      expect(reasonFor(route(largeInventionPunitive), 'judicial', 'judicial.punitive').text).to.include(
        'Punitive damages for wilful infringement',
      );
    });

    it('members of the same association point to industry self-regulation', () => {
      const result = route(
        variant(neutral, { sameAssociation: { name: 'China Software Industry Association' } }),
      );
      const r = reasonFor(result, 'industrySelfRegulation', 'industrySelfRegulation.sameAssociation');
      expect(r.text).to.include('same association (China Software Industry Association)');
      expect(r.text).to.include('industry self-regulation');
      expect(topChannel(result)).to.equal('industrySelfRegulation');
    });

    it('an SME without counsel adds legal services', () => {
      const sme = variant(neutral, {
        complainant: { name: 'Small Co', type: 'enterprise', sme: true },
        hasCounsel: false,
      });
      const r = reasonFor(route(sme), 'legalServices', 'legalServices.smeWithoutCounsel');
      expect(r.text).to.include('SME without counsel');
      expect(r.text).to.include('adds legal services');
      expect(scoreOf(route(variant(sme, { hasCounsel: true })), 'legalServices')).to.equal(0);
      expect(scoreOf(route(variant(sme, { hasCounsel: undefined })), 'legalServices')).to.equal(
        ROUTING_WEIGHTS.smeWithoutCounsel,
      );
    });

    it('a request for legal aid adds legal services', () => {
      const r = reasonFor(
        route(variant(neutral, { legalAidRequested: true })),
        'legalServices',
        'legalServices.legalAid',
      );
      expect(r.text).to.include('requests legal aid, which adds legal services');
    });

    it('an ignored prior decision points to social supervision', () => {
      const result = route(variant(neutral, { priorDecisionIgnored: true }));
      const r = reasonFor(result, 'socialSupervision', 'socialSupervision.ignoredDecision');
      expect(r.text).to.include('ignored an earlier decision (as the complaint states)');
      expect(r.text).to.include('social supervision');
      expect(topChannel(result)).to.equal('socialSupervision');
    });

    it('an ignored decision in the credit record points to social supervision', () => {
      const result = route(neutral, {
        creditRecord: {
          entries: [{ name: neutral.respondent.name, decision: 'nonCompliance', date: '2024-01-01' }],
        },
      });
      expect(reasonFor(result, 'socialSupervision', 'socialSupervision.ignoredDecision').text).to.include(
        '1 ignored decision in the credit register',
      );
      expect(scoreOf(result, 'administrative')).to.equal(0);
    });

    it('credit entries older than the look-back are ignored when now is given', () => {
      const creditRecord = {
        entries: [{ name: neutral.respondent.name, decision: 'infringement', date: '2010-01-01' }],
      };
      expect(scoreOf(route(neutral, { creditRecord }), 'administrative')).to.equal(
        ROUTING_WEIGHTS.repeatInfringer,
      );
      expect(
        scoreOf(route(neutral, { creditRecord, now: new Date('2025-01-01') }), 'administrative'),
      ).to.equal(0);
    });
  });

  describe('topChannel and requiresOverrideReason', () => {
    const result = route(smallTrademarkMediation, { track: 'simple' });

    it('topChannel is the first ranked channel', () => {
      expect(topChannel(result)).to.equal(result.ranked[0]!.channel);
    });

    it('choosing the top recommendation needs no reason; any other channel does', () => {
      expect(requiresOverrideReason(result, 'mediation')).to.be.false;
      expect(requiresOverrideReason(result, 'judicial')).to.be.true;
      expect(requiresOverrideReason(result, 'arbitration')).to.be.true;
    });

    it('a channel tied with the top score is a top recommendation too', () => {
      const tied = route(neutral);
      for (const channel of CHANNELS) expect(requiresOverrideReason(tied, channel)).to.be.false;
    });

    it('topChannel throws on an empty result', () => {
      expect(() => topChannel({ ranked: [] })).to.throw();
    });
  });
});
