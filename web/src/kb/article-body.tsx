// An article's light markdown as React elements: paragraphs, "- " lists and **bold**. Built as elements,
// never as HTML, so an article cannot inject markup into the page.
import type { ReactNode } from 'react';

function inline(text: string): ReactNode[] {
  return text.split(/(\*\*[^*]+\*\*)/g).map((part, i) =>
    part.startsWith('**') && part.endsWith('**') && part.length > 4 ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: parts of a fixed text, never reordered.
      <strong key={`${i}-${part}`}>{part.slice(2, -2)}</strong>
    ) : (
      part
    ),
  );
}

export function ArticleBody({ body }: { body: string }) {
  const blocks = body.split(/\n\s*\n/).filter((b) => b.trim());
  return (
    <div className="kb-body" data-testid="kb-body">
      {blocks.map((block, i) => {
        const lines = block.split('\n').filter((l) => l.trim());
        const key = `${i}-${lines[0] ?? ''}`;
        if (lines.every((l) => /^\s*- /.test(l)))
          return (
            <ul key={key}>
              {lines.map((l, j) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: lines of a fixed text, never reordered.
                <li key={`${j}-${l}`}>{inline(l.replace(/^\s*- /, ''))}</li>
              ))}
            </ul>
          );
        return <p key={key}>{inline(lines.join(' '))}</p>;
      })}
    </div>
  );
}
