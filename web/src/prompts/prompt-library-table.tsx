// The library: each recording with its language, format, length and size, who uploaded it and when, a
// player (a short-lived URL fetched on play) and Delete, asked twice (the server refuses while it is
// assigned, and the refusal says where).
import { useState } from 'react';
import { ApiError } from '../api.js';
import { CenterTime } from '../center-zone.js';
import { PlayButton } from '../desk/play-button.js';
import { useErrorText } from '../errors.js';
import { useLang } from '../i18n.js';
import { promptsApi, type RecordedPrompt } from './prompts-api.js';
import { usePromptLabels } from './use-prompt-labels.js';

export function PromptLibraryTable({
  items,
  onDeleted,
}: {
  items: readonly RecordedPrompt[];
  onDeleted: () => void;
}) {
  const { p } = usePromptLabels();
  const { errorText } = useErrorText();
  const { tx } = useLang();
  const [error, setError] = useState<string>();
  const [confirming, setConfirming] = useState<string>();
  if (items.length === 0) return <p className="muted">{p('promptEmpty')}</p>;
  // Where a refused recording plays: `warranty.greet.zh` or `hold.general.zh`, by the names shown elsewhere.
  const place = (path: string) => {
    const [first = '', middle = '', lang = ''] = path.split('.');
    const where = first === 'hold' ? [p('promptHold'), tx(`queue_${middle}`)] : [tx(`flow_${first}`), middle];
    return [...where, tx(`lang_${lang}`)].join(' · ');
  };
  const refusal = (e: unknown) => {
    const usedBy =
      e instanceof ApiError && Array.isArray(e.detail.usedBy) ? (e.detail.usedBy as string[]) : [];
    return usedBy.length ? `${errorText(e)}: ${usedBy.map(place).join('; ')}` : errorText(e);
  };
  const remove = (id: string) =>
    promptsApi.remove(id).then(
      () => {
        setError(undefined);
        setConfirming(undefined);
        onDeleted();
      },
      (e: unknown) => {
        setConfirming(undefined);
        setError(refusal(e));
      },
    );
  return (
    <>
      {error && (
        <p className="error" role="alert" data-testid="prompt-delete-error">
          {error}
        </p>
      )}
      <table data-testid="prompt-library">
        <thead>
          <tr>
            <th>{p('promptName')}</th>
            <th>{p('promptLanguage')}</th>
            <th>{p('promptFormat')}</th>
            <th>{p('promptDuration')}</th>
            <th>{p('promptSize')}</th>
            <th>{p('promptBy')}</th>
            <th>{p('promptAt')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id} data-testid="prompt-row" data-prompt={item.name}>
              <td>{item.name}</td>
              <td>{item.language === 'zh' ? p('langZh') : p('langEn')}</td>
              <td>{item.format.toUpperCase()}</td>
              <td>{item.durationSeconds.toFixed(1)} s</td>
              <td>{(item.sizeBytes / 1024).toFixed(0)} KB</td>
              <td>{item.uploadedBy}</td>
              <td>
                <CenterTime at={item.at} />
              </td>
              <td>
                <PlayButton load={() => promptsApi.audio(item.id)} />{' '}
                {confirming === item.id ? (
                  <span data-testid="prompt-delete-confirm">
                    {p('promptDeleteConfirm')}{' '}
                    <button type="button" className="danger small-btn" onClick={() => void remove(item.id)}>
                      {p('promptDeleteYes')}
                    </button>{' '}
                    <button type="button" className="small-btn" onClick={() => setConfirming(undefined)}>
                      {p('promptDeleteNo')}
                    </button>
                  </span>
                ) : (
                  <button type="button" className="link" onClick={() => setConfirming(item.id)}>
                    {p('promptDelete')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
