// List paging and parameter reading as TaskRouter v1 does it: `meta` with PageSize (default 50, max
// 1000) and an opaque PageToken, and typed reads of form parameters that fail with 20001.
import type { Context } from 'hono';
import { type FormParams, param, TwilioRestError } from '../../rest-common.js';
import { BASE } from './render.js';

export function invalid(message: string): TwilioRestError {
  return new TwilioRestError(400, 20001, message);
}

export function required(params: FormParams, key: string): string {
  const v = param(params, key);
  if (v === undefined || v === '') throw invalid(`Missing required parameter ${key} in the post body`);
  return v;
}

export function int(params: FormParams, key: string): number | undefined {
  const v = param(params, key);
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  if (!Number.isInteger(n)) throw invalid(`${key} must be an integer, got '${v}'`);
  return n;
}

export function date(params: FormParams, key: string): number | undefined {
  const v = param(params, key);
  if (v === undefined || v === '') return undefined;
  const ms = Date.parse(v);
  if (Number.isNaN(ms)) throw invalid(`${key} must be an ISO 8601 date, got '${v}'`);
  return ms;
}

export function oneOf<T extends string>(
  params: FormParams,
  key: string,
  values: readonly T[],
): T | undefined {
  const v = param(params, key);
  if (v === undefined || v === '') return undefined;
  if (!(values as readonly string[]).includes(v)) throw invalid(`${key} must be one of ${values.join(', ')}`);
  return v as T;
}

/** Slices a list into a Twilio page; `key` names the array (`workers`, `tasks`, ...). */
export function page<T>(c: Context, params: FormParams, items: readonly T[], key: string) {
  const size = int(params, 'PageSize') ?? 50;
  if (size < 1 || size > 1000) throw invalid('PageSize must be from 1 to 1000');
  const token = param(params, 'PageToken');
  const offset = token ? Number(token.replace(/^PT/, '')) : 0;
  if (!Number.isInteger(offset) || offset < 0) throw invalid(`Invalid PageToken '${token}'`);
  const pageNo = Math.floor(offset / size);
  const url = new URL(c.req.url);
  const path = url.pathname.replace(/^.*?\/v1\//, '/');
  const link = (off: number) => {
    const q = new URLSearchParams(url.search);
    q.set('PageSize', String(size));
    q.set('Page', String(Math.floor(off / size)));
    if (off > 0) q.set('PageToken', `PT${off}`);
    else q.delete('PageToken');
    return `${BASE}${path}?${q.toString()}`;
  };
  const more = offset + size < items.length;
  return {
    [key]: items.slice(offset, offset + size),
    meta: {
      page: pageNo,
      page_size: size,
      first_page_url: link(0),
      previous_page_url: offset > 0 ? link(Math.max(0, offset - size)) : null,
      url: link(offset),
      next_page_url: more ? link(offset + size) : null,
      key,
    },
  };
}
