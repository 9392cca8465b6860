// The dashboard's charts: the trend (offered, answered and abandoned as bars, the service level as a
// line on a percent axis), the weekday × hour heatmap of calls offered, and calls by region.
import { useMemo } from 'react';
import { useLang } from '../i18n.js';
import { everyDay } from './dates.js';
import { formatKpi } from './format.js';
import { hourHeatmap } from './heatmap.js';
import type { KpiReport } from './reports-api.js';
import { useEChart } from './use-echart.js';
import { useReportsText } from './use-reports-text.js';

const nameOf = (report: KpiReport, id: string, lang: 'zh' | 'en') =>
  report.kpis.find((k) => k.id === id)?.[lang] ?? id;

const COLORS = { offered: '#8aa4c8', answered: '#3b8a4f', abandoned: '#c0504d', serviceLevel: '#d9822b' };

export function TrendChart({ report, from, to }: { report: KpiReport; from: string; to: string }) {
  const { lang } = useLang();
  const option = useMemo(() => {
    const rows = report.groupBy === 'day' ? everyDay(report.rows, from, to, {}) : report.rows;
    const bar = (id: 'offered' | 'answered' | 'abandoned') => ({
      name: nameOf(report, id, lang),
      type: 'bar' as const,
      data: rows.map((r) => r.values[id] ?? 0),
      itemStyle: { color: COLORS[id] },
    });
    const sl = nameOf(report, 'serviceLevel', lang);
    return {
      animation: false,
      tooltip: {
        trigger: 'axis' as const,
        valueFormatter: (v: unknown) =>
          typeof v === 'number' && v <= 1 ? formatKpi(v, 'percent') : String(v),
      },
      legend: { top: 0 },
      grid: { left: 44, right: 52, top: 36, bottom: 30 },
      xAxis: { type: 'category' as const, data: rows.map((r) => r.key) },
      yAxis: [
        { type: 'value' as const, minInterval: 1 },
        {
          type: 'value' as const,
          min: 0,
          max: 1,
          splitLine: { show: false },
          axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` },
        },
      ],
      series: [
        bar('offered'),
        bar('answered'),
        bar('abandoned'),
        {
          name: sl,
          type: 'line' as const,
          yAxisIndex: 1,
          connectNulls: true,
          data: rows.map((r) => r.values.serviceLevel ?? null),
          itemStyle: { color: COLORS.serviceLevel },
        },
      ],
    };
  }, [report, lang, from, to]);
  const element = useEChart(option);
  return <div ref={element} className="report-chart" data-testid="trend-chart" />;
}

export function HeatmapChart({ report }: { report: KpiReport }) {
  const text = useReportsText();
  const weekdayNames = text('weekdays');
  const label = nameOf(report, 'offered', useLang().lang);
  const option = useMemo(() => {
    const weekdays = weekdayNames.split(',');
    const { cells, max } = hourHeatmap(report.rows);
    return {
      animation: false,
      tooltip: {
        formatter: (p: { value: [number, number, number] }) =>
          `${weekdays[p.value[1]]} ${String(p.value[0]).padStart(2, '0')}:00 — ${label}: ${p.value[2]}`,
      },
      grid: { left: 44, right: 16, top: 10, bottom: 64 },
      xAxis: { type: 'category' as const, data: Array.from({ length: 24 }, (_, h) => String(h)) },
      yAxis: { type: 'category' as const, data: weekdays, inverse: true },
      visualMap: {
        min: 0,
        max: Math.max(1, max),
        calculable: true,
        orient: 'horizontal' as const,
        left: 'center',
        bottom: 0,
        inRange: { color: ['#f4f7fb', '#2b6cd9'] },
      },
      series: [{ name: label, type: 'heatmap' as const, data: cells, label: { show: false } }],
    };
  }, [report, label, weekdayNames]);
  const element = useEChart(option);
  return <div ref={element} className="report-chart" data-testid="heatmap-chart" />;
}

export function RegionChart({ report }: { report: KpiReport }) {
  const { lang } = useLang();
  const option = useMemo(() => {
    const rows = [...report.rows].sort((a, b) => (b.values.offered ?? 0) - (a.values.offered ?? 0));
    return {
      animation: false,
      tooltip: { trigger: 'axis' as const },
      legend: { top: 0 },
      grid: { left: 60, right: 16, top: 36, bottom: 30 },
      xAxis: { type: 'category' as const, data: rows.map((r) => r.key) },
      yAxis: { type: 'value' as const, minInterval: 1 },
      series: (['offered', 'answered'] as const).map((id) => ({
        name: nameOf(report, id, lang),
        type: 'bar' as const,
        data: rows.map((r) => r.values[id] ?? 0),
        itemStyle: { color: COLORS[id] },
      })),
    };
  }, [report, lang]);
  const element = useEChart(option);
  return <div ref={element} className="report-chart" data-testid="region-chart" />;
}
