// Texting the customer on screen: one of their numbers, a text typed or started from an SMS template filled
// in for them (a variable with no value stays as written for the agent to complete). The server applies the
// dialling policy, the rate limits and the opt-out list.
import { type FormEvent, useEffect, useState } from 'react';
import { fillTemplate } from '../../../functions/domain/sms-templates.js';
import type { CustomerView } from '../api.js';
import { useErrorText } from '../errors.js';
import { useLang } from '../i18n.js';
import type { Lang } from '../lang.js';
import { type SmsTemplate, smsApi } from '../sms-api.js';
import { templateValues } from './template-values.js';

export function SmsReplyBox({ view, agentName }: { view: CustomerView; agentName: string }) {
  const { t } = useLang();
  const { errorText } = useErrorText();
  const { customer } = view;
  const [templates, setTemplates] = useState<readonly SmsTemplate[]>([]);
  const [phone, setPhone] = useState(customer.phones[0] ?? '');
  const [language, setLanguage] = useState<Lang>(customer.language === 'en' ? 'en' : 'zh');
  const [picked, setPicked] = useState('');
  const [body, setBody] = useState('');
  const [status, setStatus] = useState<{ ok: boolean; text: string }>();

  useEffect(() => {
    smsApi.templates().then(
      (s) => setTemplates(s.templates),
      (err: unknown) => setStatus({ ok: false, text: errorText(err) }),
    );
  }, [errorText]);

  const fill = (id: string, lang: Lang) => {
    const template = templates.find((x) => x.id === id);
    if (template) setBody(fillTemplate(template.text[lang], templateValues(view, agentName)));
  };
  const send = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await smsApi.reply(phone, body.trim());
      setStatus({ ok: true, text: t('smsSent') });
      setBody('');
      setPicked('');
    } catch (err) {
      setStatus({ ok: false, text: errorText(err) });
    }
  };

  if (customer.phones.length === 0) return null;
  return (
    <form className="card sms-reply" onSubmit={(e) => void send(e)} data-testid="sms-reply">
      <h2>{t('smsTitle')}</h2>
      <div className="row">
        <label className="inline">
          {t('smsTo')}{' '}
          <select name="phone" value={phone} onChange={(e) => setPhone(e.target.value)}>
            {customer.phones.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
        <label className="inline">
          {t('smsTemplate')}{' '}
          <select
            name="template"
            value={picked}
            onChange={(e) => {
              setPicked(e.target.value);
              fill(e.target.value, language);
            }}
          >
            <option value="">{templates.length ? t('smsPickTemplate') : t('smsNoTemplates')}</option>
            {templates.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name[language]}
              </option>
            ))}
          </select>
        </label>
        <label className="inline">
          {t('smsLanguage')}{' '}
          <select
            name="language"
            value={language}
            onChange={(e) => {
              const lang = e.target.value as Lang;
              setLanguage(lang);
              if (picked) fill(picked, lang);
            }}
          >
            <option value="zh">中文</option>
            <option value="en">English</option>
          </select>
        </label>
      </div>
      <textarea
        name="body"
        required
        rows={4}
        maxLength={1600}
        aria-label={t('smsBody')}
        value={body}
        onChange={(e) => setBody(e.target.value)}
      />
      <div className="row">
        <button type="submit" disabled={!body.trim()}>
          {t('smsSend')}
        </button>
        {status && (
          <span
            className={status.ok ? 'muted' : 'error'}
            role={status.ok ? 'status' : 'alert'}
            data-testid="sms-status"
          >
            {status.text}
          </span>
        )}
      </div>
    </form>
  );
}
