import { expect } from 'chai';
import { caseMachine } from '../../../shared/machine/machine.js';
import { caseStage, initialCaseSnapshot, type CaseSnapshot } from '../../../shared/machine/machineApi.js';
import { IDS, caseInput, day, ev, run, served } from './machineFixtures.js';
import { STAGE_TAGS, stageHasTag, stageTags } from '../../../shared/machine/stageTags.js';

/** Every state node's dotted path under the root, with its own tags. */
function statePaths(): { path: string; tags: readonly string[] }[] {
  const out: { path: string; tags: readonly string[] }[] = [];
  const walk = (node: { tags: readonly string[]; states: Record<string, never> }, path: string[]) => {
    for (const [key, child] of Object.entries(node.states) as [string, typeof node][]) {
      out.push({ path: [...path, key].join('.'), tags: child.tags });
      walk(child, [...path, key]);
    }
  };
  walk(caseMachine.root as never, []);
  return out;
}

describe('stage tags', () => {
  it('puts every tag the code acts on on at least one state, and no other tag', () => {
    const used = new Set(statePaths().flatMap((s) => [...s.tags]));
    expect([...used].sort()).to.deep.equal([...STAGE_TAGS].sort());
  });

  it('answers from a stage string what the live snapshot answers with hasTag', () => {
    const withTags = statePaths().filter((s) => s.tags.length > 0);
    expect(withTags.map((s) => s.path)).to.include.members([
      'inChannel.mediation.awaitingMediator',
      'inChannel.mediation.awaitingAcceptance',
      'inChannel.mediation.awaitingConfirmation',
    ]);
    expect(stageHasTag('inChannel.mediation.awaitingMediator', 'needsMediator')).to.equal(true);
    expect(stageHasTag('inChannel.mediation.awaitingAcceptance', 'mediatorDeciding')).to.equal(true);
    expect(stageHasTag('inChannel.mediation.awaitingAcceptance', 'needsMediator')).to.equal(false);
    expect(stageHasTag('inChannel.mediation.awaitingConfirmation', 'needsCourt')).to.equal(true);
    expect([...stageTags('screening')]).to.deep.equal([]);
    expect([...stageTags('no.such.state')]).to.deep.equal([]);
  });

  it('agrees with the live snapshot’s hasTag along a mediation', () => {
    const snapshots: CaseSnapshot[] = [initialCaseSnapshot(caseInput())];
    const steps = [
      ev('ACCEPT', 'admin', {}),
      ev('ROUTE', 'admin', { channel: 'mediation', reason: 'desk' }),
      served(),
      ev('ASSIGN_MEDIATOR', 'system', { mediatorId: IDS.mediator }, day(1)),
      ev('ACCEPT_ASSIGNMENT', 'mediator', {}, day(2)),
      ev('CONSENT', 'respondent', {}, day(4)),
    ];
    for (const step of steps) snapshots.push(run(snapshots[snapshots.length - 1]!, [step]));
    const seen = new Set<string>();
    for (const snapshot of snapshots) {
      for (const tag of STAGE_TAGS) {
        expect(stageHasTag(caseStage(snapshot), tag), `${tag} in ${caseStage(snapshot)}`).to.equal(
          snapshot.hasTag(tag),
        );
        if (snapshot.hasTag(tag)) seen.add(tag);
      }
    }
    expect([...seen].sort()).to.deep.equal(['mediatorDeciding', 'needsMediator']);
  });
});
