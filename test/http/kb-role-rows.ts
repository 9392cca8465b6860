// Role-matrix rows for the knowledge base, and the article they act on. Writes use a fresh id or the
// version stored at the time, so each role that may write succeeds.
import type { Store } from '../../functions/domain/ports.js';
import type { MatrixRole, MatrixRow } from './agent-role-rows.js';

const ALL: readonly MatrixRole[] = ['agent', 'supervisor', 'admin'];
const LEADS: readonly MatrixRole[] = ['supervisor', 'admin'];
const ARTICLE = 'matrix-article';

const fields = {
  lang: 'en',
  title: 'Matrix article',
  body: 'What the role matrix reads.',
  summary: 'For the role matrix.',
  category: 'testing',
  status: 'published',
} as const;

export async function seedKbData(store: Store): Promise<void> {
  const made = await store.kb.put(
    { ...fields, id: ARTICLE, tags: [], hotlines: [], ticketTypes: [], ivrPaths: [], owner: 'sup1' },
    null,
    'sup1',
  );
  if (!made.ok) throw new Error('seed kb article');
}

export function kbRows(store: () => Store, unique: () => string): MatrixRow[] {
  return [
    { op: 'kb.search', method: 'GET', path: () => '/api/kb/search?q=matrix', roles: ALL, ok: 200 },
    { op: 'kb.suggest', method: 'GET', path: () => '/api/kb/suggest?hotline=warranty', roles: ALL, ok: 200 },
    { op: 'kb.list', method: 'GET', path: () => '/api/kb/articles?category=testing', roles: ALL, ok: 200 },
    { op: 'kb.get', method: 'GET', path: () => `/api/kb/articles/${ARTICLE}`, roles: ALL, ok: 200 },
    {
      op: 'kb.versions',
      method: 'GET',
      path: () => `/api/kb/articles/${ARTICLE}/versions`,
      roles: ALL,
      ok: 200,
    },
    {
      op: 'kb.proposeChange',
      method: 'POST',
      path: () => `/api/kb/articles/${ARTICLE}/suggestions`,
      body: () => ({ text: 'A clearer first line' }),
      roles: ALL,
      ok: 201,
    },
    { op: 'kb.suggestions', method: 'GET', path: () => '/api/kb/suggestions', roles: LEADS, ok: 200 },
    {
      op: 'kb.create',
      method: 'POST',
      path: () => '/api/kb/articles',
      body: () => ({ ...fields, id: `matrix-${unique()}` }),
      roles: LEADS,
      ok: 201,
    },
    {
      op: 'kb.update',
      method: 'PUT',
      path: () => `/api/kb/articles/${ARTICLE}`,
      body: async () => ({ ...fields, version: (await store().kb.get(ARTICLE))?.version }),
      roles: LEADS,
      ok: 200,
    },
  ];
}
