// Work taken at the desk that is not a call: a text conversation (the thread, a reply, and ending it, which
// hands the number back to the bot) or a fax (where to read it). The customer's pop stays beside it.
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { call } from '../api.js';
import { CenterTime } from '../center-zone.js';
import { useErrorText } from '../errors.js';
import { useLang } from '../i18n.js';
import { smsApi } from '../sms-api.js';
import type { PopContext } from './use-agent-desk.js';

interface SmsMessage {
  readonly sid: string;
  readonly direction: 'inbound' | 'outbound';
  readonly body: string;
  readonly at: string;
}

/** How often an open conversation looks for the customer's new texts. */
const THREAD_POLL_MS = 5_000;

export function WorkItem({ pop, onDone }: { pop: PopContext; onDone: () => void }) {
  const { t } = useLang();
  const phone = pop.findings.from;
  if (pop.findings.channel === 'fax' || !phone)
    return (
      <section className="card work-item" data-testid="work-item">
        <h2>{t('incomingFax')}</h2>
        <p>{t('faxTaken')}</p>
        {pop.findings.ticketNumber && <p className="tag">{pop.findings.ticketNumber}</p>}
        <button type="button" onClick={onDone}>
          {t('dismiss')}
        </button>
      </section>
    );
  return <TextConversation phone={phone} onDone={onDone} />;
}

function TextConversation({ phone, onDone }: { phone: string; onDone: () => void }) {
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
        {phone}
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
