// The caller phone (local mode only): a simulated handset. Pick a hotline, dial, hear (read, and with
// speech synthesis, listen to) what the IVR says, press keys, hang up; text the center by SMS; and see (on
// SIM_CLOCK, move) the center's clock, to call at any hour.
import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { HOTLINE_NUMBERS } from '../../../flows/numbers.js';
import { HotlineSelect } from '../hotline-select.js';
import { useLang } from '../i18n.js';
import { type PhoneMessage, simErrorMessage } from '../labels-phone.js';
import { CenterClock } from '../phone-clock.js';
import { type HeardItem, type SimCall, type SimMessage, simApi } from '../sim-api.js';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'] as const;
const SPEAK_KEY = 'cc-phone-speak';
const DEFAULT_FROM = '+8613800138000';

function speak(item: HeardItem): void {
  if (item.verb !== 'say' || !item.text || typeof speechSynthesis === 'undefined') return;
  const utterance = new SpeechSynthesisUtterance(item.text);
  utterance.lang =
    item.language?.startsWith('cmn') || item.language?.startsWith('zh')
      ? 'zh-CN'
      : (item.language ?? 'en-US');
  speechSynthesis.speak(utterance);
}

export function PhonePage() {
  const { t, tx } = useLang();
  const [from, setFrom] = useState(DEFAULT_FROM);
  const [to, setTo] = useState<string>(HOTLINE_NUMBERS[0].number);
  const [callSid, setCallSid] = useState<string>();
  const [call, setCall] = useState<SimCall>();
  // A message key, so the words follow the page's language even after a switch.
  const [error, setError] = useState<PhoneMessage>();
  const [speakOn, setSpeakOn] = useState(() => localStorage.getItem(SPEAK_KEY) !== 'off');
  const spoken = useRef(0);
  const ended = call && ['completed', 'busy', 'failed', 'no-answer', 'canceled'].includes(call.status);

  const poll = useCallback(async (sid: string) => {
    try {
      setCall(await simApi.getCall(sid));
    } catch (err) {
      setError(simErrorMessage(err));
    }
  }, []);

  useEffect(() => {
    if (!callSid || ended) return;
    const timer = setInterval(() => void poll(callSid), 700);
    return () => clearInterval(timer);
  }, [callSid, ended, poll]);

  useEffect(() => {
    if (!call) return;
    const fresh = call.heard.slice(spoken.current);
    spoken.current = call.heard.length;
    if (speakOn) for (const item of fresh) speak(item);
  }, [call, speakOn]);

  const dial = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    setCall(undefined);
    spoken.current = 0;
    try {
      const { callSid: sid } = await simApi.placeCall(from.trim(), to.trim());
      setCallSid(sid);
      await poll(sid);
    } catch (err) {
      setError(simErrorMessage(err));
    }
  };
  const press = async (digits: string) => {
    if (!callSid || ended) return;
    try {
      const reply = await simApi.sendDigits(callSid, digits);
      setCall(reply);
      setError(reply.accepted === false ? 'keysLost' : undefined);
    } catch (err) {
      setError(simErrorMessage(err));
    }
  };
  const [speech, setSpeech] = useState('');
  const say = async (e: FormEvent) => {
    e.preventDefault();
    if (!callSid || ended || !speech.trim()) return;
    try {
      setCall(await simApi.say(callSid, speech.trim()));
      setSpeech('');
    } catch (err) {
      setError(simErrorMessage(err));
    }
  };
  const hangup = async () => {
    if (!callSid) return;
    if (typeof speechSynthesis !== 'undefined') speechSynthesis.cancel();
    await simApi.hangup(callSid).catch(() => {});
    await poll(callSid);
  };
  const toggleSpeak = () => {
    localStorage.setItem(SPEAK_KEY, speakOn ? 'off' : 'on');
    if (speakOn && typeof speechSynthesis !== 'undefined') speechSynthesis.cancel();
    setSpeakOn(!speakOn);
  };

  return (
    <div className="phone-page">
      <section className="card intro">
        <h1>{t('callerPhone')}</h1>
        <p>{t('phoneIntro')}</p>
      </section>
      <CenterClock />
      <div className="grid2">
        <section className="card handset" data-testid="handset">
          <form onSubmit={dial} className="dial-form">
            <label>
              {t('callFrom')}
              <input name="from" value={from} onChange={(e) => setFrom(e.target.value)} />
            </label>
            <label>
              {t('callTo')}
              <HotlineSelect name="to" value={to} onChange={setTo} />
            </label>
            <div className="row">
              <button
                type="submit"
                className="btn-available big"
                disabled={Boolean(call && !ended)}
                data-testid="dial"
              >
                {t('call')}
              </button>
              <button
                type="button"
                className="danger big"
                onClick={hangup}
                disabled={!call || Boolean(ended)}
                data-testid="phone-hangup"
              >
                {t('hangUp')}
              </button>
            </div>
          </form>
          <fieldset className="keypad">
            <legend className="sr-only">{t('keypad')}</legend>
            {KEYS.map((key) => (
              <button
                type="button"
                key={key}
                onClick={() => void press(key)}
                disabled={!call || Boolean(ended)}
                data-testid={`key-${key}`}
              >
                {key}
              </button>
            ))}
          </fieldset>
          <form className="row" onSubmit={say}>
            <input
              aria-label={t('speakToIvr')}
              placeholder={t('speakToIvr')}
              value={speech}
              onChange={(e) => setSpeech(e.target.value)}
              disabled={!call || Boolean(ended)}
            />
            <button type="submit" disabled={!call || Boolean(ended)}>
              {t('sayIt')}
            </button>
          </form>
          <div className="call-status" data-testid="call-status">
            {call
              ? `${tx(`callStatus_${call.status}`)} · ${tx(`waiting_${call.waitingFor}`)}`
              : t('idlePhone')}
          </div>
          <label className="inline small">
            <input type="checkbox" checked={speakOn} onChange={toggleSpeak} /> {t('speakAloud')}
          </label>
          {error && (
            <p className="error" data-testid="phone-error">
              {t(error)}
            </p>
          )}
        </section>
        <section className="card transcript" data-testid="transcript" aria-live="polite">
          <h2>{t('whatYouHear')}</h2>
          {!call && <p className="muted">{t('transcriptEmpty')}</p>}
          <ol>
            {call?.heard.map((h, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the transcript only grows; position is identity.
              <li key={i} className={`heard heard-${h.verb}`}>
                {h.verb === 'say'
                  ? h.text
                  : h.verb === 'dtmf'
                    ? `⌨ ${h.text ?? ''}`
                    : h.verb === 'beep'
                      ? '🔔 beep'
                      : `♪ ${h.text ?? ''}`}
              </li>
            ))}
          </ol>
        </section>
      </div>
      <SmsPane from={from} />
    </div>
  );
}

