// A console setting's versions, newest first, with who saved each and when, what it held (in a line the
// page writes), and a Restore button per version: the server checks the old version again, audits the
// restore and keeps it as a new version.
import { useCallback, useEffect, useState } from 'react';
import { CenterTime } from '../center-zone.js';
import { useErrorText } from '../errors.js';
import { type SettingVersion, settingsApi } from './settings-api.js';
import { useAdminText } from './use-admin-text.js';

export function SettingHistoryBox<T>({
  setting,
  changes,
  onRestored,
  summary,
  testId,
}: {
  /** The setting's name in the API (`calendar:cn`, `surveys`). */
  setting: string;
  /** Bumped by the page on every save, so the list reads the new version. */
  changes: number;
  onRestored: (version: number) => void;
  /** What a version held, in a few words; null is the built-in default. */
  summary: (value: T | null) => string;
  testId: string;
}) {
  const a = useAdminText();
  const { errorText } = useErrorText();
  const [items, setItems] = useState<SettingVersion<T>[]>();
  const [error, setError] = useState<string>();

  const load = useCallback(async () => {
    try {
      setItems((await settingsApi.history<T>(setting)).items);
    } catch (err) {
      setError(errorText(err));
    }
  }, [setting, errorText]);
  useEffect(() => {
    void changes;
    void load();
  }, [load, changes]);

  const restore = async (version: number) => {
    try {
      await settingsApi.restore(setting, version);
      setError(undefined);
      onRestored(version);
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <section className="card" data-testid={testId}>
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
              {v.by} · <CenterTime at={v.at} /> · {summary(v.value)}
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
