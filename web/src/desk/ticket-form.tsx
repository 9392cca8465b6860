// Tickets during a call, following the scripts: a claim asks what the warranty hotline asks (name,
// policy/VIN/plate, fault, location, mileage); complaint, rescue dispatch and fault have their own
// required fields. The browser enforces them (required inputs); the server checks again. A ticket of the
// chosen kind already filed on this call (by the IVR, or by this form) is shown instead of the form, and
// each submission carries one request key, so a retry or a double click files nothing twice.
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { api, type CustomerView, type Ticket, type TicketType } from '../api.js';
import { useErrorText } from '../errors.js';
import { useLang } from '../i18n.js';

type Kind = Extract<TicketType, 'claim' | 'complaint' | 'rescue' | 'fault'>;
const KINDS: readonly Kind[] = ['claim', 'complaint', 'rescue', 'fault'];

/** Type-specific fields: name and whether the script requires it. */
const FIELDS: Record<Kind, readonly (readonly [string, boolean])[]> = {
  claim: [
    ['fault', true],
    ['location', true],
    ['mileage', true],
  ],
  complaint: [
    ['about', true],
    ['expected', false],
  ],
  rescue: [
    ['location', true],
    ['vehicleState', true],
    ['destination', false],
  ],
  fault: [
    ['symptom', true],
    ['since', false],
  ],
};

/** The ticket a call of this queue most likely needs: a complaint line's call a complaint, and so on. */
export function kindForQueue(queue: string | undefined): Kind {
  const byQueue: Readonly<Record<string, Kind>> = {
    complaints: 'complaint',
    rescue: 'rescue',
    support: 'fault',
    claims: 'claim',
  };
  return (queue && byQueue[queue]) || 'claim';
}

