// Customers asking the knowledge base by text, on the local stack with the seeded articles: a question in
// Chinese or English ("问 …", "? …") is answered with the best article's title and short answer in the
// language asked; a question it cannot answer goes to an agent, as any other text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type IvrHarness, startIvr } from '../ivr/support.js';

const HOTLINE = '+18005550100';

describe('questions by SMS answered from the knowledge base', () => {
  let h: IvrHarness;
  beforeAll(async () => {
    h = await startIvr('2026-03-02T02:00:00Z');
  }, 60_000);
  afterAll(() => h?.stop());

  const text = async (from: string, body: string) => {
    const res = await fetch(`${h.stack.url}/sim/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from, to: HOTLINE, body }),
    });
    expect(res.status).toBe(201);
    await h.advance(1);
    return (await h.messagesTo(from)).at(-1)?.body ?? '';
  };

  it('answers a Chinese question with a Chinese article’s short answer', async () => {
    const reply = await text('+8613900005551', '问 延保理赔怎么报案');
    expect(reply).toMatch(/^延保理赔报案流程：/);
    expect(reply).toContain('回复“人工”转客服');
  });

  it('answers an English question, typo and all, in English', async () => {
    const reply = await text('+14155550177', '? how do I make a warrenty claim');
    expect(reply).toMatch(/^Extended warranty claim procedure: /);
  });

  it('hands a question nothing answers to an agent', async () => {
    const reply = await text('+14155550178', '? zzqx vvbnm');
    expect(reply).toBe('Thanks, an agent will reply to you here shortly.');
  });
});
