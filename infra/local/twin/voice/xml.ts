// A small strict XML parser for TwiML: elements, attributes, text, CDATA, comments, entities. It keeps
// document order (verbs run top to bottom) and reports malformed input, which Twilio answers with error 12100.
export interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly XmlNode[];
}
export type XmlNode = XmlElement | string;

export class XmlSyntaxError extends Error {
  override readonly name = 'XmlSyntaxError';
}

const NAME = /[A-Za-z_:][-A-Za-z0-9_:.]*/y;
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function parseXml(source: string): XmlElement {
  const text = source.replace(/^\uFEFF/, '');
  let pos = 0;
  const fail = (message: string): never => {
    throw new XmlSyntaxError(`${message} at offset ${pos}`);
  };

  function skipMisc(): void {
    for (;;) {
      while (pos < text.length && /\s/.test(text[pos] ?? '')) pos++;
      if (text.startsWith('<?', pos)) {
        const end = text.indexOf('?>', pos);
        if (end < 0) fail('unterminated processing instruction');
        pos = end + 2;
      } else if (text.startsWith('<!--', pos)) skipComment();
      else if (text.startsWith('<!DOCTYPE', pos)) fail('DOCTYPE is not allowed');
      else return;
    }
  }

  function skipComment(): void {
    const end = text.indexOf('-->', pos + 4);
    if (end < 0) fail('unterminated comment');
    pos = end + 3;
  }

  function readName(): string {
    NAME.lastIndex = pos;
    const m = NAME.exec(text);
    if (!m) return fail('expected a name');
    pos += m[0].length;
    return m[0];
  }

  function decode(raw: string): string {
    return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);|&/g, (whole, ref: string | undefined) => {
      if (!ref) return fail('bare & (write &amp;)');
      if (ref.startsWith('#x')) return String.fromCodePoint(Number.parseInt(ref.slice(2), 16));
      if (ref.startsWith('#')) return String.fromCodePoint(Number.parseInt(ref.slice(1), 10));
      return ENTITIES[ref] ?? fail(`unknown entity ${whole}`);
    });
  }

  function readElement(): XmlElement {
    if (text[pos] !== '<') fail('expected <');
    pos++;
    const name = readName();
    const attrs: Record<string, string> = {};
    for (;;) {
      const before = pos;
      while (/\s/.test(text[pos] ?? '')) pos++;
      if (text.startsWith('/>', pos)) {
        pos += 2;
        return { name, attrs, children: [] };
      }
      if (text[pos] === '>') {
        pos++;
        break;
      }
      if (pos === before) fail(`expected whitespace or > in <${name}>`);
      const attr = readName();
      while (/\s/.test(text[pos] ?? '')) pos++;
      if (text[pos] !== '=') fail(`attribute ${attr} needs a value`);
      pos++;
      while (/\s/.test(text[pos] ?? '')) pos++;
      const quote = text[pos];
      if (quote !== '"' && quote !== "'") return fail(`attribute ${attr} value must be quoted`);
      const end = text.indexOf(quote, pos + 1);
      if (end < 0) fail('unterminated attribute value');
      const raw = text.slice(pos + 1, end);
      if (raw.includes('<')) fail('< in attribute value');
      if (attr in attrs) fail(`duplicate attribute ${attr}`);
      attrs[attr] = decode(raw);
      pos = end + 1;
    }
    const children: XmlNode[] = [];
    for (;;) {
      if (pos >= text.length) fail(`unclosed <${name}>`);
      if (text.startsWith('</', pos)) {
        pos += 2;
        const closing = readName();
        if (closing !== name) fail(`</${closing}> does not close <${name}>`);
        while (/\s/.test(text[pos] ?? '')) pos++;
        if (text[pos] !== '>') fail('expected >');
        pos++;
        return { name, attrs, children };
      }
      if (text.startsWith('<!--', pos)) skipComment();
      else if (text.startsWith('<![CDATA[', pos)) {
        const end = text.indexOf(']]>', pos);
        if (end < 0) fail('unterminated CDATA');
        children.push(text.slice(pos + 9, end));
        pos = end + 3;
      } else if (text.startsWith('<?', pos)) {
        const end = text.indexOf('?>', pos);
        if (end < 0) fail('unterminated processing instruction');
        pos = end + 2;
      } else if (text[pos] === '<') children.push(readElement());
      else {
        const next = text.indexOf('<', pos);
        const raw = text.slice(pos, next < 0 ? text.length : next);
        children.push(decode(raw));
        pos += raw.length;
      }
    }
  }

  skipMisc();
  if (pos >= text.length) fail('empty document');
  const root = readElement();
  skipMisc();
  if (pos < text.length) fail('content after the root element');
  return root;
}

/** The element's text content (text and CDATA of direct children), trimmed. */
export function textOf(el: XmlElement): string {
  return el.children
    .filter((c): c is string => typeof c === 'string')
    .join('')
    .trim();
}

export function childElements(el: XmlElement): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c !== 'string');
}
