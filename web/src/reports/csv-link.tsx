// The "CSV" link of a table: the same query as the table with format=csv in the UI's language, saved as
// a file (the session cookie goes with it, as with any same-origin request).
import { useLang } from '../i18n.js';
import { type Query, reportPath } from './reports-api.js';
import { useReportsText } from './use-reports-text.js';

export function CsvLink({
  what,
  query,
  testId,
}: {
  what: Parameters<typeof reportPath>[0];
  query: Query;
  testId: string;
}) {
  const { lang } = useLang();
  const text = useReportsText();
  return (
    <a className="csv-link" href={`/api${reportPath(what, query, lang)}`} download data-testid={testId}>
      {text('csv')}
    </a>
  );
}
