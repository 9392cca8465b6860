// Headless Chromium for the end-to-end tests: Debian's /usr/bin/chromium driven by playwright-core,
// a fresh web build when web/dist is older than web/src, and screenshots under test-results/.
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { build } from 'vite';

export const CHROMIUM = '/usr/bin/chromium';
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SHOTS = join(ROOT, 'test-results', 'screenshots');

/** Chromium present, or CI set (then a missing browser fails loudly instead of skipping). */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI) return true;
  console.warn(`Skipping browser end-to-end tests: ${CHROMIUM} is missing (apt-get install -y chromium).`);
  return false;
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/**
 * Builds web/dist when any source is newer than it (what `npm run build:web` does): the web app's own, and
 * the shared modules it imports from the domain and the flows.
 */
export async function ensureWebBuild(): Promise<void> {
  const index = join(ROOT, 'web', 'dist', 'index.html');
  const sources = Math.max(
    newest(join(ROOT, 'web', 'src')),
    newest(join(ROOT, 'functions', 'domain')),
    newest(join(ROOT, 'flows')),
    statSync(join(ROOT, 'web', 'index.html')).mtimeMs,
  );
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: join(ROOT, 'web', 'vite.config.ts'), logLevel: 'warn' });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}

export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0)); // the sticky state bar belongs at the top
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

export async function signIn(page: Page, baseUrl: string, id: string, path: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.fill('input[name=id]', id);
  await page.fill('input[name=password]', `demo-${id}`);
  await page.click('button[type=submit]');
  await page.waitForSelector('[data-testid=whoami]');
  await page.goto(`${baseUrl}${path}`);
}

/**
 * Collects the page's Content-Security-Policy violations, as the DOM event reports them and as Chromium
 * logs them to the console (the console also names blocked inline code that fires no event in time).
 */
export async function collectCspViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) seen.push(message.text());
  });
  await page.exposeFunction('reportCspViolation', (line: string) => seen.push(line));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { reportCspViolation: (line: string) => void }).reportCspViolation;
      report(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  return seen;
}
