/**
 * Issue 14, mediation: the procedures as the law runs them — the joint application for judicial
 * confirmation, extensions the parties agree to, court-entrusted extensions, the mediation period
 * from the mediator's acceptance, the consent clock, party-specific conflicts, and an unassigned case.
 */
import { expect } from 'chai';
import {
  activeClocks,
  availableActions,
  caseStage,
  initialCaseSnapshot,
  type CaseSnapshot,
} from '../../../shared/machine/machineApi.js';
import type { Track } from '../../../shared/vocabulary.js';
import { ACTORS, IDS, caseInput, day, ev, expectRefused, run, served } from './machineFixtures.js';

function clockIds(s: CaseSnapshot): string[] {
  return activeClocks(s).map((c) => c.clock);
}

function routed(channel: 'mediation' | 'judicial', track?: Track): CaseSnapshot {
  return run(initialCaseSnapshot(caseInput()), [
    ev('ACCEPT', 'admin', {}),
    ev('ROUTE', 'admin', { channel, reason: 'desk', ...(track ? { track } : {}) }),
    served(),
  ]);
}

function accepted(): CaseSnapshot {
  return run(routed('mediation'), [
    ev('ASSIGN_MEDIATOR', 'system', { mediatorId: IDS.mediator }, day(1)),
    ev('ACCEPT_ASSIGNMENT', 'mediator', {}, day(2)),
  ]);
}

function signed(): CaseSnapshot {
  return run(accepted(), [
    ev('CONSENT', 'respondent', {}, day(4)),
    ev('PROPOSE_AGREEMENT', 'mediator', { terms: 'licence' }, day(5)),
    ev('SIGN_AGREEMENT', 'complainant', {}, day(6)),
    ev('SIGN_AGREEMENT', 'respondent', {}, day(6)),
  ]);
}

