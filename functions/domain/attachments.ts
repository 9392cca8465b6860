// What a ticket may have attached: the file's type judged from its first bytes (never from the name or
// the browser's word alone), a size limit that fits through API Gateway and Lambda, and a name safe to
// keep. Pure; the upload is functions/app/ticket-attachments.ts.

/** API Gateway passes a binary body to Lambda base64-encoded, within Lambda's 6 MB request limit. */
export const MAX_ATTACHMENT_BYTES = 4 * 1024 * 1024;

export const ATTACHMENT_TYPES = {
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
  txt: 'text/plain; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;
export type AttachmentKind = keyof typeof ATTACHMENT_TYPES;

const starts = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

/** The kind of file the bytes are, or undefined when not one the center keeps. */
export function sniffAttachment(bytes: Uint8Array, name: string): AttachmentKind | undefined {
  if (starts(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (starts(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (starts(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  // A .docx is a zip; any other zip (or an executable renamed) is refused.
  if (starts(bytes, [0x50, 0x4b, 0x03, 0x04]) && /\.docx$/i.test(name)) return 'docx';
  if (/\.txt$/i.test(name) && !bytes.includes(0)) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      return 'txt';
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** The name kept: its last path part, control and path characters removed, at most 120 characters. */
export function safeAttachmentName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = [...base]
    .filter((ch) => ch >= ' ' && ch !== '\u007f' && !'"<>|:*?'.includes(ch))
    .join('')
    .trim();
  const short = cleaned.length > 120 ? cleaned.slice(cleaned.length - 120) : cleaned;
  return short || 'file';
}
