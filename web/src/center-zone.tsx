// Times on the center's clock wherever a page shows one: an agent working from another zone (or a test
// browser in UTC) reads 09:00 when the center's clock says 09:00. The zone is asked of the server once
// per page load.
import { useEffect, useState } from 'react';
import { api } from './api.js';
import { formatCenterClock, formatCenterTime } from './center-time.js';
import { useLang } from './i18n.js';

let zone: Promise<string> | undefined;
/** The zone once known: pages rendered after sign-in have it from their first render. */
let knownZone: string | undefined;
/** How far the center's clock is ahead of this browser's, as the server last said. */
let centerOffsetMs = 0;

/**
 * The center's clock now, which need not be the browser's (a center on a simulated clock, a machine that
 * drifted): what "today", "due now" and "overdue" are counted from. Known once the zone is.
 */
export function centerNow(): number {
  return Date.now() + centerOffsetMs;
}

/**
 * Who is signed in, learning the center's zone and clock on the way: the shell asks this before any page
 * renders, so a page's first "today" is already the center's.
 */
export function signedInUser(): ReturnType<typeof api.me> {
  const me = api.me();
  zone = me.then(
    (m) => {
      const now = Date.parse(m.now);
      if (!Number.isNaN(now)) centerOffsetMs = now - Date.now();
      knownZone = m.timeZone;
      return m.timeZone;
    },
    () => {
      zone = undefined;
      return Intl.DateTimeFormat().resolvedOptions().timeZone;
    },
  );
  return me;
}

export function useCenterZone(): string | undefined {
  const [tz, setTz] = useState<string | undefined>(knownZone);
  useEffect(() => {
    let live = true;
    if (!zone) void signedInUser().catch(() => undefined);
    void zone?.then((value) => live && setTz(value));
    return () => {
      live = false;
    };
  }, []);
  return tz;
}

/**
 * The zone a form's times are typed in: the center's, or until the server has said it (a moment after a
 * page opens on its own) the browser's.
 */
export function useWallZone(): string {
  return useCenterZone() ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** `at` on the center's clock: a date and time, or with `clock` only the time of day. */
export function CenterTime({ at, clock = false }: { at: string | number; clock?: boolean }) {
  const { lang } = useLang();
  const tz = useCenterZone();
  const ms = typeof at === 'number' ? at : Date.parse(at);
  if (!tz || Number.isNaN(ms)) return <span data-testid="center-time">…</span>;
  return (
    <span data-testid="center-time">
      {clock ? formatCenterClock(ms, tz) : formatCenterTime(ms, tz, lang, centerNow())}
    </span>
  );
}
