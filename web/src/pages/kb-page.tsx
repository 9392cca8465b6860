// The knowledge base (/kb and /kb/<id>): search for everyone, one article, new articles and agents'
// suggested changes for supervisors and admins.
import { useState } from 'react';
import type { Me } from '../api.js';
import { ArticleForm } from '../kb/article-form.js';
import { ArticleView } from '../kb/article-view.js';
import { KbSearch } from '../kb/kb-search.js';
import { SuggestionList } from '../kb/suggestion-list.js';
import { useKbText } from '../kb/use-kb-text.js';
import { navigate } from '../router.js';
import '../kb/kb.css';

export function KbPage({ me, id }: { me: Me; id?: string }) {
  const text = useKbText();
  const [creating, setCreating] = useState(false);
  const lead = me.roles.includes('supervisor') || me.roles.includes('admin');
  return (
    <div className="kb-page">
      <h1>{text('kbTitle')}</h1>
      {id ? (
        <ArticleView key={id} id={id} me={me} />
      ) : (
        <>
          <KbSearch />
          {lead &&
            (creating ? (
              <ArticleForm
                onSaved={(a) => navigate(`/kb/${encodeURIComponent(a.id)}`)}
                onCancel={() => setCreating(false)}
              />
            ) : (
              <button type="button" onClick={() => setCreating(true)} data-testid="kb-new">
                {text('newArticle')}
              </button>
            ))}
          {lead && <SuggestionList />}
        </>
      )}
    </div>
  );
}
