import { caseMachine } from './machine.js';

/**
 * Tags the case machine puts on states that code outside the machine acts on, so nothing outside
 * matches state names: `needsMediator` (a mediator is to be assigned), `mediatorDeciding` (the
 * assigned mediator accepts or declines), `needsCourt` (an agreement awaits judicial confirmation),
 * `takedownNoticeIssued` (an e-commerce platform was told to take a listing down), `hearing` (its
 * sessions are hearings: a court's trial or an arbitral tribunal's hearing, not a mediation).
 */
export const STAGE_TAGS = [
  'needsMediator',
  'mediatorDeciding',
  'needsCourt',
  'takedownNoticeIssued',
  'hearing',
] as const;

/** A tag of a case's stage. */
export type StageTag = (typeof STAGE_TAGS)[number];

/** The part of a state node read here. */
interface TaggedNode {
  tags: readonly string[];
  states: Record<string, TaggedNode>;
}

const cache = new Map<string, ReadonlySet<string>>();

/** The tags of a stage (`caseStage`: the dotted path of the deepest state), the active ancestors' included. */
export function stageTags(stage: string): ReadonlySet<string> {
  let tags = cache.get(stage);
  if (!tags) {
    const found = new Set<string>();
    let node: TaggedNode | undefined = caseMachine.root;
    for (const key of stage.split('.')) {
      node = node?.states[key];
      if (!node) break;
      for (const tag of node.tags) found.add(tag);
    }
    tags = found;
    if (cache.size < 1000) cache.set(stage, tags);
  }
  return tags;
}

/** Whether the stage carries the tag (the same answer as the restored snapshot's `hasTag`). */
export function stageHasTag(stage: string, tag: StageTag): boolean {
  return stageTags(stage).has(tag);
}
