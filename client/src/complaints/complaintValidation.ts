/**
 * Validation of the complaint draft with the shared Joi schema (the server runs the same one).
 * Errors are keyed by dotted path and carry Joi's type and context, so the UI can word them in the
 * user's language.
 */
import { complaintSchema, type Complaint } from '../../../shared/schemas/complaint.js';
import { toComplaint, type ComplaintDraft } from './complaintDraft.js';

/** One problem with a field. */
export interface DraftError {
  path: string;
  type: string;
  limit?: number;
}

/** The outcome of validating a draft. */
export interface DraftValidation {
  value?: Complaint;
  errors: Map<string, DraftError>;
}

/** Validates a draft; the first error of each path is kept. */
export function validateDraft(draft: ComplaintDraft): DraftValidation {
  const { value, error } = complaintSchema.validate(toComplaint(draft));
  const errors = new Map<string, DraftError>();
  for (const d of error?.details ?? []) {
    const path = d.path.join('.');
    if (errors.has(path)) continue;
    const limit = typeof d.context?.limit === 'number' ? d.context.limit : undefined;
    errors.set(path, { path, type: d.type, limit });
  }
  return errors.size === 0 ? { value: value as Complaint, errors } : { errors };
}

/** The label key of a path: indices dropped (`rights.0.number` → `rights.number`). */
export function labelKeyOf(path: string): string {
  return path
    .split('.')
    .filter((p) => !/^\d+$/.test(p))
    .join('.');
}

/** The DOM id of the input of a path. */
export function fieldId(path: string): string {
  return `cf-${path.replace(/\./g, '-')}`;
}
