// The call area: the offered call (caller, region, the IVR's findings, accept/reject), a direct ring,
// the live call's controls (hold, mute, transfer, conference, leave, hang up, blacklist request) and
// the wrap-up form. Alt+A accepts and Alt+R rejects, so the mouse is optional.
import { type FormEvent, useEffect, useState } from 'react';
import { type AgentStatus, deskApi, type TransferTarget } from '../desk-api.js';
import { useLang } from '../i18n.js';
import type { Desk as AgentDesk } from './desk-provider.js';
import { regionOfNumber } from './offer.js';
import { formatDuration } from './state-bar.js';

type Run = (label: string, action: () => Promise<unknown>) => Promise<void>;

export function CallPanel({ desk, run }: { desk: AgentDesk; run: Run }) {
  const { state } = desk;
  const status = state.status;
  if (state.offer) return <OfferCard desk={desk} run={run} />;
  if (state.ringing) return <RingingCard desk={desk} />;
  // The server's view of the call when it has one; else the leg our connection says is live.
  if (status?.call || state.liveCallSid) {
    const call = status?.call ?? {
      taskSid: state.pop?.taskSid ?? '',
      callSid: state.pop?.callSid ?? state.liveCallSid ?? '',
      onHold: false,
      muted: false,
      participants: [],
    };
    return <LiveCall call={call} desk={desk} run={run} />;
  }
  if (status?.state === 'Wrap-up' || (state.pop && !state.offer))
    return <WrapUp desk={desk} status={status} run={run} />;
  return null;
}

function Findings({ desk }: { desk: AgentDesk }) {
  const { t } = useLang();
  const f = desk.state.offer?.findings ?? desk.state.pop?.findings ?? {};
  const rows: [string, string | undefined][] = [
    [t('region'), f.region ?? regionOfNumber(f.from)],
    [t('queue'), f.queue],
    [t('customer'), f.customerName ?? f.customerId],
    [t('policy'), f.policyNumber],
    [t('ticket'), f.ticketNumber],
    [t('languages'), f.language],
    [t('intent'), f.intent],
  ];
  return (
    <dl className="findings" data-testid="findings">
      {rows
        .filter(([, v]) => v)
        .map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
    </dl>
  );
}

function useShortcut(key: string, action: () => void) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && e.key.toLowerCase() === key) {
        e.preventDefault();
        action();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [key, action]);
}

function OfferCard({ desk, run }: { desk: AgentDesk; run: Run }) {
  const { t } = useLang();
  const offer = desk.state.offer;
  const accept = () => void run(t('accept'), desk.acceptOffer);
  const reject = () => void run(t('reject'), desk.rejectOffer);
  useShortcut('a', accept);
  useShortcut('r', reject);
  if (!offer) return null;
  const vip = offer.findings.vip && offer.findings.vip !== 'none' ? offer.findings.vip : undefined;
  return (
    <section className="card incoming" data-testid="incoming" aria-live="assertive">
      <div className="incoming-head">
        <span className="ring-icon" aria-hidden="true">
          ☎
        </span>
        <div>
          <div className="muted">{offer.findings.callback ? t('callbackOffer') : t('incomingCall')}</div>
          <div className="caller" data-testid="caller">
            {offer.findings.from ?? t('unknownCaller')}
            {vip && <span className="tag vip">VIP {vip}</span>}
          </div>
        </div>
      </div>
      <Findings desk={desk} />
      <div className="row">
        <button type="button" className="btn-available big" onClick={accept} data-testid="accept">
          {t('accept')} <kbd>Alt+A</kbd>
        </button>
        <button type="button" className="danger big" onClick={reject}>
          {t('reject')} <kbd>Alt+R</kbd>
        </button>
      </div>
    </section>
  );
}

function RingingCard({ desk }: { desk: AgentDesk }) {
  const { t } = useLang();
  const ringing = desk.state.ringing;
  useShortcut('a', desk.answerRinging);
  useShortcut('r', desk.declineRinging);
  if (!ringing) return null;
  return (
    <section className="card incoming" data-testid="incoming" aria-live="assertive">
      <div className="muted">{t('incomingCall')}</div>
      <div className="caller">{ringing.from}</div>
      <div className="muted">{regionOfNumber(ringing.from)}</div>
      <div className="row">
        <button type="button" className="btn-available big" onClick={desk.answerRinging}>
          {t('accept')} <kbd>Alt+A</kbd>
        </button>
        <button type="button" className="danger big" onClick={desk.declineRinging}>
          {t('reject')} <kbd>Alt+R</kbd>
        </button>
      </div>
    </section>
  );
}

function TargetPicker({ onPick, label }: { onPick: (target: TransferTarget) => void; label: string }) {
  const { t } = useLang();
  const [kind, setKind] = useState<'agent' | 'queue' | 'number'>('agent');
  const [value, setValue] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const v = value.trim();
    if (!v) return;
    onPick(
      kind === 'agent'
        ? { type: 'agent', agentId: v }
        : kind === 'queue'
          ? { type: 'queue', queue: v }
          : { type: 'number', number: v },
    );
  };
  return (
    <form className="row" onSubmit={submit}>
      <select
        aria-label={t('targetType')}
        value={kind}
        onChange={(e) => setKind(e.target.value as 'agent' | 'queue' | 'number')}
      >
        <option value="agent">{t('targetAgent')}</option>
        <option value="queue">{t('targetQueue')}</option>
        <option value="number">{t('targetNumber')}</option>
      </select>
      <input
        aria-label={t('target')}
        placeholder={kind === 'agent' ? '1003' : kind === 'queue' ? 'claims' : '+8613…'}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        size={12}
      />
      <button type="submit">{label}</button>
    </form>
  );
}

