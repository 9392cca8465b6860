// The report as a table: one row per group (time or dimension value), one column per KPI, the total
// last; wide, so it scrolls sideways inside its card.
import { useLang } from '../i18n.js';
import { formatKpi } from './format.js';
import type { KpiReport } from './reports-api.js';

export function KpiTable({ report, groupLabel }: { report: KpiReport; groupLabel: string }) {
  const { lang } = useLang();
  return (
    <div className="table-scroll">
      <table className="report-table" data-testid="kpi-table">
        <thead>
          <tr>
            <th>{groupLabel}</th>
            {report.kpis.map((k) => (
              <th key={k.id}>{k[lang]}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.rows.map((row) => (
            <tr key={row.key} data-testid="kpi-row">
              <th>{row.key}</th>
              {report.kpis.map((k) => (
                <td key={k.id}>{formatKpi(row.values[k.id], k.unit)}</td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th>Σ</th>
            {report.kpis.map((k) => (
              <td key={k.id}>{formatKpi(report.total.values[k.id], k.unit)}</td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
