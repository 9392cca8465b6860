// Uploading a recording: the file, its language and a name; a refusal (not audio, too long, too large...)
// is shown in the page's language with what is allowed.
import { type FormEvent, useState } from 'react';
import { useErrorText } from '../errors.js';
import { type Language, promptsApi, type RecordedPrompt } from './prompts-api.js';
import { usePromptLabels } from './use-prompt-labels.js';

export function PromptUpload({ onUploaded }: { onUploaded: (prompt: RecordedPrompt) => void }) {
  const { p } = usePromptLabels();
  const { errorText } = useErrorText();
  const [file, setFile] = useState<File>();
  const [name, setName] = useState('');
  const [language, setLanguage] = useState<Language>('zh');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string>();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      const prompt = await promptsApi.upload(file, language, name);
      setDone(prompt.name);
      setName('');
      onUploaded(prompt);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="row" onSubmit={submit} data-testid="prompt-upload">
      <label>
        {p('promptFile')}{' '}
        <input
          type="file"
          accept=".wav,.mp3,audio/wav,audio/mpeg"
          data-testid="prompt-file"
          onChange={(e) => setFile(e.target.files?.[0])}
        />
      </label>
      <label>
        {p('promptName')}{' '}
        <input
          value={name}
          maxLength={120}
          data-testid="prompt-name"
          onChange={(e) => setName(e.target.value)}
        />
      </label>
      <label>
        {p('promptLanguage')}{' '}
        <select
          value={language}
          data-testid="prompt-language"
          onChange={(e) => setLanguage(e.target.value as Language)}
        >
          <option value="zh">{p('langZh')}</option>
          <option value="en">{p('langEn')}</option>
        </select>
      </label>
      <button type="submit" disabled={!file || busy} data-testid="prompt-upload-button">
        {p('promptUpload')}
      </button>
      {error !== undefined && (
        <p className="error" role="alert" data-testid="prompt-upload-error">
          {errorText(error)}
        </p>
      )}
      {done && (
        <span className="muted small" data-testid="prompt-uploaded">
          {p('promptUploaded')}: {done}
        </span>
      )}
    </form>
  );
}
