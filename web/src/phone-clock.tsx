// The center's clock on the caller phone page: the time the IVR's hours and holidays read, in the center's
// time zone; and, when the local stack runs on SIM_CLOCK, a way to set it or skip ahead (/sim/clock).
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { formatCenterTime, fromWallInput, toWallInput } from './center-time.js';
import { useErrorText } from './errors.js';
import { useLang } from './i18n.js';
import { type SimClockView, simApi } from './sim-api.js';

const SKIPS = [
  ['clockSkip_1m', 60_000],
  ['clockSkip_10m', 600_000],
  ['clockSkip_1h', 3_600_000],
] as const;
const REFRESH_MS = 5_000;

export function CenterClock() {
  const { t, lang } = useLang();
  const { errorText } = useErrorText();
  const [clock, setClock] = useState<SimClockView>();
  const [when, setWhen] = useState('');
  const [moving, setMoving] = useState(false);
  const [error, setError] = useState<string>();

  const load = useCallback(() => simApi.clock().then(setClock, () => {}), []);
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);
  // The picker starts at the center's time, once: after that it holds what the tester types.
  useEffect(() => {
    if (clock && !when) setWhen(toWallInput(Date.parse(clock.now), clock.timeZone));
  }, [clock, when]);

  if (!clock) return null;
  const nowMs = Date.parse(clock.now);

  const move = async (go: () => Promise<SimClockView>) => {
    setError(undefined);
    setMoving(true);
    try {
      setClock(await go());
    } catch (err) {
      setError(errorText(err));
    } finally {
      setMoving(false);
    }
  };
  const setTo = (e: FormEvent) => {
    e.preventDefault();
    const target = fromWallInput(when, clock.timeZone);
    if (target === undefined) return;
    // The picker shows minutes: the current minute is now, not the past, and leaves the clock as it is.
    if (target < nowMs - (nowMs % 60_000)) setError(t('clockNoPast'));
    else if (target <= nowMs) void load();
    else void move(() => simApi.setClock(new Date(target).toISOString()));
  };

  return (
    <section className="card" data-testid="center-clock">
      <div className="row tight">
        <strong data-testid="center-time">
          {t('centerTime')} {formatCenterTime(nowMs, clock.timeZone, lang, nowMs)} ({clock.timeZone})
        </strong>
        <span className="muted small">{t(`clockMode_${clock.mode}`)}</span>
      </div>
      {clock.mode === 'system' ? (
        <p className="muted small">{t('clockFixed')}</p>
      ) : (
        <form className="row tight" onSubmit={setTo}>
          <input
            type="datetime-local"
            aria-label={t('clockSetTo')}
            value={when}
            onChange={(e) => setWhen(e.target.value)}
            required
          />
          <button type="submit" className="secondary" disabled={moving}>
            {t('clockSet')}
          </button>
          {SKIPS.map(([label, ms]) => (
            <button
              type="button"
              key={label}
              className="secondary"
              disabled={moving}
              onClick={() => void move(() => simApi.advanceClock(ms))}
            >
              {t(label)}
            </button>
          ))}
        </form>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
