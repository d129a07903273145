import { expect } from 'chai';
import { CalendarRangeError } from '../../../shared/time/calendar.js';
import { CLOCK_IDS, type ClockId } from '../../../shared/time/clockIds.js';
import { clockStatus, CLOCKS, computeDueAt, computeWarnings } from '../../../shared/time/clocks.js';

describe('clocks', () => {
  describe('CLOCKS table', () => {
    it('defines exactly the clock ids, each under its own id', () => {
      expect(Object.keys(CLOCKS).sort()).to.deep.equal([...CLOCK_IDS].sort());
      for (const id of CLOCK_IDS) expect(CLOCKS[id].id).to.equal(id);
    });

    it('gives every clock labels, a positive integer duration, an expiry effect and a source', () => {
      for (const id of CLOCK_IDS) {
        const c = CLOCKS[id];
        expect(c.label, id).to.be.a('string').and.not.empty;
        expect(c.labelZh, id).to.match(/[\u4e00-\u9fff]/);
        expect(c.onExpiry, id).to.be.a('string').and.not.empty;
        expect(c.source, id).to.be.a('string').and.not.empty;
        expect(Number.isInteger(c.amount) && c.amount > 0, id).to.equal(true);
        expect(['workingDays', 'days', 'months'], id).to.include(c.unit);
        if (c.maxExtension) expect(c.maxExtension.unit, id).to.equal(c.unit);
      }
    });

    it('names each clock’s basis: the provision, or that it is a platform rule', () => {
      const basis: Record<(typeof CLOCK_IDS)[number], string> = {
        screeningDecision: 'CNIPA Measures',
        infoRequest: 'Sevenfold rule',
        mediatorAcceptance: 'Sevenfold platform rule',
        mediatorAssignment: 'Sevenfold platform rule',
        mediationConsent: 'People’s Mediation Law arts. 3 and 17',
        respondentAnswer: 'Civil Procedure Law (2023) art. 128',
        mediation: 'People’s Mediation Law arts. 3 and 23',
        litigationMediationOrdinary: '法释〔2020〕20号) art. 4',
        litigationMediationSummary: '法释〔2020〕20号) art. 4',
        confirmationApplication: 'Civil Procedure Law (2023 amendment) art. 205',
        confirmationRuling: '法释〔2011〕5号',
        summaryTrial: 'Civil Procedure Law (2023) art. 164',
        ordinaryTrial: 'Civil Procedure Law (2023) art. 152',
        adminAdjudication: '专利行政执法办法',
        trademarkAdminCase: '市场监督管理行政处罚程序规定',
        fastTrackDesign: '知识产权快速协同保护',
        fastTrackPatent: '知识产权快速协同保护',
        ecommerceSellerResponse: 'E-commerce platform practice',
        ecommerceRestore: 'E-Commerce Law art. 43',
        arbitrationExpedited: 'Expedited Arbitration Rules',
        arbitrationStandard: 'Arbitration Rules',
        appealPeriod: 'Civil Procedure Law (2023) art. 171',
        appealPeriodForeign: 'Civil Procedure Law (2023) art. 286',
        creditObjection: '国办发〔2020〕49号',
        creditDisclosure: '国办发〔2020〕49号',
      };
      for (const id of CLOCK_IDS) expect(CLOCKS[id].source, id).to.contain(basis[id]);
    });

    it('carries the defaults of the design brief', () => {
      const summary = Object.fromEntries(
        CLOCK_IDS.map((id) => {
          const c = CLOCKS[id];
          const ext = c.maxExtension ? `+${c.maxExtension.amount}` : '';
          return [id, `${c.amount}${ext} ${c.unit}`];
        }),
      );
      expect(summary).to.deep.equal({
        screeningDecision: '5 workingDays',
        infoRequest: '10 workingDays',
        mediatorAcceptance: '2 workingDays',
        mediatorAssignment: '3 workingDays',
        mediationConsent: '7 days',
        respondentAnswer: '15 days',
        mediation: '30+90 days',
        litigationMediationOrdinary: '15+15 days',
        litigationMediationSummary: '7+7 days',
        confirmationApplication: '30 days',
        confirmationRuling: '15+10 days',
        summaryTrial: '3+1 months',
        ordinaryTrial: '6+12 months',
        adminAdjudication: '3+1 months',
        trademarkAdminCase: '90+30 days',
        fastTrackDesign: '10 workingDays',
        fastTrackPatent: '1 months',
        ecommerceSellerResponse: '3 workingDays',
        ecommerceRestore: '15 days',
        arbitrationExpedited: '3+1 months',
        arbitrationStandard: '9+3 months',
        appealPeriod: '15 days',
        appealPeriodForeign: '30 days',
        creditObjection: '15 workingDays',
        creditDisclosure: '36 months',
      });
      expect(CLOCKS.confirmationRuling.source).to.contain('法释〔2011〕5号');
      expect(CLOCKS.ecommerceRestore.source).to.contain('art. 43');
    });

    it('gives the mediation clocks of issue 14 their figures and sources', () => {
      // consent to mediate: its own clock, a platform rule, not the answer period
      expect(CLOCKS.mediationConsent).to.deep.include({ amount: 7, unit: 'days' });
      expect(CLOCKS.mediationConsent.source)
        .to.match(/platform rule/)
        .and.contain('People’s Mediation Law');
      expect(CLOCKS.mediatorAssignment).to.deep.include({ amount: 3, unit: 'workingDays' });
      expect(CLOCKS.mediatorAssignment.source).to.match(/platform rule/);
      // the mediation extension: the parties' length, bounded by a platform rule (not a legal cap)
      expect(CLOCKS.mediation.maxExtension).to.deep.equal({ amount: 90, unit: 'days' });
      expect(CLOCKS.mediation.source).to.contain('platform rule, not a legal cap').and.contain('acceptance');
      // court-entrusted mediation continues with the parties' consent
      for (const id of ['litigationMediationOrdinary', 'litigationMediationSummary'] as const) {
        expect(CLOCKS[id].maxExtension, id).to.deep.equal({ amount: CLOCKS[id].amount, unit: 'days' });
        expect(CLOCKS[id].source, id).to.contain('法释〔2020〕20号').and.contain('art. 4');
      }
      expect(CLOCKS.confirmationApplication.source).to.contain('art. 205').and.contain('jointly');
      expect(computeDueAt('mediation', '2025-03-03T02:00:00Z', 90)).to.equal('2025-07-01T15:59:59.999Z');
    });

    it('cites the Civil Procedure Law (2023 numbering) for the court clocks, and the credit rules', () => {
      expect(CLOCKS.appealPeriod.source).to.match(/Civil Procedure Law \(2023\) art\. 171\b/);
      expect(CLOCKS.appealPeriodForeign.source).to.match(/Civil Procedure Law \(2023\) art\. 286\b/);
      expect(CLOCKS.respondentAnswer.source).to.match(/Civil Procedure Law \(2023\) art\. 128\b/);
      expect(CLOCKS.summaryTrial.source)
        .to.match(/art\. 164\b/)
        .and.to.contain('from filing');
      expect(CLOCKS.ordinaryTrial.source)
        .to.match(/art\. 152\b/)
        .and.to.contain('from filing');
      expect(CLOCKS.ordinaryTrial.source).to.contain('art. 258');
      expect(CLOCKS.creditObjection.source).to.contain('国办发〔2020〕49号');
      expect(CLOCKS.creditDisclosure.source).to.contain('国办发〔2020〕49号');
    });

    it('extends trial periods by at most their statutory (summary) or recorded (ordinary) maximum', () => {
      // filed 2025-03-03 (Beijing): summary ends 2025-06-03, +1 month 2025-07-03
      expect(computeDueAt('summaryTrial', '2025-03-03T02:00:00Z')).to.equal('2025-06-03T15:59:59.999Z');
      expect(computeDueAt('summaryTrial', '2025-03-03T02:00:00Z', 1)).to.equal('2025-07-03T15:59:59.999Z');
      expect(() => computeDueAt('summaryTrial', '2025-03-03T02:00:00Z', 2)).to.throw(RangeError, /maximum/);
      expect(computeDueAt('ordinaryTrial', '2025-03-03T02:00:00Z', 6)).to.equal('2026-03-03T15:59:59.999Z');
      expect(computeDueAt('ordinaryTrial', '2025-03-03T02:00:00Z', 12)).to.equal('2026-09-03T15:59:59.999Z');
      expect(() => computeDueAt('ordinaryTrial', '2025-03-03T02:00:00Z', 13)).to.throw(RangeError, /maximum/);
      expect(() => computeDueAt('appealPeriod', '2025-03-03T02:00:00Z', 1)).to.throw(/cannot be extended/);
    });

    it('ends the appeal periods 15 and 30 days after service, moved past a holiday', () => {
      // served 2025-09-16: day 15 is 2025-10-01 (National Day) → the next working day, 2025-10-09
      expect(computeDueAt('appealPeriod', '2025-09-16T02:00:00.000Z')).to.equal('2025-10-09T15:59:59.999Z');
      expect(computeDueAt('appealPeriod', '2025-03-03T02:00:00Z')).to.equal('2025-03-18T15:59:59.999Z');
      expect(computeDueAt('appealPeriodForeign', '2025-03-03T02:00:00Z')).to.equal(
        '2025-04-02T15:59:59.999Z',
      );
      // objection: 15 working days from 2025-09-25 across National Day
      expect(computeDueAt('creditObjection', '2025-09-25T02:00:00.000Z')).to.equal(
        '2025-10-22T15:59:59.999Z',
      );
    });

    it('gives trademark cases the SAMR penalty-procedure clock, and patent adjudication its own (issue 14)', () => {
      expect(CLOCKS.trademarkAdminCase).to.deep.include({
        amount: 90,
        unit: 'days',
        maxExtension: { amount: 30, unit: 'days' },
      });
      expect(CLOCKS.trademarkAdminCase.source)
        .to.contain('市场监督管理行政处罚程序规定')
        .and.contain('art. 64');
      expect(CLOCKS.adminAdjudication.label).to.contain('patent');
      expect(CLOCKS.adminAdjudication.source).to.contain('专利行政执法办法').and.contain('art. 65');
      // 90 days from 2025-01-15 (Beijing): 2025-04-15; +30 days: 2025-05-15
      expect(computeDueAt('trademarkAdminCase', '2025-01-15T02:00:00Z')).to.equal('2025-04-15T15:59:59.999Z');
      expect(computeDueAt('trademarkAdminCase', '2025-01-15T02:00:00Z', 30)).to.equal(
        '2025-05-15T15:59:59.999Z',
      );
      expect(() => computeDueAt('trademarkAdminCase', '2025-01-15T02:00:00Z', 31)).to.throw(RangeError);
    });
  });

  describe('computeDueAt', () => {
    it('ends a working-day clock at the end of the Nth working day across National Day', () => {
      // Sep 26, 28 (make-up), 29, 30, Oct 9
      expect(computeDueAt('screeningDecision', '2025-09-25T02:00:00.000Z')).to.equal(
        '2025-10-09T15:59:59.999Z',
      );
      expect(computeDueAt('fastTrackDesign', '2025-09-25T02:00:00.000Z')).to.equal(
        '2025-10-15T15:59:59.999Z',
      );
    });

    it('counts from the Beijing date: an evening start in UTC is the next day in Beijing', () => {
      expect(computeDueAt('mediatorAcceptance', '2025-09-29T15:59:59.999Z')).to.equal(
        '2025-10-09T15:59:59.999Z',
      );
      expect(computeDueAt('mediatorAcceptance', '2025-09-29T16:00:00.000Z')).to.equal(
        '2025-10-10T15:59:59.999Z',
      );
    });

    it('extends a calendar-day clock ending on a holiday to the next working day', () => {
      expect(computeDueAt('respondentAnswer', '2025-09-16T02:00:00.000Z')).to.equal(
        '2025-10-09T15:59:59.999Z',
      );
    });

    it('clamps month clocks to month end and keeps a make-up Saturday as the last day', () => {
      // Aug 31 + 6 months = Feb 28 2026, a make-up working Saturday
      expect(computeDueAt('ordinaryTrial', '2025-08-31T04:00:00.000Z')).to.equal('2026-02-28T15:59:59.999Z');
      // Nov 30 + 3 months = Feb 28 2026 as well
      expect(computeDueAt('summaryTrial', '2025-11-30T04:00:00.000Z')).to.equal('2026-02-28T15:59:59.999Z');
    });

    it('applies an extension within the maximum, as a number or as a duration', () => {
      expect(computeDueAt('mediation', '2025-03-03T02:00:00Z')).to.equal('2025-04-02T15:59:59.999Z');
      expect(computeDueAt('mediation', '2025-03-03T02:00:00Z', 30)).to.equal('2025-05-06T15:59:59.999Z');
      expect(computeDueAt('mediation', '2025-03-03T02:00:00Z', { amount: 20, unit: 'days' })).to.equal(
        '2025-04-22T15:59:59.999Z',
      );
      expect(computeDueAt('adminAdjudication', '2025-01-15T02:00:00Z', 1)).to.equal(
        '2025-05-15T15:59:59.999Z',
      );
      expect(computeDueAt('confirmationRuling', '2025-03-03T02:00:00Z', 10)).to.equal(
        '2025-03-28T15:59:59.999Z',
      );
      expect(computeDueAt('screeningDecision', '2025-03-03T02:00:00Z', 0)).to.equal(
        '2025-03-10T15:59:59.999Z',
      );
    });

    it('rejects an extension beyond the maximum, in another unit, or on a clock without extension', () => {
      expect(() => computeDueAt('mediation', '2025-03-03T02:00:00Z', 91)).to.throw(
        RangeError,
        /more than the maximum of 90 days/,
      );
      expect(() => computeDueAt('mediation', '2025-03-03T02:00:00Z', { amount: 1, unit: 'months' })).to.throw(
        RangeError,
        /must be in days/,
      );
      expect(() => computeDueAt('arbitrationStandard', '2025-03-03T02:00:00Z', 4)).to.throw(
        RangeError,
        /maximum/,
      );
      expect(() => computeDueAt('screeningDecision', '2025-03-03T02:00:00Z', 1)).to.throw(
        RangeError,
        /cannot be extended/,
      );
      expect(() => computeDueAt('mediation', '2025-03-03T02:00:00Z', -1)).to.throw(RangeError);
    });

    it('rejects an unknown clock and a due date beyond the covered calendar', () => {
      expect(() => computeDueAt('nope' as ClockId, '2025-03-03T02:00:00Z')).to.throw(
        TypeError,
        /Unknown clock/,
      );
      expect(() => computeDueAt('arbitrationStandard', '2099-11-01T02:00:00Z')).to.throw(CalendarRangeError);
    });
  });

  describe('computeWarnings', () => {
    it('puts warnings at 50% and 80% of the real time and the breach at due', () => {
      expect(
        computeWarnings('respondentAnswer', '2025-01-01T00:00:00.000Z', '2025-01-11T00:00:00.000Z'),
      ).to.deep.equal([
        { level: 'warning50', at: '2025-01-06T00:00:00.000Z' },
        { level: 'warning80', at: '2025-01-09T00:00:00.000Z' },
        { level: 'breach', at: '2025-01-11T00:00:00.000Z' },
      ]);
    });

    it('works on a computed due date', () => {
      const start = '2025-09-25T01:59:59.999Z';
      const due = computeDueAt('screeningDecision', start); // 2025-10-09T15:59:59.999Z, 14d 14h later
      const warnings = computeWarnings('screeningDecision', start, due);
      expect(warnings.map((w) => w.at)).to.deep.equal([
        '2025-10-02T08:59:59.999Z',
        '2025-10-06T17:59:59.999Z',
        '2025-10-09T15:59:59.999Z',
      ]);
    });

    it('rejects a due date not after the start', () => {
      expect(() => computeWarnings('mediation', '2025-01-11T00:00:00Z', '2025-01-01T00:00:00Z')).to.throw(
        RangeError,
      );
    });
  });

  describe('clockStatus', () => {
    const start = '2025-01-01T00:00:00.000Z';
    const due = '2025-01-11T00:00:00.000Z';

    it('is onTrack before 50%, then atRisk50, atRisk80 and breached at the warning instants', () => {
      expect(clockStatus(start, due, '2025-01-05T23:59:59.999Z')).to.deep.equal({
        status: 'onTrack',
        remainingMs: 5 * 86_400_000 + 1,
      });
      expect(clockStatus(start, due, '2025-01-06T00:00:00.000Z').status).to.equal('atRisk50');
      expect(clockStatus(start, due, '2025-01-08T23:59:59.999Z').status).to.equal('atRisk50');
      expect(clockStatus(start, due, '2025-01-09T00:00:00.000Z').status).to.equal('atRisk80');
      expect(clockStatus(start, due, '2025-01-10T23:59:59.999Z')).to.deep.equal({
        status: 'atRisk80',
        remainingMs: 1,
      });
      expect(clockStatus(start, due, due)).to.deep.equal({ status: 'breached', remainingMs: 0 });
      expect(clockStatus(start, due, '2025-01-12T00:00:00.000Z')).to.deep.equal({
        status: 'breached',
        remainingMs: -86_400_000,
      });
    });

    it('agrees with computeWarnings on every warning instant', () => {
      const s = '2025-09-25T01:59:59.999Z';
      const d = computeDueAt('fastTrackDesign', s);
      const expected = { warning50: 'atRisk50', warning80: 'atRisk80', breach: 'breached' } as const;
      for (const w of computeWarnings('fastTrackDesign', s, d)) {
        expect(clockStatus(s, d, w.at).status, w.level).to.equal(expected[w.level]);
        expect(clockStatus(s, d, new Date(Date.parse(w.at) - 1)).status, w.level).to.not.equal(
          expected[w.level],
        );
      }
    });
  });
});

describe('clocks: an extension in days on a clock counted in months', () => {
  it('adds the days after the end of the month period, within the month limit', () => {
    // expedited arbitration: 3 months from 2 March 2026 ends on 2 June 2026; 10 more days → 12 June
    expect(
      computeDueAt('arbitrationExpedited', '2026-03-02T02:00:00.000Z', { amount: 10, unit: 'days' }),
    ).to.equal('2026-06-12T15:59:59.999Z');
    expect(() =>
      computeDueAt('arbitrationExpedited', '2026-03-02T02:00:00.000Z', { amount: 40, unit: 'days' }),
    ).to.throw(RangeError, /maximum of 1 months/);
  });
});
