// Reading TwiML attributes with Twilio's defaults: numbers, booleans, methods and URLs relative to the document.
import type { HttpMethod } from '../types.js';
import type { XmlElement } from '../xml.js';
import type { VerbContext } from './verb-context.js';

export function intAttr(el: XmlElement, name: string, fallback: number): number {
  const raw = el.attrs[name];
  if (raw === undefined || !/^-?\d+$/.test(raw.trim())) return fallback;
  return Number(raw);
}

export function boolAttr(el: XmlElement, name: string, fallback: boolean): boolean {
  const raw = el.attrs[name]?.toLowerCase();
  if (raw === undefined) return fallback;
  return raw === 'true';
}

export function methodAttr(el: XmlElement, name: string, fallback: HttpMethod = 'POST'): HttpMethod {
  const raw = el.attrs[name]?.toUpperCase();
  return raw === 'GET' || raw === 'POST' ? raw : fallback;
}

/** An attribute URL made absolute against the running document; undefined if absent or unresolvable. */
export function urlAttr(ctx: VerbContext, el: XmlElement, name: string): string | undefined {
  const raw = el.attrs[name];
  if (raw === undefined || raw === '') return undefined;
  const url = ctx.engine.resolveUrl(ctx.docUrl, raw);
  if (!url) ctx.engine.error(ctx.call, 11100, `invalid URL ${raw} in <${el.name} ${name}>`);
  return url;
}
