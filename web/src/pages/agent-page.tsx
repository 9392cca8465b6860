// The agent desktop as far as this release goes: who you are and a customer search. Incoming-call
// screen pop, the softphone and presence arrive with the Twilio twin (later issues).
import { type FormEvent, useEffect, useState } from 'react';
import { api, type Customer, type Me } from '../api.js';
import { useLang } from '../i18n.js';
import { Link } from '../link.js';
import { WhoAmI } from './who-am-i.js';

// Remembered for this tab, so "back to search" shows the same results.
const LAST_QUERY = 'cc-last-query';

export function AgentPage({ me }: { me: Me }) {
  const { t } = useLang();
  const [query, setQuery] = useState(() => sessionStorage.getItem(LAST_QUERY) ?? '');
  const [results, setResults] = useState<readonly Customer[]>();
  const [error, setError] = useState<string>();

  const run = async (q: string) => {
    sessionStorage.setItem(LAST_QUERY, q);
    setError(undefined);
    try {
      setResults((await api.searchCustomers(q)).items);
    } catch (err) {
      setError((err as Error).message);
    }
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: run the remembered search once, on arrival.
  useEffect(() => {
    if (query.trim()) void run(query.trim());
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (query.trim()) void run(query.trim());
  };

  return (
    <>
      <WhoAmI me={me} />
      <p className="notice">
        {t('agentDesktop')}: {t('agentLater')}
      </p>
      <section className="card">
        <form className="search" onSubmit={submit}>
          <input
            name="q"
            value={query}
            placeholder={t('searchHint')}
            aria-label={t('searchHint')}
            onChange={(e) => setQuery(e.target.value)}
          />
          <button type="submit">{t('search')}</button>
        </form>
        {error && <p className="error">{error}</p>}
        {results && results.length === 0 && <p className="muted">{t('noResults')}</p>}
        {results && results.length > 0 && (
          <ul className="results" data-testid="results">
            {results.map((c) => (
              <li key={c.id}>
                <Link to={`/agent/customers/${encodeURIComponent(c.id)}`}>{c.name}</Link>{' '}
                <span className="muted">
                  {c.phones.join(' · ')}
                  {c.company ? ` · ${c.company}` : ''}
                </span>
                {c.vipTier !== 'none' && <span className="tag">VIP {c.vipTier}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
