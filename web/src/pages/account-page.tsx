// My account: who I am as the server knows me, and changing my password (the first admin of a fresh
// deploy signs in with a generated password and replaces it here). The server checks the current
// password, throttles wrong guesses like logins, ends older sessions and audits the change.
import { type FormEvent, useState } from 'react';
import { api, type Me } from '../api.js';
import { useLang } from '../i18n.js';
import { WhoAmI } from './who-am-i.js';

export function AccountPage({ me }: { me: Me }) {
  return (
    <div className="account">
      <WhoAmI me={me} />
      <ChangePassword />
    </div>
  );
}

function ChangePassword() {
  const { t } = useLang();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [state, setState] = useState<{ kind: 'ok' | 'error'; text: string }>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (next !== again) {
      setState({ kind: 'error', text: t('passwordsDiffer') });
      return;
    }
    try {
      await api.changePassword(current, next);
      setCurrent('');
      setNext('');
      setAgain('');
      setState({ kind: 'ok', text: t('passwordChanged') });
    } catch (error) {
      setState({ kind: 'error', text: (error as Error).message });
    }
  };

  return (
    <form className="card stacked" onSubmit={submit} data-testid="change-password">
      <h2>{t('changePassword')}</h2>
      <label>
        {t('currentPassword')}
        <input
          type="password"
          name="currentPassword"
          autoComplete="current-password"
          required
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
        />
      </label>
      <label>
        {t('newPassword')}
        <input
          type="password"
          name="newPassword"
          autoComplete="new-password"
          required
          value={next}
          onChange={(e) => setNext(e.target.value)}
        />
      </label>
      <label>
        {t('newPasswordAgain')}
        <input
          type="password"
          name="newPasswordAgain"
          autoComplete="new-password"
          required
          value={again}
          onChange={(e) => setAgain(e.target.value)}
        />
      </label>
      {state && (
        <p className={state.kind === 'ok' ? 'ok' : 'error'} role={state.kind === 'ok' ? 'status' : 'alert'}>
          {state.text}
        </p>
      )}
      <button type="submit">{t('changePassword')}</button>
    </form>
  );
}
