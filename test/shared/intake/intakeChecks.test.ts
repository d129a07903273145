import { expect } from 'chai';
import {
  PAE_MAX_MEDIAN_AMOUNT_CNY,
  PAE_MIN_FILINGS,
  PAE_MIN_RESPONDENTS,
  PAE_WEIGHTS,
  PAE_WINDOW_DAYS,
  intakeChecks,
  normalizePartyName,
  normalizeRightNumber,
} from '../../../shared/intake/intakeChecks.js';
import type {
  IntakeContext,
  OpenCaseSummary,
  PaeRisk,
  RecentFiling,
} from '../../../shared/intake/intakeChecks.js';
import type { Complaint } from '../../../shared/schemas/complaint.js';
import type { IpType } from '../../../shared/vocabulary.js';
import { designPatentSmeEcommerce, smallTrademarkMediation } from '../../fixtures/complaints.js';

const now = new Date('2025-06-01T00:00:00Z');
const DAY = 86_400_000;
const complaint = designPatentSmeEcommerce; // respondent Hangzhou Bright Trading Co., Ltd.; right ZL202130123456.7

function context(patch: Partial<IntakeContext> = {}): IntakeContext {
  return { complainantId: 'u1', openCases: [], recentFilings: [], now, ...patch };
}

function openCase(patch: Partial<OpenCaseSummary> = {}): OpenCaseSummary {
  return {
    id: 'c1',
    caseNo: 'SF-2025-000001',
    rightNumbers: ['ZL202130123456.7'],
    respondentName: 'Hangzhou Bright Trading Co., Ltd.',
    status: 'screening',
    ...patch,
  };
}

/**
 * `count` earlier filings, `daysAgo` old, spread over `respondents` respondents, all with the same
 * IP type and right as `complaint`, each claiming `amountCny`.
 */
function filings(
  count: number,
  opts: {
    respondents?: number;
    amountCny?: number;
    daysAgo?: number;
    ipType?: IpType;
    sameRight?: boolean;
  } = {},
): RecentFiling[] {
  const {
    respondents = count,
    amountCny = 20_000,
    daysAgo = 10,
    ipType = 'designPatent',
    sameRight = true,
  } = opts;
  return Array.from({ length: count }, (_, i) => ({
    id: `f${i}`,
    filedAt: new Date(now.getTime() - daysAgo * DAY).toISOString(),
    respondentName: `Respondent ${i % respondents}`,
    rightNumbers: sameRight ? ['ZL202130123456.7'] : [`ZL-other-${i}`],
    amountCny,
    ipType,
  }));
}

/** The PAE-risk flag of the intake checks. */
function paeRiskOf(c: Complaint, ctx: IntakeContext): PaeRisk {
  return intakeChecks(c, ctx).flags.paeRisk;
}

