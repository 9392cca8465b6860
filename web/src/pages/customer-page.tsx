// The screen-pop view of one customer: details, vehicles and devices, warranty policies, tickets, the
// timeline of every contact and open tasks (GET /api/customers/{id} and its timeline), and a text to the
// customer, from a template or typed.
import { useEffect, useState } from 'react';
import { api, type CustomerView, type Me } from '../api.js';
import { CenterTime } from '../center-zone.js';
import { SmsReplyBox } from '../desk/sms-reply-box.js';
import { useErrorText } from '../errors.js';
import { useLang } from '../i18n.js';
import { Link } from '../link.js';
import { CustomerTimeline } from './customer-timeline.js';

export function CustomerPage({ id, me }: { id: string; me: Me }) {
  const { t, tx } = useLang();
  const { errorText } = useErrorText();
  const [view, setView] = useState<CustomerView>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    setView(undefined);
    api.customer(id).then(setView, (err: unknown) => setError(errorText(err)));
  }, [id, errorText]);

  if (error) return <p className="error">{error}</p>;
  if (!view) return <p className="muted">{t('loading')}</p>;
  const { customer: c, assets, policies, tickets, tasks } = view;
  const field = (label: string, value: string | undefined) =>
    value ? (
      <>
        <dt>{label}</dt>
        <dd>{value}</dd>
      </>
    ) : null;

  return (
    <>
      <p>
        <Link to="/agent">← {t('back')}</Link>
      </p>
      <section className="card">
        <h1 data-testid="customer-name">{c.name}</h1>
        <dl>
          {field(t('phones'), c.phones.join(', '))}
          {field(t('company'), c.company)}
          {field(t('idCode'), c.idCode)}
          {field(t('vip'), tx(`tier_${c.vipTier}`))}
          {field(t('owner'), c.ownerAgentId)}
          {field(t('region'), c.region)}
          {field(t('notes'), c.notes)}
        </dl>
      </section>
      <section className="card">
        <h2>{t('assets')}</h2>
        {assets.length === 0 && <p className="muted">{t('none')}</p>}
        <ul>
          {assets.map((a) => (
            <li key={a.id}>
              {a.kind === 'vehicle'
                ? `${a.make} ${a.model} ${a.year} · VIN ${a.vin}${a.plate ? ` · ${a.plate}` : ''}`
                : `${a.product} · SN ${a.serial}`}
            </li>
          ))}
        </ul>
      </section>
      <section className="card">
        <h2>{t('policies')}</h2>
        {policies.length === 0 && <p className="muted">{t('none')}</p>}
        <ul>
          {policies.map((p) => (
            <li key={p.number}>
              <strong>{p.number}</strong>{' '}
              <span className={`tag status-${p.status}`}>{tx(`policyStatus_${p.status}`)}</span> {p.product}
              <br />
              <span className="muted">
                {p.startsOn} – {p.endsOn} · {t('dealer')}: {p.dealer.name}
                {p.dealer.phone ? ` ${p.dealer.phone}` : ''}
              </span>
            </li>
          ))}
        </ul>
      </section>
      <section className="card">
        <h2>{t('tickets')}</h2>
        {tickets.length === 0 && <p className="muted">{t('none')}</p>}
        <ul>
          {tickets.map((tk) => (
            <li key={tk.number}>
              <strong>{tk.number}</strong> <span className="tag">{tx(`ticketStatus_${tk.status}`)}</span>{' '}
              <span className="tag">{tk.priority}</span> {tk.subject}
            </li>
          ))}
        </ul>
      </section>
      <SmsReplyBox view={view} agentName={me.name} />
      <CustomerTimeline customerId={c.id} />
      {tasks.length > 0 && (
        <section className="card">
          <h2>{t('tasks')}</h2>
          <ul>
            {tasks.map((task) => (
              <li key={task.id}>
                {tx(`task_${task.kind}`)} · <CenterTime at={task.dueAt} /> · {tx(`taskStatus_${task.status}`)}
                {task.note ? ` · ${task.note}` : ''}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
