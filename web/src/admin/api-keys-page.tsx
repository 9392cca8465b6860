// API keys of outside systems (admins): the keys with their scopes and use, a form that creates one and
// shows its token this once (with a copy button), and a revoke that asks first.
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { API_KEY_SCOPES } from '../../../functions/domain/integrations/api-key-record.js';
import type { Me } from '../api.js';
import { CenterTime } from '../center-zone.js';
import { useErrorText } from '../errors.js';
import { type SaveOutcome, SaveStatus } from '../save-status.js';
import { AdminsOnly } from './admins-only.js';
import { type ApiKeyRow, apiKeysApi, type CreatedApiKey } from './api-keys-api.js';
import { useAdminText } from './use-admin-text.js';
import './admin.css';

export function ApiKeysPage({ me }: { me: Me }) {
  return (
    <AdminsOnly me={me}>
      <ApiKeysAdmin />
    </AdminsOnly>
  );
}

// On the center's clock and in the page's language, as every other time on the console.
const when = (iso: string | undefined) => (iso ? <CenterTime at={iso} /> : '—');

function ApiKeysAdmin() {
  const a = useAdminText();
  const { errorText } = useErrorText();
  const [keys, setKeys] = useState<readonly ApiKeyRow[]>();
  const [name, setName] = useState('');
  const [created, setCreated] = useState<CreatedApiKey>();
  const [confirming, setConfirming] = useState<string>();
  const [status, setStatus] = useState<SaveOutcome>();

  const load = useCallback(async () => {
    try {
      setKeys((await apiKeysApi.list()).items);
    } catch (err) {
      setStatus({ ok: false, text: errorText(err) });
    }
  }, [errorText]);
  useEffect(() => {
    void load();
  }, [load]);

  const create = async (e: FormEvent) => {
    e.preventDefault();
    try {
      setCreated(await apiKeysApi.create(name.trim(), API_KEY_SCOPES));
      setName('');
      setStatus(undefined);
      await load();
    } catch (err) {
      setStatus({ ok: false, text: errorText(err) });
    }
  };
  const revoke = async (keyId: string) => {
    try {
      await apiKeysApi.revoke(keyId);
      setConfirming(undefined);
      setStatus({ ok: true, text: a('apiKeyRevoked') });
      await load();
    } catch (err) {
      setStatus({ ok: false, text: errorText(err) });
    }
  };
  const copy = async (token: string) => {
    try {
      await navigator.clipboard.writeText(token);
      setStatus({ ok: true, text: a('apiKeyCopied') });
    } catch {
      setStatus({ ok: false, text: a('apiKeyCopyFailed') });
    }
  };

  return (
    <div>
      <h1>{a('apiKeysSection')}</h1>
      <p className="muted">{a('apiKeysSectionHint')}</p>
      <form className="card" onSubmit={(e) => void create(e)} data-testid="api-key-create">
        <label>
          {a('apiKeyName')}
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={100}
            required
            data-testid="api-key-name"
          />
        </label>
        <button type="submit" disabled={!name.trim()}>
          {a('apiKeyCreate')}
        </button>
      </form>
      {created && (
        <section className="card" role="alert" data-testid="api-key-created">
          <p>
            <strong>{a('apiKeyShownOnce')}</strong>
          </p>
          <code data-testid="api-key-token">{created.token}</code>{' '}
          <button type="button" onClick={() => void copy(created.token)}>
            {a('apiKeyCopy')}
          </button>{' '}
          <button type="button" onClick={() => setCreated(undefined)}>
            {a('apiKeyDone')}
          </button>
        </section>
      )}
      <SaveStatus status={status} testId="api-keys-status" />
      <table data-testid="api-keys">
        <thead>
          <tr>
            <th>{a('apiKeyName')}</th>
            <th>{a('apiKeyId')}</th>
            <th>{a('apiKeyScopes')}</th>
            <th>{a('apiKeyCreatedAt')}</th>
            <th>{a('apiKeyLastUsed')}</th>
            <th>{a('apiKeyRevokedAt')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {keys?.length === 0 && (
            <tr>
              <td colSpan={7} className="muted">
                {a('apiKeysNone')}
              </td>
            </tr>
          )}
          {keys?.map((k) => (
            <tr key={k.keyId} data-testid={`api-key-${k.keyId}`}>
              <td>{k.name}</td>
              <td>
                <code>{k.keyId}</code>
              </td>
              <td>{k.scopes.join(', ')}</td>
              <td>
                {when(k.createdAt)} ({k.createdBy})
              </td>
              <td>{when(k.lastUsedAt)}</td>
              <td>
                {k.revokedAt ? (
                  <>
                    {when(k.revokedAt)} ({k.revokedBy ?? ''})
                  </>
                ) : (
                  '—'
                )}
              </td>
              <td>
                {!k.revokedAt &&
                  (confirming === k.keyId ? (
                    <span>
                      {a('apiKeyRevokeConfirm', { name: k.name })}{' '}
                      <button type="button" className="danger" onClick={() => void revoke(k.keyId)}>
                        {a('apiKeyRevokeYes')}
                      </button>{' '}
                      <button type="button" onClick={() => setConfirming(undefined)}>
                        {a('apiKeyRevokeNo')}
                      </button>
                    </span>
                  ) : (
                    <button type="button" onClick={() => setConfirming(k.keyId)}>
                      {a('apiKeyRevoke')}
                    </button>
                  ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