export function TicketForm({
  view,
  callSid,
  queue,
  ivrTicket,
  onCreated,
  draft,
  onDraft,
}: {
  view: CustomerView;
  callSid: string | undefined;
  /** The queue the call came through: the form starts on the ticket that queue's calls need. */
  queue?: string | undefined;
  /** The ticket the IVR filed on this call, from the task's attributes. */
  ivrTicket?: string | undefined;
  onCreated: (ticket: Ticket, existing: boolean) => void;
  /** What was typed before a reload, as `onDraft` reported it. */
  draft?: Readonly<Record<string, string>> | undefined;
  onDraft?: (draft: Record<string, string>) => void;
}) {
  const { t, tx } = useLang();
  const { errorText } = useErrorText();
  const [kind, setKind] = useState<Kind>(() =>
    KINDS.includes(draft?.kind as Kind) ? (draft?.kind as Kind) : kindForQueue(queue),
  );
  const [subject, setSubject] = useState(draft?.subject ?? '');
  const [description, setDescription] = useState(draft?.description ?? '');
  const [policy, setPolicy] = useState(
    draft?.policy ?? view.policies.find((p) => p.status === 'valid')?.number ?? '',
  );
  const [assetId, setAssetId] = useState(draft?.assetId ?? view.assets[0]?.id ?? '');
  const [fields, setFields] = useState<Record<string, string>>(() => fieldsOf(draft));
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [requestKey, setRequestKey] = useState(newRequestKey);
  const filed = onThisCall(view, { callSid, ivrTicket }, kind);

  const reported = useRef(JSON.stringify(draft ?? {}));
  useEffect(() => {
    if (!onDraft) return;
    const next = toDraft({ kind, subject, description, policy, assetId }, fields);
    const text = JSON.stringify(next);
    if (text === reported.current) return;
    reported.current = text;
    onDraft(next);
  }, [onDraft, kind, subject, description, policy, assetId, fields]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const { ticket, existing } = await api.createTicket(
        {
          type: kind,
          subject: subject.trim(),
          customerId: view.customer.id,
          ...(description.trim() ? { description: description.trim() } : {}),
          ...(policy ? { policyNumber: policy } : {}),
          ...(assetId ? { assetId } : {}),
          ...(callSid && /^CA[0-9a-f]{32}$/.test(callSid) ? { callSids: [callSid] } : {}),
          fields: Object.fromEntries(Object.entries(fields).filter(([, v]) => v.trim())),
          priority: kind === 'rescue' ? 'urgent' : 'normal',
        },
        requestKey,
      );
      onCreated(ticket, existing);
      setRequestKey(newRequestKey());
      setSubject('');
      setDescription('');
      setFields({});
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="ticket-form" onSubmit={submit} data-testid="ticket-form">
      <div className="row" role="radiogroup" aria-label={t('ticketType')}>
        {KINDS.map((k) => (
          <label key={k} className="inline">
            <input type="radio" name="kind" checked={kind === k} onChange={() => setKind(k)} />{' '}
            {tx(`type_${k}`)}
          </label>
        ))}
      </div>
      {filed ? (
        <p className="ok" data-testid="existing-ticket">
          {t('filedOnThisCall')}: <strong>{filed.number}</strong> <span className="tag">{filed.status}</span>{' '}
          {filed.subject}
        </p>
      ) : (
        <>
          <div className="grid2">
            <label>
              {t('subject')} *
              <input
                name="subject"
                required
                maxLength={200}
                value={subject}
                onChange={(e) => setSubject(e.target.value)}
              />
            </label>
            <label>
              {t('customer')}
              <input value={view.customer.name} readOnly />
            </label>
            {(kind === 'claim' || kind === 'rescue') && (
              <>
                <label>
                  {t('policy')} {kind === 'claim' ? '*' : ''}
                  <select
                    name="policy"
                    required={kind === 'claim'}
                    value={policy}
                    onChange={(e) => setPolicy(e.target.value)}
                  >
                    <option value="">—</option>
                    {view.policies.map((p) => (
                      <option key={p.number} value={p.number}>
                        {p.number} ({tx(`policyStatus_${p.status}`)})
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  {t('vehicle')} *
                  <select name="asset" required value={assetId} onChange={(e) => setAssetId(e.target.value)}>
                    <option value="">—</option>
                    {view.assets.map((a) => (
                      <option key={a.id} value={a.id}>
                        {a.kind === 'vehicle' ? `${a.plate ?? ''} ${a.vin}` : `${a.product} ${a.serial}`}
                      </option>
                    ))}
                  </select>
                </label>
              </>
            )}
            {FIELDS[kind].map(([name, required]) => (
              <label key={`${kind}-${name}`}>
                {tx(`field_${name}`)} {required ? '*' : ''}
                <input
                  name={name}
                  required={required}
                  inputMode={name === 'mileage' ? 'numeric' : undefined}
                  pattern={name === 'mileage' ? '[0-9]+' : undefined}
                  // The browser's own "match the requested format" says nothing of which format.
                  title={name === 'mileage' ? t('digitsOnly') : undefined}
                  maxLength={2000}
                  value={fields[name] ?? ''}
                  onChange={(e) => setFields({ ...fields, [name]: e.target.value })}
                />
              </label>
            ))}
          </div>
          <label>
            {t('description')}
            <textarea
              rows={2}
              maxLength={8000}
              value={description}
              onChange={(e) => setDescription(e.target.value)}
            />
          </label>
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" disabled={busy}>
            {t('createTicket')}
          </button>
        </>
      )}
    </form>
  );
}

/** Type-specific fields travel in the draft as `f_<name>`, beside the form's own fields. */
function fieldsOf(draft: Readonly<Record<string, string>> | undefined): Record<string, string> {
  return Object.fromEntries(
    Object.entries(draft ?? {})
      .filter(([key]) => key.startsWith('f_'))
      .map(([key, value]) => [key.slice(2), value]),
  );
}

function toDraft(main: Record<string, string>, fields: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    [...Object.entries(main), ...Object.entries(fields).map(([k, v]) => [`f_${k}`, v] as const)].filter(
      ([, v]) => v !== '',
    ),
  );
}

const FINISHED: readonly string[] = ['resolved', 'closed', 'cancelled'];

/** The open ticket of this kind already filed on this call, if any. */
function onThisCall(
  view: CustomerView,
  call: { callSid: string | undefined; ivrTicket: string | undefined },
  kind: Kind,
): Ticket | undefined {
  return view.tickets.find(
    (tk) =>
      tk.type === kind &&
      !FINISHED.includes(tk.status) &&
      ((call.callSid !== undefined && tk.callSids.includes(call.callSid)) || tk.number === call.ivrTicket),
  );
}

const newRequestKey = () => crypto.randomUUID();
