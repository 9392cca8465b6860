// A customer's timeline on their record: every call (with the outcome and notes the agent saved),
// recording, voicemail, text, ticket and note, task and fax, newest first, on the center's clock. Audio
// plays through the audited playback routes where the reader may play it.
import { useEffect, useState } from 'react';
import { api, type TimelineEntry } from '../api.js';
import { formatCenterTime } from '../center-time.js';
import { centerNow } from '../center-zone.js';
import { PlayButton } from '../desk/play-button.js';
import { formatDuration } from '../desk/state-bar.js';
import { codeName, useErrorText } from '../errors.js';
import { useLang } from '../i18n.js';
import { voicemailApi } from '../voicemail-api.js';

export function CustomerTimeline({ customerId }: { customerId: string }) {
  const { t } = useLang();
  const { errorText } = useErrorText();
  const [page, setPage] = useState<{ items: TimelineEntry[]; timeZone: string }>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    setPage(undefined);
    api.timeline(customerId).then(setPage, (err: unknown) => setError(errorText(err)));
  }, [customerId, errorText]);
  return (
    <section className="card">
      <h2>{t('timeline')}</h2>
      {error && <p className="error">{error}</p>}
      {!page && !error && <p className="muted">{t('loading')}</p>}
      {page?.items.length === 0 && <p className="muted">{t('timelineEmpty')}</p>}
      <ol className="timeline" data-testid="timeline">
        {page?.items.map((entry) => (
          <li key={`${entry.kind}:${entry.at}:${keyOf(entry)}`} data-kind={entry.kind}>
            <Item entry={entry} timeZone={page.timeZone} />
          </li>
        ))}
      </ol>
    </section>
  );
}

function keyOf(e: TimelineEntry): string {
  switch (e.kind) {
    case 'call':
      return e.callSid;
    case 'recording':
      return e.sid;
    case 'voicemail':
      return e.recordingSid;
    case 'sms':
      return e.sid;
    case 'ticket':
      return e.number;
    case 'note':
      return `${e.ticketNumber}:${e.text.slice(0, 20)}`;
    case 'task':
    case 'fax':
      return e.id;
  }
}

function Item({ entry: e, timeZone }: { entry: TimelineEntry; timeZone: string }) {
  const { t, tx, lang } = useLang();
  const when = (
    <span className="muted">{formatCenterTime(Date.parse(e.at), timeZone, lang, centerNow())}</span>
  );
  const agent = (id?: string) => (id ? ` · ${t('tl_agent')} ${id}` : '');
  switch (e.kind) {
    case 'call': {
      const outcome = e.disposition
        ? (e.dispositionLabel?.[lang] ?? codeName('disposition', e.disposition, lang))
        : undefined;
      return (
        <>
          {when} <strong>{t(e.direction === 'inbound' ? 'tl_inboundCall' : 'tl_outboundCall')}</strong>{' '}
          {e.direction === 'inbound' ? e.from : e.to}
          {agent(e.agentId)}
          {e.durationSeconds !== undefined ? ` · ${formatDuration(e.durationSeconds)}` : ''}
          {outcome && (
            <>
              {' '}
              <span className="tag" data-testid="outcome">
                {outcome}
              </span>
            </>
          )}
          {e.ticketNumbers.length > 0 && ` · ${e.ticketNumbers.join(', ')}`}
          {e.notes && <div className="timeline-notes">{e.notes}</div>}
        </>
      );
    }
    case 'recording':
      return (
        <>
          {when} <strong>{t('tl_recording')}</strong> {formatDuration(e.durationSeconds)}
          {agent(e.agentId)}{' '}
          {e.playable ? (
            <PlayButton load={() => api.playback(e.sid)} />
          ) : (
            <span className="muted small">{t('tl_notYours')}</span>
          )}
        </>
      );
    case 'voicemail':
      return (
        <>
          {when} <strong>{t('tl_voicemail')}</strong> {formatDuration(e.durationSeconds)} ·{' '}
          {tx(`vmReason_${e.reason}`)} · {e.mailbox}{' '}
          {e.playable ? (
            <PlayButton load={() => voicemailApi.playback(e.recordingSid)} />
          ) : (
            <span className="muted small">{t('tl_notYours')}</span>
          )}
        </>
      );
    case 'sms':
      return (
        <>
          {when} <strong>{t(e.direction === 'inbound' ? 'tl_smsIn' : 'tl_smsOut')}</strong>
          {agent(e.agentId)}
          <div className="timeline-notes">{e.body}</div>
        </>
      );
    case 'ticket':
      return (
        <>
          {when} <strong>{t('tl_ticket')}</strong> {e.number}{' '}
          <span className="tag">{tx(`type_${e.ticketType}`)}</span> <span className="tag">{e.status}</span>{' '}
          {e.subject}
        </>
      );
    case 'note':
      return (
        <>
          {when} <strong>{t('tl_note')}</strong> {e.ticketNumber} · {e.by}
          <div className="timeline-notes">{e.text}</div>
        </>
      );
    case 'task':
      return (
        <>
          {when} <strong>{tx(`task_${e.taskKind}`)}</strong> · {t('tl_due')}{' '}
          {formatCenterTime(Date.parse(e.dueAt), timeZone, lang, centerNow())} ·{' '}
          {tx(`taskStatus_${e.status}`)}
          {e.assigneeId ? agent(e.assigneeId) : ''}
          {e.ticketNumber ? ` · ${e.ticketNumber}` : ''}
          {e.note && <div className="timeline-notes">{e.note}</div>}
        </>
      );
    case 'fax':
      return (
        <>
          {when} <strong>{t('tl_fax')}</strong>
          {e.pages !== undefined ? ` · ${e.pages} ${t('tl_pages')}` : ''}
          {e.ticketNumber ? ` · ${e.ticketNumber}` : ''}
        </>
      );
  }
}
