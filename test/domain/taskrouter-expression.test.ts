// Pins the TaskRouter expression semantics of docs/twilio-behaviour.md §4.6 (and the uses in §4.4–4.5) with examples:
// every operator, precedence, NULL, type mismatches, arrays, paths, and the reference's own expressions.
import { describe, expect, it } from 'vitest';
import {
  type Compiled,
  evaluateExpression,
  expressionPaths,
  parseExpression,
  parseOrderBy,
  resolveValueExpression,
} from '../../functions/domain/taskrouter-expression.js';

function compile(source: string): Compiled {
  const parsed = parseExpression(source);
  if (!parsed.ok) throw new Error(`${source}: ${parsed.error.message}`);
  return parsed.expression;
}

const evaluate = (source: string, scope: Record<string, unknown> = {}): boolean =>
  evaluateExpression(compile(source), scope);

const agent = {
  skills: ['support', 'billing'],
  languages: ['en', 'zh'],
  contact_uri: 'client:agent_42',
  level: 3,
  rating: 4.5,
  vip: true,
  nickname: null,
  channel: { chat: { configured_capacity: 2 }, voice: { configured_capacity: 0 } },
};

describe('docs/twilio-behaviour.md §4.4–4.6 examples', () => {
  it("queue target_workers `skills HAS 'support' AND languages HAS 'zh'` (§4.6)", () => {
    expect(evaluate("skills HAS 'support' AND languages HAS 'zh'", agent)).toBe(true);
    expect(evaluate("skills HAS 'support' AND languages HAS 'fr'", agent)).toBe(false);
  });

  it('target expression `task.language IN worker.languages` (§4.5, §4.6)', () => {
    const scope = { task: { language: 'zh' }, worker: agent };
    expect(evaluate('task.language IN worker.languages', scope)).toBe(true);
    expect(evaluate('task.language IN worker.languages', { task: { language: 'fr' }, worker: agent })).toBe(
      false,
    );
  });

  it("activity routing `worker.activity_name IN ['Available','High Value']` (§4.6)", () => {
    const source = "worker.activity_name IN ['Available','High Value']";
    expect(evaluate(source, { worker: { activity_name: 'High Value' } })).toBe(true);
    expect(evaluate(source, { worker: { activity_name: 'Offline' } })).toBe(false);
  });

  it('worker channel `worker.channel.chat.configured_capacity > 0` (§4.6)', () => {
    expect(evaluate('worker.channel.chat.configured_capacity > 0', { worker: agent })).toBe(true);
    expect(evaluate('worker.channel.voice.configured_capacity > 0', { worker: agent })).toBe(false);
  });

  it('the default target_workers `1==1` matches anyone, even an empty scope (§4.4)', () => {
    expect(evaluate('1==1')).toBe(true);
    expect(evaluate('1==1', agent)).toBe(true);
  });

  it('workflow filter and target expressions from the §4.5 configuration document', () => {
    const filter = "type == 'voice' AND language == 'zh' AND ivr_choice == 'billing'";
    expect(evaluate(filter, { type: 'voice', language: 'zh', ivr_choice: 'billing' })).toBe(true);
    expect(evaluate(filter, { type: 'voice', language: 'en', ivr_choice: 'billing' })).toBe(false);
    expect(evaluate('worker.level >= 3', { task: {}, worker: agent })).toBe(true);
    expect(evaluate('workers.available == 0', { workers: { available: 0, unavailable: 4 } })).toBe(true);
    expect(evaluate('workers.available == 0', { workers: { available: 2 } })).toBe(false);
  });
});

describe('operators (docs/twilio-behaviour.md §4.6)', () => {
  it.each([
    ['level == 3', true],
    ['level == 4', false],
    ['level != 4', true],
    ['level != 3', false],
    ['level > 2', true],
    ['level > 3', false],
    ['level >= 3', true],
    ['level >= 3.5', false],
    ['level < 4', true],
    ['level < 3', false],
    ['level <= 3', true],
    ['level <= 2.99', false],
    ['rating == 4.5', true],
    ['rating > -1', true],
    ["contact_uri == 'client:agent_42'", true],
    ['contact_uri == "client:agent_42"', true],
    ["contact_uri != 'client:agent_7'", true],
    ["contact_uri CONTAINS 'agent'", true],
    ["contact_uri CONTAINS 'Agent'", false],
    ["contact_uri CONTAINS ''", true],
    ["skills HAS 'billing'", true],
    ["skills HAS 'sales'", false],
    ["'billing' IN skills", true],
    ["'sales' IN skills", false],
    ["'sales' NOT IN skills", true],
    ["'billing' NOT IN skills", false],
    ['level IN [1, 2, 3]', true],
    ['level NOT IN [1, 2]', true],
    ['vip == true', true],
    ['vip != false', true],
    ["'b' > 'a'", true],
    ["'B' < 'a'", true],
  ])('%s is %s', (source, expected) => {
    expect(evaluate(source, agent)).toBe(expected);
  });

  it('keywords are case-insensitive: has, and, or, in, not in, contains, True', () => {
    expect(evaluate("skills has 'support' and languages Has 'zh'", agent)).toBe(true);
    expect(evaluate("level == 9 or 'en' in languages", agent)).toBe(true);
    expect(evaluate("'fr' not in languages", agent)).toBe(true);
    expect(evaluate("contact_uri contains 'client'", agent)).toBe(true);
    expect(evaluate('vip == True AND TRUE', agent)).toBe(true);
  });

  it('a bare boolean literal is a condition; so is one in parentheses', () => {
    expect(evaluate('true')).toBe(true);
    expect(evaluate('false')).toBe(false);
    expect(evaluate('(FALSE) OR 1 == 1')).toBe(true);
  });

  it('array literals may be empty and mix types; membership never coerces', () => {
    expect(evaluate('level IN []', agent)).toBe(false);
    expect(evaluate('level NOT IN []', agent)).toBe(true);
    expect(evaluate("level IN ['3', true, 3]", agent)).toBe(true);
    expect(evaluate("level IN ['3']", agent)).toBe(false);
    expect(evaluate('vip IN [1, true]', agent)).toBe(true);
  });
});

