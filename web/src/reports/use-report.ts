// A report fetched for a query and fetched again when the query changes; an answer to an older query
// that arrives late is dropped, so the page never shows figures for a range it no longer asks about.
import { useEffect, useState } from 'react';
import { useErrorText } from '../errors.js';
import { type KpiReport, type Query, reportsApi } from './reports-api.js';

export function useKpiReport(query: Query | undefined): { report?: KpiReport; error?: string } {
  const { errorText } = useErrorText();
  const [state, setState] = useState<{ report?: KpiReport; error?: string }>({});
  const key = query ? JSON.stringify(query) : '';
  useEffect(() => {
    if (!key) return;
    let live = true;
    reportsApi.kpis(JSON.parse(key) as Query).then(
      (report) => live && setState({ report }),
      (err) => live && setState({ error: errorText(err) }),
    );
    return () => {
      live = false;
    };
  }, [key, errorText]);
  return state;
}
