// The screen pop: the caller's record as the call arrives (by the IVR's customer id, else by the number),
// or a quick new-customer form. Vehicles and devices, policies, open and past tickets, past calls with
// their recordings (played through the audited presigned URL), articles suggested for the call, the
// ticket form and a text to the caller.
import { type FormEvent, useEffect, useState } from 'react';
import { api, type CustomerView } from '../api.js';
import { CenterTime } from '../center-zone.js';
import { useErrorText } from '../errors.js';
import { useLang } from '../i18n.js';
import { SuggestedArticles } from '../kb/suggested-articles.js';
import { PlayButton } from './play-button.js';
import { SmsReplyBox } from './sms-reply-box.js';
import { TicketForm } from './ticket-form.js';
import type { PopContext } from './use-agent-desk.js';
import type { CallDraft } from './use-call-draft.js';

export function ScreenPop({
  pop,
  draft,
  customerCallSid,
  agentName,
}: {
  pop: PopContext;
  /** What an SMS template's {agentName} becomes. */
  agentName: string;
  draft?: CallDraft | undefined;
  /** The customer's own call (not the agent's leg), which the IVR's tickets name. */
  customerCallSid?: string | undefined;
}) {
  const { t } = useLang();
  const { errorText } = useErrorText();
  const [view, setView] = useState<CustomerView | null>();
  const [error, setError] = useState<string>();
  const [reload, setReload] = useState(0);
  const { customerId, from } = pop.findings;
  // Read again when the pop is named by the customer's call (the desk learns it as the call connects or
  // its wrap-up begins): by then the call is on record and shows among the past calls.
  const callSid = pop.callSid;

  // biome-ignore lint/correctness/useExhaustiveDependencies: reload and callSid are refresh triggers.
  useEffect(() => {
    let cancelled = false;
    setError(undefined);
    (async () => {
      let id = customerId;
      if (!id && from) id = (await api.customerByPhone(from)).items[0]?.id;
      const found = id ? await api.customer(id) : null;
      if (!cancelled) setView(found);
    })().catch((err: unknown) => !cancelled && setError(errorText(err)));
    return () => {
      cancelled = true;
    };
  }, [customerId, from, reload, callSid]);

  if (error) return <p className="error">{error}</p>;
  if (view === undefined) return <p className="muted">{t('loading')}</p>;
  if (view === null)
    return <NewCustomer phone={from} findings={pop.findings} onCreated={() => setReload((n) => n + 1)} />;
  const customerCall = customerCallSid ?? callSid;
  return (
    <CustomerPop
      view={view}
      pop={customerCall ? { ...pop, callSid: customerCall } : pop}
      draft={draft}
      agentName={agentName}
      onChanged={() => setReload((n) => n + 1)}
    />
  );
}

