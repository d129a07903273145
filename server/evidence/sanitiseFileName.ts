import { EVIDENCE_NAME_MAX } from '../../shared/schemas/evidence.js';

/** Control characters, and the bidirectional controls that can disguise an extension. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** Characters that file systems (Windows) refuse in names. */
const RESERVED = /[<>:"|?*]/g;

/**
 * A file name safe to store and to offer back: the last path segment only, normalised (NFC), without
 * control or bidirectional-override characters, leading dots or surrounding spaces, `_` for `<>:"|?*`,
 * and at most 200 characters (keeping the extension when the stem is shortened). `fallback` replaces
 * an empty name.
 */
export function sanitiseFileName(raw: string, fallback = 'evidence'): string {
  const base = raw.split(/[/\\]/).pop() ?? '';
  const clean = base
    .normalize('NFC')
    .replace(UNSAFE, '')
    .replace(RESERVED, '_')
    .trim()
    .replace(/^\.+/, '')
    .trim();
  const name = clean || fallback;
  const chars = Array.from(name);
  if (chars.length <= EVIDENCE_NAME_MAX) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? Array.from(name.slice(dot)) : [];
  const keepExt = ext.length > 0 && ext.length <= 16 ? ext : [];
  return [...chars.slice(0, EVIDENCE_NAME_MAX - keepExt.length), ...keepExt].join('').trimEnd();
}
