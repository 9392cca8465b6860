// My account: who I am as the server knows me, and changing my password (the first admin of a fresh
// deploy signs in with a generated password and replaces it here). The server checks the current
// password, throttles wrong guesses like logins, ends older sessions and audits the change.
import { type FormEvent, useState } from 'react';
import { api, type Me } from '../api.js';
import { useErrorText } from '../errors.js';
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
  const { errorText } = useErrorText();
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
      setState({ kind: 'error', text: errorText(error) });
    }
  };

  const fields = [
    { name: 'currentPassword', label: 'currentPassword', value: current, set: setCurrent },
    { name: 'newPassword', label: 'newPassword', value: next, set: setNext },
    { name: 'newPasswordAgain', label: 'newPasswordAgain', value: again, set: setAgain },
  ] as const;
  return (
    <form className="card stacked" onSubmit={submit} data-testid="change-password">
      <h2>{t('changePassword')}</h2>
      {fields.map((f) => (
        <label key={f.name}>
          {t(f.label)}
          <input
            type="password"
            name={f.name}
            autoComplete={f.name === 'currentPassword' ? 'current-password' : 'new-password'}
            required
            value={f.value}
            onChange={(e) => f.set(e.target.value)}
          />
        </label>
      ))}
      {state && (
        <p className={state.kind === 'ok' ? 'ok' : 'error'} role={state.kind === 'ok' ? 'status' : 'alert'}>
          {state.text}
        </p>
      )}
      <button type="submit">{t('changePassword')}</button>
    </form>
  );
}
