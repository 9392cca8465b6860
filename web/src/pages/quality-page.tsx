// Call quality (/quality): supervisors and admins work the review queue (score a call with its recording
// and transcript), resolve disputes and design the scoring forms; agents read their own scores and dispute
// one.
import { useEffect, useState } from 'react';
import type { Me } from '../api.js';
import { centerNow, useCenterZone } from '../center-zone.js';
import { Disputes } from '../quality/disputes.js';
import { FormDesigner } from '../quality/form-designer.js';
import { MyScores } from '../quality/my-scores.js';
import { ReviewQueue } from '../quality/review-queue.js';
import { useQualityText } from '../quality/use-quality-text.js';
import { centerToday, lastDays } from '../reports/dates.js';
import '../reports/reports.css';
import '../quality/quality.css';

type Tab = 'queue' | 'disputes' | 'forms' | 'mine';

export function QualityPage({ me }: { me: Me }) {
  const text = useQualityText();
  const zone = useCenterZone();
  const lead = me.roles.includes('supervisor') || me.roles.includes('admin');
  const [tab, setTab] = useState<Tab>(lead ? 'queue' : 'mine');
  const [range, setRange] = useState<{ from: string; to: string }>();
  useEffect(() => {
    if (zone) setRange((r) => r ?? lastDays(centerToday(centerNow(), zone), 7));
  }, [zone]);
  const tabs: Tab[] = lead ? ['queue', 'disputes', 'forms'] : ['mine'];
  const names: Record<Tab, 'reviewQueue' | 'disputes' | 'designer' | 'myScores'> = {
    queue: 'reviewQueue',
    disputes: 'disputes',
    forms: 'designer',
    mine: 'myScores',
  };
  return (
    <div className="quality-page">
      <h1>{text('qualityTitle')}</h1>
      <section className="card fields" data-testid="qa-range">
        <label>
          {text('from')}
          <input
            type="date"
            name="from"
            value={range?.from ?? ''}
            onChange={(e) => range && e.target.value && setRange({ ...range, from: e.target.value })}
          />
        </label>
        <label>
          {text('to')}
          <input
            type="date"
            name="to"
            value={range?.to ?? ''}
            onChange={(e) => range && e.target.value && setRange({ ...range, to: e.target.value })}
          />
        </label>
      </section>
      <div className="tabs">
        {tabs.map((t) => (
          <button
            key={t}
            type="button"
            aria-pressed={tab === t}
            onClick={() => setTab(t)}
            data-testid={`qa-tab-${t}`}
          >
            {text(names[t])}
          </button>
        ))}
      </div>
      {range && tab === 'queue' && <ReviewQueue range={range} />}
      {tab === 'disputes' && <Disputes />}
      {tab === 'forms' && <FormDesigner />}
      {range && tab === 'mine' && <MyScores range={range} />}
    </div>
  );
}
