// The library: each recording with its language, format, length and size, who uploaded it and when, a
// player (a short-lived URL fetched on play) and Delete (the server refuses while it is assigned).
import { useState } from 'react';
import { CenterTime } from '../center-zone.js';
import { PlayButton } from '../desk/play-button.js';
import { useErrorText } from '../errors.js';
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
  const [error, setError] = useState<string>();
  if (items.length === 0) return <p className="muted">{p('promptEmpty')}</p>;
  const remove = (id: string) =>
    promptsApi.remove(id).then(
      () => {
        setError(undefined);
        onDeleted();
      },
      (e: unknown) => setError(errorText(e)),
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
                <button type="button" className="link" onClick={() => void remove(item.id)}>
                  {p('promptDelete')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
