/** A kind of evidence file Sevenfold accepts, and how its content is recognised. */
export interface EvidenceType {
  /** Short name for messages and logs. */
  label: string;
  /** Accepted declared MIME types; the first is the one stored and served. */
  mimeTypes: readonly string[];
  /** Accepted file-name extensions (lower case, with the dot). */
  extensions: readonly string[];
  /** Whether the first bytes of a file (up to {@link SNIFF_BYTES}) are content of this kind. */
  matches(head: Buffer): boolean;
}

/** How many leading bytes of an upload are looked at before any of it is stored. */
export const SNIFF_BYTES = 4096;

const startsWith = (head: Buffer, bytes: readonly number[] | string, at = 0): boolean => {
  const sig = typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : Buffer.from(bytes);
  return head.length >= at + sig.length && head.subarray(at, at + sig.length).equals(sig);
};

/** OLE2 compound file (legacy Word, Excel, PowerPoint). */
const isOle2 = (head: Buffer) => startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** A ZIP archive's first local file header (Office Open XML, OpenDocument). */
const isZip = (head: Buffer) => startsWith(head, [0x50, 0x4b, 0x03, 0x04]);

/**
 * Plain text: no NUL and no C0 control character other than tab, line feed, vertical tab, form feed,
 * carriage return and escape. Any 8-bit encoding passes (UTF-8, but also GBK, common for Chinese text).
 */
const isPlainText = (head: Buffer): boolean =>
  head.every((b) => b >= 0x20 || (b >= 0x09 && b <= 0x0d) || b === 0x1b);

const ODT = 'application/vnd.oasis.opendocument.text';

/** ISO base media (MP4): an `ftyp` box first, with an MP4 brand (not QuickTime's `qt  `). */
const MP4_BRANDS = [
  'isom',
  'iso2',
  'iso4',
  'iso5',
  'iso6',
  'mp41',
  'mp42',
  'avc1',
  'M4V ',
  'dash',
  'mmp4',
  'MSNV',
];
const isMp4 = (head: Buffer) =>
  startsWith(head, 'ftyp', 4) && MP4_BRANDS.some((brand) => startsWith(head, brand, 8));

/** WebM: an EBML header whose DocType is `webm`. */
const isWebm = (head: Buffer) =>
  startsWith(head, [0x1a, 0x45, 0xdf, 0xa3]) && head.subarray(0, 64).includes('webm', 0, 'latin1');

/**
 * The allow-list of evidence types (PDF, images, screen recordings and videos, plain text, Office and
 * OpenDocument text).
 */
export const EVIDENCE_TYPES: readonly EvidenceType[] = [
  {
    label: 'PDF',
    mimeTypes: ['application/pdf'],
    extensions: ['.pdf'],
    // the header may follow a little junk, which readers tolerate within the first kilobyte
    matches: (head) => head.subarray(0, 1024).includes('%PDF-', 0, 'latin1'),
  },
  {
    label: 'PNG',
    mimeTypes: ['image/png'],
    extensions: ['.png'],
    matches: (head) => startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  },
  {
    label: 'JPEG',
    mimeTypes: ['image/jpeg', 'image/pjpeg'],
    extensions: ['.jpg', '.jpeg', '.jpe', '.jfif'],
    matches: (head) => startsWith(head, [0xff, 0xd8, 0xff]),
  },
  {
    label: 'GIF',
    mimeTypes: ['image/gif'],
    extensions: ['.gif'],
    matches: (head) => startsWith(head, 'GIF87a') || startsWith(head, 'GIF89a'),
  },
  {
    label: 'WebP',
    mimeTypes: ['image/webp'],
    extensions: ['.webp'],
    matches: (head) => startsWith(head, 'RIFF') && startsWith(head, 'WEBP', 8),
  },
  { label: 'MP4 video', mimeTypes: ['video/mp4'], extensions: ['.mp4', '.m4v'], matches: isMp4 },
  { label: 'WebM video', mimeTypes: ['video/webm'], extensions: ['.webm'], matches: isWebm },
  {
    label: 'plain text',
    mimeTypes: ['text/plain'],
    extensions: ['.txt'],
    matches: isPlainText,
  },
  { label: 'Word 97–2003', mimeTypes: ['application/msword'], extensions: ['.doc'], matches: isOle2 },
  { label: 'Excel 97–2003', mimeTypes: ['application/vnd.ms-excel'], extensions: ['.xls'], matches: isOle2 },
  {
    label: 'PowerPoint 97–2003',
    mimeTypes: ['application/vnd.ms-powerpoint'],
    extensions: ['.ppt'],
    matches: isOle2,
  },
  {
    label: 'Word',
    mimeTypes: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    extensions: ['.docx'],
    matches: isZip,
  },
  {
    label: 'Excel',
    mimeTypes: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    extensions: ['.xlsx'],
    matches: isZip,
  },
  {
    label: 'PowerPoint',
    mimeTypes: ['application/vnd.openxmlformats-officedocument.presentationml.presentation'],
    extensions: ['.pptx'],
    matches: isZip,
  },
  {
    label: 'OpenDocument text',
    mimeTypes: [ODT],
    extensions: ['.odt'],
    // OpenDocument requires an uncompressed first entry `mimetype` holding the media type
    matches: (head) => isZip(head) && startsWith(head, `mimetype${ODT}`, 30),
  },
];
