// Dispatch on a rescue ticket: the nearest providers open now for the service, near where the member
// said they are; sending one (the provider and the member are texted), then the arrival and the repair's
// follow-up. On a claim the same directory answers "where is the nearest repair shop".
import { useState } from 'react';
import type { Ticket } from '../api.js';
import { CenterTime } from '../center-zone.js';
import { type Candidate, dispatchApi } from './tickets-api.js';
import { useTicketsText } from './use-tickets-text.js';

const RESCUE_SERVICES = ['tow', 'battery', 'tyre', 'fuel', 'lockout', 'accident'] as const;

interface Props {
  readonly ticket: Ticket;
  readonly busy: boolean;
  readonly run: (action: () => Promise<Ticket>) => void;
}

export function DispatchCard({ ticket, busy, run }: Props) {
  const { text, named, lang } = useTicketsText();
  const rescue = ticket.type === 'rescue';
  const [service, setService] = useState<string>(rescue ? 'tow' : 'repair');
  const [near, setNear] = useState(ticket.fields.location ?? ticket.description ?? '');
  const [candidates, setCandidates] = useState<readonly Candidate[]>();
  const [progress, setProgress] = useState('');
  const [cost, setCost] = useState('');
  const [done, setDone] = useState(false);
  const f = ticket.fields;
  const open = ticket.status !== 'closed' && ticket.status !== 'cancelled' && ticket.status !== 'resolved';
  const serviceName = (s: string) => named('service', s);

  const find = async () => setCandidates((await dispatchApi.nearest(service, near)).candidates);
  return (
    <section className="card" data-testid="dispatch">
      <h2>{rescue ? text('dispatchTitle') : text('repairShopsTitle')}</h2>
      {f.provider && (
        <p data-testid="dispatched">
          {text('dispatched', {
            name: f.providerName ?? f.provider,
            phone: f.providerPhone ?? '',
            eta: f.etaMinutes ?? '?',
          })}
          {f.arrivedAt && (
            <>
              {' · '}
              {text('arrivedAt')} <CenterTime at={f.arrivedAt} />
            </>
          )}
        </p>
      )}
      {open && (
        <div className="row">
          <select
            name="service"
            value={service}
            aria-label={text('service')}
            onChange={(e) => setService(e.target.value)}
          >
            {(rescue ? RESCUE_SERVICES : (['repair'] as const)).map((s) => (
              <option key={s} value={s}>
                {serviceName(s)}
              </option>
            ))}
          </select>
          <input
            name="near"
            value={near}
            aria-label={text('location')}
            onChange={(e) => setNear(e.target.value)}
          />
          <button type="button" data-testid="find-nearest" disabled={busy} onClick={() => void find()}>
            {text('findNearest')}
          </button>
        </div>
      )}
      {candidates && candidates.length === 0 && <p className="muted">{text('noProvider')}</p>}
      {candidates && candidates.length > 0 && (
        <ol data-testid="candidates">
          {candidates.slice(0, 5).map((c) => (
            <li key={c.provider.id} data-testid={`candidate-${c.provider.id}`}>
              {c.provider.name[lang]} · {c.provider.phone} · {c.provider.address[lang]}
              {c.distanceKm !== undefined && ` · ${text('km', { km: c.distanceKm })}`}
              {rescue && open && (
                <button
                  type="button"
                  disabled={busy}
                  onClick={() =>
                    run(async () => {
                      const sent = await dispatchApi.dispatch(ticket.number, {
                        version: ticket.version,
                        service,
                        ...(near.trim() ? { location: near.trim() } : {}),
                        providerId: c.provider.id,
                      });
                      setCandidates(undefined);
                      return sent.ticket;
                    })
                  }
                >
                  {text('dispatchTo')}
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
      {rescue && f.provider && open && (
        <>
          {!f.arrivedAt && (
            <button
              type="button"
              data-testid="arrived"
              disabled={busy}
              onClick={() => run(() => dispatchApi.arrival(ticket.number, ticket.version))}
            >
              {text('arrived')}
            </button>
          )}
          <form
            className="row"
            data-testid="repair-form"
            onSubmit={(e) => {
              e.preventDefault();
              if (!progress.trim()) return;
              const yuan = cost.trim() ? Number(cost) : undefined;
              run(() =>
                dispatchApi.repair(ticket.number, {
                  version: ticket.version,
                  progress: progress.trim(),
                  ...(yuan !== undefined && Number.isFinite(yuan) ? { cost: yuan } : {}),
                  done,
                }),
              );
            }}
          >
            <input
              name="progress"
              value={progress}
              aria-label={text('repairProgress')}
              placeholder={text('repairProgress')}
              onChange={(e) => setProgress(e.target.value)}
            />
            <input
              name="cost"
              value={cost}
              inputMode="decimal"
              aria-label={text('repairCost')}
              placeholder={text('repairCost')}
              onChange={(e) => setCost(e.target.value)}
            />
            <label>
              <input type="checkbox" name="done" checked={done} onChange={(e) => setDone(e.target.checked)} />{' '}
              {text('repairDone')}
            </label>
            <button type="submit" disabled={busy || !progress.trim()}>
              {text('recordRepair')}
            </button>
          </form>
          {f.repairProgress && (
            <p className="muted">
              {text('repairProgress')}: {f.repairProgress}
              {f.repairCost && ` · ¥${f.repairCost}`}
            </p>
          )}
        </>
      )}
    </section>
  );
}
