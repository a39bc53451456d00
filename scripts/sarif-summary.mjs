// Prints the results of an openai-model-lint SARIF file one per line, as the text format
// does (`file:line:column: level CODE message`), then a count; the GitHub Action's log.
import { readFileSync } from 'node:fs';

const sarif = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const results = sarif.runs.flatMap((run) => run.results);
// SARIF has three levels: info and hint findings are both notes
const counts = { error: 0, warning: 0, note: 0 };
for (const r of results) {
  const level = r.level ?? 'warning';
  counts[level] = (counts[level] ?? 0) + 1;
  const loc = r.locations[0].physicalLocation;
  const cell = r.properties?.cell !== undefined ? `cell ${r.properties.cell}:` : '';
  console.log(`${decodeURIComponent(loc.artifactLocation.uri)}:${cell}${loc.region.startLine}:${loc.region.startColumn}: ${level} ${r.ruleId} ${r.message.text}`);
}
const n = results.length;
console.log(`${n} problem${n === 1 ? '' : 's'} (${counts.error} errors, ${counts.warning} warnings, ${counts.note} notes)`);
