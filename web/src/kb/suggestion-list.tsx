// Agents' suggested changes, newest first, each linking to its article (supervisors and admins).
import { useEffect, useState } from 'react';
import { CenterTime } from '../center-zone.js';
import { useErrorText } from '../errors.js';
import { Link } from '../link.js';
import { type KbSuggestion, kbApi } from './kb-api.js';
import { useKbText } from './use-kb-text.js';

export function SuggestionList() {
  const text = useKbText();
  const { errorText } = useErrorText();
  const [items, setItems] = useState<KbSuggestion[]>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    kbApi.suggestions().then(
      (r) => setItems(r.items),
      (err: unknown) => setError(errorText(err)),
    );
  }, [errorText]);
  return (
    <section className="card" data-testid="kb-suggestions">
      <h2>{text('suggestions')}</h2>
      {error && <p className="error">{error}</p>}
      <ul className="compact">
        {(items ?? []).map((s) => (
          <li key={s.id}>
            <Link to={`/kb/${encodeURIComponent(s.articleId)}`}>{s.articleId}</Link> · {s.proposedBy} ·{' '}
            <span className="muted">
              <CenterTime at={s.at} />
            </span>
            <p>{s.text}</p>
          </li>
        ))}
        {items?.length === 0 && <li className="muted">{text('noSuggestions')}</li>}
      </ul>
    </section>
  );
}