describe('intake checks', () => {
  describe('normalizePartyName', () => {
    const same: [string, string][] = [
      ['Hangzhou Bright Trading Co., Ltd.', 'hangzhou bright trading'],
      ['HANGZHOU  BRIGHT-TRADING CO LTD', 'Hangzhou Bright Trading'],
      ['Ｈａｎｇｚｈｏｕ Ｂｒｉｇｈｔ Ｔｒａｄｉｎｇ', 'Hangzhou Bright Trading Limited'],
      ['杭州明亮贸易有限公司', '杭州明亮贸易'],
      ['杭州明亮贸易股份有限公司', '杭州明亮贸易（有限公司）'],
      ['Acme Inc.', 'ACME Corporation'],
    ];
    for (const [a, b] of same) {
      it(`"${a}" matches "${b}"`, () => {
        expect(normalizePartyName(a)).to.equal(normalizePartyName(b));
      });
    }

    it('keeps names that differ in substance apart', () => {
      expect(normalizePartyName('Acme (China) Co., Ltd.')).to.not.equal(normalizePartyName('Acme Co., Ltd.'));
      expect(normalizePartyName('Costco')).to.equal('costco');
    });

    it('does not strip a name down to nothing', () => {
      expect(normalizePartyName('Company Limited')).to.equal('company');
      expect(normalizePartyName('有限公司')).to.equal('有限公司');
    });
  });

  describe('normalizeRightNumber', () => {
    it('ignores case, separators, full-width digits and a leading ZL', () => {
      expect(normalizeRightNumber('ZL 2021 3012 3456.7')).to.equal(normalizeRightNumber('202130123456.7'));
      expect(normalizeRightNumber('ｚｌ２０２１３０１２３４５６．７')).to.equal('2021301234567');
      expect(normalizeRightNumber('tm-12345678')).to.equal('TM12345678');
    });
  });

  describe('duplicate and parallel proceedings', () => {
    it('flags an open case with the same right and the same (normalised) respondent as a duplicate', () => {
      const { flags } = intakeChecks(
        complaint,
        context({
          openCases: [
            openCase({ respondentName: 'HANGZHOU BRIGHT TRADING', rightNumbers: ['zl 202130123456.7'] }),
          ],
        }),
      );
      expect(flags.duplicate).to.have.length(1);
      const dup = flags.duplicate[0]!;
      expect(dup).to.include({ caseId: 'c1', caseNo: 'SF-2025-000001', status: 'screening' });
      expect(dup.sharedRights).to.deep.equal(['ZL202130123456.7']);
      expect(dup.reason.code).to.equal('intake.duplicate');
      expect(dup.reason.text).to.include('SF-2025-000001');
      expect(dup.reason.text).to.include('same right');
      expect(dup.reason.text).to.include('same respondent');
      expect(flags.parallel).to.be.empty;
    });

    it('flags a matching case already in a channel as parallel proceedings too', () => {
      const { flags } = intakeChecks(
        complaint,
        context({ openCases: [openCase({ status: 'inChannel', channel: 'administrative' })] }),
      );
      expect(flags.duplicate).to.have.length(1);
      expect(flags.parallel).to.have.length(1);
      expect(flags.parallel[0]!.channel).to.equal('administrative');
      expect(flags.parallel[0]!.reason.code).to.equal('intake.parallel');
      expect(flags.parallel[0]!.reason.text).to.include('already in the administrative channel');
      expect(flags.parallel[0]!.reason.text).to.include('parallel proceeding');
    });

    it('does not flag the same right against another respondent', () => {
      const { flags } = intakeChecks(
        complaint,
        context({
          openCases: [openCase({ respondentName: 'Ningbo Bright Trading Co., Ltd.', channel: 'judicial' })],
        }),
      );
      expect(flags.duplicate).to.be.empty;
      expect(flags.parallel).to.be.empty;
    });

    it('does not flag the same respondent on another right', () => {
      const { flags } = intakeChecks(
        complaint,
        context({ openCases: [openCase({ rightNumbers: ['ZL999'] })] }),
      );
      expect(flags.duplicate).to.be.empty;
    });

    it('ignores closed cases', () => {
      const { flags } = intakeChecks(complaint, context({ openCases: [openCase({ status: 'closed' })] }));
      expect(flags.duplicate).to.be.empty;
    });
  });

  describe('PAE risk', () => {
    const below = PAE_MIN_FILINGS - 1; // earlier filings that, with this complaint, reach the threshold

    it(`holds at ${PAE_MIN_FILINGS} similar low-value filings against ${PAE_MIN_RESPONDENTS} respondents`, () => {
      const paeRisk = paeRiskOf(
        complaint,
        context({ recentFilings: filings(below, { respondents: PAE_MIN_RESPONDENTS - 1 }) }),
      );
      expect(paeRisk.held).to.be.true;
      expect(paeRisk.score).to.equal(100);
      expect(paeRisk.reasons[0]!.code).to.equal('pae.held');
      expect(paeRisk.reasons[0]!.text).to.include('held for admin review');
      expect(paeRisk.reasons.map((r) => r.code)).to.deep.equal([
        'pae.held',
        'pae.filings',
        'pae.respondents',
        'pae.lowValue',
        'pae.similar',
      ]);
      expect(paeRisk.reasons[1]!.text).to.include(
        `filed ${PAE_MIN_FILINGS} complaints in the last ${PAE_WINDOW_DAYS} days`,
      );
    });

    it('does not hold one filing below the threshold', () => {
      const paeRisk = paeRiskOf(complaint, context({ recentFilings: filings(below - 1) }));
      expect(paeRisk.held).to.be.false;
      expect(paeRisk.score).to.equal(100 - PAE_WEIGHTS.filings);
      expect(paeRisk.reasons[0]!.code).to.equal('pae.clear');
    });

    it('does not hold with one respondent too few', () => {
      // Respondent 0 … Respondent 2 plus this complaint's respondent: one fewer than the threshold.
      const recentFilings = filings(below, { respondents: PAE_MIN_RESPONDENTS - 2 });
      const paeRisk = paeRiskOf(complaint, context({ recentFilings }));
      expect(paeRisk.held).to.be.false;
      expect(paeRisk.reasons.find((r) => r.code === 'pae.respondents')!.text).to.include(
        `${PAE_MIN_RESPONDENTS - 1} different respondents`,
      );
    });

    it(`holds at a median of exactly CNY ${PAE_MAX_MEDIAN_AMOUNT_CNY} and not above`, () => {
      const lowComplaint: Complaint = {
        ...structuredClone(complaint),
        claim: { amountCny: PAE_MAX_MEDIAN_AMOUNT_CNY, remedies: ['damages'] },
      };
      const at = filings(below, { amountCny: PAE_MAX_MEDIAN_AMOUNT_CNY });
      expect(paeRiskOf(lowComplaint, context({ recentFilings: at })).held).to.be.true;
      const above = filings(below, { amountCny: PAE_MAX_MEDIAN_AMOUNT_CNY + 1 });
      const paeRisk = paeRiskOf(lowComplaint, context({ recentFilings: above }));
      expect(paeRisk.held).to.be.false;
      expect(paeRisk.reasons.find((r) => r.code === 'pae.lowValue')!.weight).to.equal(0);
    });

    it('holds on the same IP type even with different rights, but not on dissimilar filings', () => {
      const sameType = filings(below, { sameRight: false });
      expect(paeRiskOf(complaint, context({ recentFilings: sameType })).held).to.be.true;
      const mixed = filings(below, { sameRight: false }).map((f, i) => ({
        ...f,
        ipType: (i % 2 === 0 ? 'trademark' : 'copyright') as IpType,
      }));
      const paeRisk = paeRiskOf(complaint, context({ recentFilings: mixed }));
      expect(paeRisk.held).to.be.false;
      expect(paeRisk.reasons.find((r) => r.code === 'pae.similar')!.weight).to.equal(0);
    });

    it(`ignores filings older than ${PAE_WINDOW_DAYS} days, or from another complainant`, () => {
      const old = filings(below, { daysAgo: PAE_WINDOW_DAYS + 1 });
      expect(paeRiskOf(complaint, context({ recentFilings: old })).held).to.be.false;
      const others = filings(below).map((f) => ({ ...f, complainantId: 'someone-else' }));
      expect(paeRiskOf(complaint, context({ recentFilings: others })).held).to.be.false;
      const own = filings(below).map((f) => ({ ...f, complainantId: 'u1' }));
      expect(paeRiskOf(complaint, context({ recentFilings: own })).held).to.be.true;
    });

    it('does not fire for an ordinary complainant with a few filings', () => {
      const { flags } = intakeChecks(smallTrademarkMediation, context({ recentFilings: filings(2) }));
      expect(flags.paeRisk.held).to.be.false;
      expect(flags.duplicate).to.be.empty;
      expect(flags.parallel).to.be.empty;
    });
  });
});
