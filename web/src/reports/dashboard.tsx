// The dashboard: the range's totals as KPI cards, the trend, the weekday × hour heatmap, calls by
// region, the agent ranking, and the report by the chosen grouping as a table with its CSV.
import type { ReactNode } from 'react';
import { useQualityText } from '../quality/use-quality-text.js';
import { AgentRanking } from './agent-ranking.js';
import { HeatmapChart, RegionChart, TrendChart } from './charts.js';
import { CsvLink } from './csv-link.js';
import { KpiCards } from './kpi-cards.js';
import { KpiTable } from './kpi-table.js';
import { QualityTable } from './quality-table.js';
import { type GroupBy, type Query, TIME_GROUPS } from './reports-api.js';
import { useKpiReport } from './use-report.js';
import { useReportsText } from './use-reports-text.js';

export interface DashboardProps {
  readonly from: string;
  readonly to: string;
  readonly groupBy: GroupBy;
  readonly slSeconds: number;
}

function Card({
  title,
  testId,
  action,
  children,
}: {
  title: string;
  testId: string;
  action?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className="card" data-testid={testId}>
      <div className="card-head">
        <h3>{title}</h3>
        {action}
      </div>
      {children}
    </section>
  );
}

export function Dashboard({ from, to, groupBy, slSeconds }: DashboardProps) {
  const text = useReportsText();
  const qaText = useQualityText();
  const base = { from, to, slSeconds };
  const byTime = (TIME_GROUPS as readonly string[]).includes(groupBy);
  // The trend follows a time grouping; grouped by a dimension, it shows days.
  const trendGroup = byTime ? groupBy : 'day';
  const main: Query = { ...base, groupBy };
  const trend = useKpiReport({ ...base, groupBy: trendGroup });
  const grouped = useKpiReport(byTime ? undefined : main);
  const hours = useKpiReport({ ...base, groupBy: 'hour' });
  const regions = useKpiReport({ ...base, groupBy: 'region' });
  const agents = useKpiReport({ ...base, groupBy: 'agent' });
  const table = byTime ? trend : grouped;
  const error = trend.error ?? table.error ?? hours.error ?? regions.error ?? agents.error;

  if (error)
    return (
      <p className="error" data-testid="report-error">
        {error}
      </p>
    );
  if (!trend.report) return null;
  return (
    <div className="dashboard">
      <Card title={text('totals', { from, to })} testId="totals">
        <KpiCards report={trend.report} />
      </Card>
      <Card title={text('trend')} testId="trend">
        <TrendChart report={trend.report} from={from} to={to} />
      </Card>
      <div className="chart-pair">
        <Card title={text('heatmap')} testId="heatmap">
          {hours.report && <HeatmapChart report={hours.report} />}
        </Card>
        <Card title={text('byRegion')} testId="regions">
          {regions.report &&
            (regions.report.rows.length ? (
              <RegionChart report={regions.report} />
            ) : (
              <p className="muted">{text('noData')}</p>
            ))}
        </Card>
      </div>
      <Card
        title={text('ranking')}
        testId="ranking"
        action={<CsvLink what="kpis" query={{ ...base, groupBy: 'agent' }} testId="ranking-csv" />}
      >
        {agents.report && <AgentRanking report={agents.report} />}
      </Card>
      <Card title={qaText('qaReport')} testId="quality">
        <QualityTable from={from} to={to} />
      </Card>
      <Card
        title={text('byGroup', { group: text(`group_${groupBy}`) })}
        testId="by-group"
        action={<CsvLink what="kpis" query={main} testId="kpis-csv" />}
      >
        {table.report && <KpiTable report={table.report} groupLabel={text(`group_${groupBy}`)} />}
      </Card>
    </div>
  );
}
