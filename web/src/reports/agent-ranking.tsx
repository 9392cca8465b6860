// Agents side by side (the report grouped by agent), sorted by calls handled, handle time or CSAT:
// a click on a column heading sorts by it, a second click turns the order round. Blanks sort last.
import { useState } from 'react';
import { useLang } from '../i18n.js';
import { formatKpi } from './format.js';
import type { KpiReport } from './reports-api.js';
import { useReportsText } from './use-reports-text.js';

const COLUMNS = ['handled', 'aht', 'avgTalk', 'occupancy', 'fcr', 'csat'] as const;
const SORTABLE: ReadonlySet<string> = new Set(['handled', 'aht', 'csat']);

export function AgentRanking({ report }: { report: KpiReport }) {
  const { lang } = useLang();
  const text = useReportsText();
  const [sort, setSort] = useState<{ by: string; desc: boolean }>({ by: 'handled', desc: true });
  const kpis = COLUMNS.flatMap((id) => report.kpis.filter((k) => k.id === id));
  const rows = [...report.rows].sort((a, b) => {
    const x = a.values[sort.by] ?? null;
    const y = b.values[sort.by] ?? null;
    if (x === null || y === null) return x === y ? a.key.localeCompare(b.key) : x === null ? 1 : -1;
    return (sort.desc ? y - x : x - y) || a.key.localeCompare(b.key);
  });
  const sortBy = (by: string) => setSort((s) => ({ by, desc: s.by === by ? !s.desc : true }));
  return (
    <table className="report-table" data-testid="agent-ranking">
      <thead>
        <tr>
          <th>{text('agent')}</th>
          {kpis.map((k) => (
            <th
              key={k.id}
              aria-sort={sort.by === k.id ? (sort.desc ? 'descending' : 'ascending') : undefined}
            >
              {SORTABLE.has(k.id) ? (
                <button
                  type="button"
                  className="link"
                  onClick={() => sortBy(k.id)}
                  data-testid={`sort-${k.id}`}
                >
                  {k[lang]}
                  {sort.by === k.id ? (sort.desc ? ' ▼' : ' ▲') : ''}
                </button>
              ) : (
                k[lang]
              )}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} data-testid="ranking-row">
            <th>{row.key}</th>
            {kpis.map((k) => (
              <td key={k.id}>{formatKpi(row.values[k.id], k.unit)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
