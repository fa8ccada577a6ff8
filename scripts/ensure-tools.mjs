// The browser tests drive Debian's chromium. Install it when missing (as root, with apt-get);
// otherwise stop with a clear instruction instead of a cryptic launch failure later.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (isRoot && hasApt) {
    console.log(`${CHROMIUM} not found: installing Debian's chromium (apt-get install -y chromium)…`);
    try {
      execSync('apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium', { stdio: 'inherit' });
    } catch {
      console.error('Installing chromium failed. Install it yourself: sudo apt-get install -y chromium');
      process.exit(1);
    }
  } else {
    console.error(
      `The browser tests need Chromium at ${CHROMIUM}.\n` +
        '  Debian/Ubuntu: sudo apt-get update && sudo apt-get install -y chromium\n' +
        '  Or point CHROMIUM_PATH at an installed Chromium/Chrome binary.',
    );
    process.exit(1);
  }
}
