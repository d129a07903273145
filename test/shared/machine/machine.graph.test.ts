import { expect } from 'chai';
import { getAdjacencyMap, getShortestPaths, type AdjacencyMap, type StatePath } from 'xstate/graph';
import type { CaseInput } from '../../../shared/machine/caseContext.js';
import { CLOCK_IDS, type ClockId } from '../../../shared/time/clockIds.js';
import type { CaseEvent } from '../../../shared/machine/caseEvents.js';
import { caseMachine } from '../../../shared/machine/machine.js';
import {
  applyCaseEvent,
  availableActions,
  caseStage,
  initialCaseSnapshot,
  persistCaseSnapshot,
  restoreCaseSnapshot,
  type CaseSnapshot,
} from '../../../shared/machine/machineApi.js';
import type { CaseStateMeta } from '../../../shared/machine/stateClocks.js';
import { EXPECTED_ACTIONS } from './machineExpectations.js';
import { ACTOR_NAMES, ACTORS, caseInput, day } from './machineFixtures.js';
import { driverEvents, serializeCaseState, stableLeafStages } from './machineGraphModel.js';

type Adjacency = AdjacencyMap<CaseSnapshot, CaseEvent>;

/** Inputs whose traversals together must reach every state. */
const INPUTS: Record<string, CaseInput> = {
  // a trademark: a basic court may try it summarily (patents cannot: 法释〔2022〕13号)
  'held e-commerce trademark': caseInput({
    held: true,
    ecommerce: true,
    ipType: 'trademark',
    track: 'simple',
  }),
  'unlinked respondent, invention patent': caseInput({ respondentId: null, track: 'ordinary' }),
};

const traversalOptions = (input: CaseInput) => ({
  input,
  events: driverEvents,
  serializeState: serializeCaseState,
  filterEvents: (snapshot: CaseSnapshot, event: CaseEvent) => snapshot.can(event),
});

function roundTrip(snapshot: CaseSnapshot): CaseSnapshot {
  return restoreCaseSnapshot(JSON.parse(JSON.stringify(persistCaseSnapshot(snapshot))));
}

/** The clocks the active state nodes declare: each entry is one clock or a choice of clocks. */
function declaredClocks(snapshot: CaseSnapshot): (ClockId | readonly ClockId[])[] {
  return Object.values(snapshot.getMeta() as Record<string, CaseStateMeta | undefined>).flatMap((meta) => [
    ...(meta?.clock === undefined ? [] : [meta.clock]),
    ...(meta?.carries ?? []),
  ]);
}

