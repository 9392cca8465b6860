// Work at the desk that is not a call. The text conversations routed to me are mine at once (nothing rings):
// they are listed beside the desk until I end each one; opening one shows the thread, a reply box and
// "End conversation", which hands the number back to the bot.
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { call } from '../api.js';
import { CenterTime } from '../center-zone.js';
import { usePollInterval, usePushed } from '../connection/push-bus.js';
import { useErrorText } from '../errors.js';
import { useLang } from '../i18n.js';
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
}

/** How often an open conversation looks for the customer's new texts, and the list for new conversations. */
const THREAD_POLL_MS = 5_000;

export function TextsPanel() {
  const { t } = useLang();
  const { errorText } = useErrorText();
  const [texts, setTexts] = useState<readonly AgentText[]>([]);
  const [open, setOpen] = useState<string>();
  const [error, setError] = useState<string>();
  const pushed = usePushed('me');
  const load = useCallback(async () => {
    try {
      setTexts((await call<{ items: AgentText[] }>('GET', '/agent/texts')).items);
      setError(undefined);
    } catch (err) {
      setError(errorText(err));
    }
  }, [errorText]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a push about me is the cue to look again.
  useEffect(() => {
    void load();
  }, [load, pushed]);
  // A new conversation comes with a push about me; the poll is the safety net (hourly while pushes flow).
  const pollMs = usePollInterval(THREAD_POLL_MS * 3);
  useEffect(() => {
    const poll = setInterval(() => void load(), pollMs);
    return () => clearInterval(poll);
  }, [load, pollMs]);
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
              {x.phone}
            </button>{' '}
            <span className="muted">
              <CenterTime at={x.since} />
            </span>
          </li>
        ))}
      </ul>
      {shown && <TextConversation key={shown} phone={shown} onDone={() => void load()} />}
    </section>
  );
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
