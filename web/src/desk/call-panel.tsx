// The call area: the offered call (caller, region, the IVR's findings, accept/reject), a direct ring,
// the live call's controls (hold, mute, transfer with notes for the colleague and its progress, complete
// or cancel, conference, leave, hang up, blacklist request) and the wrap-up form, which starts from the
// transfer's notes. Alt+A accepts and Alt+R rejects, so the mouse is optional.

import { type FormEvent, useEffect, useRef, useState } from 'react';
import { routing } from '../../../flows/routing.js';
import type { Disposition } from '../../../functions/domain/disposition.js';
import { ApiError } from '../api.js';
import {
  type AgentStatus,
  deskApi,
  type InternalCall,
  type TransferTarget,
  type TransferView,
} from '../desk-api.js';
import { useErrorText } from '../errors.js';
import { labelOf, useLang } from '../i18n.js';
import type { Desk as AgentDesk } from './desk-provider.js';
import { regionOfNumber } from './offer.js';
import { WhitelistedTag } from './screen-pop.js';
import { useShortcut } from './shortcuts.js';
import { formatDuration } from './state-bar.js';
import { isInternal } from './use-agent-desk.js';

type Run = (label: string, action: () => Promise<unknown>) => Promise<void>;

export function CallPanel({ desk, run }: { desk: AgentDesk; run: Run }) {
  const { state } = desk;
  const status = state.status;
  // What the wrap-up starts from after a transfer: the notes handed over (mine, or the first agent's).
  const handover = useRef<{ notes?: string; disposition?: string; callSid?: string }>({});
  const transfer = status?.call?.transfer;
  // The customer's call as the server knows it: what the wrap-up is saved on, whoever's leg rang here.
  if (status?.call?.callSid) handover.current = { ...handover.current, callSid: status.call.callSid };
  if (transfer?.role === 'receiver' && transfer.notes)
    handover.current = { ...handover.current, notes: transfer.notes };
  if (state.offer) return <OfferCard desk={desk} run={run} />;
  if (state.ringing) return <RingingCard desk={desk} />;
  const internal = status?.internalCall;
  if (internal && (internal.status === 'in-progress' || internal.status === 'ringing'))
    return <InternalCallCard desk={desk} call={internal} />;
  // The server's view of the call when it has one; else the leg our connection says is live.
  if (status?.call || state.liveCallSid) {
    const call = status?.call ?? {
      taskSid: state.pop?.taskSid ?? '',
      callSid: state.pop?.callSid ?? state.liveCallSid ?? '',
      onHold: false,
      muted: false,
      participants: [],
    };
    return (
      <LiveCall
        call={call}
        // A callback the workflow dialled for me bridges my leg straight to the customer: no conference
        // the server can hold, mute or transfer, only ending it.
        direct={
          !status?.call &&
          status?.reservations.find((r) => r.taskSid === status.taskCall?.taskSid)?.status === 'accepted'
        }
        desk={desk}
        run={run}
        onHandover={(notes) => {
          handover.current = { ...handover.current, ...(notes ? { notes } : {}), disposition: 'transferred' };
        }}
      />
    );
  }
  // A pop whose call never connected (an offer that rang out or was declined) has nothing to wrap up.
  if (status?.state === 'Wrap-up' || (state.pop?.callSid && !state.offer))
    return <WrapUp desk={desk} status={status} run={run} start={handover} />;
  return null;
}

