// Open disputes for supervisors: the agent's reason beside the score, resolved as upheld (the score
// stands) or overturned (it no longer counts), with a note the agent reads.
import { useEffect, useState } from 'react';
import { useErrorText } from '../errors.js';
import { percentOf } from './format.js';
import { type QaScore, qualityApi } from './quality-api.js';
import { useQualityText } from './use-quality-text.js';

function Dispute({ score, onDone }: { score: QaScore; onDone: () => void }) {
  const text = useQualityText();
  const { errorText } = useErrorText();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string>();
  const resolve = (outcome: 'upheld' | 'overturned') =>
    qualityApi
      .resolve(score.id, score.version, outcome, note.trim())
      .then(onDone, (e: unknown) => setError(errorText(e)));
  return (
    <li className="card" data-testid="qa-dispute">
      <strong>{score.agentId}</strong> · {percentOf(score.result.percent)} · {text('scoredBy')}{' '}
      {score.scoredBy}
      <p>
        {text('disputeReason')}: {score.dispute?.reason}
      </p>
      <div className="fields">
        <label>
          {text('resolveNote')}
          <input name="note" value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
        <button type="button" disabled={!note.trim()} onClick={() => resolve('upheld')}>
          {text('uphold')}
        </button>
        <button type="button" disabled={!note.trim()} onClick={() => resolve('overturned')}>
          {text('overturn')}
        </button>
      </div>
      {error && <p className="error">{error}</p>}
    </li>
  );
}

export function Disputes() {
  const text = useQualityText();
  const [items, setItems] = useState<QaScore[]>();
  const load = () => {
    qualityApi.disputes().then(
      ({ items }) => setItems(items),
      () => setItems([]),
    );
  };
  useEffect(load, []);
  if (!items) return null;
  if (!items.length) return <p className="muted">{text('noDisputes')}</p>;
  return (
    <ul className="qa-list" data-testid="qa-disputes">
      {items.map((s) => (
        <Dispute key={s.id} score={s} onDone={load} />
      ))}
    </ul>
  );
}
