// Forwarding to duty phones (admins): per hotline, the duty phone, after hours or not, after how long a
// waiting caller is forwarded and how long it rings. Saved whole; refusals beside the field they name, the
// versions with a restore below.
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { HOTLINE_NUMBERS } from '../../../flows/numbers.js';
import { NO_AGENT_AFTER_SECONDS, RING_SECONDS } from '../../../functions/domain/forwarding.js';
import { AdminsOnly } from '../admin/admins-only.js';
import { type ForwardingSetting, type ForwardRule, forwardingApi } from '../admin/forwarding-api.js';
import { SettingHistoryBox } from '../admin/setting-history-box.js';
import { useAdminText } from '../admin/use-admin-text.js';
import type { Me } from '../api.js';
import { useErrorText } from '../errors.js';
import { useLang } from '../i18n.js';
import { PathError, type PathIssues, pathIssues } from '../path-issues.js';
import '../admin/admin.css';
import { SaveStatus } from '../save-status.js';

/**
 * One line per flow: several numbers may run the same flow, and forwarding is kept per flow. The demo
 * numbers name the flows (a deployment runs the same flows on numbers of its own, so none is shown).
 */
const LINES = HOTLINE_NUMBERS.filter((n, i) => HOTLINE_NUMBERS.findIndex((m) => m.flow === n.flow) === i);
const DEFAULT_RING = 20;

interface Row {
  readonly on: boolean;
  readonly number: string;
  readonly afterHours: boolean;
  /** Blank: a waiting caller is never forwarded. */
  readonly noAgent: string;
  readonly ring: string;
}

const rowOf = (rule: ForwardRule | undefined): Row => ({
  on: !!rule,
  number: rule?.number ?? '',
  afterHours: rule?.afterHours ?? true,
  noAgent: rule?.noAgentAfterSeconds === undefined ? '' : String(rule.noAgentAfterSeconds),
  ring: String(rule?.ringSeconds ?? DEFAULT_RING),
});

/** The rows as a setting; `kept` are rules of flows this page does not list, which a save must not drop. */
function settingOf(
  rows: Readonly<Record<string, Row>>,
  kept: ForwardingSetting['hotlines'],
): ForwardingSetting {
  const hotlines: Record<string, ForwardRule> = { ...kept };
  for (const [flow, row] of Object.entries(rows)) {
    if (!row.on) continue;
    hotlines[flow] = {
      number: row.number.trim(),
      afterHours: row.afterHours,
      ringSeconds: Number(row.ring),
      ...(row.noAgent.trim() ? { noAgentAfterSeconds: Number(row.noAgent) } : {}),
    };
  }
  return { hotlines };
}

export function AdminForwardingPage({ me }: { me: Me }) {
  return (
    <AdminsOnly me={me}>
      <ForwardingAdmin />
    </AdminsOnly>
  );
}

