// `npm run flows:diagram`: writes docs/flows/<flow>.md, a Mermaid diagram of each shipped flow, with its
// numbers and hours, for admins to read and review (GitHub renders Mermaid in Markdown).
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { flows } from '../../flows/index.js';
import { HOTLINE_NUMBERS } from '../../flows/numbers.js';
import { flowDiagram } from '../../functions/domain/ivr/diagram.js';
import { describeHours } from '../../functions/domain/ivr/hours.js';

const dir = fileURLToPath(new URL('../../docs/flows/', import.meta.url));
mkdirSync(dir, { recursive: true });
for (const flow of Object.values(flows)) {
  const numbers = HOTLINE_NUMBERS.filter((n) => n.flow === flow.name).map((n) => `\`${n.number}\``);
  const doc = [
    `# ${flow.description}`,
    '',
    `Generated from \`flows/${flow.name}.ts\` by \`npm run flows:diagram\`; do not edit by hand.`,
    '',
    `- Numbers: ${numbers.join(', ') || 'none'}`,
    `- Hours (${flow.timeZone}): ${describeHours(flow.hours, 'en')}${flow.calendar ? `; holiday calendar \`${flow.calendar}\`` : ''}`,
    `- Languages: ${flow.languages.join(', ')} (default ${flow.defaultLanguage})`,
    '',
    '```mermaid',
    flowDiagram(flow).trimEnd(),
    '```',
    '',
  ].join('\n');
  writeFileSync(`${dir}${flow.name}.md`, doc);
  console.log(`docs/flows/${flow.name}.md`);
}
