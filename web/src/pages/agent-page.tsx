// The agent desktop: state bar on top; on the left the call (offer, live controls, wrap-up) and the
// screen pop with the ticket form; on the right the live queue, click-to-dial, missed calls, my tasks,
// scheduling a callback, and the customer search. No modal dialogs: nothing traps the keyboard.
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { api, type Customer, type Me } from '../api.js';
import { CallPanel } from '../desk/call-panel.js';
import { CampaignQuestionnaire } from '../desk/campaign-questionnaire.js';
import { useDesk } from '../desk/desk-provider.js';
import { DueReminders } from '../desk/due-reminders.js';
import { GuidedScript } from '../desk/guided-script.js';
import { askNotificationPermission } from '../desk/ringer.js';
import { ScheduleCallback } from '../desk/schedule-callback.js';
import { ScreenPop } from '../desk/screen-pop.js';
import { DialPanel, MissedPanel, QueuePanel, TasksPanel } from '../desk/side-panels.js';
import { StateBar } from '../desk/state-bar.js';
import { VoicemailPanel } from '../desk/voicemail-panel.js';
import { FaxesPanel, TextsPanel } from '../desk/work-item.js';
import { deskApi } from '../desk-api.js';
import { useErrorText } from '../errors.js';
import { useLang } from '../i18n.js';
import { Link } from '../link.js';

export function AgentPage({ me }: { me: Me }) {
  const { t } = useLang();
  const { errorText } = useErrorText();
  // Calls ring agents' TaskRouter workers; an account without the agent role has none.
  const isAgent = me.roles.includes('agent');
  const desk = useDesk();
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string }>();
  const [tasksChanged, setTasksChanged] = useState(0);
  // A campaign's call: its questionnaire sits beside the script. The record is the contact's call, or a
  // preview's agent leg, which the desk may know by either leg, so each name it has is tried.
  const campaignCalls = desk.state.pop?.findings.campaign
    ? [
        ...new Set(
          [desk.state.pop.callSid, desk.state.status?.call?.callSid, desk.draft.callSid].filter(
            (sid): sid is string => Boolean(sid),
          ),
        ),
      ]
    : [];

  useEffect(() => {
    // The first click anywhere may ask for notifications (browsers refuse without a gesture).
    const once = () => askNotificationPermission();
    window.addEventListener('click', once, { once: true });
    return () => window.removeEventListener('click', once);
  }, []);

  useEffect(() => {
    if (message?.kind !== 'ok') return;
    const timer = setTimeout(() => setMessage(undefined), 4000);
    return () => clearTimeout(timer);
  }, [message]);

  const run = useCallback(
    async (label: string, action: () => Promise<unknown>) => {
      try {
        await action();
        setMessage({ kind: 'ok', text: `${label} ✓` });
      } catch (error) {
        setMessage({ kind: 'error', text: `${label}: ${errorText(error)}` });
      }
      await desk.refresh();
    },
    [desk.refresh, errorText],
  );
  const callBack = (phone: string) => {
    desk.expectCall();
    void run(t('dial'), () => deskApi.dial(phone));
  };

  const toast = message && (
    <p
      className={`toast ${message.kind}`}
      role={message.kind === 'error' ? 'alert' : 'status'}
      data-testid="toast"
    >
      {message.text}{' '}
      <button type="button" className="link" onClick={() => setMessage(undefined)} aria-label={t('dismiss')}>
        ×
      </button>
    </p>
  );
  if (!isAgent) {
    if (!me.roles.includes('supervisor')) return <p className="error">{t('needsAgent')}</p>;
    // A supervisor without the agent role takes no calls here, but the mailboxes (every box is theirs to
    // hear and hand out), customer search and their own tasks are still their work.
    return (
      <div className="desk">
        <p className="muted" data-testid="not-an-agent">
          {t('needsAgent')}
        </p>
        {toast}
        <div className="desk-grid">
          <div className="desk-main">
            <CustomerSearch />
          </div>
          <aside className="desk-side">
            <VoicemailPanel me={me} run={run} onDial={desk.expectCall} />
            <TasksPanel reload={tasksChanged} run={run} onCallBack={callBack} />
          </aside>
        </div>
      </div>
    );
  }
  return (
    // Another tab owns the phone: this one shows the desk but acts on nothing until "use here".
    <div className="desk" inert={desk.readOnly}>
      <StateBar
        desk={desk.state}
        onChanged={() => void desk.refresh()}
        onError={(text) => setMessage({ kind: 'error', text })}
      />
      <DueReminders reload={tasksChanged} onCallBack={callBack} />
      {toast}
      <div className="desk-grid">
        <div className="desk-main">
          <CallPanel desk={desk} run={run} />
          {desk.state.pop ? (
            <ScreenPop
              agentName={me.name}
              pop={desk.state.pop}
              draft={desk.draft}
              customerCallSid={desk.state.status?.call?.callSid}
            />
          ) : (
            !desk.state.offer && (
              <section className="card idle" data-testid="idle">
                <p>
                  {desk.state.status?.state === 'Available' ? t('waitingForCalls') : t('becomeAvailable')}
                </p>
              </section>
            )
          )}
          {desk.state.pop && (
            // A new task is a new walk; the pop's call id may arrive mid-call, the task's never changes.
            <GuidedScript
              key={desk.state.pop.taskSid ?? 'call'}
              pop={desk.state.pop}
              customerCallSid={desk.state.status?.call?.callSid}
            />
          )}
          {campaignCalls.length > 0 && (
            <CampaignQuestionnaire key={campaignCalls.join(' ')} callSids={campaignCalls} />
          )}
          <CustomerSearch />
        </div>
        <aside className="desk-side">
          <TextsPanel />
          <FaxesPanel />
          <QueuePanel me={me.id} run={run} onPick={desk.expectCall} />
          <DialPanel
            run={run}
            onDial={desk.expectCall}
            onCallColleague={desk.callColleague}
            internalCall={desk.state.status?.internalCall}
          />
          <MissedPanel onCallBack={callBack} />
          <VoicemailPanel me={me} run={run} onDial={desk.expectCall} />
          <TasksPanel reload={tasksChanged} run={run} onCallBack={callBack} />
          <ScheduleCallback
            me={me.id}
            pop={desk.state.pop}
            onScheduled={() => setTasksChanged((n) => n + 1)}
          />
        </aside>
      </div>
    </div>
  );
}

