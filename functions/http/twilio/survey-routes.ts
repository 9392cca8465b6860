// The keypad survey a caller answers after the agent ends the call (functions/app/surveys.ts redirects
// their call here): each question said with its keys, the key pressed kept at once (a caller who hangs
// up half-way keeps what they answered), a wrong or missing key asked once more, then passed over.
import { Hono } from 'hono';
import VoiceResponse from 'twilio/lib/twiml/VoiceResponse.js';
import { createHistory } from '../../app/history/history.js';
import { keepAnswers, keypadSurveyUrl, questionnaireNamed } from '../../app/surveys.js';
import type { Language } from '../../domain/model.js';
import { askable, keypadAnswer, keypadPrompt, SURVEY_THANKS } from '../../domain/surveys.js';
import type { WebhookDeps } from '../deps.js';
import type { TwilioEnv } from '../env.js';
import { SAY } from './ivr/render.js';
import { optionalParam } from './params.js';

const xml = () => ({ 'Content-Type': 'text/xml; charset=utf-8' });
const CALL_SID = /^CA[0-9a-f]{32}$/;
/** A question is asked twice at most: once, and once more after a wrong key or silence. */
const MAX_TRIES = 2;

export function createSurveyApp(deps: WebhookDeps): Hono<TwilioEnv> {
  const app = new Hono<TwilioEnv>();
  const base = deps.config.webhookBaseUrl;
  const history = createHistory({
    store: deps.store,
    clock: deps.clock,
    timeZone: deps.config.timeZone,
    logger: deps.logger,
  });

  /** The survey the URL names (signed by Twilio, so only ones this server issued), or undefined. */
  async function surveyOf(c: { req: { query(name: string): string | undefined } }) {
    const callSid = c.req.query('call') ?? '';
    const n = Number(c.req.query('n'));
    const tries = Number(c.req.query('tries') ?? 0);
    const lang: Language = c.req.query('lang') === 'en' ? 'en' : 'zh';
    if (!CALL_SID.test(callSid) || !Number.isInteger(n) || n < 0 || !Number.isInteger(tries))
      return undefined;
    const survey = await deps.store.messaging.getSurvey(callSid);
    const questionnaire = survey ? await questionnaireNamed(deps, survey.questionnaire) : undefined;
    if (!survey || !questionnaire) return undefined;
    return { survey, questionnaire, questions: askable(questionnaire, 'keypad'), n, tries, lang, callSid };
  }

  const goodbye = (r: VoiceResponse, lang: Language) => {
    r.say(SAY[lang], SURVEY_THANKS[lang]);
    r.hangup();
  };

  app.post('/ask', async (c) => {
    const r = new VoiceResponse();
    const s = await surveyOf(c);
    if (!s) {
      r.hangup();
      return c.body(r.toString(), 200, xml());
    }
    const question = s.questions[s.n];
    if (!question) {
      if (!s.survey.completedAt)
        await deps.store.messaging.putSurvey({
          ...s.survey,
          completedAt: new Date(deps.clock.now()).toISOString(),
        });
      goodbye(r, s.lang);
      return c.body(r.toString(), 200, xml());
    }
    const twoDigits = question.kind === 'scale' && question.max === 10;
    const gather = r.gather({
      input: ['dtmf'],
      numDigits: twoDigits ? 2 : 1,
      ...(twoDigits ? { finishOnKey: '#' } : {}),
      timeout: 6,
      action: keypadSurveyUrl(base, 'answer', s),
      method: 'POST',
    });
    if (s.n === 0 && s.tries === 0) gather.say(SAY[s.lang], s.questionnaire.intro[s.lang]);
    gather.say(SAY[s.lang], keypadPrompt(question, s.lang));
    // No key pressed: asked once more, then passed over.
    r.redirect({ method: 'POST' }, nextUrl(base, s));
    return c.body(r.toString(), 200, xml());
  });

  app.post('/answer', async (c) => {
    const r = new VoiceResponse();
    const s = await surveyOf(c);
    if (!s) {
      r.hangup();
      return c.body(r.toString(), 200, xml());
    }
    const question = s.questions[s.n];
    const digits = optionalParam(c.var.twilioParams, 'Digits') ?? '';
    const answer = question ? keypadAnswer(question, digits) : undefined;
    if (!question || answer === undefined) {
      r.redirect({ method: 'POST' }, nextUrl(base, s));
      return c.body(r.toString(), 200, xml());
    }
    const last = s.n + 1 >= s.questions.length;
    await keepAnswers(
      { ...deps, recordHistory: history.record },
      s.survey,
      s.questionnaire,
      { [question.id]: answer },
      last,
    );
    if (last) goodbye(r, s.lang);
    else r.redirect({ method: 'POST' }, keypadSurveyUrl(base, 'ask', { ...s, n: s.n + 1, tries: 0 }));
    return c.body(r.toString(), 200, xml());
  });

  return app;
}

/** After silence or a wrong key: the same question once more, else the next one. */
function nextUrl(base: string, at: { callSid: string; n: number; lang: Language; tries: number }): string {
  return at.tries + 1 < MAX_TRIES
    ? keypadSurveyUrl(base, 'ask', { ...at, tries: at.tries + 1 })
    : keypadSurveyUrl(base, 'ask', { ...at, n: at.n + 1, tries: 0 });
}