describe('case machine (model-based)', function () {
  this.timeout(900_000);

  const adjacencies: Record<string, Adjacency> = {};
  const paths: Record<string, StatePath<CaseSnapshot, CaseEvent>[]> = {};
  const vertices = (): CaseSnapshot[] =>
    Object.values(adjacencies).flatMap((adj) => Object.values(adj).map((v) => v.state));

  before(function () {
    for (const [name, input] of Object.entries(INPUTS)) {
      adjacencies[name] = getAdjacencyMap(caseMachine, traversalOptions(input)) as Adjacency;
      paths[name] = getShortestPaths(caseMachine, traversalOptions(input));
    }
  });

  it('reaches every stable leaf state of the machine definition', function () {
    const leaves = stableLeafStages();
    expect(leaves.length).to.be.greaterThan(40);
    const reached = new Set(Object.values(paths).flatMap((list) => list.map((p) => caseStage(p.state))));
    expect(leaves.filter((stage) => !reached.has(stage))).to.deep.equal([]);
    expect([...reached].filter((stage) => !leaves.includes(stage))).to.deep.equal([]);
  });

  it('reaches every closure reason', function () {
    const reasons = new Set(vertices().map((s) => s.context.closureReason));
    for (const reason of [
      'settled',
      'awarded',
      'judged',
      'decided',
      'withdrawn',
      'rejected',
      'lapsed',
      'transferredOut',
      'appealed',
    ]) {
      expect(reasons.has(reason as never), reason).to.equal(true);
    }
  });

  it('has an expectation for exactly the stable leaf states', function () {
    expect(Object.keys(EXPECTED_ACTIONS).sort()).to.deep.equal(stableLeafStages().sort());
  });

  it('accepts, in every reached state, only what the cast may do there, and all of it somewhere', function () {
    const seen = new Map<string, Set<string>>();
    for (const snapshot of vertices()) {
      const stage = caseStage(snapshot);
      const expected = new Set(EXPECTED_ACTIONS[stage]);
      const union = seen.get(stage) ?? new Set<string>();
      seen.set(stage, union);
      for (const name of ACTOR_NAMES) {
        for (const type of availableActions(snapshot, ACTORS[name], day(2))) {
          const pair = `${type}:${name}`;
          expect(expected.has(pair as never), `${pair} accepted in ${stage}`).to.equal(true);
          union.add(pair);
        }
      }
    }
    for (const [stage, union] of seen) {
      const missing = (EXPECTED_ACTIONS[stage] ?? []).filter((pair) => !union.has(pair));
      expect(missing, `never accepted in ${stage}`).to.deep.equal([]);
    }
  });

  it('refuses what is not available and leaves the snapshot untouched', function () {
    for (const snapshot of vertices()) {
      // Types no active state node handles are refused by construction; probe the others.
      const handled = new Set(snapshot._nodes.flatMap((node) => node.ownEvents));
      const events = driverEvents(snapshot).filter((e) => handled.has(e.type));
      for (const name of ACTOR_NAMES) {
        const available = new Set(availableActions(snapshot, ACTORS[name], day(2)));
        for (const event of events.filter((e) => e.actor === ACTORS[name])) {
          if (available.has(event.type)) continue;
          const result = applyCaseEvent(snapshot, event);
          expect(result.accepted, `${event.type}:${name} in ${caseStage(snapshot)}`).to.equal(false);
          expect(result.snapshot).to.equal(snapshot);
        }
      }
    }
  });

  it('records exactly the clocks the active states declare (running, or waiting for service)', function () {
    for (const snapshot of vertices()) {
      // a clock that runs from service is declared while it waits for the respondent's service
      const waiting = snapshot.context.awaitingService ?? {};
      const running = CLOCK_IDS.filter((id) => snapshot.context.clocks[id] !== undefined || id in waiting);
      for (const id of CLOCK_IDS) {
        expect(snapshot.context.clocks[id] !== undefined && id in waiting, `${id} runs and waits`).to.equal(
          false,
        );
      }
      const declared = declaredClocks(snapshot);
      const chosen = declared.map((clock) => {
        const candidates = typeof clock === 'string' ? [clock] : clock;
        const present = candidates.filter((id) => running.includes(id));
        expect(present, `${caseStage(snapshot)} runs one of ${candidates.join('|')}`).to.have.length(1);
        return present[0];
      });
      expect([...running].sort(), caseStage(snapshot)).to.deep.equal([...chosen].sort());
    }
  });

  it('replays every shortest path, round-tripping each step through JSON and continuing identically', function () {
    let steps = 0;
    for (const [name, list] of Object.entries(paths)) {
      for (const path of list) {
        let original = initialCaseSnapshot(INPUTS[name] as CaseInput);
        let restored = roundTrip(original);
        // The first step is the machine's start (`xstate.init`).
        for (const { event } of path.steps.slice(1)) {
          expect(restored.value).to.deep.equal(original.value);
          expect(restored.context).to.deep.equal(original.context);
          expect(restored.status).to.equal(original.status);
          const fromOriginal = applyCaseEvent(original, event);
          const fromRestored = applyCaseEvent(restored, event);
          expect(fromOriginal.accepted, `${event.type} in ${caseStage(original)}`).to.equal(true);
          expect(fromRestored.accepted).to.equal(true);
          expect(fromRestored.snapshot.value).to.deep.equal(fromOriginal.snapshot.value);
          expect(fromRestored.snapshot.context).to.deep.equal(fromOriginal.snapshot.context);
          original = fromOriginal.snapshot;
          restored = roundTrip(fromRestored.snapshot);
          steps += 1;
        }
        expect(caseStage(original)).to.equal(caseStage(path.state));
      }
    }
    expect(steps).to.be.greaterThan(100);
  });

  it('continues identically from a restored snapshot on every edge of the graph', function () {
    for (const adjacency of Object.values(adjacencies)) {
      for (const { state, transitions } of Object.values(adjacency)) {
        const restored = roundTrip(state);
        const edges = Object.values(transitions) as { event: CaseEvent; state: CaseSnapshot }[];
        for (const { event, state: next } of edges) {
          const result = applyCaseEvent(restored, event);
          expect(result.accepted, `${event.type} in ${caseStage(state)}`).to.equal(true);
          expect(result.snapshot.value).to.deep.equal(next.value);
          expect(result.snapshot.context).to.deep.equal(next.context);
        }
      }
    }
  });
});