describe('precedence and grouping (docs/twilio-behaviour.md §4.6)', () => {
  it('AND binds tighter than OR', () => {
    // Read as true OR (false AND false).
    expect(evaluate('1 == 1 OR 1 == 2 AND 1 == 3')).toBe(true);
    // Read as (false AND true) OR false.
    expect(evaluate('1 == 2 AND 1 == 1 OR 1 == 3')).toBe(false);
  });

  it('parentheses override precedence and may nest', () => {
    expect(evaluate('(1 == 1 OR 1 == 2) AND 1 == 3')).toBe(false);
    expect(evaluate('((1 == 1) AND ((2 == 2 OR 3 == 4)))')).toBe(true);
  });
});

describe('NULL: a missing key (docs/twilio-behaviour.md §4.6)', () => {
  it('is false with every operator except != (and NOT IN, its array form)', () => {
    for (const op of ['==', '>', '>=', '<', '<=']) expect(evaluate(`missing ${op} 1`, agent)).toBe(false);
    expect(evaluate("missing CONTAINS 'a'", agent)).toBe(false);
    expect(evaluate("missing HAS 'a'", agent)).toBe(false);
    expect(evaluate("missing IN ['a']", agent)).toBe(false);
    expect(evaluate('missing != 1', agent)).toBe(true);
    expect(evaluate("missing NOT IN ['a']", agent)).toBe(true);
    expect(evaluate("'fr' NOT IN worker.blocked_languages", { worker: agent })).toBe(true);
  });

  it('treats an explicit JSON null like a missing key, and NULL never equals NULL', () => {
    expect(evaluate('nickname == 1', agent)).toBe(false);
    expect(evaluate("nickname != 'x'", agent)).toBe(true);
    expect(evaluate('nickname == missing', agent)).toBe(false);
    expect(evaluate('nickname != missing', agent)).toBe(true);
  });

  it('goes through missing parents, out-of-range indices and non-objects without failing', () => {
    expect(evaluate('a.b.c == 1', {})).toBe(false);
    expect(evaluate('skills[9] == 1', agent)).toBe(false);
    expect(evaluate('level.x != 1', agent)).toBe(true);
    expect(evaluate('contact_uri[0] != 1', agent)).toBe(true);
  });

  it('reads own properties only: prototype members and array length are NULL', () => {
    expect(evaluate('constructor != 1', agent)).toBe(true);
    expect(evaluate("toString CONTAINS 'function'", agent)).toBe(false);
    expect(evaluate('skills.length == 2', agent)).toBe(false);
  });
});

describe('type mismatches and misused operators (docs/twilio-behaviour.md §4.6: "false")', () => {
  it('compares only same-typed scalars: 1 == "1" is false, and so is 1 != "1"', () => {
    expect(evaluate("level == '3'", agent)).toBe(false);
    expect(evaluate("level != '3'", agent)).toBe(false);
    expect(evaluate("vip == 'true'", agent)).toBe(false);
    expect(evaluate("level > '1'", agent)).toBe(false);
  });

  it('booleans have no order', () => {
    expect(evaluate('true > false')).toBe(false);
    expect(evaluate('true >= true')).toBe(false);
  });

  it('a scalar operator on an array is false, != included', () => {
    expect(evaluate("skills == ['support', 'billing']", agent)).toBe(false);
    expect(evaluate("skills != 'x'", agent)).toBe(false);
    expect(evaluate("skills CONTAINS 'support'", agent)).toBe(false);
    expect(evaluate('channel == 1', agent)).toBe(false);
  });

  it("an array operator on two scalars is false: 'x' IN 'xyz', 'x' NOT IN 'abc', 'xyz' HAS 'x'", () => {
    expect(evaluate("'x' IN 'xyz'")).toBe(false);
    expect(evaluate("'x' NOT IN 'abc'")).toBe(false);
    expect(evaluate("'xyz' HAS 'x'")).toBe(false);
  });

  it('array operators with an array on the wrong side are false', () => {
    expect(evaluate("['support'] IN skills", agent)).toBe(false);
    expect(evaluate("skills HAS ['support']", agent)).toBe(false);
    expect(evaluate("['x'] NOT IN ['y']")).toBe(false);
  });
});

