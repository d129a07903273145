import { useCallback, useEffect, useState } from 'react';
import { randomId } from '../ui/randomId.js';
import { draftOfAnswers, peekSelfHelpAnswers, SELF_HELP_KEY } from '../public/selfHelpAdvice.js';
import { emptyDraft, type ComplaintDraft } from './complaintDraft.js';
import type { StepId } from './complaintSteps.js';

/** What is kept of the form between visits and across a sign-in: the draft, the step, the filing key. */
export interface StoredDraft {
  draft: ComplaintDraft;
  step: StepId;
  /** Idempotency-Key of the filing (one per draft, so a retried submit files once). */
  key: string;
}

const keyOf = (userId: string) => `sevenfold.complaintDraft.${userId}`;

/** The stored draft, with the self-help guide's answers filled in when some wait (they start at step 1). */
function load(userId: string, name: string): StoredDraft {
  const stored = loadStored(userId, name);
  const answers = peekSelfHelpAnswers();
  return answers ? { ...stored, draft: draftOfAnswers(answers, stored.draft), step: 'right' } : stored;
}

function loadStored(userId: string, name: string): StoredDraft {
  try {
    const raw = sessionStorage.getItem(keyOf(userId));
    if (raw) {
      const parsed = JSON.parse(raw) as StoredDraft;
      return { ...parsed, draft: { ...emptyDraft(name), ...parsed.draft } };
    }
  } catch {
    // a corrupt draft is dropped
  }
  return { draft: emptyDraft(name), step: 'right', key: randomId() };
}

/** Forgets a user's draft (after filing, or on an explicit sign-out). */
export function clearComplaintDraft(userId: string): void {
  sessionStorage.removeItem(keyOf(userId));
}

/**
 * The complaint draft of a user, persisted in sessionStorage on every change, so a session that
 * expires mid-form (401 → sign-in) comes back to the same answers and step.
 */
export function useComplaintDraft(userId: string, complainantName: string) {
  const [stored, setStored] = useState<StoredDraft>(() => load(userId, complainantName));

  useEffect(() => {
    sessionStorage.setItem(keyOf(userId), JSON.stringify(stored));
    // the self-help answers are in the draft now: they fill it once
    sessionStorage.removeItem(SELF_HELP_KEY);
  }, [userId, stored]);

  const update = useCallback((change: (d: ComplaintDraft) => ComplaintDraft) => {
    setStored((s) => ({ ...s, draft: change(s.draft) }));
  }, []);
  const setStep = useCallback((step: StepId) => setStored((s) => ({ ...s, step })), []);
  const reset = useCallback(() => {
    clearComplaintDraft(userId);
    setStored({ draft: emptyDraft(complainantName), step: 'right', key: randomId() });
  }, [userId, complainantName]);

  return { ...stored, update, setStep, reset };
}
