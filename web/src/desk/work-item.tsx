// Work at the desk that is not a call. The text conversations routed to me are mine at once (nothing rings):
// they are listed beside the desk until I end each one; opening one shows the thread, a reply box and
// "End conversation", which hands the number back to the bot. So are the faxes routed to me: each with its
// sender, the customer or intake ticket it was filed under, its PDF to open, and Done.
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { call } from '../api.js';
import { CenterTime } from '../center-zone.js';
import { usePollInterval, usePushed } from '../connection/push-bus.js';
import { useErrorText } from '../errors.js';
import { useLang } from '../i18n.js';
import { Link } from '../link.js';
import { smsApi } from '../sms-api.js';

interface SmsMessage {
  readonly sid: string;
  readonly direction: 'inbound' | 'outbound';
  readonly body: string;
  readonly at: string;
}

interface AgentText {
  readonly phone: string;
  readonly since: string;
  readonly customerId?: string;
  readonly customerName?: string;
}

interface AgentFax {
  readonly id: string;
  readonly from: string;
  readonly receivedAt: string;
  readonly pages?: number;
  readonly customerId?: string;
  readonly ticketNumber?: string;
}

/** How often an open conversation looks for the customer's new texts, and the list for new conversations. */
const THREAD_POLL_MS = 5_000;

