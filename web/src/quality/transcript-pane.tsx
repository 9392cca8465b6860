// The transcript beside the player: each sentence with its time and speaker, phrase-check hits marked; a
// click on a line hands its time to the score sheet, which pins the comment there and moves the player.
import { useEffect, useState } from 'react';
import { useLang } from '../i18n.js';
import { clockOf } from './format.js';
import { qualityApi, type Transcript } from './quality-api.js';
import { useQualityText } from './use-quality-text.js';

export function TranscriptPane({ sid, onPick }: { sid: string; onPick: (atSeconds: number) => void }) {
  const { lang } = useLang();
  const text = useQualityText();
  const [transcript, setTranscript] = useState<Transcript | null>();
  useEffect(() => {
    qualityApi.transcript(sid).then(setTranscript, () => setTranscript(null));
  }, [sid]);
  if (transcript === undefined) return null;
  return (
    <section className="card" data-testid="qa-transcript">
      <h3>{text('transcript')}</h3>
      {transcript === null && <p className="muted">{text('noTranscript')}</p>}
      {transcript?.state === 'pending' && <p className="muted">{text('transcriptPending')}</p>}
      {transcript && transcript.flags.length > 0 && (
        <ul data-testid="qa-transcript-flags">
          {transcript.flags.map((f) => (
            <li key={f.ruleId} className={`qa-flag ${f.kind}`}>
              {f.kind === 'missing' ? text('missingPhrase') : text('saidPhrase')} {f.name[lang]}
              {f.atSeconds !== undefined ? ` (${clockOf(f.atSeconds)})` : ''}
            </li>
          ))}
        </ul>
      )}
      <ol className="qa-transcript">
        {transcript?.sentences.map((s) => (
          <li key={`${s.channel}-${s.startSeconds}`} className={s.speaker} data-testid="qa-line">
            <button type="button" className="link" onClick={() => onPick(s.startSeconds)}>
              {clockOf(s.startSeconds)}
            </button>{' '}
            <strong>{s.speaker === 'agent' ? text('channelAgent') : text('channelCustomer')}</strong>:{' '}
            {s.text}
          </li>
        ))}
      </ol>
    </section>
  );
}
