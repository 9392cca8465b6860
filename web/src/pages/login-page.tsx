// Sign in with agent ID and password (POST /api/auth/login); the server sets the session cookie.
import { type FormEvent, useState } from 'react';
import { ApiError, api, type Me } from '../api.js';
import { useErrorText } from '../errors.js';
import { useLang } from '../i18n.js';

export function LoginPage({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const { t } = useLang();
  const { errorText } = useErrorText();
  const [id, setId] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const { user } = await api.login(id.trim(), password);
      onSignedIn(user);
    } catch (err) {
      // 401 is the expected "wrong password"; anything else (throttled, disabled) says why itself.
      setError(err instanceof ApiError && err.status === 401 ? t('wrongCredentials') : errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card login" onSubmit={submit}>
      <h1>{t('signIn')}</h1>
      <label>
        {t('agentId')}
        <input
          name="id"
          autoComplete="username"
          value={id}
          onChange={(e) => setId(e.target.value)}
          required
        />
      </label>
      <label>
        {t('password')}
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
        />
      </label>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {t('signIn')}
      </button>
      <p className="muted">{t('demoHint')}</p>
    </form>
  );
}
