import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { DocumentContent } from './documentContent.js';
import { DOCUMENT_FONTS } from './documentFonts.js';

let fonts: { regular: Buffer; bold: Buffer } | undefined;
/** The font files, read once per process. */
const fontData = () =>
  (fonts ??= { regular: readFileSync(DOCUMENT_FONTS.regular), bold: readFileSync(DOCUMENT_FONTS.bold) });

/** What the PDF says about itself, and the lines of its footer. */
export interface PdfOptions {
  /** Document information (title, subject); the creation date is the event's, so a render repeats. */
  title: string;
  subject: string;
  createdAt: Date;
  lang: 'zh-CN' | 'en';
  /** Small print at the end: ids and fingerprints. */
  footer: string[];
}

const MARGIN = 56;
const INK = '#1a1b1e';
const MUTED = '#5c5f66';

/**
 * Typesets a document as an A4 PDF with Noto Sans SC embedded (subset to the glyphs used): the
 * platform's name, the title, a table of fields, the sections and the footer.
 */
export function renderPdf(content: DocumentContent, opts: PdfOptions): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    lang: opts.lang,
    displayTitle: true,
    info: {
      Title: opts.title,
      Subject: opts.subject,
      Author: 'Sevenfold',
      Creator: 'Sevenfold',
      Producer: 'Sevenfold',
      CreationDate: opts.createdAt,
      ModDate: opts.createdAt,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const { regular, bold } = fontData();
  doc.registerFont('body', regular);
  doc.registerFont('bold', bold);
  const width = doc.page.width - MARGIN * 2;

  doc
    .font('body')
    .fontSize(9)
    .fillColor(MUTED)
    .text('Sevenfold · 知识产权纠纷多元化解平台', { align: 'center' });
  doc.moveDown(0.6);
  doc.font('bold').fontSize(20).fillColor(INK).text(content.title, { align: 'center' });
  doc.moveDown(0.8);

  const labelWidth = 110;
  for (const [label, value] of content.fields) {
    const y = doc.y;
    doc.font('bold').fontSize(10.5).fillColor(MUTED).text(label, MARGIN, y, { width: labelWidth });
    const afterLabel = doc.y;
    doc
      .font('body')
      .fillColor(INK)
      .text(value, MARGIN + labelWidth, y, { width: width - labelWidth });
    doc.y = Math.max(doc.y, afterLabel) + 2;
  }
  doc.x = MARGIN;
  doc.moveDown(0.4);
  doc
    .moveTo(MARGIN, doc.y)
    .lineTo(MARGIN + width, doc.y)
    .lineWidth(0.6)
    .strokeColor('#ced4da')
    .stroke();
  doc.moveDown(0.8);

  for (const section of content.sections) {
    if (section.heading) {
      doc.font('bold').fontSize(12).fillColor(INK).text(section.heading, MARGIN, doc.y, { width });
      doc.moveDown(0.3);
    }
    for (const paragraph of section.paragraphs) {
      doc
        .font('body')
        .fontSize(section.mono ? 9.5 : 11)
        .fillColor(INK)
        .text(paragraph, MARGIN, doc.y, { width, lineGap: 3, paragraphGap: 6 });
    }
    doc.moveDown(0.6);
  }

  doc.moveDown(1);
  for (const line of opts.footer) {
    doc.font('body').fontSize(8).fillColor(MUTED).text(line, MARGIN, doc.y, { width });
  }
  doc.end();
  return done;
}
