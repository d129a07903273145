import { expect } from 'chai';
import type { CaseInput } from '../../../shared/machine/caseContext.js';
import type { Actor } from '../../../shared/machine/caseEvents.js';
import {
  activeClocks,
  availableActions,
  caseStage,
  caseStatus,
  initialCaseSnapshot,
  type CaseSnapshot,
} from '../../../shared/machine/machineApi.js';
import type { Channel, Track } from '../../../shared/vocabulary.js';
import { ACTORS, FILED_AT, IDS, caseInput, day, ev, expectRefused, run, served } from './machineFixtures.js';

const arbitrator2: Actor = { id: IDS.arbitrator2, role: 'arbitrator' };

function filed(overrides: Partial<CaseInput> = {}): CaseSnapshot {
  return initialCaseSnapshot(caseInput(overrides));
}

/** A case accepted at screening and routed by admin to a channel. */
function routed(channel: Channel, overrides: Partial<CaseInput> = {}, track?: Track): CaseSnapshot {
  return run(filed(overrides), [
    ev('ACCEPT', 'admin', {}),
    ev('ROUTE', 'admin', { channel, reason: 'chosen by the desk', ...(track ? { track } : {}) }),
    served(),
  ]);
}

/** A court case whose respondent has answered (the court may then mediate or try it). */
function answered(overrides: Partial<CaseInput> = {}, track?: Track): CaseSnapshot {
  return run(routed('judicial', overrides, track), [
    ev('RESPOND', 'respondent', { answer: 'no infringement' }),
  ]);
}

/** A mediation case with the mediator assigned, accepted, and the respondent's consent given. */
function inMediationSession(): CaseSnapshot {
  return run(routed('mediation'), [
    ev('ASSIGN_MEDIATOR', 'system', { mediatorId: IDS.mediator }),
    ev('ACCEPT_ASSIGNMENT', 'mediator', {}),
    ev('CONSENT', 'respondent', {}),
  ]);
}

function clockIds(snapshot: CaseSnapshot): string[] {
  return activeClocks(snapshot).map((c) => c.clock);
}

