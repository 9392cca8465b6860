// The QA figures per agent for the report's range: calls scored, the average score, auto-fails, open
// disputes and voided scores (from /api/reports/quality).
import { useEffect, useState } from 'react';
import { useErrorText } from '../errors.js';
import { percentOf } from '../quality/format.js';
import { type QualityRow, qualityApi } from '../quality/quality-api.js';
import { useQualityText } from '../quality/use-quality-text.js';

export function QualityTable({ from, to }: { from: string; to: string }) {
  const text = useQualityText();
  const { errorText } = useErrorText();
  const [rows, setRows] = useState<QualityRow[]>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    let live = true;
    qualityApi.report({ from, to }).then(
      (r) => live && setRows(r.rows),
      (e: unknown) => live && setError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [from, to, errorText]);
  if (error) return <p className="error">{error}</p>;
  if (!rows) return null;
  if (!rows.length) return <p className="muted">{text('noScores')}</p>;
  return (
    <table className="report-table" data-testid="qa-report">
      <thead>
        <tr>
          <th>{text('agent')}</th>
          <th>{text('qaScored')}</th>
          <th>{text('qaAverage')}</th>
          <th>{text('qaAutoFails')}</th>
          <th>{text('qaOpenDisputes')}</th>
          <th>{text('qaOverturned')}</th>
          <th>{text('flagged')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.agent} data-testid="qa-report-row">
            <th>{r.agent}</th>
            <td>{r.scored}</td>
            <td data-testid="qa-average">{percentOf(r.average)}</td>
            <td>{r.autoFails}</td>
            <td>{r.openDisputes}</td>
            <td>{r.overturned}</td>
            <td data-testid="qa-flagged">{r.flagged}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
