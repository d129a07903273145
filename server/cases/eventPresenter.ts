import type { CaseEventView } from '../../shared/api/views.js';
import { STAGE_TAGS, stageHasTag } from '../../shared/machine/stageTags.js';
import type { CaseEventDoc } from './caseEventModel.js';

/** A stored event as the API shows it. */
export function presentEvent(ev: CaseEventDoc): CaseEventView {
  return {
    seq: ev.seq,
    type: ev.type,
    kind: ev.kind,
    at: new Date(ev.at).toISOString(),
    actor: { id: ev.actor.id, role: ev.actor.role },
    data: ev.kind === 'created' ? {} : ev.data,
    status: ev.status,
    stage: ev.stage,
    tags: STAGE_TAGS.filter((tag) => stageHasTag(ev.stage, tag)),
    hash: ev.hash,
    prevHash: ev.prevHash,
  };
}
