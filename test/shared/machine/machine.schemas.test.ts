import { expect } from 'chai';
import { probePayloads } from '../../../shared/machine/actions/actionProbes.js';
import {
  ACTION_SCHEMAS,
  actionPayloadFields,
  isCaseEventType,
  validateAction,
} from '../../../shared/machine/actions/actionSchemas.js';
import { CASE_EVENT_TYPES } from '../../../shared/machine/caseEvents.js';
import { CLOCK_IDS } from '../../../shared/time/clockIds.js';
import { initialCaseSnapshot } from '../../../shared/machine/machineApi.js';
import { CHANNELS } from '../../../shared/vocabulary.js';
import { payloadVariants } from './machineGraphModel.js';
import { caseInput } from './machineFixtures.js';

describe('case action schemas', function () {
  const context = initialCaseSnapshot(caseInput()).context;

  it('has a schema and a field list for every event type', function () {
    for (const type of CASE_EVENT_TYPES) {
      expect(ACTION_SCHEMAS[type], type).to.exist;
      expect(actionPayloadFields(type), type).to.be.an('array');
    }
    expect(isCaseEventType('ROUTE')).to.equal(true);
    expect(isCaseEventType('FILED')).to.equal(false);
  });

  it('accepts every payload the machine tests and the action probes send', function () {
    const clocks = Object.fromEntries(CLOCK_IDS.map((id) => [id, { startedAt: context.filedAt }]));
    const withClock = { ...context, channel: 'mediation' as const, clocks };
    for (const type of CASE_EVENT_TYPES) {
      const payloads = [...payloadVariants(type, withClock), ...probePayloads(type, withClock)];
      for (const payload of payloads) {
        // service by the link is recorded by the platform when an invitation is claimed: the API refuses it
        if (type === 'SERVE' && (payload as { means?: string }).means === 'link') {
          expect(validateAction({ type, ...payload }).error, 'SERVE by link from a client').to.not.equal(
            undefined,
          );
          continue;
        }
        const result = validateAction({ type, ...payload });
        expect(result.error?.message, `${type} ${JSON.stringify(payload)}`).to.equal(undefined);
      }
    }
  });

  it('refuses punitive damages without their conditions, on the field concerned', function () {
    const judgment = (extra: Record<string, unknown>) => {
      const r = validateAction({ type: 'RENDER_JUDGMENT', infringement: true, ...extra });
      return r.error?.details.map((d) => [d.path.join('.'), d.type]);
    };
    const lawful = { punitiveBaseCny: 100_000, wilful: true, seriousCircumstances: true };
    expect(judgment({ ...lawful, punitiveDamagesCny: 300_000 })).to.equal(undefined);
    // 9M on a base of 100k: more than 5 times
    expect(judgment({ ...lawful, punitiveDamagesCny: 9_000_000 })).to.deep.equal([
      ['punitiveDamagesCny', 'number.punitiveMultiple'],
    ]);
    expect(judgment({ ...lawful, punitiveDamagesCny: 50_000 })).to.deep.equal([
      ['punitiveDamagesCny', 'number.punitiveMultiple'],
    ]);
    expect(judgment({ punitiveDamagesCny: 300_000, wilful: true })).to.deep.equal([
      ['seriousCircumstances', 'any.punitiveCondition'],
    ]);
    expect(judgment({ ...lawful, wilful: false, punitiveDamagesCny: 300_000 })).to.deep.equal([
      ['wilful', 'any.punitiveCondition'],
    ]);
    expect(judgment({ wilful: true, seriousCircumstances: true, punitiveDamagesCny: 300_000 })).to.deep.equal(
      [['punitiveBaseCny', 'any.required']],
    );
    expect(judgment({ punitiveDamagesCny: 0, damagesCny: 10 })).to.equal(undefined);
  });

  it('describes fields for forms, with options for enums', function () {
    expect(actionPayloadFields('ROUTE')).to.deep.include({
      name: 'channel',
      kind: 'enum',
      required: true,
      options: CHANNELS,
    });
    expect(actionPayloadFields('ASSIGN_MEDIATOR')).to.deep.equal([
      { name: 'mediatorId', kind: 'id', required: true },
    ]);
    expect(actionPayloadFields('RENDER_JUDGMENT').map((f) => f.name)).to.deep.equal([
      'infringement',
      'damagesCny',
      'punitiveDamagesCny',
      'punitiveBaseCny',
      'wilful',
      'seriousCircumstances',
      'remedy',
      'partiesWithoutDomicile',
    ]);
    expect(actionPayloadFields('SIGN_AGREEMENT').every((f) => !f.required)).to.equal(true);
  });

  it('trims strings, drops empty optional strings and keeps expectedSeq', function () {
    const result = validateAction({
      type: 'ROUTE',
      channel: ' judicial ',
      reason: '  urgent  ',
      track: '',
      expectedSeq: 4,
    });
    expect(result.error).to.equal(undefined);
    expect('value' in result && result.value).to.deep.equal({
      type: 'ROUTE',
      channel: 'judicial',
      reason: 'urgent',
      expectedSeq: 4,
    });
  });

  it('refuses unknown keys, server-owned keys, bad ids, missing and oversized fields', function () {
    const refused = [
      { type: 'ACCEPT', extra: 1 },
      { type: 'ACCEPT', actor: { id: 'x', role: 'admin' } },
      { type: 'ACCEPT', at: '2024-01-01T00:00:00Z' },
      { type: 'ASSIGN_MEDIATOR', mediatorId: 'bad id!' },
      { type: 'ASSIGN_MEDIATOR', mediatorId: 'x'.repeat(65) },
      { type: 'REJECT' },
      { type: 'REJECT', reason: '   ' },
      { type: 'REJECT', reason: 'x'.repeat(4001) },
      { type: 'REQUEST_INFO', items: [] },
      { type: 'REQUEST_INFO', items: ['x'.repeat(201)] },
      { type: 'REQUEST_EXTENSION', days: 1.5 },
      { type: 'RENDER_JUDGMENT', infringement: true, damagesCny: -1 },
      { type: 'DETERMINE', infringement: true, remedy: 'prison' },
      { type: 'DEADLINE', clock: 'lunch' },
      { type: 'SCHEDULE_SESSION', sessionAt: 'tomorrow' },
      { type: 'ACCEPT', expectedSeq: -1 },
      { type: 'NOT_A_TYPE' },
      { channel: 'judicial' },
      null,
    ];
    for (const body of refused) expect(validateAction(body).error, JSON.stringify(body)).to.exist;
  });

  it('normalises a session date to an ISO instant', function () {
    const result = validateAction({ type: 'SCHEDULE_SESSION', sessionAt: '2024-05-01T09:30:00+08:00' });
    expect('value' in result && result.value).to.deep.include({ sessionAt: '2024-05-01T01:30:00.000Z' });
  });
});