function CustomerPop({
  view,
  pop,
  draft,
  agentName,
  onChanged,
}: {
  view: CustomerView;
  pop: PopContext;
  draft: CallDraft | undefined;
  agentName: string;
  onChanged: () => void;
}) {
  const { t, tx } = useLang();
  const { codeName } = useErrorText();
  const [created, setCreated] = useState<{ number: string; existing: boolean }>();
  const { customer: c, assets, policies, tickets } = view;
  // The call under way is this one, not a past call (its record still says how it began).
  const calls = view.calls.filter((call) => call.callSid !== pop.callSid);
  const open = tickets.filter((tk) => !['resolved', 'closed', 'cancelled'].includes(tk.status));
  const past = tickets.filter((tk) => ['resolved', 'closed', 'cancelled'].includes(tk.status));
  return (
    <section className="card pop" data-testid="screen-pop">
      <div className="pop-head">
        <h2 data-testid="pop-customer">{c.name}</h2>
        {c.vipTier !== 'none' && <span className="tag vip">VIP {tx(`tier_${c.vipTier}`)}</span>}
        {pop.findings.whitelisted && <WhitelistedTag />}
        <span className="muted">
          {c.phones.join(' · ')}
          {c.company ? ` · ${c.company}` : ''}
          {c.region ? ` · ${codeName('region', c.region)}` : ''}
        </span>
      </div>
      {c.notes && <p className="note">{c.notes}</p>}
      <SuggestedArticles findings={pop.findings} />
      <div className="grid2">
        <div>
          <h3>{t('assets')}</h3>
          <ul className="compact">
            {assets.map((a) => (
              <li key={a.id}>
                {a.kind === 'vehicle'
                  ? [`${a.make} ${a.model} ${a.year}`, a.plate, a.vin].filter(Boolean).join(' · ')
                  : `${a.product} · SN ${a.serial}`}
              </li>
            ))}
            {assets.length === 0 && <li className="muted">{t('none')}</li>}
          </ul>
          <h3>{t('policies')}</h3>
          <ul className="compact">
            {policies.map((p) => (
              <li key={p.number} className={p.number === pop.findings.policyNumber ? 'hit' : ''}>
                <strong>{p.number}</strong>{' '}
                <span className={`tag status-${p.status}`}>{tx(`policyStatus_${p.status}`)}</span> {p.endsOn}
              </li>
            ))}
            {policies.length === 0 && <li className="muted">{t('none')}</li>}
          </ul>
        </div>
        <div>
          <h3>
            {t('openTickets')} ({open.length})
          </h3>
          <ul className="compact">
            {open.map((tk) => (
              <li key={tk.number} className={tk.number === pop.findings.ticketNumber ? 'hit' : ''}>
                <strong>{tk.number}</strong> <span className="tag">{tx(`ticketStatus_${tk.status}`)}</span>{' '}
                {tk.subject}
              </li>
            ))}
          </ul>
          {past.length > 0 && (
            <details>
              <summary>
                {t('pastTickets')} ({past.length})
              </summary>
              <ul className="compact">
                {past.map((tk) => (
                  <li key={tk.number}>
                    {tk.number} <span className="tag">{tx(`ticketStatus_${tk.status}`)}</span> {tk.subject}
                  </li>
                ))}
              </ul>
            </details>
          )}
          <h3>{t('pastCalls')}</h3>
          <ul className="compact" data-testid="past-calls">
            {calls.slice(0, 8).map((call) => (
              <li key={call.callSid}>
                <CenterTime at={call.startedAt} /> · {tx(`callRec_${call.status}`).replace(/^callRec_/, '')}
                {call.agentId ? ` · ${call.agentId}` : ''}
                {call.disposition ? ` · ${codeName('disposition', call.disposition)}` : ''}
                {call.recordingSids.map((sid) => (
                  <PlayButton key={sid} load={() => api.playback(sid)} />
                ))}
              </li>
            ))}
            {calls.length === 0 && <li className="muted">{t('none')}</li>}
          </ul>
        </div>
      </div>
      <h3>{t('newTicket')}</h3>
      {created && (
        <p className="ok" data-testid="ticket-created">
          {t(created.existing ? 'alreadyFiled' : 'ticketCreated')}: <strong>{created.number}</strong>
        </p>
      )}
      {/* The form takes its first values once: it waits for the saved draft of this call, the customer's
          call as the server names it (not the leg that rang here, which a reload knows first). */}
      {draft && (!draft.loaded || draft.callSid !== pop.callSid) ? (
        <p className="muted">{t('loading')}</p>
      ) : (
        <TicketForm
          key={draft?.callSid ?? 'no-call'}
          view={view}
          callSid={pop.callSid}
          queue={pop.findings.queue}
          ivrTicket={pop.findings.ticketNumber}
          {...(draft?.callSid
            ? { draft: draft.fields.ticket, onDraft: (ticket) => draft.update({ ticket }) }
            : {})}
          onCreated={(ticket, existing) => {
            setCreated({ number: ticket.number, existing });
            onChanged();
          }}
        />
      )}
      <SmsReplyBox view={view} agentName={agentName} />
    </section>
  );
}

export function WhitelistedTag() {
  const { t } = useLang();
  return (
    <span className="tag whitelisted" title={t('whitelistedHint')} data-testid="whitelisted-caller">
      {t('whitelistedCaller')}
    </span>
  );
}

function NewCustomer({
  phone,
  findings,
  onCreated,
}: {
  phone: string | undefined;
  findings: PopContext['findings'];
  onCreated: () => void;
}) {
  const { t, lang } = useLang();
  const { errorText } = useErrorText();
  const [name, setName] = useState('');
  const [phones, setPhones] = useState(phone ?? '');
  const [error, setError] = useState<string>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await api.createCustomer({ name: name.trim(), phones: [phones.trim()], language: lang });
      onCreated();
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <form className="card pop" onSubmit={submit} data-testid="new-customer">
      <h2>
        {t('newCustomer')} {findings.whitelisted && <WhitelistedTag />}
      </h2>
      <p className="muted">{t('noCustomerForNumber')}</p>
      <SuggestedArticles findings={findings} />
      <div className="grid2">
        <label>
          {t('name')} *
          <input required value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          {t('phones')} *
          <input required value={phones} onChange={(e) => setPhones(e.target.value)} />
        </label>
      </div>
      {error && <p className="error">{error}</p>}
      <button type="submit">{t('createCustomer')}</button>
    </form>
  );
}
