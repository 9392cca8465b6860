// The new campaign form: name, mode, caller id and queue (from the center's own lists), priority, language,
// the calling window, retries per outcome, what a machine gets, the pacing limits and the dispositions
// (the defaults prefilled). Numbers go as typed: the server checks every range and each refusal is shown
// beside its field in the page's language.
import { type FormEvent, useState } from 'react';
import {
  DIAL_MODES,
  type DialMode,
  RETRYABLE_OUTCOMES,
} from '../../../functions/domain/campaigns/campaign.js';
import { codeName, useErrorText } from '../errors.js';
import { PathError, type PathIssues, pathIssues } from '../path-issues.js';
import { SaveStatus } from '../save-status.js';
import { blank, type Draft, type Machine, settingsOf, WEEKDAYS } from './campaign-draft.js';
import { type Campaign, type CampaignChoices, campaignsApi } from './campaigns-api.js';
import { DispositionsEditor } from './dispositions-editor.js';
import { useCampaignText } from './use-campaign-text.js';

export function CampaignForm({
  choices,
  onCreated,
}: {
  choices: CampaignChoices;
  onCreated: (campaign: Campaign) => void;
}) {
  const { c, cx, lang } = useCampaignText();
  const { errorText } = useErrorText();
  const [draft, setDraft] = useState<Draft>(() => blank(choices));
  const [issues, setIssues] = useState<PathIssues>({});
  const [status, setStatus] = useState<{ ok: boolean; text: string }>();
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const made = await campaignsApi.create(settingsOf(draft));
      setIssues({});
      setStatus({ ok: true, text: c('created', { name: made.name }) });
      setDraft(blank(choices));
      onCreated(made);
    } catch (err) {
      const found = pathIssues(err, lang);
      setIssues(found);
      setStatus({ ok: false, text: errorText(err) });
    } finally {
      setBusy(false);
    }
  };

  const err = (at: string) => <PathError issues={issues} at={at} />;
  return (
    <form className="card campaign-form" onSubmit={(e) => void submit(e)} data-testid="campaign-form">
      <h2>{c('newCampaign')}</h2>
      <div className="fields">
        <label>
          {c('name')}
          <input name="name" value={draft.name} onChange={(e) => set('name', e.target.value)} />
          {err('name')}
        </label>
        <label>
          {c('mode')}
          <select name="mode" value={draft.mode} onChange={(e) => set('mode', e.target.value as DialMode)}>
            {DIAL_MODES.map((m) => (
              <option key={m} value={m}>
                {cx(`mode_${m}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {c('callerId')}
          <select name="callerId" value={draft.callerId} onChange={(e) => set('callerId', e.target.value)}>
            {choices.callerIds.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
          {err('callerId')}
        </label>
        <label>
          {c('queue')}
          <select name="queue" value={draft.queue} onChange={(e) => set('queue', e.target.value)}>
            {choices.queues.map((q) => (
              <option key={q} value={q}>
                {codeName('queue', q, lang)}
              </option>
            ))}
          </select>
          {err('queue')}
        </label>
        <label>
          {c('priority')}
          <input
            name="priority"
            inputMode="numeric"
            size={4}
            value={draft.priority}
            onChange={(e) => set('priority', e.target.value)}
          />
          {err('priority')}
        </label>
        <label>
          {c('language')}
          <select
            name="language"
            value={draft.language}
            onChange={(e) => set('language', e.target.value as 'zh' | 'en')}
          >
            <option value="zh">{c('lang_zh')}</option>
            <option value="en">{c('lang_en')}</option>
          </select>
        </label>
        <label>
          {c('script')}
          <select name="scriptId" value={draft.scriptId} onChange={(e) => set('scriptId', e.target.value)}>
            <option value="">{c('scriptOfLine')}</option>
            {choices.scripts.map((s) => (
              <option key={s.name} value={s.name}>
                {s.titles[lang]}
              </option>
            ))}
          </select>
          {err('scriptId')}
        </label>
        <label>
          {c('questionnaire')}
          <select
            name="questionnaireId"
            value={draft.questionnaireId}
            onChange={(e) => set('questionnaireId', e.target.value)}
          >
            <option value="">{c('noQuestionnaire')}</option>
            {choices.questionnaires.map((q) => (
              <option key={q.id} value={q.id}>
                {q.name[lang]}
              </option>
            ))}
          </select>
          {err('questionnaireId')}
        </label>
      </div>
      <fieldset>
        <legend>{c('window')}</legend>
        <div className="fields">
          <label>
            {c('windowStart')}
            <input
              name="window.start"
              type="time"
              value={draft.start}
              onChange={(e) => set('start', e.target.value)}
            />
            {err('window.start')}
          </label>
          <label>
            {c('windowEnd')}
            <input
              name="window.end"
              type="time"
              value={draft.end}
              onChange={(e) => set('end', e.target.value)}
            />
            {err('window.end')}
          </label>
          <fieldset className="days">
            <legend>{c('days')}</legend>
            {WEEKDAYS.map((d) => (
              <label key={d} className="inline">
                <input
                  type="checkbox"
                  name={`day-${d}`}
                  checked={draft.days.includes(d)}
                  onChange={(e) =>
                    set(
                      'days',
                      e.target.checked ? [...draft.days, d].sort() : draft.days.filter((x) => x !== d),
                    )
                  }
                />
                {cx(`day_${d}`)}
              </label>
            ))}
            {err('window.weekdays')}
          </fieldset>
        </div>
      </fieldset>
      <fieldset>
        <legend>{c('retry')}</legend>
        <div className="fields">
          <label>
            {c('maxAttempts')}
            <input
              name="retry.maxAttempts"
              inputMode="numeric"
              size={4}
              value={draft.maxAttempts}
              onChange={(e) => set('maxAttempts', e.target.value)}
            />
            {err('retry.maxAttempts')}
          </label>
          {RETRYABLE_OUTCOMES.map((o) => (
            <label key={o}>
              {`${c('retryMinutes')} · ${cx(`outcome_${o}`)}`}
              <input
                name={`retry.minutes.${o}`}
                inputMode="numeric"
                size={6}
                value={draft.minutes[o]}
                onChange={(e) => set('minutes', { ...draft.minutes, [o]: e.target.value })}
              />
              {err(`retry.${o}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="fields">
        <label>
          {c('machine')}
          <select
            name="machine"
            value={draft.machine}
            onChange={(e) => set('machine', e.target.value as Machine)}
          >
            {(['retry', 'message', 'hang-up'] as const).map((m) => (
              <option key={m} value={m}>
                {cx(`machine_${m}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {c('abandonCap')}
          <input
            name="abandonCap"
            inputMode="decimal"
            size={5}
            value={draft.abandonPercent}
            onChange={(e) => set('abandonPercent', e.target.value)}
          />
          {err('abandonCap')}
        </label>
        <label>
          {c('maxHoldSeconds')}
          <input
            name="maxHoldSeconds"
            inputMode="numeric"
            size={4}
            value={draft.maxHoldSeconds}
            onChange={(e) => set('maxHoldSeconds', e.target.value)}
          />
          {err('maxHoldSeconds')}
        </label>
      </div>
      {(draft.mode === 'broadcast' || draft.machine === 'message') && (
        <div className="fields">
          <label>
            {c('messageZh')}
            <textarea
              name="message.zh"
              rows={2}
              value={draft.messageZh}
              onChange={(e) => set('messageZh', e.target.value)}
            />
            {err('message.zh')}
          </label>
          <label>
            {c('messageEn')}
            <textarea
              name="message.en"
              rows={2}
              value={draft.messageEn}
              onChange={(e) => set('messageEn', e.target.value)}
            />
            {err('message.en')}
          </label>
        </div>
      )}
      <DispositionsEditor
        value={draft.dispositions}
        onChange={(d) => set('dispositions', d)}
        issues={issues}
      />
      <button type="submit" disabled={busy || !choices.callerIds.length} data-testid="campaign-create">
        {c('create')}
      </button>
      <SaveStatus status={status} testId="campaign-create-status" />
    </form>
  );
}