function SmsPane({ from }: { from: string }) {
  const { t } = useLang();
  const [to, setTo] = useState<string>(HOTLINE_NUMBERS[0].number);
  const [body, setBody] = useState('');
  const [sent, setSent] = useState<{ from: string; to: string; body: string }[]>([]);
  const [replies, setReplies] = useState<SimMessage[]>([]);
  const [error, setError] = useState<PhoneMessage>();

  useEffect(() => {
    const load = () =>
      simApi.messagesTo(from).then(
        (r) => setReplies(r.messages),
        () => {},
      );
    void load();
    const timer = setInterval(load, 2000);
    return () => clearInterval(timer);
  }, [from]);

  const send = async (e: FormEvent) => {
    e.preventDefault();
    if (!body.trim()) return;
    try {
      await simApi.sendMessage(from, to, body.trim());
      setSent((s) => [...s, { from, to, body: body.trim() }]);
      setBody('');
      setError(undefined);
    } catch (err) {
      setError(simErrorMessage(err));
    }
  };

  return (
    <section className="card sms" data-testid="sms">
      <h2>{t('smsTitle')}</h2>
      <div className="thread">
        {sent.map((m, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: messages only get appended.
          <div key={`s${i}`} className="bubble mine">
            {m.body}
          </div>
        ))}
        {replies.map((m) => (
          <div key={m.messageSid} className="bubble theirs">
            <span className="muted small">{m.from}</span> {m.body}
          </div>
        ))}
      </div>
      <form className="row" onSubmit={send}>
        <select aria-label={t('callTo')} value={to} onChange={(e) => setTo(e.target.value)}>
          {HOTLINE_NUMBERS.map((n) => (
            <option key={n.number} value={n.number}>
              {n.number}
            </option>
          ))}
        </select>
        <input
          aria-label={t('smsBody')}
          placeholder={t('smsBody')}
          value={body}
          onChange={(e) => setBody(e.target.value)}
        />
        <button type="submit">{t('send')}</button>
      </form>
      {error && <p className="error">{t(error)}</p>}
    </section>
  );
}
