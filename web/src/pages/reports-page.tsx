// Reports (supervisors and admins): a date range on the center's calendar, a grouping and the service
// level threshold, then the KPI dashboard, the call log or the agent state log, each with its CSV.
import { useEffect, useState } from 'react';
import type { Me } from '../api.js';
import { centerNow, useCenterZone } from '../center-zone.js';
import { useLang } from '../i18n.js';
import { AgentStates } from '../reports/agent-states.js';
import { CallLog } from '../reports/call-log.js';
import { Dashboard } from '../reports/dashboard.js';
import { centerToday, lastDays } from '../reports/dates.js';
import { DIMENSION_GROUPS, type GroupBy, SL_SECONDS, TIME_GROUPS } from '../reports/reports-api.js';
import { useReportsText } from '../reports/use-reports-text.js';
import '../reports/reports.css';

const TABS = ['dashboard', 'callLog', 'agentStates'] as const;
type Tab = (typeof TABS)[number];

export function ReportsPage({ me }: { me: Me }) {
  const { t } = useLang();
  const text = useReportsText();
  const zone = useCenterZone();
  const allowed = me.roles.includes('supervisor') || me.roles.includes('admin');
  const [range, setRange] = useState<{ from: string; to: string }>();
  const [groupBy, setGroupBy] = useState<GroupBy>('day');
  const [slSeconds, setSlSeconds] = useState(20);
  const [tab, setTab] = useState<Tab>('dashboard');

  useEffect(() => {
    if (zone) setRange((r) => r ?? lastDays(centerToday(centerNow(), zone), 7));
  }, [zone]);

  if (!allowed) return <p className="error">{t('needsSupervisor')}</p>;

  return (
    <div className="reports-page">
      <h1>{text('reportsTitle')}</h1>
      <section className="card fields" data-testid="report-inputs">
        <label>
          {text('from')}
          <input
            type="date"
            name="from"
            value={range?.from ?? ''}
            max={range?.to}
            onChange={(e) => range && e.target.value && setRange({ ...range, from: e.target.value })}
          />
        </label>
        <label>
          {text('to')}
          <input
            type="date"
            name="to"
            value={range?.to ?? ''}
            min={range?.from}
            onChange={(e) => range && e.target.value && setRange({ ...range, to: e.target.value })}
          />
        </label>
        <label>
          {text('groupBy')}
          <select name="groupBy" value={groupBy} onChange={(e) => setGroupBy(e.target.value as GroupBy)}>
            {[...TIME_GROUPS, ...DIMENSION_GROUPS].map((g) => (
              <option key={g} value={g}>
                {text(`group_${g}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {text('slSeconds')}
          <select name="slSeconds" value={slSeconds} onChange={(e) => setSlSeconds(Number(e.target.value))}>
            {SL_SECONDS.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
      </section>
      <div className="tabs" role="tablist">
        {TABS.map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={tab === id}
            className={tab === id ? 'active' : undefined}
            onClick={() => setTab(id)}
            data-testid={`tab-${id}`}
          >
            {text(id)}
          </button>
        ))}
      </div>
      {range && tab === 'dashboard' && <Dashboard {...range} groupBy={groupBy} slSeconds={slSeconds} />}
      {range && tab === 'callLog' && <CallLog {...range} />}
      {range && tab === 'agentStates' && <AgentStates {...range} />}
    </div>
  );
}