// Remembered for this tab, so "back to search" shows the same results.
const LAST_QUERY = 'cc-last-query';

function CustomerSearch() {
  const { t, tx } = useLang();
  const { errorText } = useErrorText();
  const [query, setQuery] = useState(() => sessionStorage.getItem(LAST_QUERY) ?? '');
  const [results, setResults] = useState<readonly Customer[]>();
  const [error, setError] = useState<string>();

  const search = async (q: string) => {
    sessionStorage.setItem(LAST_QUERY, q);
    setError(undefined);
    try {
      setResults((await api.searchCustomers(q)).items);
    } catch (err) {
      setError(errorText(err));
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (query.trim()) void search(query.trim());
  };

  return (
    <section className="card">
      <h2>{t('customerSearch')}</h2>
      <form className="search" onSubmit={submit}>
        <input
          name="q"
          value={query}
          placeholder={t('searchHint')}
          aria-label={t('searchHint')}
          onChange={(e) => setQuery(e.target.value)}
        />
        <button type="submit">{t('search')}</button>
      </form>
      {error && <p className="error">{error}</p>}
      {results && results.length === 0 && <p className="muted">{t('noResults')}</p>}
      {results && results.length > 0 && (
        <ul className="results" data-testid="results">
          {results.map((c) => (
            <li key={c.id}>
              <Link to={`/agent/customers/${encodeURIComponent(c.id)}`}>{c.name}</Link>{' '}
              <span className="muted">
                {c.phones.join(' · ')}
                {c.company ? ` · ${c.company}` : ''}
              </span>
              {c.vipTier !== 'none' && <span className="tag">VIP {tx(`tier_${c.vipTier}`)}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
