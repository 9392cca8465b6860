// The supervisor console's whitelist: numbers never blocked and never turned away by a full queue (a
// fleet account's drivers, an emergency partner). Adding and removing are audited by the server.
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { CenterTime } from '../center-zone.js';
import { supervisorApi, type WhitelistEntry } from '../desk-api.js';
import { useErrorText } from '../errors.js';
import { useLang } from '../i18n.js';

export function WhitelistPanel() {
  const { t } = useLang();
  const { errorText } = useErrorText();
  const [items, setItems] = useState<WhitelistEntry[]>();
  const [phone, setPhone] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      setItems((await supervisorApi.whitelist()).items);
    } catch (err) {
      setError(errorText(err));
    }
  }, [errorText]);
  useEffect(() => {
    void load();
  }, [load]);

  const act = async (action: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await action();
      setError(undefined);
      return true;
    } catch (err) {
      setError(errorText(err));
      return false;
    } finally {
      setBusy(false);
      await load();
    }
  };
  const add = async (e: FormEvent) => {
    e.preventDefault();
    if (await act(() => supervisorApi.whitelistAdd(phone, note))) {
      setPhone('');
      setNote('');
    }
  };

  return (
    <section className="card" data-testid="whitelist">
      <h2>
        {t('whitelist')} ({items ? items.length : '…'})
      </h2>
      <p className="muted">{t('whitelistHelp')}</p>
      <form className="row" onSubmit={(e) => void add(e)}>
        <label className="inline">
          {t('whitelistPhone')}{' '}
          <input value={phone} onChange={(e) => setPhone(e.target.value)} required maxLength={32} />
        </label>
        <label className="inline">
          {t('whitelistNote')}{' '}
          <input value={note} onChange={(e) => setNote(e.target.value)} required maxLength={200} />
        </label>
        <button type="submit" disabled={busy}>
          {t('whitelistAdd')}
        </button>
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <ul className="compact">
        {items?.map((e) => (
          <li key={e.phone} data-testid="whitelisted">
            <strong>{e.phone}</strong> · {e.reason}{' '}
            <span className="muted">
              ({t('whitelistAddedBy')} {e.createdBy}, <CenterTime at={e.createdAt} />)
            </span>{' '}
            <button
              type="button"
              className="small-btn secondary"
              disabled={busy}
              onClick={() => void act(() => supervisorApi.whitelistRemove(e.phone))}
            >
              {t('whitelistRemove')}
            </button>
          </li>
        ))}
        {items?.length === 0 && <li className="muted">{t('none')}</li>}
      </ul>
    </section>
  );
}
