import { EVIDENCE_TYPES, type EvidenceType } from './evidenceTypes.js';

/** The outcome of checking an upload against the allow-list. */
export type Identification = { type: EvidenceType } | { refusal: string };

/** The lower-case extension of a file name, with its dot ('' when it has none). */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
}

/** A declared MIME type without parameters, in lower case. */
export function bareMimeType(declared: string): string {
  return (declared.split(';')[0] ?? '').trim().toLowerCase();
}

/**
 * Identifies an upload by all three of its name's extension, its declared MIME type and its first
 * bytes: the extension picks the allowed type, the declared type must be one of its MIME types and the
 * content must look like it. Anything else is refused with a reason for the user.
 */
export function identifyEvidenceType(name: string, declaredMime: string, head: Buffer): Identification {
  const ext = extensionOf(name);
  const type = EVIDENCE_TYPES.find((t) => t.extensions.includes(ext));
  if (!type) {
    return { refusal: `Files of type ${ext || '(no extension)'} are not accepted as evidence.` };
  }
  const mime = bareMimeType(declaredMime);
  if (!type.mimeTypes.includes(mime)) {
    return { refusal: `A ${ext} file must be sent as ${type.mimeTypes[0]}, not ${mime || 'no type'}.` };
  }
  if (!type.matches(head)) {
    return { refusal: `The content of the file is not ${type.label}, as its name and type claim.` };
  }
  return { type };
}
