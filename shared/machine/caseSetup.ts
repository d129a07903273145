/**
 * The typed setup of the case machine: its context, events, input, state metadata, and the named
 * actions and guards. Channel state configs are built with `caseSetup.createStateConfig`.
 */
import { setup } from 'xstate';
import { caseActions } from './actions/caseActions.js';
import type { CaseContext, CaseInput } from './caseContext.js';
import type { CaseEvent } from './caseEvents.js';
import { caseGuards } from './guards/caseGuards.js';
import type { CaseStateMeta } from './stateClocks.js';

/** The case machine's setup: types, actions and guards, shared by the machine and its state configs. */
export const caseSetup = setup({
  types: {
    context: {} as CaseContext,
    events: {} as CaseEvent,
    input: {} as CaseInput,
    meta: {} as CaseStateMeta,
  },
  actions: caseActions,
  guards: caseGuards,
});
