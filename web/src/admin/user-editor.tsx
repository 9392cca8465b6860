// The side panel for one user: change the profile or disable the user, sending only what changed with the
// version the panel shows (a 409 means someone else saved first: the panel takes the server's current
// record and says so), and reset the password, shown once for the admin to hand over.
import { type FormEvent, useEffect, useState } from 'react';
import { ApiError } from '../api.js';
import { useErrorText } from '../errors.js';
import { useLang } from '../i18n.js';
import { generatePassword } from './generate-password.js';
import { FieldError, ProfileFields } from './profile-fields.js';
import { type FieldErrors, fieldErrors, formOf, type UserForm, userPatch } from './user-form.js';
import { type AdminUser, usersApi } from './users-api.js';

type Message = { kind: 'ok' | 'error'; text: string };

export function UserEditor({
  user,
  onSaved,
  onStale,
  onReset,
  onClose,
}: {
  user: AdminUser;
  onSaved: (user: AdminUser) => void;
  /** A 409: the server's current record when it sent one; reload otherwise. */
  onStale: (current: AdminUser | undefined) => void;
  /** A password reset changes the user's version: read the user again. */
  onReset: () => void;
  onClose: () => void;
}) {
  const { t, lang } = useLang();
  const { errorText } = useErrorText();
  const [form, setForm] = useState<UserForm>(() => formOf(user));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<Message>();
  const [busy, setBusy] = useState(false);
  const change = (patch: Partial<UserForm>) => setForm((current) => ({ ...current, ...patch }));

  // A saved or reloaded user replaces what the panel shows.
  useEffect(() => {
    setForm(formOf(user));
    setErrors({});
  }, [user]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const patch = userPatch(user, form);
    if (Object.keys(patch).length === 1) {
      setMessage({ kind: 'ok', text: t('nothingChanged') });
      return;
    }
    setBusy(true);
    try {
      const saved = await usersApi.update(user.id, patch);
      setMessage({ kind: 'ok', text: `${t('userSaved')} ✓` });
      onSaved(saved);
    } catch (error) {
      setErrors(fieldErrors(error, lang));
      const text = errorText(error);
      if (error instanceof ApiError && error.status === 409) {
        setMessage({ kind: 'error', text: `${t('userChangedElsewhere')} (${text})` });
        onStale(error.detail.current as AdminUser | undefined);
      } else setMessage({ kind: 'error', text });
    } finally {
      setBusy(false);
    }
  };

  return (
    <aside className="user-panel" data-testid="user-editor">
      <form className="card stacked user-form" onSubmit={save}>
        <div className="card-head">
          <h2>
            {t('editUser')} <span className="secret">{user.id}</span>
          </h2>
          <span className="spacer" />
          <button type="button" className="secondary small-btn" onClick={onClose}>
            {t('close')}
          </button>
        </div>
        <ProfileFields form={form} onChange={change} errors={errors} />
        <label className="inline">
          <input
            type="checkbox"
            name="disabled"
            checked={form.disabled}
            onChange={(e) => change({ disabled: e.target.checked })}
          />
          {t('userDisabled')}
        </label>
        <FieldError errors={errors} field="disabled" />
        {message && (
          <p className={`toast ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
            {message.text}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {t('saveUser')}
        </button>
      </form>
      <ResetPassword userId={user.id} onReset={onReset} />
    </aside>
  );
}

function ResetPassword({ userId, onReset }: { userId: string; onReset: () => void }) {
  const { t } = useLang();
  const { errorText } = useErrorText();
  const [password, setPassword] = useState('');
  const [done, setDone] = useState<string>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const reset = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      await usersApi.resetPassword(userId, password);
      setDone(password);
      setPassword('');
      setError(undefined);
      onReset();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card stacked" onSubmit={reset} data-testid="reset-password">
      <h2>{t('resetPassword')}</h2>
      <p className="muted small">{t('resetPasswordHint')}</p>
      <span className="row tight">
        <input
          name="newPassword"
          className="secret"
          aria-label={t('newPassword')}
          required
          autoComplete="off"
          spellCheck={false}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <button type="button" className="secondary" onClick={() => setPassword(generatePassword())}>
          {t('generate')}
        </button>
      </span>
      {error && (
        <p className="toast error" role="alert">
          {error}
        </p>
      )}
      {done && (
        <div className="toast" role="status" data-testid="reset-done">
          {t('passwordReset')}{' '}
          <code className="secret" data-testid="new-password">
            {done}
          </code>
          <div className="small muted">{t('handOver')}</div>
        </div>
      )}
      <button type="submit" disabled={busy}>
        {t('resetPassword')}
      </button>
    </form>
  );
}
