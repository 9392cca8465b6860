// The range's totals as cards, one section per KPI class (service, efficiency, quality, marketing).
import { useLang } from '../i18n.js';
import { formatKpi } from './format.js';
import type { KpiClass, KpiReport } from './reports-api.js';
import { useReportsText } from './use-reports-text.js';

const CLASSES: readonly KpiClass[] = ['service', 'efficiency', 'quality', 'marketing'];

export function KpiCards({ report }: { report: KpiReport }) {
  const { lang } = useLang();
  const text = useReportsText();
  return (
    <div className="kpi-classes">
      {CLASSES.map((cls) => (
        <section key={cls} className="kpi-class" data-testid={`kpi-class-${cls}`}>
          <h4>{text(`class_${cls}`)}</h4>
          <div className="kpi-cards">
            {report.kpis
              .filter((k) => k.class === cls)
              .map((k) => (
                <div key={k.id} className="kpi-card" data-testid={`kpi-${k.id}`}>
                  <span className="kpi-name">{k[lang]}</span>
                  <strong className="kpi-value">{formatKpi(report.total.values[k.id], k.unit)}</strong>
                </div>
              ))}
          </div>
        </section>
      ))}
    </div>
  );
}