function ForwardingAdmin() {
  const a = useAdminText();
  const { lang } = useLang();
  const { errorText } = useErrorText();
  const [rows, setRows] = useState<Record<string, Row>>();
  const [kept, setKept] = useState<ForwardingSetting['hotlines']>({});
  const [issues, setIssues] = useState<PathIssues>({});
  const [status, setStatus] = useState<{ ok: boolean; text: string }>();
  const [changes, setChanges] = useState(0);

  const show = useCallback((setting: ForwardingSetting) => {
    setRows(Object.fromEntries(LINES.map((l) => [l.flow, rowOf(setting.hotlines[l.flow])])));
    setKept(
      Object.fromEntries(
        Object.entries(setting.hotlines).filter(([flow]) => !LINES.some((l) => l.flow === flow)),
      ),
    );
  }, []);
  const load = useCallback(async () => {
    try {
      show(await forwardingApi.get());
    } catch (err) {
      setStatus({ ok: false, text: errorText(err) });
    }
  }, [errorText, show]);
  useEffect(() => {
    void load();
  }, [load]);

  const change = (flow: string, patch: Partial<Row>) =>
    setRows((r) => r && { ...r, [flow]: { ...(r[flow] ?? rowOf(undefined)), ...patch } });
  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!rows) return;
    try {
      show(await forwardingApi.replace(settingOf(rows, kept)));
      setIssues({});
      setStatus({ ok: true, text: a('saved') });
      setChanges((n) => n + 1);
    } catch (err) {
      const found = pathIssues(err, lang);
      setIssues(found);
      setStatus({ ok: false, text: Object.keys(found).length ? a('fixFields') : errorText(err) });
    }
  };

  return (
    <div className="forwarding-page">
      <form className="card" onSubmit={(e) => void save(e)} data-testid="forwarding">
        <h1>{a('forwardingTitle')}</h1>
        <p className="muted small">{a('forwardingHelp')}</p>
        {rows &&
          LINES.map((line) => {
            const row = rows[line.flow] ?? rowOf(undefined);
            const at = `hotlines.${line.flow}`;
            return (
              <fieldset key={line.flow} className="forward-line" data-testid={`forward-${line.flow}`}>
                <legend>
                  {line.name} <span className="muted small">{line.flow}</span>
                </legend>
                <label className="inline">
                  <input
                    type="checkbox"
                    name="on"
                    checked={row.on}
                    onChange={(e) => change(line.flow, { on: e.target.checked })}
                  />{' '}
                  {a('forwardOn')}
                </label>
                <PathError issues={issues} at={at} />
                {row.on && (
                  <div className="forward-fields">
                    <label>
                      {a('dutyPhone')}
                      <input
                        type="tel"
                        name="number"
                        required
                        value={row.number}
                        onChange={(e) => change(line.flow, { number: e.target.value })}
                      />
                      <PathError issues={issues} at={`${at}.number`} />
                    </label>
                    <label className="inline">
                      <input
                        type="checkbox"
                        name="afterHours"
                        checked={row.afterHours}
                        onChange={(e) => change(line.flow, { afterHours: e.target.checked })}
                      />{' '}
                      {a('afterHours')}
                    </label>
                    <label>
                      {a('noAgentAfter', NO_AGENT_AFTER_SECONDS)}
                      <input
                        type="number"
                        name="noAgentAfterSeconds"
                        min={NO_AGENT_AFTER_SECONDS.min}
                        max={NO_AGENT_AFTER_SECONDS.max}
                        placeholder={a('never')}
                        value={row.noAgent}
                        onChange={(e) => change(line.flow, { noAgent: e.target.value })}
                      />
                      <PathError issues={issues} at={`${at}.noAgentAfterSeconds`} />
                    </label>
                    <label>
                      {a('ringSeconds', RING_SECONDS)}
                      <input
                        type="number"
                        name="ringSeconds"
                        required
                        min={RING_SECONDS.min}
                        max={RING_SECONDS.max}
                        value={row.ring}
                        onChange={(e) => change(line.flow, { ring: e.target.value })}
                      />
                      <PathError issues={issues} at={`${at}.ringSeconds`} />
                    </label>
                  </div>
                )}
              </fieldset>
            );
          })}
        <button type="submit" disabled={!rows}>
          {a('save')}
        </button>
        <SaveStatus status={status} testId="forwarding-status" />
      </form>
      <SettingHistoryBox<ForwardingSetting>
        setting="forwarding"
        testId="forwarding-history"
        summary={(value) =>
          value && Object.keys(value.hotlines).length
            ? Object.entries(value.hotlines)
                .map(([flow, rule]) => `${flow} → ${rule.number}`)
                .join(', ')
            : a('noForwarding')
        }
        changes={changes}
        onRestored={(version) => {
          setStatus({ ok: true, text: a('restored', { version }) });
          setIssues({});
          setChanges((n) => n + 1);
          void load();
        }}
      />
    </div>
  );
}