describe('paths and indices', () => {
  const scope = {
    worker: { skills: ['support', 'billing'], teams: [{ name: 'alpha', size: 4 }], matrix: [[1, 2]] },
  };

  it('follow dots and [n] indices, including indices followed by more keys', () => {
    expect(evaluate("worker.skills[0] == 'support'", scope)).toBe(true);
    expect(evaluate("worker.skills[1] == 'billing'", scope)).toBe(true);
    expect(evaluate("worker.teams[0].name == 'alpha' AND worker.teams[0].size > 3", scope)).toBe(true);
    expect(evaluate('worker.matrix[0][1] == 2', scope)).toBe(true);
  });

  it('allow keyword words after a dot, and words that merely start with a keyword', () => {
    expect(
      evaluate('task.in == 1 AND order == 2 AND notes == 3 AND android == 4', {
        task: { in: 1 },
        order: 2,
        notes: 3,
        android: 4,
      }),
    ).toBe(true);
  });

  it('expressionPaths lists each path read once, in order', () => {
    const expr = compile(
      "task.language IN worker.languages AND (worker.skills[0] == 'x' OR task.language == 'zh') AND 1 == 1",
    );
    expect(expressionPaths(expr)).toEqual(['task.language', 'worker.languages', 'worker.skills[0]']);
    expect(expressionPaths(compile('1==1'))).toEqual([]);
  });
});

describe('evaluation never throws', () => {
  it('survives throwing getters and revoked proxies in the scope', () => {
    const hostile = {
      get boom(): never {
        throw new Error('getter');
      },
    };
    const { proxy, revoke } = Proxy.revocable<Record<string, unknown>>({}, {});
    revoke();
    expect(evaluate('boom == 1', hostile)).toBe(false);
    expect(evaluate('boom != 1', hostile)).toBe(true);
    expect(evaluate('p.x == 1', { p: proxy })).toBe(false);
    expect(evaluate("p HAS 'x'", { p: proxy })).toBe(false);
  });
});

describe('resolveValueExpression (known_worker_sid, docs/twilio-behaviour.md §4.5)', () => {
  const scope = { task: { requested_agent: 'WK0123', tags: ['a'] } };

  it('resolves a path, a quoted string, and a missing key to null', () => {
    expect(resolveValueExpression('task.requested_agent', scope)).toEqual({ ok: true, value: 'WK0123' });
    expect(resolveValueExpression(' "WKabc" ', scope)).toEqual({ ok: true, value: 'WKabc' });
    expect(resolveValueExpression('task.tags[0]', scope)).toEqual({ ok: true, value: 'a' });
    expect(resolveValueExpression('task.nobody', scope)).toEqual({ ok: true, value: null });
  });

  it('refuses anything but a single key or string', () => {
    const bad = ["task.requested_agent == 'x'", '', 'true', '3', 'task.requested-agent', '(task.x)'];
    for (const source of bad) {
      const result = resolveValueExpression(source, scope);
      expect(result.ok, source).toBe(false);
    }
    expect(resolveValueExpression("a == 'x'", scope)).toMatchObject({
      ok: false,
      error: {
        position: 2,
        message:
          "expected end of expression at position 2, found '==' (a single key or quoted string is expected here)",
      },
    });
  });
});

describe('parseOrderBy (docs/twilio-behaviour.md §4.5)', () => {
  it('reads keys and directions, case-insensitively; a key without a direction is ASC', () => {
    expect(parseOrderBy('worker.level DESC, worker.tenure asc, worker.skills[0]')).toEqual({
      ok: true,
      keys: [
        { path: 'worker.level', direction: 'DESC' },
        { path: 'worker.tenure', direction: 'ASC' },
        { path: 'worker.skills[0]', direction: 'ASC' },
      ],
    });
    expect(parseOrderBy('worker.english_level ASC')).toEqual({
      ok: true,
      keys: [{ path: 'worker.english_level', direction: 'ASC' }],
    });
  });

  it.each([
    ['', 0, 'empty order_by: expected a key such as worker.level DESC'],
    ['worker.level DESC,', 18, 'expected a key such as worker.level at position 18, found end of expression'],
    ['worker.level UP', 13, "expected ASC, DESC, ',' or end of order_by at position 13, found key 'UP'"],
    [
      'worker.level DESC DESC',
      18,
      "expected ASC, DESC, ',' or end of order_by at position 18, found key 'DESC'",
    ],
    ['3 DESC', 0, 'expected a key such as worker.level at position 0, found number 3'],
  ])('%j is an error at %d', (source, position, message) => {
    expect(parseOrderBy(source)).toEqual({ ok: false, error: { message, position, expression: source } });
  });
});
