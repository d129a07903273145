/**
 * What a piece of evidence shows, for the side-by-side design comparison. The upload form puts a
 * tag at the start of the description (`[registeredDesign] …`); the rest is the user's own text.
 */
import type { EvidenceView } from '../../../shared/api/evidenceView.js';

/** Kinds of evidence the form offers. */
export const EVIDENCE_KINDS = ['registeredDesign', 'accusedProduct', 'other'] as const;
/** A kind of evidence. */
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

const TAG = /^\[(registeredDesign|accusedProduct)\]\s*/;

/** The description to send for a kind and the user's text. */
export function describeEvidence(kind: EvidenceKind, text: string): string {
  const clean = text.trim();
  return kind === 'other' ? clean : `[${kind}] ${clean}`.trim();
}

/** The kind of a piece of evidence and its description without the tag. */
export function evidenceKindOf(e: Pick<EvidenceView, 'description' | 'name'>): {
  kind: EvidenceKind;
  text: string;
} {
  const description = e.description ?? '';
  const m = TAG.exec(description);
  if (m) return { kind: m[1] as EvidenceKind, text: description.slice(m[0].length) };
  // files uploaded without the tag: guess from the words used
  const words = `${e.name} ${description}`.toLowerCase();
  if (/registered|certificate|授权|专利证书|外观设计图/.test(words))
    return { kind: 'registeredDesign', text: description };
  if (/accused|infring|被控|侵权产品|实物|商品/.test(words))
    return { kind: 'accusedProduct', text: description };
  return { kind: 'other', text: description };
}

/** Whether a piece of evidence is an image the browser can show. */
export function isImage(e: Pick<EvidenceView, 'contentType'>): boolean {
  return /^image\/(png|jpeg|gif|webp)$/.test(e.contentType);
}
