// Time per agent per day in each state (available, busy, wrap-up, away), logged-in time, calls handled
// and their handle time, with the CSV of the same rows.
import { type FormEvent, useEffect, useState } from 'react';
import { useErrorText } from '../errors.js';
import { CsvLink } from './csv-link.js';
import { formatDuration } from './format.js';
import { type AgentStateRow, reportsApi } from './reports-api.js';
import { useReportsText } from './use-reports-text.js';

const DURATIONS = [
  ['availableSeconds', 'available'],
  ['busySeconds', 'busy'],
  ['wrapSeconds', 'wrap'],
  ['awaySeconds', 'away'],
  ['loggedInSeconds', 'loggedIn'],
] as const;

export function AgentStates({ from, to }: { from: string; to: string }) {
  const text = useReportsText();
  const { errorText } = useErrorText();
  const [draft, setDraft] = useState('');
  const [agent, setAgent] = useState('');
  const [rows, setRows] = useState<AgentStateRow[]>();
  const [error, setError] = useState<string>();
  const query = { from, to, agent };

  useEffect(() => {
    let live = true;
    reportsApi.agentStates({ from, to, agent }).then(
      (r) => {
        if (!live) return;
        setRows(r.rows);
        setError(undefined);
      },
      (err) => live && setError(errorText(err)),
    );
    return () => {
      live = false;
    };
  }, [from, to, agent, errorText]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setAgent(draft.trim());
  };

  return (
    <section className="card" data-testid="agent-states">
      <form className="fields" onSubmit={submit}>
        <label>
          {text('agent')}
          <input name="agent" value={draft} onChange={(e) => setDraft(e.target.value)} />
        </label>
        <button type="submit">{text('filter')}</button>
        <CsvLink what="agent-states" query={query} testId="states-csv" />
      </form>
      {error && (
        <p className="error" data-testid="report-error">
          {error}
        </p>
      )}
      {rows?.length === 0 && <p className="muted">{text('noData')}</p>}
      {!!rows?.length && (
        <table className="report-table">
          <thead>
            <tr>
              <th>{text('agent')}</th>
              <th>{text('day')}</th>
              {DURATIONS.map(([, label]) => (
                <th key={label}>{text(label)}</th>
              ))}
              <th>{text('handled')}</th>
              <th>{text('handleTime')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.agent}-${r.day}`} data-testid="state-row">
                <th>{r.agent}</th>
                <td>{r.day}</td>
                {DURATIONS.map(([key]) => (
                  <td key={key}>{formatDuration(r[key])}</td>
                ))}
                <td>{r.handled}</td>
                <td>{formatDuration(r.handleSeconds)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
