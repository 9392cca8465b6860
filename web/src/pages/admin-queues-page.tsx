// Queue settings (admins): per queue the service-level threshold the wallboard measures and the limit of
// callers waiting, saved together (checked by the server, which names each wrong value), with the
// versions and a restore. Saved changes reach the IVR and the wallboard within seconds.
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { AdminsOnly } from '../admin/admins-only.js';
import { type QueueRule, type QueuesSetting, queueSettingsApi } from '../admin/queue-settings-api.js';
import { SettingHistoryBox } from '../admin/setting-history-box.js';
import { settingRefusal } from '../admin/setting-issues.js';
import { useAdminText } from '../admin/use-admin-text.js';
import type { Me } from '../api.js';
import { codeName, useErrorText } from '../errors.js';
import { useLang } from '../i18n.js';
import '../admin/admin.css';
import { SaveStatus } from '../save-status.js';

export function AdminQueuesPage({ me }: { me: Me }) {
  return (
    <AdminsOnly me={me}>
      <QueuesAdmin />
    </AdminsOnly>
  );
}

type Draft = Record<string, { serviceLevelSeconds: string; maxWaiting: string }>;

const draftOf = (queues: Readonly<Record<string, QueueRule>>): Draft =>
  Object.fromEntries(
    Object.entries(queues).map(([q, r]) => [
      q,
      { serviceLevelSeconds: String(r.serviceLevelSeconds), maxWaiting: String(r.maxWaiting) },
    ]),
  );

function QueuesAdmin() {
  const a = useAdminText();
  const { lang } = useLang();
  const { errorText } = useErrorText();
  const [draft, setDraft] = useState<Draft>();
  const [source, setSource] = useState<'console' | 'built-in'>();
  const [status, setStatus] = useState<{ ok: boolean; text: string }>();
  const [changes, setChanges] = useState(0);

  const load = useCallback(async () => {
    try {
      const view = await queueSettingsApi.get();
      setDraft(draftOf(view.queues));
      setSource(view.source);
    } catch (err) {
      setStatus({ ok: false, text: errorText(err) });
    }
  }, [errorText]);
  useEffect(() => {
    void load();
  }, [load]);

  const fieldName = (part: string) =>
    part === 'serviceLevelSeconds' || part === 'maxWaiting' ? a(part) : codeName('queue', part, lang);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!draft) return;
    // Numbers as typed: an empty or fractional box reaches the server, which says what is allowed.
    const setting: QueuesSetting = {
      queues: Object.fromEntries(
        Object.entries(draft).map(([q, r]) => [
          q,
          { serviceLevelSeconds: Number(r.serviceLevelSeconds), maxWaiting: Number(r.maxWaiting) },
        ]),
      ),
    };
    try {
      const view = await queueSettingsApi.replace(setting);
      setDraft(draftOf(view.queues));
      setSource(view.source);
      setStatus({ ok: true, text: a('saved') });
      setChanges((n) => n + 1);
    } catch (err) {
      setStatus({ ok: false, text: settingRefusal(err, lang, errorText, fieldName) });
    }
  };
  const edit = (queue: string, field: 'serviceLevelSeconds' | 'maxWaiting', value: string) =>
    draft &&
    setDraft({
      ...draft,
      [queue]: { ...(draft[queue] ?? { serviceLevelSeconds: '', maxWaiting: '' }), [field]: value },
    });

  return (
    <div className="settings-page">
      <section className="card" data-testid="queues">
        <div className="card-head">
          <h1>{a('queuesTitle')}</h1>
          <span className="muted small" data-testid="queues-source">
            {source && a(source === 'console' ? 'sourceQueuesConsole' : 'sourceQueuesBuiltIn')}
          </span>
        </div>
        <p className="muted small">{a('queuesHelp')}</p>
        <form onSubmit={(e) => void save(e)} data-testid="queues-form">
          <table className="day-list settings-table">
            <thead>
              <tr>
                <th>{a('queueName')}</th>
                <th>{a('serviceLevelSeconds')}</th>
                <th>{a('maxWaiting')}</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(draft ?? {}).map(([queue, r]) => (
                <tr key={queue} data-testid={`queue-${queue}`}>
                  <td>{codeName('queue', queue, lang)}</td>
                  <td>
                    <input
                      name={`${queue}.serviceLevelSeconds`}
                      inputMode="numeric"
                      size={6}
                      aria-label={`${codeName('queue', queue, lang)} ${a('serviceLevelSeconds')}`}
                      value={r.serviceLevelSeconds}
                      onChange={(e) => edit(queue, 'serviceLevelSeconds', e.target.value)}
                    />
                  </td>
                  <td>
                    <input
                      name={`${queue}.maxWaiting`}
                      inputMode="numeric"
                      size={6}
                      aria-label={`${codeName('queue', queue, lang)} ${a('maxWaiting')}`}
                      value={r.maxWaiting}
                      onChange={(e) => edit(queue, 'maxWaiting', e.target.value)}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="submit" disabled={!draft}>
            {a('save')}
          </button>
        </form>
        <SaveStatus status={status} testId="queues-status" />
      </section>
      <SettingHistoryBox<QueuesSetting>
        setting="queues"
        testId="queues-history"
        summary={(value) =>
          value ? a('queuesCount', { count: Object.keys(value.queues).length }) : a('builtInSetting')
        }
        changes={changes}
        onRestored={(version) => {
          setStatus({ ok: true, text: a('restored', { version }) });
          setChanges((n) => n + 1);
          void load();
        }}
      />
    </div>
  );
}
