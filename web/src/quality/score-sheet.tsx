// One recorded call opened for scoring: the player (its URL from the audited playback route), comments
// pinned at the current play time, the form's criteria marked pass, fail or n/a with the score worked out
// as they are marked (the server computes the stored one), then saved; and every score the call was given.
import { useEffect, useRef, useState } from 'react';
import { computeScore } from '../../../functions/domain/quality/score.js';
import { CenterTime } from '../center-zone.js';
import { useErrorText } from '../errors.js';
import { useLang } from '../i18n.js';
import { Calibration } from './calibration.js';
import { clockOf, percentOf } from './format.js';
import {
  type QaComment,
  type QaForm,
  type QaMark,
  type QaScore,
  qualityApi,
  type StoredRecording,
} from './quality-api.js';
import { TranscriptPane } from './transcript-pane.js';
import { useQualityText } from './use-quality-text.js';

const MARKS: readonly QaMark[] = ['pass', 'fail', 'na'];

export function ScoreSheet({
  recording,
  onClose,
  onSaved,
}: {
  recording: StoredRecording;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { lang } = useLang();
  const text = useQualityText();
  const { errorText } = useErrorText();
  const audio = useRef<HTMLAudioElement>(null);
  const [url, setUrl] = useState<string>();
  const [forms, setForms] = useState<QaForm[]>([]);
  const [formId, setFormId] = useState<string>();
  const [marks, setMarks] = useState<Record<string, QaMark>>({});
  const [comments, setComments] = useState<QaComment[]>([]);
  const [draft, setDraft] = useState('');
  const [overall, setOverall] = useState('');
  const [scores, setScores] = useState<QaScore[]>([]);
  const [saved, setSaved] = useState<QaScore>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    qualityApi.forms().then(
      ({ items }) => {
        setForms(items);
        setFormId((id) => id ?? items[0]?.id);
      },
      (e: unknown) => setError(errorText(e)),
    );
    qualityApi.ofRecording(recording.sid).then(
      ({ items }) => setScores(items),
      () => {},
    );
  }, [recording.sid, errorText]);

  const form = forms.find((f) => f.id === formId);
  const criteria = form ? form.sections.flatMap((s) => s.criteria) : [];
  const unmarked = criteria.filter((c) => !marks[c.id]).length;
  // No score before the first mark: 100% of nothing would read as a perfect call.
  const preview = form && Object.keys(marks).length > 0 ? computeScore(form, marks) : undefined;

  const pin = (atSeconds: number) => {
    if (!draft.trim()) return;
    setComments((list) =>
      [...list, { atSeconds, text: draft.trim() }].sort((a, b) => a.atSeconds - b.atSeconds),
    );
    setDraft('');
  };
  const save = () => {
    if (!form) return;
    setError(undefined);
    qualityApi.score({ recordingSid: recording.sid, formId: form.id, marks, comments, overall }).then(
      (score) => {
        setSaved(score);
        setScores((list) => [...list, score]);
        onSaved();
      },
      (e: unknown) => setError(errorText(e)),
    );
  };

  return (
    <div className="qa-sheet" data-testid="qa-sheet">
      <div className="card-head">
        <h2>
          {recording.agentId} · {recording.caller ?? ''} · <CenterTime at={recording.startedAt} />
        </h2>
        <button type="button" onClick={onClose}>
          {text('close')}
        </button>
      </div>
      <div className="qa-layout">
        <section className="card" data-testid="qa-player">
          <h3>{text('recording')}</h3>
          {url ? (
            <audio ref={audio} controls src={url} data-testid="qa-audio">
              <track kind="captions" />
            </audio>
          ) : (
            <button
              type="button"
              data-testid="qa-load"
              onClick={() =>
                qualityApi.playback(recording.sid).then(
                  (p) => setUrl(p.url),
                  (e: unknown) => setError(errorText(e)),
                )
              }
            >
              {text('loadRecording')}
            </button>
          )}
          <p className="muted small">{text('pinHint')}</p>
          <div className="fields">
            <label>
              {text('commentText')}
              <input
                name="comment"
                maxLength={500}
                value={draft}
                onChange={(e) => setDraft(e.target.value)}
              />
            </label>
            <button
              type="button"
              data-testid="qa-pin"
              onClick={() => pin(Math.round((audio.current?.currentTime ?? 0) * 10) / 10)}
            >
              {text('pinNow')}
            </button>
          </div>
          <ol className="qa-comments" data-testid="qa-comments">
            {comments.map((c) => (
              <li key={`${c.atSeconds}-${c.text}`}>
                <button
                  type="button"
                  className="link"
                  onClick={() => {
                    if (audio.current) audio.current.currentTime = c.atSeconds;
                  }}
                >
                  {clockOf(c.atSeconds)}
                </button>{' '}
                {c.text}
              </li>
            ))}
          </ol>
        </section>
        <TranscriptPane
          sid={recording.sid}
          onPick={(at) => {
            if (audio.current) audio.current.currentTime = at;
            pin(at);
          }}
        />
      </div>
      {form && (
        <section className="card" data-testid="qa-form">
          <label>
            {text('form')}
            <select value={form.id} onChange={(e) => setFormId(e.target.value)} name="form">
              {forms.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name[lang]}
                </option>
              ))}
            </select>
          </label>
          {form.sections.map((s) => (
            <fieldset key={s.id}>
              <legend>{s.name[lang]}</legend>
              {s.criteria.map((c) => (
                <div key={c.id} className="qa-criterion" data-testid={`qa-criterion-${c.id}`}>
                  <span>
                    {c.name[lang]} <span className="muted">{text('points', { points: c.points })}</span>
                    {c.autoFail && <span className="qa-autofail"> {text('autoFail')}</span>}
                  </span>
                  {MARKS.map((m) => (
                    <label key={m}>
                      <input
                        type="radio"
                        name={`mark-${c.id}`}
                        value={m}
                        checked={marks[c.id] === m}
                        onChange={() => setMarks((all) => ({ ...all, [c.id]: m }))}
                      />
                      {text(m)}
                    </label>
                  ))}
                </div>
              ))}
            </fieldset>
          ))}
          <label>
            {text('overall')}
            <textarea
              name="overall"
              maxLength={2000}
              value={overall}
              onChange={(e) => setOverall(e.target.value)}
            />
          </label>
          {preview && (
            <p data-testid="qa-preview">
              {text('score')}:{' '}
              {text('scoreValue', {
                percent: percentOf(preview.percent),
                points: preview.points,
                max: preview.maxPoints,
              })}
              {preview.autoFailed && <strong className="error"> {text('autoFailed')}</strong>}
              {unmarked > 0 && <span className="muted"> {text('unmarked', { count: unmarked })}</span>}
            </p>
          )}
          <button type="button" data-testid="qa-save" disabled={unmarked > 0 || !!saved} onClick={save}>
            {text('save')}
          </button>
          {saved && (
            <p className="ok" data-testid="qa-saved">
              {text('saved', { percent: percentOf(saved.result.percent) })}
            </p>
          )}
        </section>
      )}
      {error && (
        <p className="error" data-testid="qa-error">
          {error}
        </p>
      )}
      {form && <Calibration form={form} scores={scores} />}
    </div>
  );
}
