// What a callback task made from a voicemail says about it: "Voicemail · 00:42 · 王建国" rather than the
// recording's id its note carries. Read from the voicemail itself; a message I may not open still reads
// as a voicemail.
import { useEffect, useState } from 'react';
import { useLang } from '../i18n.js';
import { type VoicemailItem, voicemailApi } from '../voicemail-api.js';
import { formatDuration } from './state-bar.js';

export function VoicemailNote({ sid }: { sid: string }) {
  const { t } = useLang();
  const [v, setV] = useState<VoicemailItem>();
  useEffect(() => {
    let alive = true;
    voicemailApi.get(sid).then(
      (found) => alive && setV(found),
      () => {},
    );
    return () => {
      alive = false;
    };
  }, [sid]);
  return (
    <span data-testid="voicemail-note">
      {t('voicemailNote')}
      {v && ` · ${formatDuration(v.durationSeconds)}`}
      {v?.customerName && ` · ${v.customerName}`}
    </span>
  );
}
