// The day's staffing per 15 minutes with ECharts: agents required (after shrinkage) against agents
// scheduled on the phones, and calls offered on a second axis. Only the parts used are imported.
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { PlanView } from './planning-api.js';
import { usePlanningText } from './use-planning-text.js';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const slotLabel = (slot: number) =>
  `${String(Math.floor(slot / 4)).padStart(2, '0')}:${String((slot % 4) * 15).padStart(2, '0')}`;

export function StaffingChart({ plan }: { plan: PlanView }) {
  const text = usePlanningText();
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts>(undefined);

  useEffect(() => {
    if (!element.current) return;
    const instance = echarts.init(element.current);
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = undefined;
    };
  }, []);

  const required = text('required');
  const scheduled = text('scheduled');
  const offered = text('offered');
  useEffect(() => {
    chart.current?.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: [required, scheduled, offered] },
      grid: { left: 40, right: 40, top: 36, bottom: 30 },
      xAxis: { type: 'category', data: plan.intervals.map((i) => slotLabel(i.slot)) },
      yAxis: [
        { type: 'value', minInterval: 1 },
        { type: 'value', splitLine: { show: false } },
      ],
      series: [
        {
          name: required,
          type: 'bar',
          data: plan.intervals.map((i) => i.required),
          itemStyle: { color: '#d9822b' },
        },
        {
          name: scheduled,
          type: 'line',
          step: 'middle',
          symbol: 'none',
          data: plan.intervals.map((i) => i.scheduled),
          lineStyle: { width: 2, color: '#2b6cd9' },
          itemStyle: { color: '#2b6cd9' },
        },
        {
          name: offered,
          type: 'line',
          yAxisIndex: 1,
          symbol: 'none',
          data: plan.intervals.map((i) => Math.round(i.offered * 10) / 10),
          lineStyle: { width: 1, type: 'dashed', color: '#888' },
          itemStyle: { color: '#888' },
        },
      ],
    });
  }, [plan, required, scheduled, offered]);

  return <div ref={element} className="staffing-chart" data-testid="staffing-chart" />;
}