describe('case machine procedures', function () {
  describe('each channel from filing to closed', function () {
    it('mediation: assignment, consent, sessions, signed agreement, judicial confirmation → settled', function () {
      let s = inMediationSession();
      expect(caseStage(s)).to.equal('inChannel.mediation.inSession.negotiating');
      s = run(s, [
        ev('SCHEDULE_SESSION', 'mediator', { sessionAt: day(5) }),
        ev('RECORD_SESSION', 'mediator', { notes: 'positions exchanged' }, day(5)),
        ev('PROPOSE_AGREEMENT', 'mediator', { terms: 'licence at 3%' }, day(6)),
        ev('SIGN_AGREEMENT', 'complainant', {}, day(7)),
      ]);
      expect(caseStage(s)).to.equal('inChannel.mediation.inSession.agreementDrafted');
      expectRefused(s, ev('SIGN_AGREEMENT', 'complainant', {}, day(7)));
      s = run(s, [ev('SIGN_AGREEMENT', 'respondent', {}, day(8))]);
      expect(caseStage(s)).to.equal('inChannel.mediation.signed');
      expect(clockIds(s)).to.deep.equal(['confirmationApplication']);
      s = run(s, [
        ev('REQUEST_CONFIRMATION', 'complainant', {}, day(9)),
        ev('REQUEST_CONFIRMATION', 'respondent', {}, day(9)),
      ]);
      expect(clockIds(s)).to.deep.equal(['confirmationRuling']);
      expectRefused(s, ev('CONFIRM_AGREEMENT', 'enforcement', {}, day(10)));
      s = run(s, [ev('CONFIRM_AGREEMENT', 'court', {}, day(10))]);
      expect(caseStatus(s)).to.equal('resolved');
      expect(s.context.outcome).to.deep.include({
        kind: 'settled',
        infringementFound: false,
        judiciallyConfirmed: true,
      });
      expect(s.context.sessions).to.deep.equal([
        { at: day(5) },
        { at: day(5), notes: 'positions exchanged' },
      ]);
      expect(s.context.agreementTerms).to.equal('licence at 3%');
      s = run(s, [ev('CLOSE', 'mediator', {}, day(11))]);
      expect(caseStatus(s)).to.equal('closed');
      expect(s.status).to.equal('done');
      expect(s.context.closureReason).to.equal('settled');
    });

    it('mediation: a signed agreement stands as a contract when nobody applies for confirmation', function () {
      let s = run(inMediationSession(), [
        ev('PROPOSE_AGREEMENT', 'mediator', { terms: 'stop selling' }),
        ev('SIGN_AGREEMENT', 'respondent', {}),
        ev('SIGN_AGREEMENT', 'complainant', {}),
      ]);
      s = run(s, [ev('DEADLINE', 'system', { clock: 'confirmationApplication' }, day(40))]);
      expect(caseStatus(s)).to.equal('resolved');
      expect(s.context.outcome).to.deep.include({ kind: 'settled', judiciallyConfirmed: false, at: day(40) });
    });

    it('judicial: answer, summary trial converted to ordinary, judgment with punitive damages → judged', function () {
      // a trademark dispute: a basic court may try it summarily (法释〔2022〕13号 leaves it there)
      let s = routed('judicial', { punitiveClaimed: true, ipType: 'trademark' }, 'simple');
      expect(caseStage(s)).to.equal('inChannel.judicial.filed.awaitingAnswer');
      expect(clockIds(s)).to.deep.equal(['respondentAnswer', 'summaryTrial']);
      s = run(s, [
        ev('RESPOND', 'respondent', { answer: 'prior art' }, day(3)),
        ev('START_TRIAL', 'court', {}, day(4)),
      ]);
      expect(caseStage(s)).to.equal('inChannel.judicial.trial.summaryTrial');
      expect(activeClocks(s)).to.deep.equal([{ clock: 'summaryTrial', startedAt: day(1) }]);
      s = run(s, [ev('CONVERT_TO_ORDINARY', 'court', { reason: 'complex facts' }, day(20))]);
      expect(caseStage(s)).to.equal('inChannel.judicial.trial.ordinaryTrial');
      expect(activeClocks(s)).to.deep.equal([{ clock: 'ordinaryTrial', startedAt: day(1) }]);
      expect(s.context.track).to.equal('ordinary');
      s = run(s, [
        ev(
          'RENDER_JUDGMENT',
          'court',
          {
            infringement: true,
            damagesCny: 300_000,
            punitiveBaseCny: 300_000,
            punitiveDamagesCny: 600_000,
            wilful: true,
            seriousCircumstances: true,
          },
          day(90),
        ),
        ev('DEADLINE', 'system', { clock: 'appealPeriod' }, day(106)),
        ev('OPEN_COMPLIANCE', 'court', {}, day(107)),
        ev('RECORD_COMPLIANCE', 'court', { complied: true }, day(120)),
      ]);
      expect(s.context.closureReason).to.equal('judged');
      expect(s.context.outcome).to.deep.equal({
        kind: 'judged',
        infringementFound: true,
        damagesCny: 300_000,
        punitiveDamagesCny: 600_000,
        at: day(90),
      });
    });

    it('judicial: court-entrusted mediation confirmed by the court → settled', function () {
      let s = run(answered({}, 'simple'), [ev('ENTRUST_MEDIATION', 'court', {})]);
      expect(s.context.entrustedMediation).to.equal(true);
      // the trial period runs on from filing while the court's mediation and its assignment run
      expect(clockIds(s)).to.deep.equal(['mediatorAssignment', 'litigationMediationSummary', 'summaryTrial']);
      s = run(s, [
        ev('ASSIGN_MEDIATOR', 'system', { mediatorId: IDS.mediator }),
        ev('ACCEPT_ASSIGNMENT', 'mediator', {}),
      ]);
      expect(clockIds(s)).to.deep.equal(['mediationConsent', 'litigationMediationSummary', 'summaryTrial']);
      s = run(s, [
        ev('CONSENT', 'respondent', {}),
        ev('PROPOSE_AGREEMENT', 'mediator', { terms: 'damages 10k' }),
        ev('SIGN_AGREEMENT', 'complainant', {}),
        ev('SIGN_AGREEMENT', 'respondent', {}),
      ]);
      expect(caseStage(s)).to.equal('inChannel.judicial.entrustedMediation.signed');
      s = run(s, [ev('CONFIRM_AGREEMENT', 'court', {}), ev('CLOSE', 'court', {})]);
      expect(s.context.closureReason).to.equal('settled');
      expect(s.context.outcome).to.deep.include({ kind: 'settled', judiciallyConfirmed: true });
    });

    it('judicial: entrusted mediation that fails or expires goes back to trial', function () {
      const entrusted = run(answered({}, 'ordinary'), [
        ev('ENTRUST_MEDIATION', 'court', {}),
        ev('ASSIGN_MEDIATOR', 'court', { mediatorId: IDS.mediator }),
        ev('ACCEPT_ASSIGNMENT', 'mediator', {}),
        ev('CONSENT', 'respondent', {}),
      ]);
      expect(clockIds(entrusted)).to.deep.equal(['litigationMediationOrdinary', 'ordinaryTrial']);
      const impasse = run(entrusted, [ev('DECLARE_IMPASSE', 'mediator', {})]);
      expect(caseStage(impasse)).to.equal('inChannel.judicial.trial.ordinaryTrial');
      const expired = run(entrusted, [ev('DEADLINE', 'system', { clock: 'litigationMediationOrdinary' })]);
      expect(caseStage(expired)).to.equal('inChannel.judicial.trial.ordinaryTrial');
      expect(clockIds(expired)).to.deep.equal(['ordinaryTrial']);
    });

    it('arbitration: tribunal constitution with a conflicted arbitrator, hearing, extension, award → awarded', function () {
      let s = routed('arbitration', { arbitrationAgreement: true }, 'simple');
      expect(s.context.arbitrationVariant).to.equal('expedited');
      // both parties entrust the chairman of the commission with the choice (Arbitration Law art. 31)
      s = run(s, [
        ev('NOMINATE_ARBITRATOR', 'complainant', { entrustChairman: true }),
        ev('NOMINATE_ARBITRATOR', 'respondent', { entrustChairman: true }),
      ]);
      expect(clockIds(s)).to.deep.equal(['arbitrationExpedited']);
      s = run(s, [
        ev('APPOINT_ARBITRATOR', 'arbitrationOrg', { arbitratorId: IDS.arbitrator }),
        ev('DECLINE_ASSIGNMENT', 'arbitrator', { conflict: true, reason: 'former counsel' }),
      ]);
      expect(caseStage(s)).to.equal('inChannel.arbitration.tribunalConstitution');
      expectRefused(s, ev('APPOINT_ARBITRATOR', 'arbitrationOrg', { arbitratorId: IDS.arbitrator }));
      s = run(s, [
        ev('APPOINT_ARBITRATOR', 'admin', { arbitratorId: IDS.arbitrator2 }),
        ev('DECLARE_IMPARTIALITY', arbitrator2, {}),
        ev('RESPOND', 'respondent', { answer: 'licensed' }),
        ev('SCHEDULE_SESSION', arbitrator2, { sessionAt: day(30) }),
      ]);
      expectRefused(s, ev('REQUEST_EXTENSION', arbitrator2, { days: 31 }));
      s = run(s, [ev('REQUEST_EXTENSION', arbitrator2, {})]);
      expect(activeClocks(s)[0]).to.deep.include({
        clock: 'arbitrationExpedited',
        extension: { amount: 1, unit: 'months' },
      });
      expectRefused(s, ev('REQUEST_EXTENSION', arbitrator2, {}));
      expectRefused(s, ev('RENDER_AWARD', 'arbitrator', { infringement: true }));
      s = run(s, [
        ev('RENDER_AWARD', arbitrator2, { infringement: true, damagesCny: 80_000, remedy: 'cease and pay' }),
        ev('CLOSE', arbitrator2, {}),
      ]);
      expect(s.context.closureReason).to.equal('awarded');
      expect(s.context.outcome).to.deep.include({
        kind: 'awarded',
        infringementFound: true,
        damagesCny: 80_000,
      });
      expect(s.context.declinedArbitratorIds).to.deep.equal([IDS.arbitrator]);
    });

    it('arbitration: the standard variant for ordinary cases, or as the route asks', function () {
      expect(clockIds(routed('arbitration', { arbitrationAgreement: true }, 'ordinary'))).to.deep.equal([
        'arbitrationStandard',
      ]);
      const s = run(filed({ arbitrationAgreement: true }), [
        ev('ACCEPT', 'admin', {}),
        ev('ROUTE', 'admin', {
          channel: 'arbitration',
          track: 'simple',
          variant: 'standard',
          reason: 'agreement',
        }),
      ]);
      expect(clockIds(s)).to.deep.equal(['arbitrationStandard']);
    });

    it('administrative (ordinary): acceptance, investigation with extension, decision → decided', function () {
      let s = routed('administrative', {}, 'ordinary');
      expect(caseStage(s)).to.equal('inChannel.administrative.ordinary.acceptance');
      expectRefused(s, ev('ACCEPT', 'center', {}));
      s = run(s, [
        ev('ACCEPT', 'enforcement', {}, day(2)),
        ev('ASSIGN_INVESTIGATOR', 'enforcement', { investigatorId: IDS.investigator }),
        ev('SUBMIT_TECH_REPORT', 'investigator', { summary: 'same claims', match: true }),
        ev('RESPOND', 'respondent', { answer: 'different product' }),
        ev('REQUEST_EXTENSION', 'enforcement', {}),
      ]);
      expect(activeClocks(s)).to.deep.equal([
        { clock: 'adminAdjudication', startedAt: day(2), extension: { amount: 1, unit: 'months' } },
      ]);
      expectRefused(s, ev('REQUEST_EXTENSION', 'enforcement', {}));
      s = run(s, [
        ev('DETERMINE', 'enforcement', { infringement: true, remedy: 'cease' }),
        ev('CLOSE', 'enforcement', { reason: 'decided' }),
      ]);
      expect(s.context.closureReason).to.equal('decided');
      expect(s.context.outcome).to.deep.include({
        kind: 'decided',
        infringementFound: true,
        remedy: 'cease',
      });
      expect(s.context.techReport).to.deep.include({ match: true });
    });

    it('legal services: intake, advice, outcome → closed as settled', function () {
      let s = routed('legalServices');
      s = run(s, [
        ev('ACCEPT', 'legalAid', {}),
        ev('RECORD_SESSION', 'legalAid', { notes: 'explained options' }),
        ev('RECORD_OUTCOME', 'legalAid', { outcome: 'advised', notes: 'will file with the court' }),
      ]);
      expect(s.context.outcome).to.deep.include({ kind: 'advised', infringementFound: false });
      expectRefused(s, ev('OPEN_COMPLIANCE', 'legalAid', {}));
      expectRefused(s, ev('CLOSE', 'legalAid', { reason: 'judged' }));
      s = run(s, [ev('CLOSE', 'legalAid', {})]);
      expect(s.context.closureReason).to.equal('settled');
    });

    it('legal services: a declined intake needs a reason, then closes as transferred out', function () {
      let s = routed('legalServices');
      expectRefused(s, ev('DECLINE', 'legalAid', {}));
      s = run(s, [ev('DECLINE', 'legalAid', { reason: 'not eligible' })]);
      expect(caseStage(s)).to.equal('inChannel.legalServices.failed');
      expectRefused(s, ev('CLOSE', 'legalAid', { reason: 'settled' }));
      s = run(s, [ev('CLOSE', 'legalAid', { reason: 'transferredOut' })]);
      expect(s.context.closureReason).to.equal('transferredOut');
    });

    it('social supervision: verification and disclosure → decided', function () {
      let s = run(routed('socialSupervision'), [
        ev('ACCEPT', 'supervisor', {}),
        ev('RESPOND', 'respondent', { answer: 'already removed' }),
      ]);
      expectRefused(s, ev('DETERMINE', 'supervisor', { infringement: true, remedy: 'cease' }));
      expectRefused(s, ev('DETERMINE', 'supervisor', { infringement: false, remedy: 'disclosure' }));
      s = run(s, [
        ev('DETERMINE', 'supervisor', { infringement: true, remedy: 'disclosure' }),
        ev('CLOSE', 'supervisor', {}),
      ]);
      expect(s.context.outcome).to.deep.include({
        kind: 'disclosed',
        infringementFound: true,
        remedy: 'disclosure',
      });
      expect(s.context.closureReason).to.equal('decided');
    });

    it('industry self-regulation: review, member mediation, determination → decided', function () {
      const s = run(routed('industrySelfRegulation'), [
        ev('ACCEPT', 'association', {}),
        ev('CONSENT', 'respondent', {}),
        ev('SCHEDULE_SESSION', 'association', { sessionAt: day(4) }),
        ev('DETERMINE', 'association', { infringement: true, remedy: 'apology' }),
        ev('OPEN_COMPLIANCE', 'association', {}),
        ev('RECORD_COMPLIANCE', 'association', { complied: true }),
      ]);
      expect(s.context.closureReason).to.equal('decided');
      expect(s.context.outcome).to.deep.include({ kind: 'decided', remedy: 'apology' });
    });

    it('industry self-regulation: impasse, then transfer to the courts', function () {
      const s = run(routed('industrySelfRegulation'), [
        ev('ACCEPT', 'association', {}),
        ev('CONSENT', 'respondent', {}),
        ev('DECLARE_IMPASSE', 'association', {}),
        ev('TRANSFER', 'association', { channel: 'judicial', reason: 'no agreement among members' }),
      ]);
      expect(caseStage(s)).to.equal('inChannel.judicial.filed.awaitingAnswer');
      expect(s.context.transfers).to.have.length(1);
    });
  });

  describe('the fast track of a protection center', function () {
    const ecommerceDesign = { ipType: 'designPatent', ecommerce: true } as const;

    function determined(overrides: Partial<CaseInput> = ecommerceDesign): CaseSnapshot {
      let s = routed('administrative', overrides, 'fast');
      expect(s.context.fastTrack).to.equal(true);
      expect(caseStage(s)).to.equal('inChannel.administrative.fastTrack.examination.preReview');
      s = run(s, [
        ev('ACCEPT', 'center', {}),
        ev('ASSIGN_INVESTIGATOR', 'center', { investigatorId: IDS.investigator }),
        ev('SUBMIT_TECH_REPORT', 'investigator', { summary: 'identical design', match: true }),
      ]);
      expect(caseStage(s)).to.equal('inChannel.administrative.fastTrack.examination.determination');
      return s;
    }

    it('runs the design-patent clock from pre-review to determination, the patent clock otherwise', function () {
      expect(clockIds(routed('administrative', ecommerceDesign, 'fast'))).to.deep.equal(['fastTrackDesign']);
      expect(clockIds(routed('administrative', { ipType: 'utilityModel' }, 'fast'))).to.deep.equal([
        'fastTrackPatent',
      ]);
    });

    it('takedown notice, counter-notice forwarded, and the listing kept down after a determination of infringement', function () {
      expectRefused(determined(), ev('DETERMINE', 'enforcement', { infringement: true, remedy: 'takedown' }));
      let s = run(determined(), [
        ev('DETERMINE', 'center', { infringement: true, remedy: 'takedown' }, day(8)),
      ]);
      expect(caseStage(s)).to.equal('inChannel.administrative.fastTrack.remedy.noticeIssued');
      expect(activeClocks(s)).to.deep.equal([{ clock: 'ecommerceSellerResponse', startedAt: day(8) }]);
      expectRefused(s, ev('WITHDRAW', 'complainant', {}));
      expectRefused(s, ev('TRANSFER', 'center', { channel: 'judicial', reason: 'too late' }));
      s = run(s, [ev('COUNTER_NOTICE', 'respondent', { statement: 'my own design' }, day(9))]);
      expect(activeClocks(s)).to.deep.equal([]);
      s = run(s, [ev('FORWARD_COUNTER_NOTICE', 'center', {}, day(11))]);
      expect(activeClocks(s)).to.deep.equal([{ clock: 'ecommerceRestore', startedAt: day(11) }]);
      s = run(s, [ev('DEADLINE', 'system', { clock: 'ecommerceRestore' }, day(26))]);
      expect(caseStatus(s)).to.equal('resolved');
      expect(s.context.outcome).to.deep.include({
        kind: 'decided',
        infringementFound: true,
        remedy: 'takedown',
      });
      s = run(s, [ev('CLOSE', 'center', {})]);
      expect(s.context.closureReason).to.equal('decided');
    });

    it('the takedown stands when the complainant shows a complaint, or the seller does not respond', function () {
      const notice = run(determined(), [
        ev('DETERMINE', 'admin', { infringement: true, remedy: 'takedown' }),
      ]);
      const shown = run(notice, [
        ev('COUNTER_NOTICE', 'respondent', { statement: 'prior use' }),
        ev('NOTIFY_COMPLAINT', 'complainant', { forum: 'court', reference: 'docket 123' }),
      ]);
      expect(shown.context.outcome).to.deep.include({ remedy: 'takedown' });
      const silent = run(notice, [ev('DEADLINE', 'system', { clock: 'ecommerceSellerResponse' })]);
      expect(caseStatus(silent)).to.equal('resolved');
      expect(silent.context.outcome).to.deep.include({ remedy: 'takedown' });
    });

    it('a takedown without an e-commerce listing resolves at once', function () {
      const s = run(determined({ ipType: 'designPatent' }), [
        ev('DETERMINE', 'center', { infringement: true, remedy: 'takedown' }),
      ]);
      expect(caseStatus(s)).to.equal('resolved');
    });

    it('the center may decline the fast track: the case goes back to routing', function () {
      let s = run(routed('administrative', ecommerceDesign, 'fast'), [
        ev('REJECT', 'center', { reason: 'needs a full investigation' }),
      ]);
      expect(caseStage(s)).to.equal('triage.ready');
      expect(s.context).to.deep.include({ channel: null, fastTrack: false, track: 'ordinary' });
      expect(activeClocks(s)).to.deep.equal([]);
      s = run(s, [
        ev('ROUTE', 'enforcement', { channel: 'administrative', reason: 'ordinary adjudication' }),
      ]);
      expect(caseStage(s)).to.equal('inChannel.administrative.ordinary.acceptance');
    });
  });

  describe('transfers, withdrawal, rejection, lapse', function () {
    it('a failed mediation is transferred to the courts and then to arbitration, keeping its record', function () {
      let s = run(inMediationSession(), [
        ev('AGREE_TO_ARBITRATE', 'respondent', { note: 'we accept arbitration' }),
        ev('RECORD_SESSION', 'mediator', { notes: 'no common ground' }, day(3)),
        ev('DECLARE_IMPASSE', 'mediator', { reason: 'positions too far apart' }, day(4)),
      ]);
      expect(caseStage(s)).to.equal('inChannel.mediation.failed');
      expectRefused(s, ev('TRANSFER', 'mediator', { channel: 'mediation', reason: 'retry' }));
      expectRefused(s, ev('TRANSFER', 'mediator', { channel: 'judicial', reason: '   ' }));
      s = run(s, [ev('TRANSFER', 'mediator', { channel: 'judicial', reason: 'litigation needed' }, day(5))]);
      expect(caseStage(s)).to.equal('inChannel.judicial.filed.awaitingAnswer');
      s = run(s, [
        ev(
          'TRANSFER',
          'court',
          { channel: 'arbitration', reason: 'arbitration clause found', track: 'ordinary' },
          day(6),
        ),
      ]);
      expect(caseStage(s)).to.equal('inChannel.arbitration.tribunalConstitution');
      expect(s.context.channel).to.equal('arbitration');
      expect(s.context.transfers).to.deep.equal([
        { from: 'mediation', to: 'judicial', reason: 'litigation needed', at: day(5) },
        { from: 'judicial', to: 'arbitration', reason: 'arbitration clause found', at: day(6) },
      ]);
      expect(s.context.sessions).to.have.length(1);
      expect(s.context.mediatorId).to.equal(IDS.mediator);
      expect(activeClocks(s)).to.deep.equal([{ clock: 'arbitrationStandard', startedAt: day(6) }]);
    });

    it('a failed mediation may be closed as transferred out by the mediation organisation', function () {
      const failed = run(inMediationSession(), [ev('DECLARE_IMPASSE', 'mediator', {})]);
      expectRefused(failed, ev('CLOSE', 'mediator', {}));
      const s = run(failed, [ev('CLOSE', 'mediationOrg', { reason: 'transferredOut' })]);
      expect(s.context.closureReason).to.equal('transferredOut');
    });

    it('the complainant withdraws at screening or in a channel, but not after a decision', function () {
      expect(run(filed(), [ev('WITHDRAW', 'complainant', {})]).context.closureReason).to.equal('withdrawn');
      const s = run(inMediationSession(), [ev('WITHDRAW', 'complainant', { reason: 'settled privately' })]);
      expect(s.context.closureReason).to.equal('withdrawn');
      expect(activeClocks(s)).to.deep.equal([]);
      expectRefused(inMediationSession(), ev('WITHDRAW', 'respondent', {}));
      expectRefused(inMediationSession(), ev('WITHDRAW', { ...ACTORS.complainant, id: 'someone-else' }, {}));
      const decided = run(routed('socialSupervision'), [
        ev('ACCEPT', 'supervisor', {}),
        ev('DETERMINE', 'supervisor', { infringement: false, remedy: 'none' }),
      ]);
      expectRefused(decided, ev('WITHDRAW', 'complainant', {}));
    });

    it('screening rejects a complaint', function () {
      const s = filed();
      expectRefused(s, ev('REJECT', 'complainant', { reason: 'no' }));
      const rejected = run(s, [ev('REJECT', 'enforcement', { reason: 'not an IP dispute' })]);
      expect(rejected.context.closureReason).to.equal('rejected');
      expect(rejected.status).to.equal('done');
    });

    it('a request for information lapses, or restarts screening when answered', function () {
      const asked = run(filed(), [
        ev('REQUEST_INFO', 'admin', { items: ['registration certificate'] }, day(1)),
      ]);
      expect(activeClocks(asked)).to.deep.equal([{ clock: 'infoRequest', startedAt: day(1) }]);
      const lapsed = run(asked, [ev('DEADLINE', 'system', { clock: 'infoRequest' }, day(15))]);
      expect(lapsed.context.closureReason).to.equal('lapsed');
      const answered = run(asked, [ev('PROVIDE_INFO', 'complainant', { note: 'attached' }, day(3))]);
      expect(caseStatus(answered)).to.equal('screening');
      expect(activeClocks(answered)).to.deep.equal([{ clock: 'screeningDecision', startedAt: day(3) }]);
    });

    it('a PAE hold waits for admin review before routing', function () {
      let s = run(filed({ held: true }), [ev('ACCEPT', 'admin', {})]);
      expect(caseStage(s)).to.equal('triage.held');
      expectRefused(s, ev('ROUTE', 'admin', { channel: 'mediation' }));
      expectRefused(s, ev('RELEASE_HOLD', 'enforcement', { note: 'ok' }));
      s = run(s, [
        ev('RELEASE_HOLD', 'admin', { note: 'reviewed' }),
        ev('ROUTE', 'admin', { channel: 'mediation' }),
      ]);
      expect(s.context.held).to.equal(false);
      expect(caseStage(s)).to.equal('inChannel.mediation.awaitingMediator');
    });

    it('a breached compliance is transferred to social supervision', function () {
      let s = run(routed('administrative', {}, 'ordinary'), [
        ev('ACCEPT', 'enforcement', {}),
        ev('DETERMINE', 'enforcement', { infringement: true, remedy: 'cease' }),
        ev('OPEN_COMPLIANCE', 'enforcement', {}),
        ev('RECORD_COMPLIANCE', 'enforcement', { complied: false }),
      ]);
      expect(caseStage(s)).to.equal('compliance.breached');
      expectRefused(s, ev('TRANSFER', 'enforcement', { channel: 'judicial', reason: 'sue' }));
      s = run(s, [
        ev('TRANSFER', 'enforcement', { channel: 'socialSupervision', reason: 'decision ignored' }),
      ]);
      expect(caseStage(s)).to.equal('inChannel.socialSupervision.received');
      s = run(s, [
        ev('ACCEPT', 'supervisor', {}),
        ev('DETERMINE', 'supervisor', { infringement: true, remedy: 'disclosure' }),
        ev('CLOSE', 'supervisor', {}),
      ]);
      expect(s.context.closureReason).to.equal('decided');
      expect(s.context.outcome?.infringementFound).to.equal(true);
    });
  });

  describe('guards', function () {
    it('refuses the wrong role', function () {
      expectRefused(filed(), ev('ACCEPT', 'respondent', {}));
      expectRefused(filed(), ev('ACCEPT', 'mediator', {}));
      expectRefused(filed(), ev('DEADLINE', 'admin', { clock: 'screeningDecision' }));
      expectRefused(routed('judicial'), ev('START_TRIAL', 'enforcement', {}));
      expectRefused(routed('judicial'), ev('RESPOND', 'complainant', { answer: 'x' }));
    });

    it('refuses the wrong mediator, and never reassigns one that declined or timed out', function () {
      let s = run(routed('mediation'), [ev('ASSIGN_MEDIATOR', 'system', { mediatorId: IDS.mediator })]);
      expectRefused(s, ev('ACCEPT_ASSIGNMENT', 'mediator2', {}));
      s = run(s, [ev('DECLINE_ASSIGNMENT', 'mediator', { conflict: true, reason: 'shareholder' })]);
      expect(s.context.conflicts).to.deep.equal([{ mediatorId: IDS.mediator, reason: 'shareholder' }]);
      expect(s.context.declinedMediatorIds).to.deep.equal([IDS.mediator]);
      expectRefused(s, ev('ASSIGN_MEDIATOR', 'system', { mediatorId: IDS.mediator }));
      s = run(s, [
        ev('ASSIGN_MEDIATOR', 'mediationOrg', { mediatorId: IDS.mediator2 }),
        ev('DEADLINE', 'system', { clock: 'mediatorAcceptance' }),
      ]);
      expect(caseStage(s)).to.equal('inChannel.mediation.awaitingMediator');
      expect(s.context.declinedMediatorIds).to.deep.equal([IDS.mediator, IDS.mediator2]);
      expectRefused(s, ev('ASSIGN_MEDIATOR', 'system', { mediatorId: IDS.mediator2 }));
      expectRefused(s, ev('ASSIGN_MEDIATOR', 'court', { mediatorId: 'u-mediator3' }));
    });

    it('routing away from the recommendation needs a reason', function () {
      const triaged = run(filed({ recommendedChannel: 'mediation' }), [ev('ACCEPT', 'admin', {})]);
      expectRefused(triaged, ev('ROUTE', 'admin', { channel: 'judicial' }));
      expectRefused(triaged, ev('ROUTE', 'admin', { channel: 'judicial', reason: '  ' }));
      run(triaged, [ev('ROUTE', 'admin', { channel: 'judicial', reason: 'injunction requested' })]);
      run(triaged, [ev('ROUTE', 'court', { channel: 'mediation' })]);
    });

    it('punitive damages: claimed, wilful, serious, 1–5 times a base; no damages without infringement', function () {
      const trial = run(answered({ punitiveClaimed: true }), [ev('START_TRIAL', 'court', {})]);
      const lawful = {
        infringement: true,
        punitiveBaseCny: 100_000,
        punitiveDamagesCny: 300_000,
        wilful: true,
        seriousCircumstances: true,
      };
      run(trial, [ev('RENDER_JUDGMENT', 'court', lawful)]);
      run(trial, [ev('RENDER_JUDGMENT', 'court', { ...lawful, punitiveDamagesCny: 100_000 })]);
      run(trial, [ev('RENDER_JUDGMENT', 'court', { ...lawful, punitiveDamagesCny: 500_000 })]);
      // 9M on a 100k base, or less than the base
      expectRefused(trial, ev('RENDER_JUDGMENT', 'court', { ...lawful, punitiveDamagesCny: 9_000_000 }));
      expectRefused(trial, ev('RENDER_JUDGMENT', 'court', { ...lawful, punitiveDamagesCny: 50_000 }));
      // every condition is needed
      expectRefused(trial, ev('RENDER_JUDGMENT', 'court', { infringement: true, punitiveDamagesCny: 1000 }));
      expectRefused(trial, ev('RENDER_JUDGMENT', 'court', { ...lawful, wilful: false }));
      expectRefused(trial, ev('RENDER_JUDGMENT', 'court', { ...lawful, seriousCircumstances: undefined }));
      expectRefused(trial, ev('RENDER_JUDGMENT', 'court', { ...lawful, punitiveBaseCny: undefined }));
      expectRefused(trial, ev('RENDER_JUDGMENT', 'court', { ...lawful, infringement: false }));
      // not claimed by the rights holder: the court may not award them
      const unclaimed = run(answered(), [ev('START_TRIAL', 'court', {})]);
      expectRefused(unclaimed, ev('RENDER_JUDGMENT', 'court', lawful));
      expectRefused(trial, ev('RENDER_JUDGMENT', 'court', { infringement: false, damagesCny: 1 }));
      run(trial, [ev('RENDER_JUDGMENT', 'court', { infringement: true, damagesCny: 1000 })]);
      run(trial, [ev('RENDER_JUDGMENT', 'court', { infringement: false })]);
    });

    it('a mediation extension is requested once, within the platform bound, and granted when both parties approve', function () {
      let s = inMediationSession();
      expectRefused(s, ev('APPROVE_EXTENSION', 'complainant', {}));
      expectRefused(s, ev('REQUEST_EXTENSION', 'mediator', { days: 91 }));
      expectRefused(s, ev('REQUEST_EXTENSION', 'mediator', {}));
      s = run(s, [
        ev('REQUEST_EXTENSION', 'mediator', { days: 20 }),
        ev('APPROVE_EXTENSION', 'respondent', {}),
      ]);
      expectRefused(s, ev('APPROVE_EXTENSION', 'respondent', {}));
      expectRefused(s, ev('REQUEST_EXTENSION', 'mediator', { days: 10 }));
      expect(activeClocks(s)[0]?.extension).to.equal(undefined);
      s = run(s, [ev('APPROVE_EXTENSION', 'complainant', {})]);
      expect(s.context.extension).to.deep.equal({
        requestedDays: 20,
        approvals: { complainant: true, respondent: true },
        granted: true,
      });
      expect(activeClocks(s)).to.deep.equal([
        { clock: 'mediation', startedAt: day(1), extension: { amount: 20, unit: 'days' } },
      ]);
    });

    it('a deadline must name a clock the case runs now', function () {
      expectRefused(filed(), ev('DEADLINE', 'system', { clock: 'mediation' }));
      expectRefused(inMediationSession(), ev('DEADLINE', 'system', { clock: 'respondentAnswer' }));
      const failed = run(inMediationSession(), [ev('DEADLINE', 'system', { clock: 'mediation' }, day(31))]);
      expect(caseStage(failed)).to.equal('inChannel.mediation.failed');
    });

    it('only the respondent answers, and an unlinked respondent must be linked first', function () {
      let s = run(filed({ respondentId: null }), [
        ev('ACCEPT', 'admin', {}),
        ev('ROUTE', 'admin', { channel: 'mediation' }),
        ev('ASSIGN_MEDIATOR', 'system', { mediatorId: IDS.mediator }),
        ev('ACCEPT_ASSIGNMENT', 'mediator', {}),
      ]);
      expectRefused(s, ev('CONSENT', 'respondent', {}));
      expectRefused(s, ev('LINK_RESPONDENT', 'mediator', { respondentId: IDS.respondent }));
      expectRefused(s, ev('LINK_RESPONDENT', 'system', { respondentId: IDS.complainant }));
      s = run(s, [
        ev('LINK_RESPONDENT', 'system', { respondentId: IDS.respondent }),
        ev('CONSENT', 'respondent', {}),
      ]);
      expect(caseStage(s)).to.equal('inChannel.mediation.inSession.negotiating');
      const closed = run(filed(), [ev('WITHDRAW', 'complainant', {})]);
      expectRefused(closed, ev('LINK_RESPONDENT', 'admin', { respondentId: 'u-other' }));
    });

    it('a re-linked respondent signs for themselves: the previous respondent’s signature no longer counts', function () {
      const next: Actor = { id: 'u-respondent-next', role: 'respondent' };
      let s = run(inMediationSession(), [
        ev('PROPOSE_AGREEMENT', 'mediator', { terms: 'stop selling' }),
        ev('SIGN_AGREEMENT', 'respondent', {}),
        ev('LINK_RESPONDENT', 'admin', { respondentId: next.id }),
      ]);
      expect(s.context.signatures).to.deep.equal({ complainant: false, respondent: false });
      // the complainant's signature is not the last one: the new respondent has not signed
      s = run(s, [ev('SIGN_AGREEMENT', 'complainant', {})]);
      expect(caseStage(s)).to.equal('inChannel.mediation.inSession.agreementDrafted');
      expectRefused(s, ev('SIGN_AGREEMENT', 'respondent', {}));
      s = run(s, [ev('SIGN_AGREEMENT', next, {})]);
      expect(caseStage(s)).to.equal('inChannel.mediation.signed');
    });
  });

  describe('availableActions', function () {
    it('answers per actor at screening', function () {
      const s = filed();
      expect(availableActions(s, ACTORS.complainant, day(1))).to.deep.equal(['WITHDRAW']);
      expect(availableActions(s, ACTORS.respondent, day(1))).to.deep.equal([]);
      expect(availableActions(s, ACTORS.admin, day(1))).to.deep.equal([
        'ACCEPT',
        'REQUEST_INFO',
        'REJECT',
        'LINK_RESPONDENT',
      ]);
      expect(availableActions(s, ACTORS.court, day(1))).to.deep.equal(['ACCEPT', 'REQUEST_INFO', 'REJECT']);
      expect(availableActions(s, ACTORS.system, day(1))).to.deep.equal(['LINK_RESPONDENT', 'DEADLINE']);
    });

    it('answers per actor in a mediation session and on a drafted agreement', function () {
      let s = inMediationSession();
      expect(availableActions(s, ACTORS.mediator, day(2))).to.deep.equal([
        'SCHEDULE_SESSION',
        'RECORD_SESSION',
        'REQUEST_EXTENSION',
        'PROPOSE_AGREEMENT',
        'DECLARE_IMPASSE',
      ]);
      expect(availableActions(s, ACTORS.mediator2, day(2))).to.deep.equal([]);
      expect(availableActions(s, ACTORS.mediationOrg, day(2))).to.deep.equal(['TRANSFER', 'HAND_OVER']);
      expect(availableActions(s, ACTORS.court, day(2))).to.deep.equal([]);
      s = run(s, [
        ev('PROPOSE_AGREEMENT', 'mediator', { terms: 't' }),
        ev('SIGN_AGREEMENT', 'respondent', {}),
      ]);
      expect(availableActions(s, ACTORS.respondent, day(2))).to.deep.equal(['DECLINE', 'AGREE_TO_ARBITRATE']);
      expect(availableActions(s, ACTORS.complainant, day(2))).to.deep.equal([
        'WITHDRAW',
        'DECLINE',
        'SIGN_AGREEMENT',
      ]);
    });

    it('offers a transfer to the handler only while no decision is taken, and nothing once closed', function () {
      const s = run(answered(), [ev('START_TRIAL', 'court', {})]);
      expect(availableActions(s, ACTORS.court, day(2))).to.deep.equal([
        'TRANSFER',
        'SCHEDULE_SESSION',
        'RECORD_SESSION',
        'RENDER_JUDGMENT',
        'EXTEND_TRIAL',
        'HAND_OVER',
      ]);
      const judged = run(s, [
        ev('RENDER_JUDGMENT', 'court', { infringement: false }),
        ev('DEADLINE', 'system', { clock: 'appealPeriod' }, day(17)),
      ]);
      expect(availableActions(judged, ACTORS.court, day(3))).to.deep.equal(['CLOSE']);
      const closed = run(judged, [ev('CLOSE', 'court', {})]);
      for (const actor of Object.values(ACTORS))
        expect(availableActions(closed, actor, day(4))).to.deep.equal([]);
    });
  });

  describe('clocks in context', function () {
    it('starts the screening clock at filing', function () {
      expect(activeClocks(filed())).to.deep.equal([{ clock: 'screeningDecision', startedAt: FILED_AT }]);
    });

    it('records a breached screening clock without moving, once', function () {
      const s = filed();
      const breached = run(s, [ev('DEADLINE', 'system', { clock: 'screeningDecision' }, day(7))]);
      expect(caseStatus(breached)).to.equal('screening');
      expect(activeClocks(breached)).to.deep.equal([
        { clock: 'screeningDecision', startedAt: FILED_AT, breachedAt: day(7) },
      ]);
      expectRefused(breached, ev('DEADLINE', 'system', { clock: 'screeningDecision' }, day(8)));
      expect(activeClocks(run(breached, [ev('ACCEPT', 'admin', {}, day(8))]))).to.deep.equal([]);
    });

    it('stops a clock on exit and restarts it on re-entry', function () {
      let s = run(routed('mediation'), [
        ev('ASSIGN_MEDIATOR', 'system', { mediatorId: IDS.mediator }, day(1)),
      ]);
      expect(activeClocks(s)).to.deep.equal([{ clock: 'mediatorAcceptance', startedAt: day(1) }]);
      s = run(s, [ev('DECLINE_ASSIGNMENT', 'mediator', {}, day(2))]);
      expect(activeClocks(s)).to.deep.equal([{ clock: 'mediatorAssignment', startedAt: day(2) }]);
      expect(s.context.conflicts).to.deep.equal([]);
      s = run(s, [ev('ASSIGN_MEDIATOR', 'system', { mediatorId: IDS.mediator2 }, day(3))]);
      expect(activeClocks(s)).to.deep.equal([{ clock: 'mediatorAcceptance', startedAt: day(3) }]);
    });

    it('keeps the mediation clock running while a draft is declined and revised', function () {
      let s = run(inMediationSession(), [
        ev('PROPOSE_AGREEMENT', 'mediator', { terms: 'v1' }, day(10)),
        ev('SIGN_AGREEMENT', 'complainant', {}, day(11)),
        ev('DECLINE', 'respondent', { reason: 'fee too high' }, day(12)),
      ]);
      expect(caseStage(s)).to.equal('inChannel.mediation.inSession.negotiating');
      expect(s.context.signatures).to.deep.equal({ complainant: false, respondent: false });
      expect(activeClocks(s)).to.deep.equal([{ clock: 'mediation', startedAt: day(1) }]);
      s = run(s, [ev('PROPOSE_AGREEMENT', 'mediator', { terms: 'v2' }, day(13))]);
      expect(s.context.agreementTerms).to.equal('v2');
    });

    it('runs a parent clock and a child clock together', function () {
      const s = run(answered({}, 'simple'), [
        ev('ENTRUST_MEDIATION', 'court', {}, day(2)),
        ev('ASSIGN_MEDIATOR', 'system', { mediatorId: IDS.mediator }, day(3)),
      ]);
      expect(activeClocks(s)).to.deep.equal([
        { clock: 'mediatorAcceptance', startedAt: day(3) },
        { clock: 'litigationMediationSummary', startedAt: day(2) },
        { clock: 'summaryTrial', startedAt: day(1) },
      ]);
    });
  });
});
