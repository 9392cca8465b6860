// The calendar's versions, newest first, with who saved each and when, and a Restore button per version:
// the server checks the old version again, audits the restore and keeps it as a new version.
import { useCallback, useEffect, useState } from 'react';
import { CenterTime } from '../center-zone.js';
import { useErrorText } from '../errors.js';
import { type CalendarVersion, calendarApi } from './calendar-api.js';
import { useAdminText } from './use-admin-text.js';

export function SettingHistoryBox({
  name,
  changes,
  onRestored,
}: {
  name: string;
  /** Bumped by the page on every save, so the list reads the new version. */
  changes: number;
  onRestored: (version: number) => void;
}) {
  const a = useAdminText();
  const { errorText } = useErrorText();
  const [items, setItems] = useState<CalendarVersion[]>();
  const [error, setError] = useState<string>();

  const load = useCallback(async () => {
    try {
      setItems((await calendarApi.history(name)).items);
    } catch (err) {
      setError(errorText(err));
    }
  }, [name, errorText]);
  useEffect(() => {
    void changes;
    void load();
  }, [load, changes]);

  const restore = async (version: number) => {
    try {
      await calendarApi.restore(name, version);
      setError(undefined);
      onRestored(version);
    } catch (err) {
      setError(errorText(err));
    }
  };
  const summary = (v: CalendarVersion) =>
    v.value
      ? a('daysCount', {
          holidays: Object.keys(v.value.holidays).length,
          workdays: Object.keys(v.value.makeUpDays).length,
        })
      : a('builtIn');

  return (
    <section className="card" data-testid="calendar-history">
      <h2>{a('history')}</h2>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {items?.length === 0 && <p className="muted">{a('noHistory')}</p>}
      <ul>
        {items?.map((v) => (
          <li key={v.version} data-testid={`version-${v.version}`}>
            <strong>
              {a('version')} {v.version}
            </strong>{' '}
            <span className="small">
              {v.by} · <CenterTime at={v.at} /> · {summary(v)}
              {v.restoredFrom !== undefined && ` · ${a('restoredFrom', { version: v.restoredFrom })}`}
            </span>{' '}
            {v.version !== items[0]?.version && (
              <button
                type="button"
                className="secondary"
                data-testid={`restore-${v.version}`}
                onClick={() => void restore(v.version)}
              >
                {a('restore')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
