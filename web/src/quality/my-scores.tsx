// An agent's own scores in a date range, each with its comments at times in the call and the dispute's
// state; a score not yet disputed can be disputed once, with a reason.
import { useEffect, useState } from 'react';
import { CenterTime } from '../center-zone.js';
import { useErrorText } from '../errors.js';
import { clockOf, percentOf } from './format.js';
import { type QaScore, qualityApi } from './quality-api.js';
import { useQualityText } from './use-quality-text.js';

export function DisputeState({ score }: { score: QaScore }) {
  const text = useQualityText();
  const d = score.dispute;
  if (!d) return null;
  const key =
    d.state === 'open' ? 'disputeOpen' : d.outcome === 'overturned' ? 'disputeOverturned' : 'disputeUpheld';
  return (
    <span className="qa-dispute-state" data-testid="qa-dispute-state">
      {text(key)}
      {d.note ? `: ${d.note}` : ''}
    </span>
  );
}

function MyScore({ score, onChanged }: { score: QaScore; onChanged: (s: QaScore) => void }) {
  const text = useQualityText();
  const { errorText } = useErrorText();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  return (
    <li className="card" data-testid="qa-my-score">
      <strong>{percentOf(score.result.percent)}</strong> · <CenterTime at={score.callStartedAt} /> ·{' '}
      {text('scoredBy')} {score.scoredBy}
      {score.result.autoFailed && <span className="error"> {text('autoFailed')}</span>}
      {score.overall && <p>{score.overall}</p>}
      <ul>
        {score.comments.map((c) => (
          <li key={`${c.atSeconds}-${c.text}`}>
            {clockOf(c.atSeconds)} {c.text}
          </li>
        ))}
      </ul>
      <DisputeState score={score} />
      {!score.dispute && (
        <div className="fields">
          <label>
            {text('disputeReason')}
            <input name="reason" value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
          <button
            type="button"
            disabled={!reason.trim()}
            onClick={() =>
              qualityApi
                .dispute(score.id, score.version, reason.trim())
                .then(onChanged, (e: unknown) => setError(errorText(e)))
            }
          >
            {text('sendDispute')}
          </button>
        </div>
      )}
      {error && <p className="error">{error}</p>}
    </li>
  );
}

export function MyScores({ range }: { range: { from: string; to: string } }) {
  const text = useQualityText();
  const { errorText } = useErrorText();
  const [scores, setScores] = useState<QaScore[]>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    qualityApi.mine(range).then(
      ({ items }) => setScores(items),
      (e: unknown) => setError(errorText(e)),
    );
  }, [range, errorText]);
  if (error) return <p className="error">{error}</p>;
  if (!scores) return null;
  if (!scores.length) return <p className="muted">{text('noScores')}</p>;
  return (
    <ul className="qa-list" data-testid="qa-my-scores">
      {scores.map((s) => (
        <MyScore
          key={s.id}
          score={s}
          onChanged={(next) => setScores((all) => all?.map((x) => (x.id === next.id ? next : x)))}
        />
      ))}
    </ul>
  );
}