/** A list of my work items, read again on a push about me, with the poll as the safety net. */
function useMyWork<T>(path: string): { items: readonly T[]; error?: string; load: () => Promise<void> } {
  const { errorText } = useErrorText();
  const [items, setItems] = useState<readonly T[]>([]);
  const [error, setError] = useState<string>();
  const pushed = usePushed('me');
  const load = useCallback(async () => {
    try {
      setItems((await call<{ items: T[] }>('GET', path)).items);
      setError(undefined);
    } catch (err) {
      setError(errorText(err));
    }
  }, [path, errorText]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a push about me is the cue to look again.
  useEffect(() => {
    void load();
  }, [load, pushed]);
  // New work comes with a push about me; the poll is the safety net (hourly while pushes flow).
  const pollMs = usePollInterval(THREAD_POLL_MS * 3);
  useEffect(() => {
    const poll = setInterval(() => void load(), pollMs);
    return () => clearInterval(poll);
  }, [load, pollMs]);
  return { items, ...(error ? { error } : {}), load };
}

export function FaxesPanel() {
  const { t } = useLang();
  const { errorText } = useErrorText();
  const { items: faxes, error: loadError, load } = useMyWork<AgentFax>('/agent/faxes');
  const [error, setError] = useState<string>();
  if (faxes.length === 0 && !loadError) return null;
  const open = async (id: string) => {
    setError(undefined);
    // Opened before the request, so the browser does not take the new tab for an unasked pop-up.
    const tab = window.open('', '_blank');
    if (tab) tab.opener = null;
    try {
      const { url } = await call<{ url: string }>('POST', `/faxes/${encodeURIComponent(id)}/document`);
      // A blocked pop-up must not take the desk itself (and its call) to the PDF.
      if (tab) tab.location.href = url;
      else setError(t('faxPopupBlocked'));
    } catch (err) {
      tab?.close();
      setError(errorText(err));
    }
  };
  const done = async (id: string) => {
    setError(undefined);
    try {
      await call<void>('POST', `/agent/faxes/${encodeURIComponent(id)}/done`);
      await load();
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <section className="card faxes" data-testid="faxes">
      <h2>
        {t('faxes')} ({faxes.length})
      </h2>
      {(error ?? loadError) && <p className="error">{error ?? loadError}</p>}
      <ul className="compact">
        {faxes.map((f) => (
          <li key={f.id} data-testid="fax-item">
            <span>
              {t('faxFrom')} {f.from}
            </span>{' '}
            <span className="muted">
              <CenterTime at={f.receivedAt} />
              {f.pages ? ` · ${f.pages} ${t('faxPages')}` : ''}
            </span>
            <br />
            {f.customerId && (
              <Link to={`/agent/customers/${encodeURIComponent(f.customerId)}`}>{t('faxCustomer')}</Link>
            )}
            {f.ticketNumber && (
              <Link to={`/tickets/${encodeURIComponent(f.ticketNumber)}`}>
                {t('faxTicket')} {f.ticketNumber}
              </Link>
            )}{' '}
            <button type="button" className="link" onClick={() => void open(f.id)}>
              {t('faxOpen')}
            </button>{' '}
            <button type="button" onClick={() => void done(f.id)}>
              {t('faxDone')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function TextsPanel() {
  const { t } = useLang();
  const { items: texts, error, load } = useMyWork<AgentText>('/agent/texts');
  const [open, setOpen] = useState<string>();
  if (texts.length === 0 && !error) return null;
  const shown = open && texts.some((x) => x.phone === open) ? open : texts[0]?.phone;
  return (
    <section className="card texts" data-testid="texts">
      <h2>
        {t('texts')} ({texts.length})
      </h2>
      {error && <p className="error">{error}</p>}
      <ul className="compact">
        {texts.map((x) => (
          <li key={x.phone}>
            <button
              type="button"
              className={x.phone === shown ? 'link selected' : 'link'}
              onClick={() => setOpen(x.phone)}
              data-testid="text-item"
            >
              {x.customerName ? `${x.customerName} · ${x.phone}` : x.phone}
            </button>{' '}
            <span className="muted">
              <CenterTime at={x.since} />
            </span>
          </li>
        ))}
      </ul>
      {shown && (
        <TextConversation
          key={shown}
          phone={shown}
          name={texts.find((x) => x.phone === shown)?.customerName}
          onDone={() => void load()}
        />
      )}
    </section>
  );
}

function TextConversation({
  phone,
  name,
  onDone,
}: {
  phone: string;
  name?: string | undefined;
  onDone: () => void;
}) {
  const { t } = useLang();
  const { errorText } = useErrorText();
  const [messages, setMessages] = useState<readonly SmsMessage[]>();
  const [body, setBody] = useState('');
  const [error, setError] = useState<string>();
  const load = useCallback(async () => {
    try {
      const page = await call<{ items: SmsMessage[] }>('GET', `/sms/threads/${encodeURIComponent(phone)}`);
      setMessages([...page.items].sort((a, b) => a.at.localeCompare(b.at)));
    } catch (err) {
      setError(errorText(err));
    }
  }, [phone, errorText]);
  useEffect(() => {
    void load();
    const poll = setInterval(() => void load(), THREAD_POLL_MS);
    return () => clearInterval(poll);
  }, [load]);

  const send = async (e: FormEvent) => {
    e.preventDefault();
    if (!body.trim()) return;
    setError(undefined);
    try {
      await smsApi.reply(phone, body.trim());
      setBody('');
      await load();
    } catch (err) {
      setError(errorText(err));
    }
  };
  const end = async () => {
    setError(undefined);
    try {
      await call<void>('POST', `/sms/threads/${encodeURIComponent(phone)}/close`);
      onDone();
    } catch (err) {
      setError(errorText(err));
    }
  };

  return (
    <section className="card work-item" data-testid="text-conversation">
      <h2>
        {t('textWith')}
        {name ? `${name} · ${phone}` : phone}
      </h2>
      <ol className="sms-thread" data-testid="sms-thread">
        {messages?.length === 0 && <li className="muted">{t('textNone')}</li>}
        {messages?.map((m) => (
          <li key={m.sid} className={m.direction}>
            <span className="muted">
              <CenterTime at={m.at} />
            </span>{' '}
            {m.body}
          </li>
        ))}
      </ol>
      <form className="fields" onSubmit={(e) => void send(e)}>
        <textarea
          aria-label={t('textReply')}
          name="text-reply"
          value={body}
          maxLength={1600}
          onChange={(e) => setBody(e.target.value)}
        />
        <button type="submit" disabled={!body.trim()}>
          {t('textSend')}
        </button>
        <button type="button" className="danger" onClick={() => void end()}>
          {t('textEnd')}
        </button>
      </form>
      {error && <p className="error">{error}</p>}
    </section>
  );
}
