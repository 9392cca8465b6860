// The scoring form designer (supervisors and admins): a new form or a new version of one, sections of
// criteria with points and auto-fail, names in Chinese and English; the server's rules come back beside the
// field they name. Scores keep the version they used, so a new version changes no score already given.
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { MAX_POINTS } from '../../../functions/domain/quality/form.js';
import { ApiError } from '../api.js';
import { useErrorText } from '../errors.js';
import { useLang } from '../i18n.js';
import { PathError, type PathIssues, pathIssues } from '../path-issues.js';
import { SaveStatus } from '../save-status.js';
import { type QaForm, type QaFormDraft, qualityApi } from './quality-api.js';
import { useQualityText } from './use-quality-text.js';

type Draft = {
  -readonly [K in keyof QaFormDraft]: QaFormDraft[K];
};
type Section = QaFormDraft['sections'][number];
type Criterion = Section['criteria'][number];

const LANGS = ['zh', 'en'] as const;
const NEW = '';

/** An id not yet used in the form, for a section or criterion just added (its names are what people read). */
function freshId(draft: Draft, prefix: string): string {
  const used = new Set(draft.sections.flatMap((s) => [s.id, ...s.criteria.map((c) => c.id)]));
  let n = 1;
  while (used.has(`${prefix}-${n}`)) n++;
  return `${prefix}-${n}`;
}
const criterion = (id: string): Criterion => ({ id, name: { zh: '', en: '' }, points: 10, autoFail: false });
const section = (id: string, first: string): Section => ({
  id,
  name: { zh: '', en: '' },
  criteria: [criterion(first)],
});
const emptyDraft = (): Draft => ({
  id: '',
  name: { zh: '', en: '' },
  sections: [section('section-1', 'criterion-1')],
});
const draftOf = (form: QaForm): Draft => ({ id: form.id, name: form.name, sections: form.sections });

