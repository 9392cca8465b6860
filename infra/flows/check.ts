// `npm run flows:check`: validates flows/*.ts, flows/routing.ts and flows/scripts/; prints each problem as file:path.
import { checkShippedFlows } from './check-all.js';

const problems = checkShippedFlows();
for (const p of problems) console.error(`${p.file}: ${p.path}: ${p.message}`);
if (problems.length > 0) {
  console.error(`${problems.length} problem(s).`);
  process.exit(1);
}
console.log('Flows, routing and agent scripts are valid.');
