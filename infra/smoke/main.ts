// Entry of `npm run smoke`: checks a deployed contact center without placing a call (run-smoke.ts).
import { runSmoke } from './run-smoke.js';

process.exitCode = await runSmoke(process.argv.slice(2), {
  print: (line) => console.log(line),
  env: process.env,
});
