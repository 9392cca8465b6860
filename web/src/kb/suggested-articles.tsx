// Up to three articles for the call on the desk, from what the IVR found: the hotline (the task's flow),
// the queue the caller waited in (standing for the flow's steps into it), the ticket the IVR filed and
// the caller's language. Each links to the article on /kb.
import { useEffect, useState } from 'react';
import { KB_HOTLINES } from '../../../functions/domain/kb/article.js';
import { TICKET_PREFIX } from '../../../functions/domain/ticket-workflow.js';
import type { CallFindings } from '../desk/offer.js';
import { useLang } from '../i18n.js';
import { Link } from '../link.js';
import { type KbHit, type KbSuggestParams, kbApi } from './kb-api.js';
import { useKbText } from './use-kb-text.js';

function contextOf(findings: CallFindings, uiLang: string): KbSuggestParams | undefined {
  // Task attributes carry the flow's name; the desk reads it as the call's intent when no other is set.
  const hotline = KB_HOTLINES.find((h) => h === findings.intent);
  const prefix = findings.ticketNumber?.slice(0, 3);
  const ticketType = Object.entries(TICKET_PREFIX).find(([, p]) => p === prefix)?.[0];
  if (!hotline && !ticketType) return undefined;
  const lang = findings.language === 'en' || findings.language === 'zh' ? findings.language : uiLang;
  return {
    lang,
    ...(hotline ? { hotline } : {}),
    ...(hotline && findings.queue ? { queue: findings.queue } : {}),
    ...(ticketType ? { ticketType } : {}),
  };
}

export function SuggestedArticles({ findings }: { findings: CallFindings }) {
  const { lang } = useLang();
  const text = useKbText();
  const [hits, setHits] = useState<KbHit[]>([]);
  const context = contextOf(findings, lang);
  const key = JSON.stringify(context ?? null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the context is compared by its JSON key.
  useEffect(() => {
    let cancelled = false;
    if (!context) {
      setHits([]);
      return;
    }
    // Suggestions help but are not the call: a failure leaves the list empty rather than an error.
    kbApi.suggest(context).then(
      (r) => !cancelled && setHits(r.items.slice(0, 3)),
      () => !cancelled && setHits([]),
    );
    return () => {
      cancelled = true;
    };
  }, [key]);

  if (hits.length === 0) return null;
  return (
    <div className="kb-suggested" data-testid="kb-suggested">
      <h3>{text('suggestedArticles')}</h3>
      <ul className="compact">
        {hits.map(({ article: a }) => (
          <li key={a.id} data-testid="kb-suggested-article">
            <Link to={`/kb/${encodeURIComponent(a.id)}`}>{a.title}</Link>
            <span className="muted"> · {a.summary}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
