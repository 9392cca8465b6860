// Writing an article (supervisors and admins): every field, lists as comma-separated values. Saving sends
// the version read; if someone saved in between, the server's 409 names them and the form offers a reload.
import { type FormEvent, useState } from 'react';
import { KB_HOTLINES, KB_LANGS, KB_LIMITS, type KbHotline } from '../../../functions/domain/kb/article.js';
import type { TicketType } from '../../../functions/domain/model.js';
import { ApiError } from '../api.js';
import { formatCenterTime } from '../center-time.js';
import { centerNow, useWallZone } from '../center-zone.js';
import { useErrorText } from '../errors.js';
import { useLang } from '../i18n.js';
import { type KbArticle, type KbArticleDraft, kbApi } from './kb-api.js';
import { kbName } from './kb-names.js';
import { useKbText } from './use-kb-text.js';

const EMPTY: KbArticleDraft = {
  id: '',
  lang: 'zh',
  title: '',
  body: '',
  summary: '',
  category: '',
  tags: [],
  hotlines: [],
  ticketTypes: [],
  ivrPaths: [],
  owner: '',
  status: 'draft',
};

const list = (value: string) =>
  value
    .split(/[,，]/)
    .map((v) => v.trim())
    .filter(Boolean);

export function ArticleForm({
  article,
  onSaved,
  onCancel,
  onReload,
}: {
  /** Absent for a new article. */
  article?: KbArticle;
  onSaved: (saved: KbArticle) => void;
  onCancel: () => void;
  onReload?: () => void;
}) {
  const { lang } = useLang();
  const zone = useWallZone();
  const text = useKbText();
  const { errorText } = useErrorText();
  const [draft, setDraft] = useState<KbArticleDraft>(() => {
    if (!article) return EMPTY;
    const { version: _v, updatedAt: _a, updatedBy: _b, ...fields } = article;
    return fields;
  });
  const [lists, setLists] = useState({
    tags: draft.tags.join(', '),
    ticketTypes: draft.ticketTypes.join(', '),
    ivrPaths: draft.ivrPaths.join(', '),
  });
  const [error, setError] = useState<string>();
  const [conflict, setConflict] = useState<KbArticle>();
  const set = <K extends keyof KbArticleDraft>(field: K, value: KbArticleDraft[K]) =>
    setDraft((d) => ({ ...d, [field]: value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    const full: KbArticleDraft = {
      ...draft,
      tags: list(lists.tags),
      ticketTypes: list(lists.ticketTypes) as TicketType[],
      ivrPaths: list(lists.ivrPaths),
    };
    const { owner, ...rest } = full;
    const body = (owner ? full : rest) as KbArticleDraft;
    try {
      onSaved(article ? await kbApi.update(body, article.version) : await kbApi.create(body));
    } catch (err) {
      if (err instanceof ApiError && err.status === 409 && err.detail.current)
        setConflict(err.detail.current as KbArticle);
      else setError(errorText(err));
    }
  };

  return (
    <form className="card kb-form" onSubmit={submit} data-testid="kb-form">
      <h2>{article ? `${text('edit')}: ${article.title}` : text('newArticle')}</h2>
      {conflict && (
        <p className="error" data-testid="kb-conflict">
          {text('conflict', {
            by: conflict.updatedBy,
            at: formatCenterTime(Date.parse(conflict.updatedAt), zone, lang, centerNow()),
            version: conflict.version,
          })}{' '}
          {onReload && (
            <button type="button" onClick={onReload}>
              {text('reload')}
            </button>
          )}
        </p>
      )}
      <div className="grid2">
        {!article && (
          <label>
            {text('id')} *
            <input name="id" required value={draft.id} onChange={(e) => set('id', e.target.value)} />
          </label>
        )}
        <label>
          {text('lang')}
          <select
            name="lang"
            value={draft.lang}
            onChange={(e) => set('lang', e.target.value as KbArticle['lang'])}
          >
            {KB_LANGS.map((l) => (
              <option key={l} value={l}>
                {text(l === 'zh' ? 'langZh' : 'langEn')}
              </option>
            ))}
          </select>
        </label>
        <label>
          {text('status')}
          <select
            name="status"
            value={draft.status}
            onChange={(e) => set('status', e.target.value as KbArticle['status'])}
          >
            <option value="published">{text('published')}</option>
            <option value="draft">{text('draft')}</option>
          </select>
        </label>
        <label>
          {text('category')} *
          <input
            name="category"
            required
            value={draft.category}
            onChange={(e) => set('category', e.target.value)}
          />
        </label>
      </div>
      <label>
        {text('title')} *
        <input
          name="title"
          required
          maxLength={KB_LIMITS.title}
          value={draft.title}
          onChange={(e) => set('title', e.target.value)}
        />
      </label>
      <label>
        {text('summary')} *
        <textarea
          name="summary"
          required
          maxLength={KB_LIMITS.summary}
          rows={2}
          value={draft.summary}
          onChange={(e) => set('summary', e.target.value)}
        />
      </label>
      <label>
        {text('body')} *
        <textarea
          name="body"
          required
          rows={12}
          value={draft.body}
          onChange={(e) => set('body', e.target.value)}
        />
      </label>
      <fieldset>
        <legend>{text('hotlines')}</legend>
        {KB_HOTLINES.map((h) => (
          <label key={h} className="inline">
            <input
              type="checkbox"
              checked={draft.hotlines.includes(h)}
              onChange={(e) =>
                set(
                  'hotlines',
                  e.target.checked
                    ? [...draft.hotlines, h]
                    : draft.hotlines.filter((x): x is KbHotline => x !== h),
                )
              }
            />
            {kbName('hotline', h, lang)}
          </label>
        ))}
      </fieldset>
      <p className="muted">{text('listHint')}</p>
      <div className="grid2">
        {(['tags', 'ticketTypes', 'ivrPaths'] as const).map((field) => (
          <label key={field}>
            {text(field)}
            <input
              name={field}
              value={lists[field]}
              onChange={(e) => setLists((l) => ({ ...l, [field]: e.target.value }))}
            />
          </label>
        ))}
      </div>
      {error && <p className="error">{error}</p>}
      <button type="submit">{text('save')}</button>{' '}
      <button type="button" className="link" onClick={onCancel}>
        {text('cancel')}
      </button>
    </form>
  );
}
