// One article: its text, context and versions; supervisors and admins edit it, agents suggest a change.
import { type FormEvent, useEffect, useState } from 'react';
import type { Me } from '../api.js';
import { CenterTime } from '../center-zone.js';
import { useErrorText } from '../errors.js';
import { useLang } from '../i18n.js';
import { Link } from '../link.js';
import { ArticleBody } from './article-body.js';
import { ArticleForm } from './article-form.js';
import { type KbArticle, kbApi } from './kb-api.js';
import { kbName } from './kb-names.js';
import { useKbText } from './use-kb-text.js';

export function ArticleView({ id, me }: { id: string; me: Me }) {
  const { lang } = useLang();
  const text = useKbText();
  const { errorText } = useErrorText();
  const [article, setArticle] = useState<KbArticle | null>();
  const [versions, setVersions] = useState<KbArticle[]>();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<number>();
  const [error, setError] = useState<string>();
  const [reload, setReload] = useState(0);
  const lead = me.roles.includes('supervisor') || me.roles.includes('admin');

  // biome-ignore lint/correctness/useExhaustiveDependencies: reload is a refresh trigger.
  useEffect(() => {
    let cancelled = false;
    setError(undefined);
    kbApi.get(id).then(
      (a) => !cancelled && setArticle(a),
      (err: unknown) => {
        if (cancelled) return;
        setArticle(null);
        setError(errorText(err));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [id, reload, errorText]);

  if (article === undefined) return <p className="muted">{text('backToSearch')}…</p>;
  if (article === null)
    return (
      <section className="card">
        <p className="error">{error ?? text('notFound')}</p>
        <Link to="/kb">{text('backToSearch')}</Link>
      </section>
    );
  if (editing)
    return (
      <ArticleForm
        article={article}
        onSaved={(a) => {
          setArticle(a);
          setSaved(a.version);
          setVersions(undefined);
          setEditing(false);
        }}
        onCancel={() => setEditing(false)}
        onReload={() => {
          setEditing(false);
          setReload((n) => n + 1);
        }}
      />
    );

  return (
    <article className="card kb-article" data-testid="kb-article">
      <p>
        <Link to="/kb">{text('backToSearch')}</Link>
      </p>
      <h2 data-testid="kb-article-title">{article.title}</h2>
      <p className="muted">
        <span className="tag">{kbName('cat', article.category, lang)}</span>{' '}
        {article.status === 'draft' && <span className="tag">{text('draft')}</span>} {text('version')}{' '}
        {article.version} · {text('updated', { by: article.updatedBy })} <CenterTime at={article.updatedAt} />
      </p>
      {saved && (
        <p className="ok" data-testid="kb-saved">
          {text('saved', { version: saved })}
        </p>
      )}
      <p className="note" data-testid="kb-summary">
        {article.summary}
      </p>
      <ArticleBody body={article.body} />
      <dl>
        <dt>{text('hotlines')}</dt>
        <dd>{article.hotlines.map((h) => kbName('hotline', h, lang)).join(', ') || '—'}</dd>
        <dt>{text('ticketTypes')}</dt>
        <dd>{article.ticketTypes.map((t) => kbName('type', t, lang)).join(', ') || '—'}</dd>
        <dt>{text('tags')}</dt>
        <dd>{article.tags.join(', ') || '—'}</dd>
        <dt>{text('ivrPaths')}</dt>
        <dd>{article.ivrPaths.join(', ') || '—'}</dd>
      </dl>
      {lead && (
        <button type="button" onClick={() => setEditing(true)} data-testid="kb-edit">
          {text('edit')}
        </button>
      )}{' '}
      <details
        onToggle={(e) =>
          (e.target as HTMLDetailsElement).open &&
          !versions &&
          kbApi.versions(article.id).then(
            (v) => setVersions(v.items),
            () => setVersions([]),
          )
        }
      >
        <summary>{text('versions')}</summary>
        <ul className="compact">
          {(versions ?? []).map((v) => (
            <li key={v.version}>
              {text('version')} {v.version} · {v.title} · {text('updated', { by: v.updatedBy })}{' '}
              <CenterTime at={v.updatedAt} />
            </li>
          ))}
        </ul>
      </details>
      {!lead && <SuggestChange id={article.id} />}
    </article>
  );
}

function SuggestChange({ id }: { id: string }) {
  const text = useKbText();
  const { errorText } = useErrorText();
  const [value, setValue] = useState('');
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      await kbApi.propose(id, value.trim());
      setSent(true);
      setValue('');
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <form onSubmit={submit} data-testid="kb-suggest">
      <h3>{text('suggestChange')}</h3>
      <p className="muted">{text('suggestHint')}</p>
      <textarea
        name="suggestion"
        required
        rows={3}
        value={value}
        onChange={(e) => setValue(e.target.value)}
      />
      {error && <p className="error">{error}</p>}
      {sent && <p className="ok">{text('suggestionSent')}</p>}
      <button type="submit">{text('send')}</button>
    </form>
  );
}
