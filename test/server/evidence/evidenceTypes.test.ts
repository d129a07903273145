import { expect } from 'chai';
import { attachmentDisposition } from '../../../server/evidence/contentDisposition.js';
import { identifyEvidenceType } from '../../../server/evidence/identifyEvidenceType.js';
import { sanitiseFileName } from '../../../server/evidence/sanitiseFileName.js';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));
const OLE2 = bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], '\0\0\0\0');
const ZIP = bytes('PK\x03\x04', '\x14\x00\x00\x00\x08\x00', '[Content_Types].xml');
const ODT = bytes('PK\x03\x04', '\0'.repeat(26), 'mimetypeapplication/vnd.oasis.opendocument.text');
const MP4 = bytes([0, 0, 0, 0x20], 'ftypisom', [0, 0, 2, 0], 'isomiso2avc1mp41');
const WEBM = bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84], 'webm');
const accepted = (name: string, mime: string, head: Buffer) => {
  const found = identifyEvidenceType(name, mime, head);
  return 'type' in found ? found.type.mimeTypes[0] : found.refusal;
};

describe('evidence types, file names and dispositions', () => {
  it('accepts each allowed type by extension, declared type and content together', () => {
    expect(accepted('a.pdf', 'application/pdf', bytes('%PDF-1.4'))).to.equal('application/pdf');
    expect(accepted('a.JPG', 'image/jpeg', bytes([0xff, 0xd8, 0xff, 0xe0]))).to.equal('image/jpeg');
    expect(accepted('a.gif', 'image/gif', bytes('GIF89a'))).to.equal('image/gif');
    expect(accepted('a.webp', 'image/webp', bytes('RIFF\x10\x00\x00\x00WEBPVP8 '))).to.equal('image/webp');
    expect(accepted('a.txt', 'text/plain; charset=utf-8', bytes('plain\r\n\ttext'))).to.equal('text/plain');
    expect(accepted('a.doc', 'application/msword', OLE2)).to.equal('application/msword');
    expect(accepted('a.xls', 'application/vnd.ms-excel', OLE2)).to.equal('application/vnd.ms-excel');
    expect(accepted('a.ppt', 'application/vnd.ms-powerpoint', OLE2)).to.equal(
      'application/vnd.ms-powerpoint',
    );
    const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    expect(accepted('a.docx', docx, ZIP)).to.equal(docx);
    const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    expect(accepted('a.xlsx', xlsx, ZIP)).to.equal(xlsx);
    const pptx = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
    expect(accepted('a.pptx', pptx, ZIP)).to.equal(pptx);
    const odt = 'application/vnd.oasis.opendocument.text';
    expect(accepted('a.odt', odt, ODT)).to.equal(odt);
    // a phone's screen recording (MP4) and a browser's (WebM)
    expect(accepted('录屏.mp4', 'video/mp4', MP4)).to.equal('video/mp4');
    expect(accepted('a.m4v', 'video/mp4', MP4)).to.equal('video/mp4');
    expect(accepted('a.webm', 'video/webm', WEBM)).to.equal('video/webm');
  });

  it('tells videos apart by content: not QuickTime, not a renamed file', () => {
    const mov = bytes([0, 0, 0, 0x14], 'ftypqt  ', [0, 0, 0, 0]);
    expect(accepted('a.mp4', 'video/mp4', mov)).to.match(/not MP4 video/);
    expect(accepted('a.mp4', 'video/mp4', bytes('%PDF-1.4'))).to.match(/not MP4 video/);
    expect(accepted('a.webm', 'video/webm', bytes([0x1a, 0x45, 0xdf, 0xa3], 'matroska'))).to.match(
      /not WebM video/,
    );
    expect(accepted('a.mov', 'video/quicktime', mov)).to.match(/not accepted/);
  });

  it('refuses unknown extensions, mismatched declared types and content that is something else', () => {
    expect(accepted('a.exe', 'application/x-msdownload', bytes('MZ'))).to.match(/not accepted/);
    expect(accepted('noextension', 'application/pdf', bytes('%PDF-1.4'))).to.match(/not accepted/);
    expect(accepted('a.html', 'text/html', bytes('<html>'))).to.match(/not accepted/);
    expect(accepted('a.pdf', 'text/plain', bytes('%PDF-1.4'))).to.match(/must be sent as application\/pdf/);
    expect(accepted('a.png', 'image/png', bytes('GIF89a'))).to.match(/not PNG/);
    expect(accepted('a.doc', 'application/msword', ZIP)).to.match(/not Word/);
    expect(accepted('a.odt', 'application/vnd.oasis.opendocument.text', ZIP)).to.match(/not OpenDocument/);
    expect(accepted('a.txt', 'text/plain', bytes('MZ\x90\x00\x03'))).to.match(/not plain text/);
  });

  it('keeps only a safe last path segment of at most 200 characters', () => {
    expect(sanitiseFileName('C:\\Users\\me\\report.pdf')).to.equal('report.pdf');
    expect(sanitiseFileName('../../etc/passwd.txt')).to.equal('passwd.txt');
    expect(sanitiseFileName('a\u0000b\u0007c\r\n.pdf')).to.equal('abc.pdf');
    expect(sanitiseFileName('invoice\u202Efdp.exe')).to.equal('invoicefdp.exe');
    expect(sanitiseFileName('...hidden.txt')).to.equal('hidden.txt');
    expect(sanitiseFileName('what?<now>.txt')).to.equal('what__now_.txt');
    expect(sanitiseFileName('  ..  ')).to.equal('evidence');
    const long = sanitiseFileName(`${'x'.repeat(250)}.pdf`);
    expect(long).to.have.length(200);
    expect(long.endsWith('.pdf')).to.equal(true);
    expect(Array.from(sanitiseFileName('😀'.repeat(250)))).to.have.length(200);
  });

  it('offers the original name as RFC 8187 filename* with an ASCII fallback', () => {
    expect(attachmentDisposition('证据 (1).pdf')).to.equal(
      `attachment; filename="__ (1).pdf"; filename*=UTF-8''%E8%AF%81%E6%8D%AE%20%281%29.pdf`,
    );
    expect(attachmentDisposition('a"b\\c.txt')).to.equal(
      `attachment; filename="a_b_c.txt"; filename*=UTF-8''a%22b%5Cc.txt`,
    );
  });
});
