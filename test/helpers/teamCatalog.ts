/** A team's catalog file for `catalog.file` tests: model entries in the built-in files' schema. */

export const TEAM_SOURCES = { '*': [{ doc: 'Team model registry', url: 'https://example.com/registry' }] };

/** A model entry of a team's catalog file, with `over` replacing fields. */
export function teamEntry(id: string, over: Record<string, unknown> = {}) {
  return {
    id,
    description: `${id} (team file)`,
    family: 'team',
    contextWindow: 64000,
    maxOutputTokens: 8000,
    knowledgeCutoff: null,
    encoding: 'o200k_base',
    endpoints: ['chat.completions'],
    lifecycle: { stage: 'ga' },
    sources: TEAM_SOURCES,
    ...over,
  };
}

/** A catalog file whose `team-old` was retired on 2026-06-01 in favour of `team-new`. */
export const RETIRED_TEAM_FILE = {
  asOf: '2026-12-01',
  models: [teamEntry('team-old', { lifecycle: { stage: 'ga', deprecationDate: '2026-01-01', shutdownDate: '2026-06-01', replacement: 'team-new' } })],
};
