// The form that makes a bulk send's draft: a name, the message (an SMS template or a text of its own in
// both languages), who it goes to (a customer segment, a campaign's contacts or an uploaded CSV list), the
// pace and the quiet hours. The server checks it and answers with the draft's counts and first texts.
import { type FormEvent, useEffect, useState } from 'react';
import { VIP_TIERS } from '../../../functions/domain/model.js';
import { useErrorText } from '../errors.js';
import { useLang } from '../i18n.js';
import { BULK_SMS_LABELS, type BulkSmsLabel } from '../labels-bulk-sms.js';
import { type SmsTemplate, smsApi } from '../sms-api.js';
import { readUtf8File, refusalText } from '../text-file.js';
import {
  type BulkAudience,
  type BulkRecipient,
  type BulkSmsView,
  bulkSmsApi,
  type CampaignChoice,
} from './bulk-sms-api.js';

type AudienceKind = BulkAudience['kind'];

export function useBulkText() {
  const { lang } = useLang();
  return { b: (key: BulkSmsLabel) => BULK_SMS_LABELS[key][lang], lang };
}

export function BulkSmsForm({
  onCreated,
}: {
  onCreated: (send: BulkSmsView, preview: readonly BulkRecipient[]) => void;
}) {
  const { b, lang } = useBulkText();
  const { tx } = useLang();
  const { errorText } = useErrorText();
  const [templates, setTemplates] = useState<readonly SmsTemplate[]>([]);
  const [campaigns, setCampaigns] = useState<readonly CampaignChoice[]>([]);
  const [name, setName] = useState('');
  const [useTemplate, setUseTemplate] = useState(true);
  const [templateId, setTemplateId] = useState('');
  const [text, setText] = useState({ zh: '', en: '' });
  const [kind, setKind] = useState<AudienceKind>('segment');
  const [segment, setSegment] = useState({ tier: '', region: '', after: '', before: '' });
  const [campaignId, setCampaignId] = useState('');
  const [csv, setCsv] = useState<{ text: string; fileName: string }>();
  const [fileRefused, setFileRefused] = useState(false);
  const [language, setLanguage] = useState<'zh' | 'en'>('zh');
  const [rate, setRate] = useState(60);
  const [quiet, setQuiet] = useState({ from: '21:00', until: '08:00' });
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    smsApi.templates().then(
      (s) => setTemplates(s.templates),
      () => setTemplates([]),
    );
    bulkSmsApi.campaigns().then(
      (c) => setCampaigns(c.items),
      () => setCampaigns([]),
    );
  }, []);

  const audience = (): BulkAudience => {
    if (kind === 'campaign') return { kind, campaignId };
    if (kind === 'csv') return { kind, csv: csv?.text ?? '', ...(csv ? { fileName: csv.fileName } : {}) };
    return {
      kind,
      ...(segment.tier ? { tier: segment.tier as (typeof VIP_TIERS)[number] } : {}),
      ...(segment.region.trim() ? { region: segment.region.trim() } : {}),
      ...(segment.after ? { lastContactAfter: segment.after } : {}),
      ...(segment.before ? { lastContactBefore: segment.before } : {}),
    };
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // A file chosen but refused (not UTF-8, empty) keeps its own reason: "choose a file" would be wrong.
    if (kind === 'csv' && !csv) {
      if (!fileRefused) setError(b('chooseCsvFirst'));
      return;
    }
    setBusy(true);
    try {
      const made = await bulkSmsApi.create({
        name,
        message: useTemplate ? { kind: 'template', templateId } : { kind: 'text', text },
        audience: audience(),
        language,
        ratePerMinute: rate,
        quietHours: quiet,
      });
      setError(undefined);
      onCreated(made.send, made.preview);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const readFile = async (file: File | undefined) => {
    const read = file ? await readUtf8File(file) : undefined;
    setCsv(file && read?.ok ? { text: read.text, fileName: file.name } : undefined);
    setFileRefused(Boolean(file && read && !read.ok));
    setError(file && read && !read.ok ? refusalText(file, read.issue, lang) : undefined);
  };

  return (
    <form className="card" data-testid="bulk-sms-form" onSubmit={(e) => void submit(e)}>
      <h2>{b('newSend')}</h2>
      <label>
        {b('name')}
        <input
          data-testid="bulk-name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
          maxLength={60}
        />
      </label>
      <fieldset>
        <legend>{b('message')}</legend>
        <label className="inline">
          <input type="radio" checked={useTemplate} onChange={() => setUseTemplate(true)} />{' '}
          {b('useTemplate')}
        </label>{' '}
        <label className="inline">
          <input
            type="radio"
            data-testid="bulk-own-text"
            checked={!useTemplate}
            onChange={() => setUseTemplate(false)}
          />{' '}
          {b('ownText')}
        </label>
        {useTemplate ? (
          <label>
            {b('template')}
            <select
              data-testid="bulk-template"
              value={templateId}
              onChange={(e) => setTemplateId(e.target.value)}
            >
              <option value="">{b('chooseTemplate')}</option>
              {templates.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name[lang]}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <>
            {(['zh', 'en'] as const).map((l) => (
              <label key={l}>
                {b(l === 'zh' ? 'textZh' : 'textEn')}
                <textarea
                  data-testid={`bulk-text-${l}`}
                  value={text[l]}
                  onChange={(e) => setText({ ...text, [l]: e.target.value })}
                  maxLength={1000}
                  rows={3}
                />
              </label>
            ))}
            <p className="muted">{b('variablesHint')}</p>
          </>
        )}
      </fieldset>
      <fieldset>
        <legend>{b('audience')}</legend>
        {(['segment', 'campaign', 'csv'] as const).map((k) => (
          <label className="inline" key={k}>
            <input
              type="radio"
              data-testid={`bulk-audience-${k}`}
              checked={kind === k}
              onChange={() => setKind(k)}
            />{' '}
            {b(
              k === 'segment' ? 'audienceSegment' : k === 'campaign' ? 'audienceCampaign' : 'audienceCsv',
            )}{' '}
          </label>
        ))}
        {kind === 'segment' && (
          <div className="row">
            <label className="inline">
              {b('tier')}{' '}
              <select
                data-testid="bulk-tier"
                value={segment.tier}
                onChange={(e) => setSegment({ ...segment, tier: e.target.value })}
              >
                <option value="">{b('anyTier')}</option>
                {VIP_TIERS.map((t) => (
                  <option key={t} value={t}>
                    {tx(`tier_${t}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="inline">
              {b('region')}{' '}
              <input
                data-testid="bulk-region"
                value={segment.region}
                onChange={(e) => setSegment({ ...segment, region: e.target.value })}
                maxLength={60}
              />
            </label>
            <label className="inline">
              {b('lastContactAfter')}{' '}
              <input
                type="date"
                value={segment.after}
                onChange={(e) => setSegment({ ...segment, after: e.target.value })}
              />
            </label>
            <label className="inline">
              {b('lastContactBefore')}{' '}
              <input
                type="date"
                value={segment.before}
                onChange={(e) => setSegment({ ...segment, before: e.target.value })}
              />
            </label>
          </div>
        )}
        {kind === 'campaign' && (
          <label>
            {b('campaign')}
            <select
              data-testid="bulk-campaign"
              value={campaignId}
              onChange={(e) => setCampaignId(e.target.value)}
            >
              <option value="">{b('chooseCampaign')}</option>
              {campaigns.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name} ({c.contacts})
                </option>
              ))}
            </select>
          </label>
        )}
        {kind === 'csv' && (
          <label>
            {b('csvFile')}
            <input
              type="file"
              data-testid="bulk-csv"
              accept=".csv,text/csv"
              onChange={(e) => void readFile(e.target.files?.[0])}
            />
          </label>
        )}
      </fieldset>
      <div className="row">
        <label className="inline">
          {b('defaultLanguage')}{' '}
          <select value={language} onChange={(e) => setLanguage(e.target.value as 'zh' | 'en')}>
            <option value="zh">中文</option>
            <option value="en">English</option>
          </select>
        </label>
        <label className="inline">
          {b('rate')}{' '}
          <input
            type="number"
            data-testid="bulk-rate"
            min={1}
            max={600}
            value={rate}
            onChange={(e) => setRate(Number(e.target.value))}
          />
        </label>
        <label className="inline">
          {b('quietFrom')}{' '}
          <input
            type="time"
            value={quiet.from}
            onChange={(e) => setQuiet({ ...quiet, from: e.target.value })}
          />
        </label>
        <label className="inline">
          {b('quietUntil')}{' '}
          <input
            type="time"
            value={quiet.until}
            onChange={(e) => setQuiet({ ...quiet, until: e.target.value })}
          />
        </label>
      </div>
      <p className="muted">{b('quietHint')}</p>
      {error && (
        <p className="error" role="alert" data-testid="bulk-error">
          {error}
        </p>
      )}
      <button type="submit" data-testid="bulk-make-draft" disabled={busy}>
        {b('makeDraft')}
      </button>
    </form>
  );
}
