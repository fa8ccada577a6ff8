// Debian tools the tests and the benchmark drive: install the missing ones (as root, with apt-get);
// otherwise stop with a clear instruction instead of a cryptic failure later.
// Usage: node scripts/ensure-tools.mjs chromium [wrk]
//  - chromium: required (browser tests, the bench's browser figures); CHROMIUM_PATH points elsewhere.
//  - wrk: optional (the bench's load generator; without it the bench uses a slower node:http one and says so).
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const TOOLS = {
  chromium: { bin: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', required: true, why: 'The browser tests need Chromium' },
  wrk: { bin: '/usr/bin/wrk', required: false, why: 'The benchmark measures HTTP throughput with wrk' },
};

const wanted = process.argv.slice(2);
for (const name of wanted) if (!TOOLS[name]) throw new Error(`unknown tool '${name}' (known: ${Object.keys(TOOLS).join(', ')})`);
const missing = wanted.filter((name) => !existsSync(TOOLS[name].bin));
if (missing.length) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  let installed = false;
  if (isRoot && hasApt) {
    console.log(`${missing.join(', ')} not found: installing Debian's package(s) (apt-get install -y ${missing.join(' ')})…`);
    try {
      execSync(`apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y ${missing.join(' ')}`, { stdio: 'inherit' });
      installed = true;
    } catch {
      console.error(`Installing ${missing.join(', ')} failed.`);
    }
  }
  for (const name of missing) {
    if (installed && existsSync(TOOLS[name].bin)) continue;
    const { bin, required, why } = TOOLS[name];
    const how = `  Debian/Ubuntu: sudo apt-get update && sudo apt-get install -y ${name}` + (name === 'chromium' ? '\n  Or point CHROMIUM_PATH at an installed Chromium/Chrome binary.' : '');
    if (required) {
      console.error(`${why} at ${bin}.\n${how}`);
      process.exit(1);
    }
    console.warn(`${why}; it is not installed, so a slower generator is used.\n${how}`);
  }
}