function Findings({ desk }: { desk: AgentDesk }) {
  const { t, lang } = useLang();
  const { codeName } = useErrorText();
  const f = desk.state.offer?.findings ?? desk.state.pop?.findings ?? {};
  const rows: [string, string | undefined][] = [
    [t('campaign'), f.campaign],
    [t('region'), f.region ? codeName('region', f.region) : regionOfNumber(f.from)],
    [t('queue'), f.queue && codeName('queue', f.queue)],
    [t('customer'), f.customerName ?? f.customerId],
    [t('policy'), f.policyNumber],
    [t('ticket'), f.ticketNumber],
    [t('languages'), f.language],
    // The IVR's intent is often the hotline's flow: named as the line is everywhere else.
    [t('intent'), f.intent && (labelOf(`flow_${f.intent}`, lang) ?? f.intent)],
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

function OfferCard({ desk, run }: { desk: AgentDesk; run: Run }) {
  const { t, tx } = useLang();
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
          <div className="muted" data-testid={offer.findings.campaign ? 'campaign-offer' : undefined}>
            {offer.findings.preview
              ? t('previewOffer')
              : offer.findings.campaign
                ? t('campaignCallOffer')
                : offer.findings.callback
                  ? t('callbackOffer')
                  : t('incomingCall')}
          </div>
          <div className="caller" data-testid="caller">
            {offer.findings.from ?? t('unknownCaller')}
            {vip && <span className="tag vip">VIP {tx(`tier_${vip}`)}</span>}
            {offer.findings.whitelisted && <WhitelistedTag />}
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
  const colleague = isInternal(ringing);
  // A preview campaign's call, or a callback, rings the agent first from the center's own number: the
  // customer it will call (and the campaign) are on the task, and are what the agent needs to see.
  const findings = colleague ? undefined : desk.state.pop?.findings;
  const preview = findings?.preview || findings?.callback ? findings : undefined;
  return (
    <section className="card incoming" data-testid="incoming" aria-live="assertive">
      <div
        className="muted"
        data-testid={findings?.preview ? 'campaign-offer' : preview ? 'callback-offer' : undefined}
      >
        {colleague
          ? t('internalIncoming')
          : findings?.preview
            ? t('previewOffer')
            : preview
              ? t('callbackOffer')
              : t('incomingCall')}
      </div>
      {preview ? (
        <>
          <div className="caller" data-testid="caller">
            {preview.from}
          </div>
          <Findings desk={desk} />
        </>
      ) : colleague ? (
        <div className="caller" data-testid="internal-caller">
          {ringing.parameters.callerName} ({t('agentNumber')} {ringing.parameters.callerNumber})
        </div>
      ) : (
        <>
          <div className="caller">{ringing.from}</div>
          <div className="muted">{regionOfNumber(ringing.from)}</div>
        </>
      )}
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

/** A call with a colleague: who, whether it still rings, and hanging up my leg (no customer, no wrap-up). */
function InternalCallCard({ desk, call }: { desk: AgentDesk; call: InternalCall }) {
  const { t } = useLang();
  const ringing = call.status === 'ringing';
  return (
    <section className="card live" data-testid="internal-call">
      <div className="live-head">
        <span className="dot live-dot" /> {ringing ? t('internalRinging') : t('internalOnCall')}{' '}
        <strong data-testid="internal-peer">
          {call.peer.name} ({t('agentNumber')} {call.peer.number})
        </strong>
      </div>
      <div className="row">
        <button
          type="button"
          className="danger"
          disabled={!desk.state.liveCallSid}
          onClick={desk.hangupLeg}
          data-testid="internal-hangup"
        >
          {t('hangUp')}
        </button>
      </div>
    </section>
  );
}

/** The queues a call can be sent to: routing's, listed by the names the desk shows everywhere else. */
const QUEUES: readonly string[] = routing.queues.map((q) => q.name);

function TargetPicker({ onPick, label }: { onPick: (target: TransferTarget) => void; label: string }) {
  const { t } = useLang();
  const { codeName } = useErrorText();
  const [kind, setKind] = useState<'agent' | 'queue' | 'number'>('agent');
  const [value, setValue] = useState('');
  const [queue, setQueue] = useState(QUEUES[0] ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const v = kind === 'queue' ? queue : value.trim();
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
      {kind === 'queue' ? (
        <select
          aria-label={t('target')}
          name="queue"
          value={queue}
          onChange={(e) => setQueue(e.target.value)}
        >
          {QUEUES.map((q) => (
            <option key={q} value={q}>
              {codeName('queue', q)}
            </option>
          ))}
        </select>
      ) : (
        <input
          aria-label={t('target')}
          placeholder={kind === 'agent' ? '1003' : '+8613…'}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          size={12}
        />
      )}
      <button type="submit">{label}</button>
    </form>
  );
}

/** The server's refusal in the page's language when the catalogue has its code. */
function inOwnWords(tx: (key: string) => string) {
  return (err: unknown): never => {
    const label = err instanceof ApiError ? tx(`err_${err.code}`) : undefined;
    throw label && !label.startsWith('err_') ? new Error(label) : err;
  };
}

/** A transfer's progress in the words of the side reading it. */
function transferStatusText(transfer: TransferView, tx: (key: string) => string): string {
  if (transfer.role === 'receiver' && transfer.status === 'accepted')
    return tx(transfer.mode === 'cold' ? 'transfer_accepted_receiver_cold' : 'transfer_accepted_receiver');
  return tx(`transfer_${transfer.status}`);
}

function TransferProgress({ transfer, run }: { transfer: TransferView; run: Run }) {
  const { t, tx } = useLang();
  const warmOpen =
    transfer.mode === 'warm' && transfer.status !== 'completed' && transfer.status !== 'canceled';
  const sender = transfer.role === 'sender';
  return (
    <section className="transfer-context" data-testid="transfer-context">
      <div>
        <strong>{sender ? t('transferTo') : t('transferFrom')}</strong>{' '}
        {sender ? (transfer.toAgent ?? transfer.queue) : transfer.fromAgent} (
        {tx(`transfer_${transfer.mode}`)}) ·{' '}
        <span data-testid="transfer-status">{transferStatusText(transfer, tx)}</span>
      </div>
      {transfer.notes && (
        <p className="note" data-testid="transfer-notes-received">
          <span className="muted">{t('transferNotesReceived')}: </span>
          {transfer.notes}
        </p>
      )}
      {warmOpen && (
        <div className="row">
          {sender && (
            <button
              type="button"
              className="btn-available"
              disabled={transfer.status !== 'accepted'}
              onClick={() =>
                void run(t('completeTransfer'), () => deskApi.completeTransfer().catch(inOwnWords(tx)))
              }
            >
              {t('completeTransfer')}
            </button>
          )}
          {(sender || transfer.status === 'accepted') && (
            <button
              type="button"
              className="secondary"
              onClick={() =>
                void run(t('cancelTransfer'), () => deskApi.cancelTransfer().catch(inOwnWords(tx)))
              }
            >
              {t('cancelTransfer')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}

function LiveCall({
  call,
  direct,
  desk,
  run,
  onHandover,
}: {
  call: NonNullable<AgentStatus['call']>;
  direct: boolean;
  desk: AgentDesk;
  run: Run;
  onHandover: (notes: string) => void;
}) {
  const { t } = useLang();
  const from = desk.state.pop?.findings.from;
  return (
    <section className="card live" data-testid="live-call">
      <div className="live-head">
        <span className="dot live-dot" /> {t('onCall')} {from ?? ''}
        {call.connectedAt && <CallTimer since={call.connectedAt} offsetMs={desk.state.clockOffsetMs} />}
        {call.onHold && <span className="tag warn-tag">{t('onHold')}</span>}
        {call.muted && <span className="tag warn-tag">{t('muted')}</span>}
        {!direct && (
          <span className="muted small">
            {' '}
            · {call.participants.length} {t(call.participants.length === 1 ? 'participant' : 'participants')}
          </span>
        )}
      </div>
      {call.supervisor && (
        <p className="tag info-tag" role="status" data-testid="supervisor-heard">
          {t('supervisorTitle')} {call.supervisor.id} {t(`heard_${call.supervisor.mode}`)}
        </p>
      )}
      <Findings desk={desk} />
      {direct && <DirectCallControls run={run} />}
      {!direct && call.transfer && <TransferProgress transfer={call.transfer} run={run} />}
      {!direct && <ConferenceControls call={call} from={from} run={run} onHandover={onHandover} />}
    </section>
  );
}

function HangUp({ run }: { run: Run }) {
  const { t } = useLang();
  return (
    <button
      type="button"
      className="danger"
      onClick={() => void run(t('hangUp'), deskApi.hangup)}
      data-testid="hangup"
    >
      {t('hangUp')}
    </button>
  );
}

/** A direct callback: only hanging up applies (the server says so if anything else is tried). */
function DirectCallControls({ run }: { run: Run }) {
  const { t } = useLang();
  return (
    <>
      <p className="muted small" data-testid="direct-call-note">
        {t('directCallNote')}
      </p>
      <div className="row">
        <HangUp run={run} />
      </div>
    </>
  );
}

function ConferenceControls({
  call,
  from,
  run,
  onHandover,
}: {
  call: NonNullable<AgentStatus['call']>;
  from: string | undefined;
  run: Run;
  onHandover: (notes: string) => void;
}) {
  const { t, tx } = useLang();
  const [mode, setMode] = useState<'cold' | 'warm'>('cold');
  const [handoverNotes, setHandoverNotes] = useState('');
  const [blacklistReason, setBlacklistReason] = useState('');
  return (
    <>
      <div className="row">
        <button
          type="button"
          onClick={() => void run(call.onHold ? t('resume') : t('hold'), () => deskApi.hold(!call.onHold))}
        >
          {call.onHold ? t('resume') : t('hold')}
        </button>
        <button
          type="button"
          onClick={() => void run(call.muted ? t('unmute') : t('mute'), () => deskApi.mute(!call.muted))}
        >
          {call.muted ? t('unmute') : t('mute')}
        </button>
        <button type="button" className="secondary" onClick={() => void run(t('leave'), deskApi.leave)}>
          {t('leave')}
        </button>
        <HangUp run={run} />
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
        <label>
          {t('transferNotes')}
          <textarea
            rows={2}
            data-testid="transfer-notes"
            value={handoverNotes}
            onChange={(e) => setHandoverNotes(e.target.value)}
          />
        </label>
        <TargetPicker
          label={t('transfer')}
          onPick={(target) =>
            void run(t('transfer'), async () => {
              const notes = handoverNotes.trim();
              await deskApi.transfer(mode, target, notes || undefined).catch(inOwnWords(tx));
              onHandover(notes);
            })
          }
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
    </>
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

function WrapUp({
  desk,
  status,
  run,
  start,
}: {
  desk: AgentDesk;
  status: AgentStatus | undefined;
  run: Run;
  start: { current: { notes?: string; disposition?: string; callSid?: string } };
}) {
  const { t, lang } = useLang();
  // Typed into the draft, so a reload, another tab or the wrap-up timer keeps it; a transferred call's
  // form starts from the notes and disposition handed over with it.
  const { draft } = desk;
  // A call that ended before a poll saw it live is known to the pop by its task only; the draft still
  // knows which call the desk is about.
  const callSid = status?.call?.callSid ?? start.current.callSid ?? desk.state.pop?.callSid ?? draft.callSid;
  // The codes are the call's hotline's own (its flow lists them), so they are asked of the call.
  const [codes, setCodes] = useState<readonly Disposition[]>();
  useEffect(() => {
    if (!callSid) return;
    let live = true;
    deskApi.dispositions(callSid).then(
      (offered) => live && setCodes(offered.dispositions),
      () => live && setCodes([]),
    );
    return () => {
      live = false;
    };
  }, [callSid]);
  const chosen = draft.fields.disposition ?? start.current.disposition;
  // Nothing is chosen for the agent: a code picked by default would count in the reports as if meant.
  const disposition = codes?.some((d) => d.code === chosen) ? chosen : undefined;
  const [unchosen, setUnchosen] = useState(false);
  const notes = draft.fields.notes ?? start.current.notes ?? '';
  const setDisposition = (value: string) => {
    setUnchosen(false);
    draft.update({ disposition: value });
  };
  const setNotes = (value: string) => draft.update({ notes: value });
  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (codes?.length && !disposition) {
      setUnchosen(true);
      return;
    }
    await run(t('saveWrapUp'), async () => {
      let refused: unknown;
      if (callSid)
        await deskApi
          .wrapUpNotes(callSid, {
            ...(disposition ? { disposition } : {}),
            ...(notes.trim() ? { notes: notes.trim() } : {}),
          })
          .catch((error: unknown) => {
            refused = error;
          });
      // Notes that cannot be saved because the call is no longer this agent's (it went on to a colleague,
      // whose record it now is) must not keep the agent in wrap-up: finish anyway and say why. Any other
      // refusal keeps the form and what was typed, to be put right and saved.
      const notMine = refused instanceof ApiError && (refused.status === 403 || refused.status === 404);
      if (refused && !notMine) throw refused;
      if (status?.state === 'Wrap-up') await deskApi.endWrapUp();
      if (!refused) draft.discard();
      desk.clearPop();
      start.current = {};
      if (refused) throw refused;
    });
  };
  return (
    <form className="card wrapup" onSubmit={save} data-testid="wrap-up">
      <h2>{t('wrapUp')}</h2>
      <label>
        {t('disposition')}
        <select
          name="disposition"
          value={disposition ?? ''}
          disabled={!codes}
          aria-invalid={unchosen}
          onChange={(e) => setDisposition(e.target.value)}
        >
          <option value="" disabled>
            {t('chooseDisposition')}
          </option>
          {codes?.map((d) => (
            <option key={d.code} value={d.code}>
              {d.label[lang] ?? d.label.en ?? d.code}
            </option>
          ))}
        </select>
      </label>
      {unchosen && (
        <p className="error small" role="alert" data-testid="disposition-missing">
          {t('dispositionMissing')}
        </p>
      )}
      <label>
        {t('notes')}
        <textarea
          name="notes"
          rows={3}
          maxLength={4000}
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
        />
      </label>
      <div className="row">
        {/* Not before the outcomes are known: a save in that moment would skip choosing one. */}
        <button type="submit" className="btn-available" disabled={!codes}>
          {t('saveWrapUp')}
        </button>
        <button type="button" className="secondary" onClick={desk.clearPop}>
          {t('dismiss')}
        </button>
      </div>
    </form>
  );
}
