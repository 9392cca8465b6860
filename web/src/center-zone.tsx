// Times on the center's clock wherever a page shows one: an agent working from another zone (or a test
// browser in UTC) reads 09:00 when the center's clock says 09:00. The zone is asked of the server once
// per page load.
import { useEffect, useState } from 'react';
import { api } from './api.js';
import { formatCenterClock, formatCenterTime } from './center-time.js';
import { useLang } from './i18n.js';

let zone: Promise<string> | undefined;

export function useCenterZone(): string | undefined {
  const [tz, setTz] = useState<string>();
  useEffect(() => {
    let live = true;
    zone ??= api.me().then(
      (m) => m.timeZone,
      () => {
        zone = undefined;
        return Intl.DateTimeFormat().resolvedOptions().timeZone;
      },
    );
    void zone.then((value) => live && setTz(value));
    return () => {
      live = false;
    };
  }, []);
  return tz;
}

/** `at` on the center's clock: a date and time, or with `clock` only the time of day. */
export function CenterTime({ at, clock = false }: { at: string | number; clock?: boolean }) {
  const { lang } = useLang();
  const tz = useCenterZone();
  const ms = typeof at === 'number' ? at : Date.parse(at);
  if (!tz || Number.isNaN(ms)) return <span data-testid="center-time">…</span>;
  return (
    <span data-testid="center-time">
      {clock ? formatCenterClock(ms, tz) : formatCenterTime(ms, tz, lang)}
    </span>
  );
}
