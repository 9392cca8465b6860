// The voicemail inbox on the desk: the new messages of the boxes I may open (mine, my queues'; every box
// for supervisors), each with caller, customer, when it was left on the center's clock and how long it is;
// played through the audited playback, called back in one click (a callback task for me, then the
// click-to-dial path and its dialling guard), taken or assigned, and marked handled.
import { useCallback, useState } from 'react';
import type { Me } from '../api.js';
import { formatCenterTime } from '../center-time.js';
import { centerNow } from '../center-zone.js';
import { deskApi } from '../desk-api.js';
import { useLang } from '../i18n.js';
import { type VoicemailItem, type VoicemailPage, voicemailApi } from '../voicemail-api.js';
import { PlayButton } from './play-button.js';
import { usePolled } from './side-panels.js';
import { formatDuration } from './state-bar.js';

type Run = (label: string, action: () => Promise<unknown>) => Promise<void>;

export function VoicemailPanel({ me, run, onDial }: { me: Me; run: Run; onDial: () => void }) {
  const { t } = useLang();
  const [changed, setChanged] = useState(0);
  const load = useCallback(() => voicemailApi.list('new'), []);
  const page = usePolled<VoicemailPage>(load, 15_000, changed, 'voicemails');
  const lead = me.roles.includes('supervisor') || me.roles.includes('admin');
  // Every action reloads the list, whatever became of it: a refusal usually means it changed elsewhere.
  const act = (label: string, action: () => Promise<unknown>) =>
    run(label, async () => {
      try {
        await action();
      } finally {
        setChanged((n) => n + 1);
      }
    });
  return (
    <section className="card" data-testid="voicemails">
      <h2>
        {t('voicemails')} ({page?.items.length ?? '…'})
      </h2>
      <ul className="compact">
        {page?.items.map((v) => (
          <VoicemailRow
            key={v.recordingSid}
            v={v}
            me={me.id}
            lead={lead}
            timeZone={page.timeZone}
            act={act}
            onDial={onDial}
          />
        ))}
        {page?.items.length === 0 && <li className="muted">{t('noVoicemails')}</li>}
      </ul>
    </section>
  );
}

function VoicemailRow({
  v,
  me,
  lead,
  timeZone,
  act,
  onDial,
}: {
  v: VoicemailItem;
  me: string;
  lead: boolean;
  timeZone: string;
  act: Run;
  onDial: () => void;
}) {
  const { t, lang } = useLang();
  const [assignee, setAssignee] = useState('');
  const mine = v.mailbox === `agent:${me}`;
  const [kind, name] = v.mailbox.split(':');
  const box = mine ? t('myMailbox') : `${kind === 'queue' ? t('queueMailbox') : t('agentMailbox')} ${name}`;
  const callBack = () =>
    act(t('callBack'), async () => {
      await voicemailApi.callBack(v.recordingSid);
      onDial();
      await deskApi.dial(v.caller);
    });
  return (
    <li data-testid={`voicemail-${v.recordingSid}`}>
      <strong>{v.caller}</strong> · {v.customerName ?? <span className="muted">{t('unknownCustomer')}</span>}{' '}
      <span className="tag">{box}</span>
      <div className="muted small">
        {t('leftAt')} {formatCenterTime(Date.parse(v.createdAt), timeZone, lang, centerNow())} ·{' '}
        {formatDuration(v.durationSeconds)}
      </div>
      {v.stored ? (
        <PlayButton load={() => voicemailApi.playback(v.recordingSid)} />
      ) : (
        <div className="muted small">{t('notStoredYet')}</div>
      )}
      <span className="task-actions">
        <button type="button" className="small-btn" onClick={() => void callBack()}>
          {t('callBack')}
        </button>
        <button
          type="button"
          className="small-btn secondary"
          onClick={() => void act(t('markHandled'), () => voicemailApi.markHandled(v.recordingSid))}
        >
          {t('markHandled')}
        </button>
        {!mine && !lead && (
          <button
            type="button"
            className="small-btn secondary"
            onClick={() => void act(t('takeIt'), () => voicemailApi.assign(v.recordingSid))}
          >
            {t('takeIt')}
          </button>
        )}
      </span>
      {lead && (
        <form
          className="row tight"
          onSubmit={(e) => {
            e.preventDefault();
            if (assignee.trim())
              void act(t('assign'), () => voicemailApi.assign(v.recordingSid, assignee.trim()));
          }}
        >
          <input
            aria-label={t('assignTo')}
            placeholder={t('assignTo')}
            value={assignee}
            onChange={(e) => setAssignee(e.target.value)}
          />
          <button type="submit" className="small-btn secondary">
            {t('assign')}
          </button>
        </form>
      )}
    </li>
  );
}
