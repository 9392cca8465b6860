// The review queue: agents' recorded calls of a date range (newest first), filtered by agent, each with
// its scores; opening one shows the score sheet.
import { useCallback, useEffect, useState } from 'react';
import { CenterTime } from '../center-zone.js';
import { useErrorText } from '../errors.js';
import { useLang } from '../i18n.js';
import { percentOf } from './format.js';
import { type QueueItem, qualityApi, type StoredRecording } from './quality-api.js';
import { ScoreSheet } from './score-sheet.js';
import { useQualityText } from './use-quality-text.js';

export function ReviewQueue({ range }: { range: { from: string; to: string } }) {
  const text = useQualityText();
  const { lang } = useLang();
  const { errorText } = useErrorText();
  const [agent, setAgent] = useState('');
  const [filter, setFilter] = useState('');
  const [sample, setSample] = useState('');
  const [applied, setApplied] = useState('');
  const [items, setItems] = useState<QueueItem[]>();
  const [error, setError] = useState<string>();
  const [open, setOpen] = useState<StoredRecording>();

  const load = useCallback(() => {
    qualityApi
      .queue({ ...range, ...(filter ? { agent: filter } : {}), ...(applied ? { sample: applied } : {}) })
      .then(
        (page) => {
          setItems(page.items);
          setError(undefined);
        },
        (e: unknown) => setError(errorText(e)),
      );
  }, [range, filter, applied, errorText]);
  useEffect(load, [load]);

  if (open) return <ScoreSheet recording={open} onClose={() => setOpen(undefined)} onSaved={load} />;
  return (
    <section className="card" data-testid="qa-queue">
      <form
        className="fields"
        onSubmit={(e) => {
          e.preventDefault();
          if (agent.trim() === filter && sample === applied) load();
          else {
            setFilter(agent.trim());
            setApplied(sample);
          }
        }}
      >
        <label>
          {text('agent')}
          <input
            name="agent"
            value={agent}
            placeholder={text('anyAgent')}
            onChange={(e) => setAgent(e.target.value)}
          />
        </label>
        <label>
          {text('samplePerWeek')}
          <input
            name="sample"
            type="number"
            min={0}
            max={50}
            value={sample}
            placeholder={text('allCalls')}
            onChange={(e) => setSample(e.target.value)}
          />
        </label>
        <button type="submit">{text('show')}</button>
      </form>
      {error && <p className="error">{error}</p>}
      {items && items.length === 0 && <p className="muted">{text('noCalls')}</p>}
      {items && items.length > 0 && (
        <table className="report-table">
          <thead>
            <tr>
              <th>{text('startedAt')}</th>
              <th>{text('agent')}</th>
              <th>{text('caller')}</th>
              <th>{text('duration')}</th>
              <th>{text('scores')}</th>
              <th>{text('flagged')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {items.map(({ recording: r, scores, transcript, reasons }) => (
              <tr key={r.sid} data-testid="qa-queue-row" data-sid={r.sid}>
                <td>
                  <CenterTime at={r.startedAt} />
                </td>
                <td>{r.agentId}</td>
                <td>{r.caller ?? ''}</td>
                <td>{r.durationSeconds} s</td>
                <td data-testid="qa-row-scores">
                  {scores.length
                    ? scores.map((s) => percentOf(s.result.percent)).join(' / ')
                    : text('notScored')}
                </td>
                <td data-testid="qa-row-flags">
                  {reasons?.map((r) => (
                    <span key={r} className="qa-flag reason">
                      {text(`reason_${r}`)}
                    </span>
                  ))}
                  {transcript?.flags.map((f) => (
                    <span key={f.ruleId} className={`qa-flag ${f.kind}`}>
                      {f.kind === 'missing' ? text('missingPhrase') : text('saidPhrase')} {f.name[lang]}
                    </span>
                  ))}
                </td>
                <td>
                  <button type="button" onClick={() => setOpen(r)} data-testid="qa-open">
                    {text('open')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
