// The call log: the range's calls newest first, filtered by agent, queue or hotline, fifty at a time
// with "more". Each row shows what became of the call, its wait and talk, who took it and where it
// went (compact, opened for the times), the customer, the recordings and the tickets.
import { type FormEvent, useEffect, useState } from 'react';
import { api } from '../api.js';
import { CenterTime } from '../center-zone.js';
import { PlayButton } from '../desk/play-button.js';
import { useErrorText } from '../errors.js';
import { Link } from '../link.js';
import { CsvLink } from './csv-link.js';
import { formatDuration, NOTHING } from './format.js';
import { type CallLogItem, reportsApi } from './reports-api.js';
import { useReportsText } from './use-reports-text.js';

const FILTERS = ['agent', 'queue', 'hotline'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;
const PAGE = 50;

const seconds = (s: number | undefined) => (s === undefined ? NOTHING : formatDuration(s));

export function CallLog({ from, to }: { from: string; to: string }) {
  const text = useReportsText();
  const { errorText } = useErrorText();
  const [draft, setDraft] = useState<Filters>({ agent: '', queue: '', hotline: '' });
  const [filters, setFilters] = useState<Filters>(draft);
  const [items, setItems] = useState<CallLogItem[]>();
  const [cursor, setCursor] = useState<string>();
  const [error, setError] = useState<string>();
  const query = { from, to, ...filters };

  const load = (after?: string) =>
    reportsApi.calls({ ...query, limit: PAGE, cursor: after }).then(
      (page) => {
        setItems((old) => (after ? [...(old ?? []), ...page.items] : page.items));
        setCursor(page.cursor);
        setError(undefined);
      },
      (err) => setError(errorText(err)),
    );

  // biome-ignore lint/correctness/useExhaustiveDependencies: load reads the query these values make
  useEffect(() => {
    setItems(undefined);
    void load();
  }, [from, to, filters.agent, filters.queue, filters.hotline]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFilters(draft);
  };

  return (
    <section className="card" data-testid="call-log">
      <form className="fields" onSubmit={submit}>
        {FILTERS.map((f) => (
          <label key={f}>
            {text(f)}
            <input name={f} value={draft[f]} onChange={(e) => setDraft({ ...draft, [f]: e.target.value })} />
          </label>
        ))}
        <button type="submit">{text('filter')}</button>
        <CsvLink what="calls" query={query} testId="calls-csv" />
      </form>
      {error && (
        <p className="error" data-testid="report-error">
          {error}
        </p>
      )}
      {items?.length === 0 && <p className="muted">{text('noCalls')}</p>}
      {!!items?.length && (
        <div className="table-scroll">
          <table className="report-table call-log">
            <thead>
              <tr>
                <th>{text('started')}</th>
                <th>{text('direction')}</th>
                <th>{text('caller')}</th>
                <th>{text('hotline')}</th>
                <th>{text('customer')}</th>
                <th>{text('outcome')}</th>
                <th>{text('waitTalk')}</th>
                <th>{text('agent')}</th>
                <th>{text('queue')}</th>
                <th>{text('path')}</th>
                <th>{text('recordings')}</th>
                <th>{text('tickets')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <CallRow key={c.callSid} call={c} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {cursor && (
        <button type="button" onClick={() => void load(cursor)} data-testid="calls-more">
          {text('more')}
        </button>
      )}
    </section>
  );
}

function CallRow({ call }: { call: CallLogItem }) {
  const text = useReportsText();
  const direction =
    call.direction === 'inbound' || call.direction === 'outbound' ? call.direction : undefined;
  return (
    <tr data-testid="call-row" data-call-sid={call.callSid}>
      <td>
        <CenterTime at={call.startedAt} />
      </td>
      <td>{direction ? text(`direction_${direction}`) : call.direction}</td>
      <td>{call.direction === 'outbound' ? call.to : call.from}</td>
      <td>{call.hotline ?? NOTHING}</td>
      <td>
        {call.customerId ? (
          <Link to={`/agent/customers/${encodeURIComponent(call.customerId)}`}>{call.customerId}</Link>
        ) : (
          NOTHING
        )}
      </td>
      <td data-testid="call-outcome" className={`outcome outcome-${call.outcome}`}>
        {text(`outcome_${call.outcome}`)}
        {call.disposition && <div className="muted">{call.disposition}</div>}
      </td>
      <td>
        {seconds(call.waitSeconds)} / {seconds(call.talkSeconds)}
      </td>
      <td>{call.agentId ?? NOTHING}</td>
      <td>{call.queue ?? NOTHING}</td>
      <td>
        <CallPath path={call.path} />
      </td>
      <td>
        {call.recordingSids.length
          ? call.recordingSids.map((sid) => (
              <div key={sid} className="recording" title={sid} data-testid="call-recording">
                {sid.slice(-6)} <PlayButton load={() => api.playback(sid)} />
              </div>
            ))
          : NOTHING}
      </td>
      <td data-testid="call-tickets">
        {call.ticketNumbers.length ? call.ticketNumbers.join(', ') : NOTHING}
      </td>
    </tr>
  );
}

/** "received › queued general › answered 1001 › handled 1001", opened to show each step's time. */
function CallPath({ path }: { path: CallLogItem['path'] }) {
  if (path.length === 0) return <>{NOTHING}</>;
  // Compact: the event without its "call." prefix, the queue only where the call entered one.
  const short = (p: CallLogItem['path'][number]) =>
    [p.type.replace(/^call\./, ''), p.agent, p.type === 'call.queued' ? p.queue : undefined]
      .filter(Boolean)
      .join(' ');
  const full = (p: CallLogItem['path'][number]) => [p.type, p.agent, p.queue].filter(Boolean).join(' ');
  return (
    <details className="call-path">
      <summary>{path.map(short).join(' › ')}</summary>
      <ol>
        {path.map((p) => (
          <li key={`${p.at}-${p.type}-${p.agent ?? ''}`}>
            <CenterTime at={p.at} clock /> {full(p)}
          </li>
        ))}
      </ol>
    </details>
  );
}
