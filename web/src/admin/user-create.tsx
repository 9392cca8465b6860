// Creating a user: login id, an initial password (generated on request and left in view so the admin can
// hand it over), and the profile. A refusal is shown above the button with the server's own words, and
// each field the server names gets its complaint beside it.
import { type FormEvent, useState } from 'react';
import { useErrorText } from '../errors.js';
import { useLang } from '../i18n.js';
import { generatePassword } from './generate-password.js';
import { FieldError, ProfileFields } from './profile-fields.js';
import { EMPTY_FORM, type FieldErrors, fieldErrors, newUserBody, type UserForm } from './user-form.js';
import { type AdminUser, usersApi } from './users-api.js';

type Outcome = { kind: 'ok'; user: AdminUser; password: string } | { kind: 'error'; text: string };

export function UserCreate({ onCreated }: { onCreated: (user: AdminUser) => void }) {
  const { t, lang } = useLang();
  const { errorText } = useErrorText();
  const [form, setForm] = useState<UserForm>(EMPTY_FORM);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [outcome, setOutcome] = useState<Outcome>();
  const [busy, setBusy] = useState(false);
  const change = (patch: Partial<UserForm>) => setForm((current) => ({ ...current, ...patch }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const user = await usersApi.create(newUserBody(form));
      setOutcome({ kind: 'ok', user, password: form.password });
      setErrors({});
      setForm(EMPTY_FORM);
      onCreated(user);
    } catch (error) {
      setErrors(fieldErrors(error, lang));
      setOutcome({ kind: 'error', text: errorText(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card stacked user-form" onSubmit={submit} data-testid="create-user">
      <h2>{t('newUser')}</h2>
      <label>
        {t('userId')}
        <input
          name="id"
          required
          autoComplete="off"
          value={form.id}
          onChange={(e) => change({ id: e.target.value })}
        />
        <FieldError errors={errors} field="id" />
      </label>
      <label>
        {t('initialPassword')}
        <span className="row tight">
          <input
            name="password"
            className="secret"
            required
            autoComplete="off"
            spellCheck={false}
            value={form.password}
            onChange={(e) => change({ password: e.target.value })}
          />
          <button
            type="button"
            className="secondary"
            onClick={() => change({ password: generatePassword() })}
          >
            {t('generate')}
          </button>
        </span>
        <FieldError errors={errors} field="password" />
      </label>
      <ProfileFields form={form} onChange={change} errors={errors} />
      {outcome?.kind === 'error' && (
        <p className="toast error" role="alert">
          {outcome.text}
        </p>
      )}
      {outcome?.kind === 'ok' && (
        <div className="toast" role="status" data-testid="created">
          {t('userCreated')} <strong>{outcome.user.id}</strong> · {t('initialPassword')}:{' '}
          <code className="secret" data-testid="created-password">
            {outcome.password}
          </code>
          <div className="small muted">{t('handOver')}</div>
        </div>
      )}
      <button type="submit" disabled={busy}>
        {t('createUser')}
      </button>
    </form>
  );
}
