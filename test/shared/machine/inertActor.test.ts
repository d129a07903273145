import { expect } from 'chai';
import { createActor, transition, type AnyStateMachine } from 'xstate';
import type { CaseInput } from '../../../shared/machine/caseContext.js';
import { caseMachine } from '../../../shared/machine/machine.js';
import {
  applyCaseEvent,
  initialCaseSnapshot,
  persistCaseSnapshot,
  type CaseSnapshot,
} from '../../../shared/machine/machineApi.js';
import { caseInput } from './machineFixtures.js';
import { driverEvents } from './machineGraphModel.js';

/** A small deterministic generator (mulberry32), so a failing walk can be replayed. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('case machine: the inert actor of a pure transition', () => {
  it('starts without input and without an error (a step runs in an inert actor built without input)', () => {
    // xstate's transition() and applyCaseEvent's scope call createActor(machine) with no input; the
    // machine's types require input, so the test goes through the untyped signature as xstate itself does.
    const inert: AnyStateMachine = caseMachine;
    const snapshot = createActor(inert).getSnapshot();
    expect(snapshot.status).to.equal('active');
    expect(snapshot.error).to.equal(undefined);
  });

  it('steps exactly as xstate’s transition() does, with one scope shared by every step', () => {
    const inputs: CaseInput[] = [
      caseInput({ held: true, ecommerce: true, ipType: 'trademark', track: 'simple' }),
      caseInput({ respondentId: null, track: 'ordinary' }),
      caseInput({ track: 'fast' }),
    ];
    const random = seeded(20261203);
    let steps = 0;
    const stages = new Set<string>();
    for (let walk = 0; walk < 240; walk++) {
      let snapshot: CaseSnapshot = initialCaseSnapshot(inputs[walk % inputs.length]!);
      for (let step = 0; step < 40; step++) {
        const offered = driverEvents(snapshot).filter((event) => snapshot.can(event));
        if (offered.length === 0) break;
        const event = offered[Math.floor(random() * offered.length)]!;
        const ours = applyCaseEvent(snapshot, event);
        const [theirs] = transition(caseMachine, snapshot, event);
        expect(ours.accepted, `walk ${walk}, step ${step}: ${event.type}`).to.equal(true);
        expect(persistCaseSnapshot(ours.snapshot), `walk ${walk}, step ${step}: ${event.type}`).to.deep.equal(
          persistCaseSnapshot(theirs),
        );
        snapshot = ours.snapshot;
        stages.add(JSON.stringify(snapshot.value));
        steps++;
      }
    }
    // the walks go well beyond filing: many steps, through many states
    expect(steps).to.be.greaterThan(1000);
    expect(stages.size).to.be.greaterThan(30);
  });
});