function LiveCall({
  call,
  desk,
  run,
}: {
  call: NonNullable<AgentStatus['call']>;
  desk: AgentDesk;
  run: Run;
}) {
  const { t } = useLang();
  const [mode, setMode] = useState<'cold' | 'warm'>('cold');
  const [blacklistReason, setBlacklistReason] = useState('');
  const from = desk.state.pop?.findings.from;
  return (
    <section className="card live" data-testid="live-call">
      <div className="live-head">
        <span className="dot live-dot" /> {t('onCall')} {from ?? ''}
        {call.connectedAt && <CallTimer since={call.connectedAt} offsetMs={desk.state.clockOffsetMs} />}
        {call.onHold && <span className="tag warn-tag">{t('onHold')}</span>}
        {call.muted && <span className="tag warn-tag">{t('muted')}</span>}
        <span className="muted small">
          {' '}
          · {call.participants.length} {t('participants')}
        </span>
      </div>
      <Findings desk={desk} />
      <div className="row">
        <button type="button" onClick={() => void run(t('hold'), () => deskApi.hold(!call.onHold))}>
          {call.onHold ? t('resume') : t('hold')}
        </button>
        <button type="button" onClick={() => void run(t('mute'), () => deskApi.mute(!call.muted))}>
          {call.muted ? t('unmute') : t('mute')}
        </button>
        <button type="button" className="secondary" onClick={() => void run(t('leave'), deskApi.leave)}>
          {t('leave')}
        </button>
        <button
          type="button"
          className="danger"
          onClick={() => void run(t('hangUp'), deskApi.hangup)}
          data-testid="hangup"
        >
          {t('hangUp')}
        </button>
      </div>
      <fieldset data-testid="transfer">
        <legend>{t('transfer')}</legend>
        <div className="row">
          <label className="inline">
            <input type="radio" checked={mode === 'cold'} onChange={() => setMode('cold')} /> {t('cold')}
          </label>
          <label className="inline">
            <input type="radio" checked={mode === 'warm'} onChange={() => setMode('warm')} /> {t('warm')}
          </label>
        </div>
        <TargetPicker
          label={t('transfer')}
          onPick={(target) => void run(t('transfer'), () => deskApi.transfer(mode, target))}
        />
      </fieldset>
      <fieldset>
        <legend>{t('conference')}</legend>
        <TargetPicker
          label={t('addToCall')}
          onPick={(target) => void run(t('conference'), () => deskApi.conference(target))}
        />
      </fieldset>
      {from && (
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            if (blacklistReason.trim().length >= 3)
              void run(t('requestBlacklist'), () =>
                deskApi.requestBlacklist(from, blacklistReason.trim(), call.callSid),
              );
            setBlacklistReason('');
          }}
        >
          <input
            aria-label={t('blacklistReason')}
            placeholder={t('blacklistReason')}
            value={blacklistReason}
            onChange={(e) => setBlacklistReason(e.target.value)}
          />
          <button type="submit" className="secondary">
            {t('requestBlacklist')}
          </button>
        </form>
      )}
    </section>
  );
}

/** Time on the call since my leg was answered, as the server recorded it: a reload does not restart it. */
function CallTimer({ since, offsetMs }: { since: string; offsetMs: number }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, []);
  return (
    <span className="pill-time" data-testid="call-timer">
      {' '}
      {formatDuration((now + offsetMs - Date.parse(since)) / 1000)}
    </span>
  );
}

const DISPOSITIONS = [
  'resolved',
  'ticket-created',
  'callback-needed',
  'transferred',
  'wrong-number',
  'other',
] as const;

function WrapUp({ desk, status, run }: { desk: AgentDesk; status: AgentStatus | undefined; run: Run }) {
  const { t, tx } = useLang();
  // Typed into the draft, so a reload, another tab or the wrap-up timer keeps it.
  const { draft } = desk;
  const disposition = draft.fields.disposition ?? DISPOSITIONS[0];
  const notes = draft.fields.notes ?? '';
  const setDisposition = (value: string) => draft.update({ disposition: value });
  const setNotes = (value: string) => draft.update({ notes: value });
  const callSid = desk.state.pop?.callSid ?? status?.call?.callSid;
  const save = async (e: FormEvent) => {
    e.preventDefault();
    await run(t('saveWrapUp'), async () => {
      // Notes that cannot be saved (the call went on to a colleague, whose record it now is) must not
      // keep the agent in wrap-up: finish anyway and say why the notes were refused.
      let refused: unknown;
      if (callSid)
        await deskApi
          .wrapUpNotes(callSid, { disposition, ...(notes.trim() ? { notes: notes.trim() } : {}) })
          .catch((error: unknown) => {
            refused = error;
          });
      if (status?.state === 'Wrap-up') await deskApi.endWrapUp();
      if (!refused) draft.discard();
      desk.clearPop();
      if (refused) throw refused;
    });
  };
  return (
    <form className="card wrapup" onSubmit={save} data-testid="wrap-up">
      <h2>{t('wrapUp')}</h2>
      <label>
        {t('disposition')}
        <select name="disposition" value={disposition} onChange={(e) => setDisposition(e.target.value)}>
          {DISPOSITIONS.map((d) => (
            <option key={d} value={d}>
              {tx(`disp_${d}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('notes')}
        <textarea name="notes" rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} />
      </label>
      <div className="row">
        <button type="submit" className="btn-available">
          {t('saveWrapUp')}
        </button>
        <button type="button" className="secondary" onClick={desk.clearPop}>
          {t('dismiss')}
        </button>
      </div>
    </form>
  );
}
