// The search box, its filters and the results: title, summary and category, matched terms marked.
import { type FormEvent, type ReactNode, useState } from 'react';
import { KB_HOTLINES, KB_LANGS } from '../../../functions/domain/kb/article.js';
import { TICKET_TYPES } from '../../../functions/domain/model.js';
import { useErrorText } from '../errors.js';
import { useLang } from '../i18n.js';
import { KB_CATEGORIES } from '../labels-kb.js';
import { Link } from '../link.js';
import { Highlight } from './highlight.js';
import { type KbHit, type KbSearchParams, kbApi } from './kb-api.js';
import { kbName } from './kb-names.js';
import { useKbText } from './use-kb-text.js';

export function KbSearch() {
  const { lang } = useLang();
  const text = useKbText();
  const { errorText } = useErrorText();
  const [params, setParams] = useState<KbSearchParams>({ q: '' });
  const [hits, setHits] = useState<KbHit[]>();
  const [error, setError] = useState<string>();
  const set = (field: keyof KbSearchParams) => (value: string) =>
    setParams((p) => ({ ...p, [field]: value }));

  const run = async (p: KbSearchParams) => {
    const q = p.q.trim();
    // No words and no category: back to the categories, not the last search's results under an empty box.
    if (!q && !p.category) {
      setError(undefined);
      setHits(undefined);
      return;
    }
    // No words but a category: list it, drafts included, so an author finds what search does not show.
    setError(undefined);
    try {
      if (q) setHits((await kbApi.search({ ...p, q })).items);
      else if (p.category)
        setHits((await kbApi.list(p.category)).items.map((article) => ({ article, score: 0, terms: [] })));
    } catch (err) {
      setError(errorText(err));
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(params);
  };
  // Before any search the page offers its categories: one click lists what an agent can read.
  const browse = (category: string) => {
    const next = { ...params, q: '', category };
    setParams(next);
    void run(next);
  };

  return (
    <section className="card" data-testid="kb-search">
      <form className="fields" onSubmit={submit}>
        <input
          name="q"
          type="search"
          value={params.q}
          placeholder={text('searchPlaceholder')}
          onChange={(e) => set('q')(e.target.value)}
        />
        <Select name="lang" value={params.lang} any={text('anyLang')} onChange={set('lang')}>
          {KB_LANGS.map((l) => (
            <option key={l} value={l}>
              {text(l === 'zh' ? 'langZh' : 'langEn')}
            </option>
          ))}
        </Select>
        <Select name="hotline" value={params.hotline} any={text('anyHotline')} onChange={set('hotline')}>
          {KB_HOTLINES.map((h) => (
            <option key={h} value={h}>
              {kbName('hotline', h, lang)}
            </option>
          ))}
        </Select>
        <Select
          name="ticketType"
          value={params.ticketType}
          any={text('anyTicketType')}
          onChange={set('ticketType')}
        >
          {TICKET_TYPES.map((type) => (
            <option key={type} value={type}>
              {kbName('type', type, lang)}
            </option>
          ))}
        </Select>
        <Select name="category" value={params.category} any={text('anyCategory')} onChange={set('category')}>
          {KB_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {kbName('cat', c, lang)}
            </option>
          ))}
        </Select>
        <button type="submit">{text('search')}</button>
      </form>
      {error && <p className="error">{error}</p>}
      {!hits && (
        <p className="kb-browse" data-testid="kb-browse">
          {text('browse')}{' '}
          {KB_CATEGORIES.map((c) => (
            <button key={c} type="button" className="link" onClick={() => browse(c)}>
              {kbName('cat', c, lang)}
            </button>
          ))}
        </p>
      )}
      {hits && (
        <>
          <p className="muted">{hits.length === 0 ? text('noHits') : text('hits', { count: hits.length })}</p>
          <ul className="kb-hits" data-testid="kb-hits">
            {hits.map(({ article: a, terms }) => (
              <li key={a.id} data-testid="kb-hit">
                <Link to={`/kb/${encodeURIComponent(a.id)}`}>
                  <Highlight text={a.title} terms={terms} />
                </Link>{' '}
                <span className="tag">{kbName('cat', a.category, lang)}</span>{' '}
                {a.status === 'draft' && <span className="tag">{text('draft')}</span>}{' '}
                <span className="muted">{a.lang === 'zh' ? '中文' : 'EN'}</span>
                <p className="muted">
                  <Highlight text={a.summary} terms={terms} />
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function Select({
  name,
  value,
  any,
  onChange,
  children,
}: {
  name: string;
  value: string | undefined;
  any: string;
  onChange: (value: string) => void;
  children: ReactNode;
}) {
  return (
    <select name={name} value={value ?? ''} onChange={(e) => onChange(e.target.value)}>
      <option value="">{any}</option>
      {children}
    </select>
  );
}
