// Schedule a callback (预约回电): the agent notes why and when to call a customer back; the task lands in
// my tasks and, with "dial automatically", the center rings me at that time and then dials the customer
// from the chosen hotline. The number, customer and ticket come from the screen pop when there is one.
import { type FormEvent, useState } from 'react';
import { api, type Task } from '../api.js';
import { CenterTime, centerNow, useWallZone } from '../center-zone.js';
import { useErrorText } from '../errors.js';
import { HotlineSelect } from '../hotline-select.js';
import { useLang } from '../i18n.js';
import { type CallbackLink, callbackBody, DEFAULT_CALLER_ID, linkOf, localInputValue } from './schedule.js';
import type { PopContext } from './use-agent-desk.js';

const HOUR_MS = 60 * 60 * 1000;
const inAnHour = (zone: string) => localInputValue(centerNow() + HOUR_MS, zone);

export function ScheduleCallback({
  me,
  pop,
  onScheduled,
}: {
  me: string;
  pop: PopContext | undefined;
  onScheduled: (task: Task) => void;
}) {
  const { t } = useLang();
  const { errorText } = useErrorText();
  const [phone, setPhone] = useState('');
  const zone = useWallZone();
  const [due, setDue] = useState(() => inAnHour(zone));
  // Offered before the center's zone was known, and not yet touched: offered again on the center's clock.
  const [offeredIn, setOfferedIn] = useState<string | undefined>(zone);
  if (offeredIn !== undefined && zone !== offeredIn) {
    setOfferedIn(zone);
    setDue(inAnHour(zone));
  }
  const editDue = (value: string) => {
    setOfferedIn(undefined); // typed: what the agent chose stays, whatever the zone learnt later
    setDue(value);
  };
  const [note, setNote] = useState('');
  const [callerId, setCallerId] = useState(DEFAULT_CALLER_ID);
  const [autoDial, setAutoDial] = useState(true);
  const [link, setLink] = useState<CallbackLink>();
  const [error, setError] = useState<string>();
  const [scheduled, setScheduled] = useState<Task>();
  const [busy, setBusy] = useState(false);

  // A new caller on the screen pop fills the form once; what the agent types afterwards stays. A pop
  // without a number (a call whose findings are not in yet) changes nothing.
  const popLink = pop?.findings.from ? linkOf(pop.findings) : undefined;
  const popKey = popLink ? [popLink.phone, popLink.customerId, popLink.ticketNumber].join('|') : '';
  const [seenKey, setSeenKey] = useState('');
  if (popLink && popKey !== seenKey) {
    setSeenKey(popKey);
    setLink(popLink);
    setPhone(popLink.phone ?? '');
  } else if (!popLink && seenKey) {
    setSeenKey(''); // the same caller on a later call fills the form again
  }
  const linked = link?.phone !== undefined && link.phone === phone.trim() ? link : undefined;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    setScheduled(undefined);
    const body = callbackBody({ phone, due, note, callerId, autoDial, ...(link ? { link } : {}) }, me, zone);
    if (!body) {
      setError(t('badDueTime'));
      return;
    }
    setBusy(true);
    try {
      const task = await api.createTask(body);
      setScheduled(task);
      setNote('');
      setDue(inAnHour(zone));
      setOfferedIn(zone);
      onScheduled(task);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card schedule" onSubmit={submit} data-testid="schedule-callback">
      <h2>{t('scheduleCallback')}</h2>
      <label>
        {t('customerNumber')} *
        <input
          name="phone"
          type="tel"
          required
          placeholder="+86138…"
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
        />
      </label>
      {linked && (linked.customerId || linked.ticketNumber) && (
        <p className="muted small" data-testid="schedule-link">
          {linked.customerId && `${t('customer')}: ${linked.customerName ?? linked.customerId}`}
          {linked.customerId && linked.ticketNumber && ' · '}
          {linked.ticketNumber && `${t('ticket')}: ${linked.ticketNumber}`}
        </p>
      )}
      <label>
        {t('callBackAt')} *
        <input
          name="dueAt"
          type="datetime-local"
          required
          value={due}
          onChange={(e) => editDue(e.target.value)}
        />
      </label>
      <label>
        {t('callbackReason')}
        <textarea
          name="note"
          rows={2}
          maxLength={4000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </label>
      <label>
        {t('callerId')}
        <HotlineSelect name="callerId" value={callerId} onChange={setCallerId} />
      </label>
      <div className="row schedule-actions">
        <label className="inline">
          <input
            name="autoDial"
            type="checkbox"
            checked={autoDial}
            onChange={(e) => setAutoDial(e.target.checked)}
          />
          {t('autoDialOption')}
        </label>
        <button type="submit" disabled={busy}>
          {t('schedule')}
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {scheduled && (
        <p className="ok" role="status" data-testid="callback-scheduled">
          {t('callbackScheduled')}: <CenterTime at={scheduled.dueAt} />
        </p>
      )}
    </form>
  );
}
