// Part of `npm run setup:test`: installs what the tests need beyond npm — Debian's chromium,
// CJK fonts, poppler-utils (PDF read-back), and two real WebDAV servers for the channel tests
// (apache2 with mod_dav, rclone) — only when they are missing.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chrome = process.env.CHROME_PATH || '/usr/bin/chromium';
const has = (cmd, args) => spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
const missing = [];
if (!existsSync(chrome)) missing.push('chromium');
if (!has('sh', ['-c', 'fc-list 2>/dev/null | grep -qi "Noto Sans CJK"'])) missing.push('fonts-noto-cjk');
if (!has('sh', ['-c', 'command -v pdftotext'])) missing.push('poppler-utils');
if (!existsSync('/usr/sbin/apache2')) missing.push('apache2');
if (!has('sh', ['-c', 'command -v rclone'])) missing.push('rclone');

if (missing.length === 0) {
  console.log('setup:test: chromium, CJK fonts, poppler-utils, apache2 and rclone are present.');
} else {
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  const apt = (...args) =>
    execFileSync(sudo.length ? 'sudo' : 'apt-get', [...(sudo.length ? ['apt-get'] : []), ...args], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  console.log(`setup:test: installing ${missing.join(', ')} from Debian…`);
  apt('update');
  apt('install', '-y', '--no-install-recommends', ...missing);
}
