// Wrap-up settings (admins): per hotline the wrap-up time and the outcomes the desk offers, which admins
// add, rename and hide (a flow's own outcomes are hidden, never removed, so recorded calls keep their
// names), saved together and checked by the server, with the versions and a restore. The desk offers a
// change on its next call.
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { AdminsOnly } from '../admin/admins-only.js';
import {
  type ListedDisposition,
  type WrapUpSetting,
  type WrapUpView,
  wrapUpApi,
  wrapUpSettingOf,
} from '../admin/queue-settings-api.js';
import { SettingHistoryBox } from '../admin/setting-history-box.js';
import { settingRefusal } from '../admin/setting-issues.js';
import { useAdminText } from '../admin/use-admin-text.js';
import type { Me } from '../api.js';
import { useErrorText } from '../errors.js';
import { useLang } from '../i18n.js';
import { ADMIN_LABELS, type AdminLabel } from '../labels-admin.js';
import '../admin/admin.css';
import { SaveStatus } from '../save-status.js';

export function AdminWrapUpPage({ me }: { me: Me }) {
  return (
    <AdminsOnly me={me}>
      <WrapUpAdmin />
    </AdminsOnly>
  );
}

type Hotlines = Record<string, { seconds: string; dispositions: ListedDisposition[] }>;

const hotlinesOf = (view: WrapUpView): Hotlines =>
  Object.fromEntries(
    Object.entries(view.hotlines).map(([flow, h]) => [
      flow,
      { seconds: String(h.seconds), dispositions: [...h.dispositions] },
    ]),
  );

