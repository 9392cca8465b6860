// The supervisor console: the wallboard per queue and the agents by state (polled every 3 s), the
// controls for each live call (monitor, whisper, barge, take over, hang up) and each agent (force
// Busy, Available, logout), the callbacks owed this week (callbacks-panel.tsx), refused outbound calls
// and texts (dial-refusals-panel.tsx), the whitelist (whitelist-panel.tsx), blacklist approvals and today's
// audit log.
import { useCallback, useEffect, useState } from 'react';
import { type AuditEntry, api, type Me } from '../api.js';
import { CenterTime } from '../center-zone.js';
import { formatDuration, stateClass } from '../desk/state-bar.js';
import { useSoftphone } from '../desk/use-softphone.js';
import { type BlacklistRequest, type MonitorMode, supervisorApi, type Wallboard } from '../desk-api.js';
import { useErrorText } from '../errors.js';
import { useLang } from '../i18n.js';
import { stateKey } from '../labels-desk.js';
import { CallbacksPanel } from '../supervisor/callbacks-panel.js';
import { DialRefusalsPanel } from '../supervisor/dial-refusals-panel.js';
import { WhitelistPanel } from '../supervisor/whitelist-panel.js';

const POLL_MS = 3000;

export function SupervisorPage({ me }: { me: Me }) {
  const { t, tx } = useLang();
  const { errorText, codeName } = useErrorText();
  const allowed = me.roles.includes('supervisor') || me.roles.includes('admin');
  const phone = useSoftphone(allowed);
  const [board, setBoard] = useState<Wallboard>();
  const [requests, setRequests] = useState<BlacklistRequest[]>([]);
  const [audit, setAudit] = useState<AuditEntry[]>([]);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string }>();
  const [error, setError] = useState<string>();
  // Whose call I am on and how, once the server has agreed: what the badge beside Stop says.
  const [steering, setSteering] = useState<{ agentId: string; mode: MonitorMode | 'take-over' }>();

  const load = useCallback(async () => {
    try {
      setBoard(await supervisorApi.wallboard());
      setError(undefined);
    } catch (err) {
      setError(errorText(err));
    }
    supervisorApi.blacklistRequests().then(
      (r) => setRequests(r.items),
      () => {},
    );
    api.audit().then(
      (r) => setAudit(r.items.slice(-30).reverse()),
      () => {},
    );
  }, [errorText]);

  // A success says so for a few seconds and goes; a refusal stays until the next action replaces it.
  useEffect(() => {
    if (message?.kind !== 'ok') return;
    const timer = setTimeout(() => setMessage(undefined), 4000);
    return () => clearTimeout(timer);
  }, [message]);

  useEffect(() => {
    if (!allowed) return;
    void load();
    const timer = setInterval(() => void load(), POLL_MS);
    return () => clearInterval(timer);
  }, [allowed, load]);

  // The badge goes with my leg: a call that ends, or Stop, leaves nothing to say.
  useEffect(() => {
    if (!phone.liveCallSid) setSteering(undefined);
  }, [phone.liveCallSid]);

  const run = async (label: string, action: () => Promise<unknown>) => {
    try {
      await action();
      setMessage({ kind: 'ok', text: `${label} ✓` });
      return true;
    } catch (err) {
      setMessage({ kind: 'error', text: `${label}: ${errorText(err)}` });
      return false;
    } finally {
      await load();
    }
  };
  const steer = async (agentId: string, mode: MonitorMode | 'take-over', action: () => Promise<unknown>) => {
    phone.expectCall();
    const label = mode === 'take-over' ? t('takeOver') : tx(`mode_${mode}`);
    if (await run(label, action)) setSteering({ agentId, mode });
  };
  const steeredAgent = steering && board?.agents.find((a) => a.agentId === steering.agentId);

  if (!allowed) return <p className="error">{t('needsSupervisor')}</p>;
  return (
    <div className="console">
      <div className="console-head">
        <h1>{t('supervisorConsole')}</h1>
        <span className={`link link-${phone.link}`} data-testid="link-state">
          <span className="dot" /> {tx(`link_${phone.link}`)}
        </span>
        {phone.liveCallSid && (
          <span className="tag live-tag" data-testid="listening">
            {steering
              ? `${tx(`steer_${steering.mode}`)} ${steering.agentId}${steeredAgent?.name ? ` ${steeredAgent.name}` : ''}`
              : t('listening')}{' '}
            <button type="button" className="small-btn danger" onClick={phone.hangup}>
              {t('stopListening')}
            </button>
          </span>
        )}
        <span className="muted small">
          {board ? (
            <>
              {t('updated')} <CenterTime at={board.at} clock />
            </>
          ) : (
            ''
          )}
        </span>
      </div>
      {message && (
        <p className={`toast ${message.kind}`} role="status" data-testid="toast">
          {message.text}
        </p>
      )}
      {error && <p className="error">{error}</p>}
      <section className="tiles" data-testid="wallboard">
        {board?.queues.map((q) => (
          <div
            key={q.queue}
            className={`tile ${q.waiting > 0 ? 'busy' : ''}`}
            data-testid={`queue-${q.queue}`}
          >
            <h3>{codeName('queue', q.queue)}</h3>
            <div className="big-number" data-testid="waiting">
              {q.waiting}
            </div>
            <div className="muted small">{t('waiting')}</div>
            <dl className="tile-stats">
              <dt>{t('longestWait')}</dt>
              <dd data-testid="longest-wait">{formatDuration(q.longestWaitSeconds)}</dd>
              <dt>
                {t('serviceLevel')} ({q.serviceLevelSeconds} s)
              </dt>
              <dd data-testid="service-level">
                {q.serviceLevelToday === null ? '—' : `${Math.round(q.serviceLevelToday * 100)}%`}
              </dd>
              <dt>{t('answered')}</dt>
              <dd>{q.answeredToday}</dd>
              <dt>{t('abandoned')}</dt>
              <dd>{q.abandonedToday}</dd>
              <dt>{t('missedToday')}</dt>
              <dd data-testid="missed-today">{q.missedToday}</dd>
              <dt>{t('availableAgents')}</dt>
              <dd data-testid="available-agents">{q.availableAgents}</dd>
            </dl>
          </div>
        ))}
      </section>
      <section className="card">
        <h2>{t('agents')}</h2>
        <table className="agents" data-testid="agents">
          <thead>
            <tr>
              <th>{t('agent')}</th>
              <th>{t('state')}</th>
              <th>{t('timeInState')}</th>
              <th>{t('currentCall')}</th>
              <th>{t('actions')}</th>
            </tr>
          </thead>
          <tbody>
            {board?.agents.map((a) => (
              <tr key={a.agentId} data-testid={`agent-${a.agentId}`}>
                <td>
                  <strong>{a.agentId}</strong> {a.name}
                  {!a.online && <span className="muted small"> · {t('pageClosed')}</span>}
                  {(a.missedToday ?? 0) > 0 && (
                    <span className="muted small" data-testid="missed-today">
                      {' '}
                      · {t('missedToday')} {a.missedToday}
                    </span>
                  )}
                </td>
                <td>
                  <span className={`state-pill small ${stateClass(a.state)}`} data-testid="state">
                    {tx(stateKey(a.state))}
                    {a.state === 'Away' && a.activity ? ` · ${tx(stateKey(a.activity))}` : ''}
                    {a.breakReason ? ` · ${a.breakReason}` : ''}
                  </span>
                </td>
                <td>{a.secondsInState === undefined ? '' : formatDuration(a.secondsInState)}</td>
                <td>
                  {a.call && (
                    <span data-testid="agent-call" title={a.call.callSid}>
                      {a.call.from}{' '}
                      <span className="muted">{a.call.queue ? codeName('queue', a.call.queue) : ''}</span>
                    </span>
                  )}
                  {a.call && a.call.status !== 'live' && (
                    <span className="muted small" data-testid="call-status">
                      {' '}
                      · {t(a.call.status === 'ringing' ? 'ringingNoControls' : 'wrappingNoControls')}
                    </span>
                  )}
                  {a.call?.status === 'live' && a.call.direct && (
                    <span className="muted small" data-testid="call-status">
                      {' '}
                      · {t('directCallback')}
                    </span>
                  )}
                  {a.call?.callSid && a.call.status === 'live' && !a.call.direct && (
                    <div className="row tight">
                      {(['monitor', 'whisper', 'barge'] as const).map((mode) => (
                        <button
                          type="button"
                          key={mode}
                          data-testid={`mode-${mode}`}
                          className="small-btn"
                          aria-pressed={steering?.agentId === a.agentId && steering.mode === mode}
                          onClick={() => {
                            const sid = a.call?.callSid ?? '';
                            void steer(a.agentId, mode, () => supervisorApi.monitor(sid, mode));
                          }}
                        >
                          {tx(`mode_${mode}`)}
                        </button>
                      ))}
                      <button
                        type="button"
                        className="small-btn"
                        data-testid="take-over"
                        onClick={() => {
                          const sid = a.call?.callSid ?? '';
                          void steer(a.agentId, 'take-over', () => supervisorApi.takeOver(sid));
                        }}
                      >
                        {t('takeOver')}
                      </button>
                      <button
                        type="button"
                        className="small-btn danger"
                        onClick={() => {
                          const sid = a.call?.callSid ?? '';
                          void run(t('forceHangup'), () => supervisorApi.hangup(sid));
                        }}
                      >
                        {t('forceHangup')}
                      </button>
                    </div>
                  )}
                </td>
                <td className="row tight">
                  {(['Busy', 'Available', 'Offline'] as const).map((s) => (
                    <button
                      type="button"
                      key={s}
                      className={`small-btn ${s === 'Offline' ? 'secondary' : ''}`}
                      data-testid={`force-${s}`}
                      onClick={() =>
                        void run(`${a.agentId} → ${s}`, () => supervisorApi.forceState(a.agentId, s))
                      }
                    >
                      {s === 'Offline' ? t('forceLogout') : tx(stateKey(s))}
                    </button>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <CallbacksPanel />
      <DialRefusalsPanel />
      <WhitelistPanel />
      <div className="grid2">
        <section className="card">
          <h2>
            {t('blacklistRequests')} ({requests.length})
          </h2>
          <ul className="compact">
            {requests.map((r) => (
              <li key={r.id}>
                <strong>{r.phone}</strong> · {r.reason} <span className="muted">({r.requestedBy})</span>{' '}
                <button
                  type="button"
                  className="small-btn"
                  onClick={() => void run(t('approve'), () => supervisorApi.decide(r.id, 'approve'))}
                >
                  {t('approve')}
                </button>{' '}
                <button
                  type="button"
                  className="small-btn secondary"
                  onClick={() => void run(t('rejectRequest'), () => supervisorApi.decide(r.id, 'reject'))}
                >
                  {t('rejectRequest')}
                </button>
              </li>
            ))}
            {requests.length === 0 && <li className="muted">{t('none')}</li>}
          </ul>
        </section>
        <section className="card">
          <h2>{t('auditLog')}</h2>
          <ul className="compact audit" data-testid="audit">
            {audit.map((e) => (
              <li key={e.id}>
                <span className="muted">
                  <CenterTime at={e.at} clock />
                </span>{' '}
                {e.actor} · {e.action}
                {e.target ? ` · ${e.target}` : ''}
                {typeof e.detail?.mode === 'string' ? ` · ${e.detail.mode}` : ''}
              </li>
            ))}
            {audit.length === 0 && <li className="muted">{t('none')}</li>}
          </ul>
        </section>
      </div>
    </div>
  );
}
