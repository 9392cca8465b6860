// Play for a recording or a voicemail: the player appears once the audited playback route has handed
// out a short-lived URL, so every listen is in the audit log and no URL outlives its use.
import { useState } from 'react';
import { useErrorText } from '../errors.js';
import { useLang } from '../i18n.js';

export function PlayButton({ load }: { load: () => Promise<{ readonly url: string }> }) {
  const { t } = useLang();
  const { errorText } = useErrorText();
  const [url, setUrl] = useState<string>();
  const [error, setError] = useState<string>();
  if (url)
    return (
      <audio controls autoPlay src={url} className="inline-audio">
        <track kind="captions" />
      </audio>
    );
  return (
    <span>
      <button
        type="button"
        className="link"
        onClick={() =>
          load().then(
            (p) => setUrl(p.url),
            (e: unknown) => setError(errorText(e)),
          )
        }
      >
        ▶ {t('play')}
      </button>
      {error && <span className="error small"> {error}</span>}
    </span>
  );
}
