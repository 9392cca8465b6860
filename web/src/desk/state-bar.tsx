// The top bar of the desktop: link health, my state and time in it, the state buttons, the wrap-up
// countdown, and skill groups to sign in and out of. Everything is a plain button (keyboard reachable).
import { useEffect, useState } from 'react';
import { usePushUp } from '../connection/push-bus.js';
import { type AgentStatus, deskApi } from '../desk-api.js';
import { useErrorText } from '../errors.js';
import { useLang } from '../i18n.js';
import { stateKey } from '../labels-desk.js';
import type { DeskState } from './use-agent-desk.js';

const BREAK_REASONS = ['lunch', 'rest', 'training', 'meeting'] as const;
const WRAP_UP_SECONDS = 30;

function useNow(ms = 1000): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(t);
  }, [ms]);
  return now;
}

export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const m = Math.floor(s / 60);
  const h = Math.floor(m / 60);
  const mm = String(m % 60).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

export function stateClass(state: string | undefined): string {
  return `state-${(state ?? 'Offline').toLowerCase().replace(/[^a-z]/g, '')}`;
}

export function StateBar({
  desk,
  onChanged,
  onError,
}: {
  desk: DeskState;
  onChanged: (status: AgentStatus) => void;
  onError: (message: string) => void;
}) {
  const { t, tx } = useLang();
  const { errorText, codeName } = useErrorText();
  // The center's clock, which need not be the browser's (a simulated clock, a machine's drift): the
  // server's times are counted from it.
  const now = useNow() + desk.clockOffsetMs;
  const pushUp = usePushUp();
  const [reason, setReason] = useState<string>(BREAK_REASONS[0]);
  const status = desk.status;
  const state = status?.state ?? 'Offline';
  // On call is derived from the call, not an activity of its own: its time is the call's, from my answer.
  const connected = state === 'On call' ? status?.call?.connectedAt : undefined;
  const since = connected ? Date.parse(connected) : status?.since ? Date.parse(status.since) : undefined;
  const wrapEnds = status?.wrapUpEndsAt
    ? Date.parse(status.wrapUpEndsAt)
    : since && state === 'Wrap-up'
      ? since + WRAP_UP_SECONDS * 1000
      : undefined;

  const act = async (run: () => Promise<AgentStatus>) => {
    try {
      onChanged(await run());
    } catch (error) {
      onError(errorText(error));
    }
  };
  const toggleSkill = (skill: string) => {
    if (!status) return;
    const next = status.skills.includes(skill)
      ? status.skills.filter((s) => s !== skill)
      : [...status.skills, skill];
    void act(() => deskApi.setSkills(next));
  };

  return (
    <section className="state-bar" aria-label={t('myState')}>
      <div className={`state-pill ${stateClass(state)}`} data-testid="agent-state">
        {tx(stateKey(state))}
        {state === 'Break' && status?.breakReason ? ` · ${status.breakReason}` : ''}
        {since && state !== 'Wrap-up' && (
          <span className="pill-time">{formatDuration((now - since) / 1000)}</span>
        )}
        {state === 'Wrap-up' && wrapEnds && (
          <span className="pill-time" data-testid="wrap-countdown">
            {Math.max(0, Math.ceil((wrapEnds - now) / 1000))} {t('secondsShort')}
          </span>
        )}
      </div>
      <div className="state-actions">
        <button
          type="button"
          className="btn-available"
          onClick={() => void act(() => deskApi.setState('Available'))}
        >
          {t('stateAvailable')}
        </button>
        <button type="button" className="btn-busy" onClick={() => void act(() => deskApi.setState('Busy'))}>
          {t('stateBusy')}
        </button>
        <span className="break-group">
          <select aria-label={t('breakReason')} value={reason} onChange={(e) => setReason(e.target.value)}>
            {BREAK_REASONS.map((r) => (
              <option key={r} value={r}>
                {tx(`reason_${r}`)}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="btn-break"
            onClick={() => void act(() => deskApi.setState('Break', reason))}
          >
            {t('stateBreak')}
          </button>
        </span>
        {state === 'Missed' && (
          <button
            type="button"
            className="btn-available"
            data-testid="clear-missed"
            onClick={() => void act(() => deskApi.setState('Available'))}
          >
            {t('clearMissed')}
          </button>
        )}
        {state === 'Wrap-up' && (
          <button type="button" className="btn-available" onClick={() => void act(deskApi.endWrapUp)}>
            {t('finishWrapUp')}
          </button>
        )}
        <button
          type="button"
          className="secondary"
          onClick={() => void act(() => deskApi.setState('Offline'))}
        >
          {t('stateOffline')}
        </button>
      </div>
      <fieldset className="skills">
        <legend className="sr-only">{t('skillGroups')}</legend>
        {(status?.allSkills ?? []).map((skill) => (
          <button
            type="button"
            key={skill}
            aria-pressed={status?.skills.includes(skill) ?? false}
            className={`chip ${status?.skills.includes(skill) ? 'on' : ''}`}
            onClick={() => toggleSkill(skill)}
          >
            {codeName('skill', skill)}
          </button>
        ))}
      </fieldset>
      <div
        className={`link link-${desk.link}`}
        data-testid="link-state"
        data-push={pushUp ? 'up' : 'down'}
        title={desk.mode ?? ''}
      >
        <span className="dot" /> {tx(`link_${desk.link}`)}
        {desk.mode ? ` · ${desk.mode === 'local' ? t('modeLocal') : 'Twilio'}` : ''}
        {desk.heartbeatMisses > 1 && <span className="warn"> · {t('heartbeatLost')}</span>}
      </div>
    </section>
  );
}