export function FormDesigner() {
  const text = useQualityText();
  const { lang } = useLang();
  const { errorText } = useErrorText();
  const [forms, setForms] = useState<QaForm[]>([]);
  const [picked, setPicked] = useState(NEW);
  const [base, setBase] = useState<QaForm>();
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [issues, setIssues] = useState<PathIssues>({});
  const [status, setStatus] = useState<{ ok: boolean; text: string }>();

  const load = useCallback(async () => {
    try {
      setForms((await qualityApi.forms()).items);
    } catch (err) {
      setStatus({ ok: false, text: errorText(err) });
    }
  }, [errorText]);
  useEffect(() => {
    void load();
  }, [load]);

  const pick = (id: string) => {
    setPicked(id);
    setIssues({});
    setStatus(undefined);
    const form = forms.find((f) => f.id === id);
    setBase(form);
    setDraft(form ? draftOf(form) : emptyDraft());
  };
  const setSection = (s: number, next: Section) =>
    setDraft((d) => ({ ...d, sections: d.sections.map((x, i) => (i === s ? next : x)) }));
  const setCriterion = (s: number, c: number, next: Criterion) =>
    setDraft((d) => ({
      ...d,
      sections: d.sections.map((x, i) =>
        i === s ? { ...x, criteria: x.criteria.map((y, j) => (j === c ? next : y)) } : x,
      ),
    }));

  const save = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const saved = base
        ? await qualityApi.updateForm(base.version, draft)
        : await qualityApi.createForm(draft);
      setIssues({});
      setStatus({ ok: true, text: text('formSaved', { id: saved.id, version: saved.version }) });
      setForms((all) => [...all.filter((f) => f.id !== saved.id), saved]);
      setPicked(saved.id);
      setBase(saved);
      setDraft(draftOf(saved));
    } catch (err) {
      const found = pathIssues(err, lang);
      setIssues(found);
      const stale = err instanceof ApiError && err.status === 409 && base;
      setStatus({
        ok: false,
        text: stale ? text('formChanged') : Object.keys(found).length ? text('fixFields') : errorText(err),
      });
    }
  };

  const total = draft.sections.flatMap((s) => s.criteria).reduce((sum, c) => sum + (c.points || 0), 0);
  const nameFields = (at: string, value: QaFormDraft['name'], onChange: (v: QaFormDraft['name']) => void) =>
    LANGS.map((l) => (
      <label key={l} className="inline">
        {text(l === 'zh' ? 'nameZh' : 'nameEn')}{' '}
        <input
          name={`${at ? `${at}.` : ''}name.${l}`}
          value={value[l]}
          maxLength={200}
          onChange={(e) => onChange({ ...value, [l]: e.target.value })}
        />
        <PathError issues={issues} at={`${at ? `${at}.` : ''}name.${l}`} />
      </label>
    ));

  return (
    <form className="card form-designer" onSubmit={(e) => void save(e)} data-testid="qa-designer">
      <h2>{text('designer')}</h2>
      <p className="muted small">{text('designerHelp', { max: MAX_POINTS })}</p>
      <label className="inline">
        {text('startFrom')}{' '}
        <select
          name="base"
          value={picked}
          onChange={(e) => pick(e.target.value)}
          data-testid="qa-designer-base"
        >
          <option value={NEW}>{text('newForm')}</option>
          {forms.map((f) => (
            <option key={f.id} value={f.id}>
              {text('newVersionOf', { name: f.name[lang], version: f.version + 1 })}
            </option>
          ))}
        </select>
      </label>
      <div className="row">
        <label className="inline">
          {text('formId')}{' '}
          <input
            name="id"
            value={draft.id}
            disabled={!!base}
            maxLength={48}
            onChange={(e) => setDraft({ ...draft, id: e.target.value })}
          />
          <PathError issues={issues} at="id" />
        </label>
        {nameFields('', draft.name, (name) => setDraft({ ...draft, name }))}
      </div>
      <PathError issues={issues} at="sections" />
      {draft.sections.map((s, si) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: ids are edited in place; a row's place is its identity while editing.
        <fieldset key={si} className="qa-section" data-testid={`qa-section-${si}`}>
          <legend>{s.name[lang] || text('sectionN', { n: si + 1 })}</legend>
          <div className="row">
            {nameFields(`sections.${si}`, s.name, (name) => setSection(si, { ...s, name }))}
            <PathError issues={issues} at={`sections.${si}.id`} />
            <button
              type="button"
              className="link"
              disabled={draft.sections.length === 1}
              onClick={() => setDraft({ ...draft, sections: draft.sections.filter((_, i) => i !== si) })}
            >
              {text('removeSection')}
            </button>
          </div>
          <PathError issues={issues} at={`sections.${si}.criteria`} />
          <table className="qa-criteria">
            <tbody>
              {s.criteria.map((c, ci) => {
                const at = `sections.${si}.criteria.${ci}`;
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: ids are edited in place; a row's place is its identity while editing.
                  <tr key={ci} data-testid={`qa-criterion-${si}-${ci}`}>
                    <td>
                      <input
                        name={`${at}.id`}
                        aria-label={text('criterionId')}
                        value={c.id}
                        maxLength={48}
                        onChange={(e) => setCriterion(si, ci, { ...c, id: e.target.value })}
                      />
                      <PathError issues={issues} at={`${at}.id`} />
                    </td>
                    {LANGS.map((l) => (
                      <td key={l}>
                        <input
                          name={`${at}.name.${l}`}
                          aria-label={text(l === 'zh' ? 'nameZh' : 'nameEn')}
                          placeholder={text(l === 'zh' ? 'nameZh' : 'nameEn')}
                          value={c.name[l]}
                          maxLength={200}
                          onChange={(e) =>
                            setCriterion(si, ci, { ...c, name: { ...c.name, [l]: e.target.value } })
                          }
                        />
                        <PathError issues={issues} at={`${at}.name.${l}`} />
                      </td>
                    ))}
                    <td>
                      <label className="inline">
                        {text('pointsLabel')}{' '}
                        <input
                          type="number"
                          name={`${at}.points`}
                          step={1}
                          value={Number.isNaN(c.points) ? '' : c.points}
                          onChange={(e) => setCriterion(si, ci, { ...c, points: e.target.valueAsNumber })}
                        />
                      </label>
                      <PathError issues={issues} at={`${at}.points`} />
                    </td>
                    <td>
                      <label className="inline">
                        <input
                          type="checkbox"
                          name={`${at}.autoFail`}
                          checked={c.autoFail}
                          onChange={(e) => setCriterion(si, ci, { ...c, autoFail: e.target.checked })}
                        />{' '}
                        {text('autoFail')}
                      </label>
                    </td>
                    <td>
                      <button
                        type="button"
                        className="link"
                        disabled={s.criteria.length === 1}
                        onClick={() =>
                          setSection(si, { ...s, criteria: s.criteria.filter((_, j) => j !== ci) })
                        }
                      >
                        {text('removeCriterion')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <button
            type="button"
            className="secondary"
            data-testid={`qa-add-criterion-${si}`}
            onClick={() =>
              setSection(si, { ...s, criteria: [...s.criteria, criterion(freshId(draft, 'criterion'))] })
            }
          >
            {text('addCriterion')}
          </button>
        </fieldset>
      ))}
      <div className="row">
        <button
          type="button"
          className="secondary"
          data-testid="qa-add-section"
          onClick={() =>
            setDraft({
              ...draft,
              sections: [...draft.sections, section(freshId(draft, 'section'), freshId(draft, 'criterion'))],
            })
          }
        >
          {text('addSection')}
        </button>
        <span className="muted" data-testid="qa-total">
          {text('totalPoints', { total })}
        </span>
        <button type="submit" data-testid="qa-designer-save">
          {base ? text('saveVersion') : text('createForm')}
        </button>
      </div>
      <SaveStatus status={status} testId="qa-designer-status" />
    </form>
  );
}
