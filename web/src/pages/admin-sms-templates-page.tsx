// SMS templates (admins): Chinese and English names and texts using the variables the desk fills. Each text
// is checked as typed with the server's own rules (variables, braces, SMS segments); refusals beside the
// field they name, the versions with a restore below.
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import {
  MAX_SEGMENTS,
  segmentsAtLongest,
  type TextProblem,
  textProblems,
  VARIABLE_NAMES,
} from '../../../functions/domain/sms-templates.js';
import { AdminsOnly } from '../admin/admins-only.js';
import { SettingHistoryBox } from '../admin/setting-history-box.js';
import { useAdminText } from '../admin/use-admin-text.js';
import type { Me } from '../api.js';
import { useErrorText } from '../errors.js';
import { labelOf, useLang } from '../i18n.js';
import type { Lang } from '../lang.js';
import { PathError, type PathIssues, pathIssues } from '../path-issues.js';
import { type SmsTemplate, type SmsTemplatesSetting, smsApi } from '../sms-api.js';
import '../admin/admin.css';
import { SaveStatus } from '../save-status.js';

const LANGS = ['zh', 'en'] as const;
const blank = (n: number): SmsTemplate => ({
  id: `template-${n}`,
  name: { zh: '', en: '' },
  text: { zh: '', en: '' },
});

function problemText(problem: TextProblem, lang: Lang): string {
  const words = labelOf(`issue_${problem.kind}`, lang) ?? problem.kind;
  return problem.kind === 'unknown-variable' ? `{${problem.variable}} ${words}` : words;
}

export function AdminSmsTemplatesPage({ me }: { me: Me }) {
  return (
    <AdminsOnly me={me}>
      <TemplatesAdmin />
    </AdminsOnly>
  );
}

function TemplatesAdmin() {
  const a = useAdminText();
  const { lang } = useLang();
  const { errorText } = useErrorText();
  const [templates, setTemplates] = useState<SmsTemplate[]>();
  const [issues, setIssues] = useState<PathIssues>({});
  const [status, setStatus] = useState<{ ok: boolean; text: string }>();
  const [changes, setChanges] = useState(0);

  const load = useCallback(async () => {
    try {
      setTemplates([...(await smsApi.templates()).templates]);
    } catch (err) {
      setStatus({ ok: false, text: errorText(err) });
    }
  }, [errorText]);
  useEffect(() => {
    void load();
  }, [load]);

  const change = (i: number, next: SmsTemplate) =>
    setTemplates((all) => all?.map((t, j) => (j === i ? next : t)));
  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!templates) return;
    try {
      setTemplates([...(await smsApi.replaceTemplates({ templates })).templates]);
      setIssues({});
      setStatus({ ok: true, text: a('saved') });
      setChanges((n) => n + 1);
    } catch (err) {
      const found = pathIssues(err, lang);
      setIssues(found);
      setStatus({ ok: false, text: Object.keys(found).length ? a('fixFields') : errorText(err) });
    }
  };

  return (
    <div className="templates-page">
      <form className="card" onSubmit={(e) => void save(e)} data-testid="sms-templates">
        <h1>{a('templatesTitle')}</h1>
        <p className="muted small">
          {a('templatesHelp', { segments: MAX_SEGMENTS })}{' '}
          {VARIABLE_NAMES.map((v) => (
            <code key={v} title={a(`variable_${v}`)}>
              {`{${v}}`} {a(`variable_${v}`)}{' '}
            </code>
          ))}
        </p>
        {templates?.length === 0 && <p className="muted">{a('noTemplates')}</p>}
        {templates?.map((template, i) => {
          const at = `templates.${i}`;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: a template's id is edited in place; its place is its identity here.
            <fieldset key={i} className="template" data-testid={`template-${i}`}>
              <legend>{template.name[lang] || template.id}</legend>
              <label className="inline">
                {a('templateId')}{' '}
                <input
                  name="id"
                  required
                  pattern="[a-z0-9][a-z0-9\-]{0,39}"
                  value={template.id}
                  onChange={(e) => change(i, { ...template, id: e.target.value })}
                />
                <PathError issues={issues} at={`${at}.id`} />
              </label>
              {LANGS.map((l) => (
                <label key={l} className="inline">
                  {a(l === 'zh' ? 'nameZh' : 'nameEn')}{' '}
                  <input
                    name={`name-${l}`}
                    required
                    maxLength={40}
                    value={template.name[l]}
                    onChange={(e) =>
                      change(i, { ...template, name: { ...template.name, [l]: e.target.value } })
                    }
                  />
                  <PathError issues={issues} at={`${at}.name.${l}`} />
                </label>
              ))}
              {LANGS.map((l) => {
                const text = template.text[l];
                const live = textProblems(text);
                return (
                  <label key={l}>
                    {a(l === 'zh' ? 'textZh' : 'textEn')}
                    <textarea
                      name={`text-${l}`}
                      required
                      rows={3}
                      value={text}
                      onChange={(e) =>
                        change(i, { ...template, text: { ...template.text, [l]: e.target.value } })
                      }
                    />
                    <span className="muted small" data-testid={`segments-${i}-${l}`}>
                      {a('segments', { n: segmentsAtLongest(text), max: MAX_SEGMENTS })}
                    </span>
                    {live.length > 0 && (
                      <span className="error small" data-testid={`live-${i}-${l}`}>
                        {' '}
                        {live.map((p) => problemText(p, lang)).join(lang === 'zh' ? '；' : '; ')}
                      </span>
                    )}
                    <PathError issues={issues} at={`${at}.text.${l}`} />
                  </label>
                );
              })}
              <button
                type="button"
                className="link"
                onClick={() => setTemplates((all) => all?.filter((_, j) => j !== i))}
              >
                {a('removeTemplate')}
              </button>
            </fieldset>
          );
        })}
        <div className="row">
          <button
            type="button"
            className="secondary"
            disabled={!templates}
            data-testid="add-template"
            onClick={() => setTemplates((all) => [...(all ?? []), blank((all?.length ?? 0) + 1)])}
          >
            {a('addTemplate')}
          </button>
          <button type="submit" disabled={!templates}>
            {a('save')}
          </button>
        </div>
        <SaveStatus status={status} testId="templates-status" />
      </form>
      <SettingHistoryBox<SmsTemplatesSetting>
        setting="sms-templates"
        testId="templates-history"
        summary={(value) =>
          value
            ? value.templates.map((t) => t.name[lang]).join(lang === 'zh' ? '、' : ', ')
            : a('noTemplates')
        }
        changes={changes}
        onRestored={(version) => {
          setStatus({ ok: true, text: a('restored', { version }) });
          setIssues({});
          setChanges((n) => n + 1);
          void load();
        }}
      />
    </div>
  );
}