function WrapUpAdmin() {
  const a = useAdminText();
  const { lang } = useLang();
  const { errorText } = useErrorText();
  const [view, setView] = useState<WrapUpView>();
  const [hotlines, setHotlines] = useState<Hotlines>({});
  const [flow, setFlow] = useState('');
  const [adding, setAdding] = useState({ code: '', zh: '', en: '' });
  const [status, setStatus] = useState<{ ok: boolean; text: string }>();
  const [changes, setChanges] = useState(0);

  const shown = useCallback((next: WrapUpView) => {
    setView(next);
    setHotlines(hotlinesOf(next));
    setFlow((f) => f || Object.keys(next.hotlines)[0] || '');
  }, []);
  const load = useCallback(async () => {
    try {
      shown(await wrapUpApi.get());
    } catch (err) {
      setStatus({ ok: false, text: errorText(err) });
    }
  }, [errorText, shown]);
  useEffect(() => {
    void load();
  }, [load]);

  const flowName = (name: string) => {
    const key = `flow_${name}`;
    return key in ADMIN_LABELS ? a(key as AdminLabel) : name;
  };
  const line = hotlines[flow];
  const flowCodes = view?.hotlines[flow]?.flowCodes ?? [];
  const setLine = (next: Partial<Hotlines[string]>) =>
    line && setHotlines({ ...hotlines, [flow]: { ...line, ...next } });
  const setCode = (i: number, change: (d: ListedDisposition) => ListedDisposition | undefined) =>
    line &&
    setLine({
      dispositions: line.dispositions.flatMap((d, j) => (j === i ? (change(d) ?? []) : [d])),
    });

  const save = async (e?: FormEvent) => {
    e?.preventDefault();
    if (!view) return;
    const setting: WrapUpSetting = wrapUpSettingOf({
      ...view,
      hotlines: Object.fromEntries(
        Object.entries(hotlines).map(([name, h]) => [
          name,
          {
            ...(view.hotlines[name] ?? { flowCodes: [] }),
            seconds: Number(h.seconds),
            dispositions: h.dispositions,
          },
        ]),
      ),
    });
    try {
      shown(await wrapUpApi.replace(setting));
      setStatus({ ok: true, text: a('saved') });
      setChanges((n) => n + 1);
    } catch (err) {
      const part = (p: string) => (p in hotlines ? flowName(p) : p === 'seconds' ? a('wrapUpSeconds') : p);
      setStatus({ ok: false, text: settingRefusal(err, lang, errorText, part) });
    }
  };
  const add = (e: FormEvent) => {
    e.preventDefault();
    if (!line) return;
    setLine({
      dispositions: [
        ...line.dispositions,
        { code: adding.code.trim(), label: { zh: adding.zh, en: adding.en } },
      ],
    });
    setAdding({ code: '', zh: '', en: '' });
  };

  return (
    <div className="settings-page">
      <section className="card" data-testid="wrap-up">
        <div className="card-head">
          <h1>{a('wrapUpTitle')}</h1>
          <span className="muted small" data-testid="wrap-up-source">
            {view && a(view.source === 'console' ? 'sourceQueuesConsole' : 'sourceQueuesBuiltIn')}
          </span>
        </div>
        <p className="muted small">{a('wrapUpHelp')}</p>
        <form className="row" onSubmit={(e) => void save(e)} data-testid="wrap-up-form">
          <label className="inline">
            {a('hotline')}{' '}
            <select name="hotline" value={flow} onChange={(e) => setFlow(e.target.value)}>
              {Object.keys(hotlines).map((name) => (
                <option key={name} value={name}>
                  {flowName(name)}
                </option>
              ))}
            </select>
          </label>
          <label className="inline">
            {a('wrapUpSeconds')}{' '}
            <input
              name="seconds"
              inputMode="numeric"
              size={5}
              value={line?.seconds ?? ''}
              onChange={(e) => setLine({ seconds: e.target.value })}
            />
          </label>
          <button type="submit" disabled={!view}>
            {a('save')}
          </button>
        </form>
        <SaveStatus status={status} testId="wrap-up-status" />
        <table className="day-list settings-table">
          <thead>
            <tr>
              <th>{a('dispositionCode')}</th>
              <th>{a('labelZh')}</th>
              <th>{a('labelEn')}</th>
              <th className="actions" />
            </tr>
          </thead>
          <tbody>
            {line?.dispositions.map((d, i) => (
              <tr key={d.code || i} data-testid={`code-${d.code}`} className={d.hidden ? 'muted' : ''}>
                <td className="code">
                  {d.code}
                  {flowCodes.includes(d.code) && <div className="small muted">{a('fromFlow')}</div>}
                  {view?.deskCodes.includes(d.code) && <div className="small muted">{a('deskCode')}</div>}
                </td>
                <td>
                  <input
                    aria-label={`${d.code} ${a('labelZh')}`}
                    value={d.label.zh ?? ''}
                    onChange={(e) => setCode(i, (c) => ({ ...c, label: { ...c.label, zh: e.target.value } }))}
                  />
                </td>
                <td>
                  <input
                    aria-label={`${d.code} ${a('labelEn')}`}
                    value={d.label.en ?? ''}
                    onChange={(e) => setCode(i, (c) => ({ ...c, label: { ...c.label, en: e.target.value } }))}
                  />
                </td>
                <td className="actions">
                  {d.hidden && <span className="small">{a('hidden')} </span>}
                  {/* The desk records its own codes (a transfer's): never hidden, so no button to try. */}
                  {!(view?.deskCodes.includes(d.code) && !d.hidden) && (
                    <button
                      type="button"
                      className="link"
                      onClick={() => setCode(i, ({ hidden, ...c }) => (hidden ? c : { ...c, hidden: true }))}
                    >
                      {d.hidden ? a('show') : a('hide')}
                    </button>
                  )}{' '}
                  {!flowCodes.includes(d.code) && (
                    <button type="button" className="link" onClick={() => setCode(i, () => undefined)}>
                      {a('remove')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <form className="row" onSubmit={add} data-testid="add-disposition">
          <strong>{a('addDisposition')}</strong>
          <input
            name="code"
            required
            placeholder={a('dispositionCode')}
            value={adding.code}
            onChange={(e) => setAdding({ ...adding, code: e.target.value })}
          />
          <input
            name="zh"
            placeholder={a('labelZh')}
            value={adding.zh}
            onChange={(e) => setAdding({ ...adding, zh: e.target.value })}
          />
          <input
            name="en"
            placeholder={a('labelEn')}
            value={adding.en}
            onChange={(e) => setAdding({ ...adding, en: e.target.value })}
          />
          <button type="submit" className="secondary" disabled={!line}>
            {a('add')}
          </button>
        </form>
      </section>
      <SettingHistoryBox<WrapUpSetting>
        setting="wrap-up"
        testId="wrap-up-history"
        summary={(value) =>
          value ? a('hotlinesCount', { count: Object.keys(value.hotlines).length }) : a('builtInSetting')
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
