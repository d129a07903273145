import { expect } from 'chai';
import type { Reason } from '../../../shared/intake/reason.js';
import {
  CREDIT_LOOKBACK_DAYS,
  FACTS_MIN_CHARS,
  SMALL_CLAIM_CNY,
  TRIAGE_WEIGHTS,
  priorRecords,
  triage,
} from '../../../shared/intake/triage.js';
import type { CreditRecord } from '../../../shared/intake/triage.js';
import type { Complaint } from '../../../shared/schemas/complaint.js';
import {
  arbitrationAgreementComplaint,
  designPatentSmeEcommerce,
  largeInventionPunitive,
  smallTrademarkMediation,
} from '../../fixtures/complaints.js';

const now = new Date('2025-06-01T00:00:00Z');

function variant(base: Complaint, patch: Partial<Complaint>): Complaint {
  return { ...structuredClone(base), ...patch };
}

function codes(reasons: Reason[]): string[] {
  return reasons.map((r) => r.code);
}

function find(reasons: Reason[], code: string): Reason {
  const found = reasons.find((r) => r.code === code);
  if (!found) throw new Error(`no reason ${code} in ${codes(reasons).join(', ')}`);
  return found;
}

/** A small clean trademark claim without mediation-related extras. */
const simpleBase = smallTrademarkMediation;

