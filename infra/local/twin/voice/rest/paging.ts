// Twilio 2010 list pages: `{ <key>: [...], page, page_size, start, end, uri, first_page_uri, next_page_uri,
// previous_page_uri }`, with Page/PageSize from the query, as the official client iterates them.
import type { Context } from 'hono';

export function listPage<T>(c: Context, key: string, items: readonly T[], render: (item: T) => unknown) {
  const url = new URL(c.req.url);
  const pageSize = Math.min(1000, Math.max(1, Number(url.searchParams.get('PageSize') ?? 50) || 50));
  const page = Math.max(0, Number(url.searchParams.get('Page') ?? 0) || 0);
  const slice = items.slice(page * pageSize, (page + 1) * pageSize);
  // The client rebases these on api.twilio.com, so they are paths from /2010-04-01 on, as Twilio sends them.
  const path = url.pathname.replace(/^.*?(\/2010-04-01\/)/, '$1');
  const uriFor = (p: number) => {
    const q = new URLSearchParams(url.searchParams);
    q.set('PageSize', String(pageSize));
    q.set('Page', String(p));
    return `${path}?${q.toString()}`;
  };
  return {
    [key]: slice.map(render),
    page,
    page_size: pageSize,
    start: page * pageSize,
    end: page * pageSize + Math.max(0, slice.length - 1),
    uri: uriFor(page),
    first_page_uri: uriFor(0),
    next_page_uri: (page + 1) * pageSize < items.length ? uriFor(page + 1) : null,
    previous_page_uri: page > 0 ? uriFor(page - 1) : null,
  };
}

/** `CAxxx.json` -> `CAxxx`; undefined for other suffixes. */
export function stripJson(file: string): string | undefined {
  return file.endsWith('.json') ? file.slice(0, -5) : undefined;
}
