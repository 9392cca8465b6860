// The Mermaid diagrams in docs/flows/ match the flows (regenerate with `npm run flows:diagram`).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { flows } from '../../flows/index.js';
import { flowDiagram } from '../../functions/domain/ivr/diagram.js';

describe('flow diagrams', () => {
  it.each(Object.keys(flows))('docs/flows/%s.md is up to date', (name) => {
    const flow = flows[name];
    if (!flow) throw new Error(name);
    const doc = readFileSync(new URL(`../../docs/flows/${name}.md`, import.meta.url), 'utf8');
    expect(doc).toContain(flowDiagram(flow).trimEnd());
  });

  it('draws every state and every transition', () => {
    const flow = flows.warranty;
    if (!flow) throw new Error('warranty');
    const diagram = flowDiagram(flow);
    for (const name of Object.keys(flow.states)) expect(diagram).toContain(`s_${name}`);
    expect(diagram).toContain('s_mainMenu -->|1| s_claimName');
    expect(diagram).toContain('s_claimLookup -->|notFound| s_claimNotFound');
  });
});