describe('triage', () => {
  describe('explains its track', () => {
    it('fast: an SME design patent on an e-commerce platform with clear evidence', () => {
      const result = triage(designPatentSmeEcommerce);
      expect(result.track).to.equal('fast');
      expect(result.reasons[0]!.code).to.equal('track.fast');
      expect(result.reasons[0]!.text).to.match(/^Fast track \(protection-center rapid handling\)/);
      expect(result.reasons[0]!.text).to.include('a design patent infringement with clear evidence');
      expect(result.reasons[0]!.text).to.include('an e-commerce listing');
      expect(result.reasons[0]!.text).to.include('an SME complainant');
    });

    it('simple: a small, clear trademark claim', () => {
      const result = triage(smallTrademarkMediation);
      expect(result.track).to.equal('simple');
      expect(result.score).to.equal(0);
      const track = find(result.reasons, 'track.simple');
      // a simple case, not "summary procedure" (a court's procedure, only where a basic court may hear it)
      expect(track.text).to.match(
        /^Simple track \(a simple case; [^)]*\): a small, clear claim of CNY 80,000/,
      );
      expect(track.text).to.not.match(/^Simple track \(summary procedure\)/);
      expect(track.text).to.include('Not the fast track: a trademark is not a patent');
    });

    it('ordinary: a large invention-patent claim with punitive damages, listing every blocker', () => {
      const result = triage(largeInventionPunitive);
      expect(result.track).to.equal('ordinary');
      const text = find(result.reasons, 'track.ordinary').text;
      expect(text).to.include('Not the fast track:');
      expect(text).to.include('punitive damages are requested, which only a court can award');
      expect(text).to.include('the claim exceeds CNY 500,000');
      expect(text).to.include('3 rights are asserted');
      expect(text).to.include('an invention patent is technically complex');
      expect(result.score).to.equal(
        TRIAGE_WEIGHTS.amountLarge + 3 + TRIAGE_WEIGHTS.rightsSeveral + TRIAGE_WEIGHTS.punitive,
      );
    });

    it('ordinary: a medium claim under an arbitration agreement', () => {
      const result = triage(arbitrationAgreementComplaint);
      expect(result.track).to.equal('ordinary');
      expect(find(result.reasons, 'track.ordinary').text).to.include('the claim exceeds CNY 500,000');
      expect(find(result.reasons, 'amount.medium').weight).to.equal(TRIAGE_WEIGHTS.amountMedium);
    });

    it('lists the track first, then one reason per factor, and the score is the sum of their weights', () => {
      const result = triage(largeInventionPunitive, { creditRecord: { entries: [] } });
      expect(codes(result.reasons)).to.deep.equal([
        'track.ordinary',
        'facts.detailed',
        'evidence.complete',
        'complexity.technical',
        'amount.large',
        'rights.several',
        'respondents.single',
        'foreign.none',
        'punitive',
        'credit.none',
      ]);
      const sum = result.reasons.reduce((s, r) => s + (r.weight ?? 0), 0);
      expect(result.score).to.equal(sum);
      for (const r of result.reasons) expect(r.text).to.match(/^[A-Z].*\.$/);
    });
  });

  describe('fast track', () => {
    it('takes a utility model with a right certificate at a trade fair', () => {
      const complaint = variant(designPatentSmeEcommerce, {
        ipType: 'utilityModel',
        complainant: { name: 'Big Co', type: 'enterprise', sme: false },
        ecommerce: undefined,
        tradeFair: { name: 'Canton Fair' },
      });
      const result = triage(complaint);
      expect(result.track).to.equal('fast');
      expect(result.reasons[0]!.text).to.include(
        'a utility model patent infringement with a clear right certificate',
      );
      expect(result.reasons[0]!.text).to.include('a trade fair');
    });

    it('takes an invention patent of an SME with a right certificate', () => {
      const complaint = variant(largeInventionPunitive, {
        complainant: { name: 'Small Co', type: 'enterprise', sme: true },
        claim: { amountCny: 300_000, remedies: ['cease'] },
      });
      expect(triage(complaint).track).to.equal('fast');
    });

    it('refuses a utility model without a right certificate', () => {
      const complaint = variant(designPatentSmeEcommerce, {
        ipType: 'utilityModel',
        evidence: { hasRightCertificate: false, hasInfringementProof: true, hasDamagesProof: true },
      });
      const result = triage(complaint);
      expect(result.track).to.equal('ordinary');
      expect(result.reasons[0]!.text).to.include('a utility model patent needs a clear right certificate');
    });

    it('refuses unclear evidence', () => {
      const complaint = variant(designPatentSmeEcommerce, {
        evidence: { hasRightCertificate: true, hasInfringementProof: false, hasDamagesProof: true },
      });
      const result = triage(complaint);
      expect(result.track).to.equal('ordinary');
      expect(result.reasons[0]!.text).to.include('the evidence is not clear');
      expect(find(result.reasons, 'evidence.incomplete').text).to.include('proof of infringement is missing');
    });

    it('refuses a foreign-related dispute', () => {
      const result = triage(variant(designPatentSmeEcommerce, { foreignRelated: true }));
      expect(result.track).to.equal('ordinary');
      expect(result.reasons[0]!.text).to.include('a foreign party is involved');
      expect(find(result.reasons, 'foreign').weight).to.equal(TRIAGE_WEIGHTS.foreign);
    });

    it('refuses a design patent with no e-commerce listing, trade fair or SME, which may still be simple', () => {
      const complaint = variant(designPatentSmeEcommerce, {
        complainant: { name: 'Big Co', type: 'enterprise', sme: false },
        ecommerce: undefined,
      });
      const result = triage(complaint);
      expect(result.track).to.equal('simple');
      expect(result.reasons[0]!.text).to.include(
        'there is no e-commerce listing or trade fair and the complainant is not an SME',
      );
    });

    it('refuses a request for punitive damages', () => {
      const complaint = variant(designPatentSmeEcommerce, {
        claim: { amountCny: 50_000, remedies: ['cease', 'punitive'] },
      });
      expect(triage(complaint).track).to.equal('ordinary');
    });

    it('refuses a trademark even on an e-commerce platform', () => {
      const complaint = variant(designPatentSmeEcommerce, { ipType: 'trademark' });
      expect(triage(complaint).track).to.equal('simple');
    });
  });

  describe('simple track thresholds', () => {
    it(`allows exactly CNY ${SMALL_CLAIM_CNY} and refuses one yuan more`, () => {
      const at = variant(simpleBase, { claim: { amountCny: SMALL_CLAIM_CNY, remedies: ['damages'] } });
      const above = variant(simpleBase, { claim: { amountCny: SMALL_CLAIM_CNY + 1, remedies: ['damages'] } });
      expect(triage(at).track).to.equal('simple');
      expect(triage(above).track).to.equal('ordinary');
    });

    it('refuses two rights', () => {
      const result = triage(variant(simpleBase, { rights: [{ number: 'TM1' }, { number: 'TM2' }] }));
      expect(result.track).to.equal('ordinary');
      expect(find(result.reasons, 'rights.several').text).to.equal('Several rights are asserted (2).');
    });

    it('counts many rights more heavily', () => {
      const rights = Array.from({ length: 6 }, (_, i) => ({ number: `TM${i}` }));
      expect(find(triage(variant(simpleBase, { rights })).reasons, 'rights.many').weight).to.equal(
        TRIAGE_WEIGHTS.rightsMany,
      );
    });

    it('refuses two respondents and weighs many respondents more', () => {
      const two = triage(variant(simpleBase, { respondentCount: 2 }));
      expect(two.track).to.equal('ordinary');
      expect(find(two.reasons, 'track.ordinary').text).to.include('2 respondents are named');
      const many = triage(variant(simpleBase, { respondentCount: 5 }));
      expect(find(many.reasons, 'respondents.many').weight).to.equal(TRIAGE_WEIGHTS.respondentsMany);
    });

    it('refuses incomplete evidence (missing proof of damages for a money claim)', () => {
      const result = triage(
        variant(simpleBase, {
          evidence: { hasRightCertificate: true, hasInfringementProof: true, hasDamagesProof: false },
        }),
      );
      expect(result.track).to.equal('ordinary');
      expect(find(result.reasons, 'evidence.incomplete').text).to.equal(
        'The evidence is incomplete: proof of damages is missing.',
      );
    });

    it('does not need proof of damages when no money is claimed', () => {
      const result = triage(
        variant(simpleBase, {
          claim: { amountCny: 0, remedies: ['cease', 'apology'] },
          evidence: { hasRightCertificate: true, hasInfringementProof: true, hasDamagesProof: false },
        }),
      );
      expect(result.track).to.equal('simple');
      expect(codes(result.reasons)).to.include('evidence.complete');
    });

    it('refuses a complaint without an evidence summary', () => {
      const result = triage(variant(simpleBase, { evidence: undefined }));
      expect(result.track).to.equal('ordinary');
      expect(find(result.reasons, 'evidence.unknown').weight).to.equal(TRIAGE_WEIGHTS.evidenceUnknown);
    });

    it('refuses a technically complex IP type (IC layout)', () => {
      const result = triage(variant(simpleBase, { ipType: 'icLayout' }));
      expect(result.track).to.equal('ordinary');
      expect(find(result.reasons, 'complexity.technical').text).to.include(
        'An IC layout design is technically complex',
      );
    });

    it('refuses thinly described facts', () => {
      const result = triage(variant(simpleBase, { description: 'They copied our mark.' }));
      expect(result.track).to.equal('ordinary');
      expect(find(result.reasons, 'facts.thin').text).to.include(`at least ${FACTS_MIN_CHARS}`);
    });
  });

  describe('credit record', () => {
    const respondent = smallTrademarkMediation.respondent.name;
    const record = (entries: CreditRecord['entries']): CreditRecord => ({ entries });

    it('a prior infringement record makes the case more serious and not simple', () => {
      const result = triage(simpleBase, {
        creditRecord: record([
          { name: ` ${respondent.toUpperCase()} `, decision: 'infringement', date: '2024-01-10' },
        ]),
        now,
      });
      expect(result.track).to.equal('ordinary');
      const credit = find(result.reasons, 'credit.prior');
      expect(credit.weight).to.equal(TRIAGE_WEIGHTS.creditPrior);
      expect(credit.text).to.include('1 prior infringement record');
      expect(find(result.reasons, 'track.ordinary').text).to.include(
        'the respondent has a prior infringement record',
      );
    });

    it('weighs infringement on the same right more', () => {
      const result = triage(simpleBase, {
        creditRecord: record([
          { name: respondent, rightNumber: 'tm12345678', decision: 'infringement', date: '2024-01-10' },
        ]),
        now,
      });
      expect(find(result.reasons, 'credit.sameRight').weight).to.equal(TRIAGE_WEIGHTS.creditSameRight);
    });

    it('ignores other names, entries older than the look-back, and ignored-decision entries', () => {
      const old = new Date(now.getTime() - (CREDIT_LOOKBACK_DAYS + 1) * 86_400_000);
      const result = triage(simpleBase, {
        creditRecord: record([
          { name: 'Someone Else', decision: 'infringement', date: '2024-01-10' },
          { name: respondent, decision: 'infringement', date: old },
          { name: respondent, decision: 'nonCompliance', date: '2024-01-10' },
        ]),
        now,
      });
      expect(result.track).to.equal('simple');
      expect(codes(result.reasons)).to.include('credit.none');
    });

    it('says when no credit record was checked', () => {
      expect(codes(triage(simpleBase).reasons)).to.include('credit.unchecked');
    });

    it('priorRecords splits infringements from ignored decisions', () => {
      const prior = priorRecords(
        record([
          { name: 'ACME Co., Ltd.', decision: 'infringement', date: '2024-01-01' },
          { name: 'acme', decision: 'nonCompliance', date: '2024-02-01' },
        ]),
        'Acme Company',
        now,
      );
      expect(prior.infringements).to.have.length(1);
      expect(prior.nonCompliance).to.have.length(1);
    });
  });
});
