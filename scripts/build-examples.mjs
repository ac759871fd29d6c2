// Builds www/vite-example the way a real consumer would: `npm pack` the
// package, install the tarball (offline, without touching the example's
// package.json) and run `vite build`. The demo serves the result at
// /vite-example/dist/. Run after `npm run build`.

import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const example = join(root, 'www', 'vite-example');
const packs = join(root, 'target', 'pack');
mkdirSync(packs, { recursive: true });

const sh = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
const [packed] = JSON.parse(sh('npm', ['pack', '--json', '--pack-destination', packs], root));
const tarball = join(packs, packed.filename);
sh('npm', ['install', '--no-save', '--offline', '--no-audit', '--no-fund', '--no-package-lock', tarball], example);
const log = sh('node', [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], example);
console.log(log.trim().split('\n').filter((l) => l.includes('dist/')).join('\n'));
