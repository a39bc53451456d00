// Refreshes the README's pictures (images/*.png) from the screenshots `npm run test:e2e`
// writes to test/e2e/artifacts/ (1400×900): crops each to the part that shows the feature,
// then quantises it with pngquant so the committed PNGs stay small. Needs ImageMagick's
// `convert` and `pngquant` (Debian: apt-get install imagemagick pngquant).
// `node scripts/readme-images.mjs` after an e2e run.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ARTIFACTS = join(root, 'test/e2e/artifacts');
const OUT = join(root, 'images');

// [artifact, image, crop geometry WxH+X+Y in the 1400×900 screenshot]
const PICTURES = [
  ['workbench-squiggles.png', 'diagnostics.png', '1045x760+355+40'],
  ['hover-model.png', 'hover.png', '920x385+355+90'],
  ['quick-fix-menu.png', 'quick-fix.png', '620x260+355+85'],
  ['completion.png', 'completion.png', '660x355+355+85'],
  ['fix-all-unsafe.png', 'fix-all-unsafe.png', '1045x760+355+40'],
];

mkdirSync(OUT, { recursive: true });
for (const [artifact, image, crop] of PICTURES) {
  const from = join(ARTIFACTS, artifact);
  if (!existsSync(from)) throw new Error(`${from} is missing: run npm run test:e2e first`);
  const to = join(OUT, image);
  execFileSync('convert', [from, '-crop', crop, '+repage', '-strip', to]);
  execFileSync('pngquant', ['--quality', '60-85', '--speed', '1', '--strip', '--force', '--output', to, to]);
  console.log(`${image}: ${statSync(to).size} bytes`);
}
