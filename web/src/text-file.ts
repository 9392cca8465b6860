// A chosen CSV file read as text. A file that is not UTF-8 (Excel in China saves GBK unless told otherwise)
// is refused, not read with its characters replaced: names would be stored scrambled. The server refuses
// such bytes too; read in the page, they would reach it already replaced and pass.
import { labelOf } from './i18n.js';
import type { Lang } from './lang.js';

export type TextFileReading =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly issue: 'not-utf8' | 'empty-file' };

export async function readUtf8File(file: File): Promise<TextFileReading> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, issue: 'not-utf8' };
  }
  return text.trim() ? { ok: true, text } : { ok: false, issue: 'empty-file' };
}

/** Why `file` was refused, in the page's language, naming the file. */
export function refusalText(file: File, issue: 'not-utf8' | 'empty-file', lang: Lang): string {
  const sep = lang === 'zh' ? '：' : ': ';
  return `${file.name}${sep}${labelOf(`issue_${issue}`, lang) ?? issue}`;
}