describe('mediation as the law runs it (issue 14)', function () {
  describe('judicial confirmation is a joint application (CPL art. 205)', function () {
    it('the first application waits for the other party; the same party twice is refused', function () {
      let s = signed();
      expect(caseStage(s)).to.equal('inChannel.mediation.signed');
      expect(s.context.confirmationApplications).to.deep.equal({ complainant: false, respondent: false });
      s = run(s, [ev('REQUEST_CONFIRMATION', 'respondent', {}, day(7))]);
      expect(caseStage(s)).to.equal('inChannel.mediation.signed');
      expect(clockIds(s)).to.deep.equal(['confirmationApplication']);
      expect(s.context.confirmationApplications).to.deep.equal({ complainant: false, respondent: true });
      expectRefused(s, ev('REQUEST_CONFIRMATION', 'respondent', {}, day(8)));
      expect(availableActions(s, ACTORS.respondent, day(8))).not.to.include('REQUEST_CONFIRMATION');
      expect(availableActions(s, ACTORS.complainant, day(8))).to.include('REQUEST_CONFIRMATION');
      s = run(s, [ev('REQUEST_CONFIRMATION', 'complainant', {}, day(9))]);
      expect(caseStage(s)).to.equal('inChannel.mediation.awaitingConfirmation');
      expect(clockIds(s)).to.deep.equal(['confirmationRuling']);
    });

    it('an application alone lapses with the clock: the agreement stands unconfirmed', function () {
      const s = run(signed(), [
        ev('REQUEST_CONFIRMATION', 'complainant', {}, day(7)),
        ev('DEADLINE', 'system', { clock: 'confirmationApplication' }, day(40)),
      ]);
      expect(caseStage(s)).to.equal('resolved');
      expect(s.context.outcome).to.deep.include({ kind: 'settled', judiciallyConfirmed: false });
    });
  });

  describe('the mediation period', function () {
    it('starts at the mediator’s acceptance; the consent runs its own clock', function () {
      const s = accepted();
      expect(caseStage(s)).to.equal('inChannel.mediation.awaitingConsent');
      expect(activeClocks(s)).to.deep.equal([
        { clock: 'mediationConsent', startedAt: day(2) },
        { clock: 'mediation', startedAt: day(2) },
      ]);
      expect(clockIds(s)).not.to.include('respondentAnswer');
      const consented = run(s, [ev('CONSENT', 'respondent', {}, day(5))]);
      expect(activeClocks(consented)).to.deep.equal([{ clock: 'mediation', startedAt: day(2) }]);
    });

    it('the consent deadline fails the mediation, and the answer clock is no deadline there', function () {
      const s = accepted();
      expectRefused(s, ev('DEADLINE', 'system', { clock: 'respondentAnswer' }, day(20)));
      const failed = run(s, [ev('DEADLINE', 'system', { clock: 'mediationConsent' }, day(9))]);
      expect(caseStage(failed)).to.equal('inChannel.mediation.failed');
      expect(clockIds(failed)).to.deep.equal([]);
      const expired = run(s, [ev('DEADLINE', 'system', { clock: 'mediation' }, day(32))]);
      expect(caseStage(expired)).to.equal('inChannel.mediation.failed');
    });

    it('stops the mediation clock when the case leaves before consent', function () {
      const s = run(accepted(), [ev('TRANSFER', 'admin', { channel: 'judicial', reason: 'court' }, day(3))]);
      expect(clockIds(s)).not.to.include('mediation');
      const withdrawn = run(accepted(), [ev('WITHDRAW', 'complainant', {}, day(3))]);
      expect(clockIds(withdrawn)).to.deep.equal([]);
    });

    it('extends by the days both parties agree to, beyond 30 and up to the 90-day platform bound', function () {
      let s = run(accepted(), [ev('CONSENT', 'respondent', {}, day(4))]);
      expectRefused(s, ev('REQUEST_EXTENSION', 'mediator', { days: 91 }, day(20)));
      s = run(s, [
        ev('REQUEST_EXTENSION', 'mediator', { days: 60 }, day(20)),
        ev('APPROVE_EXTENSION', 'complainant', {}, day(21)),
        ev('APPROVE_EXTENSION', 'respondent', {}, day(21)),
      ]);
      expect(activeClocks(s)).to.deep.equal([
        { clock: 'mediation', startedAt: day(2), extension: { amount: 60, unit: 'days' } },
      ]);
    });
  });

  describe('court-entrusted mediation', function () {
    it('is extended with both parties’ consent, by at most its own period', function () {
      let s = run(routed('judicial', 'ordinary'), [
        // mediation in court waits for the respondent's answer (or its period) like the trial
        ev('RESPOND', 'respondent', { answer: 'We are open to a settlement.' }, day(1)),
        ev('ENTRUST_MEDIATION', 'court', {}, day(2)),
        ev('ASSIGN_MEDIATOR', 'court', { mediatorId: IDS.mediator }, day(2)),
        ev('ACCEPT_ASSIGNMENT', 'mediator', {}, day(3)),
        ev('CONSENT', 'respondent', {}, day(3)),
      ]);
      expectRefused(s, ev('REQUEST_EXTENSION', 'mediator', { days: 16 }, day(10)));
      s = run(s, [
        ev('REQUEST_EXTENSION', 'mediator', { days: 15 }, day(10)),
        ev('APPROVE_EXTENSION', 'respondent', {}, day(11)),
      ]);
      expect(activeClocks(s)[0]?.extension).to.equal(undefined);
      s = run(s, [ev('APPROVE_EXTENSION', 'complainant', {}, day(11))]);
      expect(activeClocks(s).find((c) => c.clock === 'litigationMediationOrdinary')).to.deep.equal({
        clock: 'litigationMediationOrdinary',
        startedAt: day(2),
        extension: { amount: 15, unit: 'days' },
      });
      // the trial period runs on from filing meanwhile, unextended
      expect(activeClocks(s).find((c) => c.clock === 'ordinaryTrial')?.extension).to.equal(undefined);
    });
  });

  describe('mediator assignment', function () {
    it('a declared conflict names its party and bars the mediator from this case', function () {
      const s = run(routed('mediation'), [
        ev('ASSIGN_MEDIATOR', 'system', { mediatorId: IDS.mediator }),
        ev('DECLINE_ASSIGNMENT', 'mediator', {
          conflict: true,
          conflictWith: 'respondent',
          reason: 'advised them',
        }),
      ]);
      expect(s.context.conflicts).to.deep.equal([
        { mediatorId: IDS.mediator, reason: 'advised them', party: 'respondent' },
      ]);
      expectRefused(s, ev('ASSIGN_MEDIATOR', 'admin', { mediatorId: IDS.mediator }));
    });

    it('when every mediator declines, the assignment clock runs and escalates, and admin or the organisation assigns another', function () {
      let s = run(routed('mediation'), [
        ev('ASSIGN_MEDIATOR', 'system', { mediatorId: IDS.mediator }, day(1)),
        ev('DECLINE_ASSIGNMENT', 'mediator', {}, day(1)),
        ev('ASSIGN_MEDIATOR', 'system', { mediatorId: IDS.mediator2 }, day(1)),
        ev('DECLINE_ASSIGNMENT', 'mediator2', {}, day(2)),
      ]);
      expect(caseStage(s)).to.equal('inChannel.mediation.awaitingMediator');
      expect(activeClocks(s)).to.deep.equal([{ clock: 'mediatorAssignment', startedAt: day(2) }]);
      s = run(s, [ev('DEADLINE', 'system', { clock: 'mediatorAssignment' }, day(8))]);
      expect(caseStage(s)).to.equal('inChannel.mediation.awaitingMediator');
      expect(s.context.clocks.mediatorAssignment?.breachedAt).to.equal(day(8));
      expect(availableActions(s, ACTORS.admin, day(8))).to.include('ASSIGN_MEDIATOR');
      expect(availableActions(s, ACTORS.mediationOrg, day(8))).to.include('ASSIGN_MEDIATOR');
      expectRefused(s, ev('ASSIGN_MEDIATOR', 'admin', { mediatorId: IDS.mediator2 }, day(8)));
      const assigned = run(s, [ev('ASSIGN_MEDIATOR', 'admin', { mediatorId: 'u-mediator3' }, day(8))]);
      expect(caseStage(assigned)).to.equal('inChannel.mediation.awaitingAcceptance');
      expect(clockIds(assigned)).to.deep.equal(['mediatorAcceptance']);
    });
  });
});
