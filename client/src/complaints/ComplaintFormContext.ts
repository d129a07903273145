import { createContext, useContext } from 'react';
import type { ComplaintDraft } from './complaintDraft.js';

/** What the fields of the complaint form share: the draft, its errors and touched fields. */
export interface ComplaintForm {
  draft: ComplaintDraft;
  update: (change: (d: ComplaintDraft) => ComplaintDraft) => void;
  /** The translated error of a path, when it should be shown (touched, or the step was submitted). */
  errorFor: (path: string) => string | undefined;
  /** Marks a field as touched (its errors show from now on, updated as the user types). */
  touch: (path: string) => void;
}

/** Context of {@link ComplaintForm}. */
export const ComplaintFormContext = createContext<ComplaintForm | null>(null);

/** The complaint form of the enclosing wizard. */
export function useComplaintForm(): ComplaintForm {
  const form = useContext(ComplaintFormContext);
  if (!form) throw new Error('useComplaintForm: outside the complaint wizard');
  return form;
}

/** Props wiring an input to a path: id, error and blur. */
export function useField(path: string): { id: string; error: string | undefined; onBlur: () => void } {
  const form = useComplaintForm();
  return {
    id: `cf-${path.replace(/\./g, '-')}`,
    error: form.errorFor(path),
    onBlur: () => form.touch(path),
  };
}
