/**
 * Closest-match suggestions for an unknown model ID. Cheap enough for the typing path: the
 * candidate list is the catalog's IDs (a few hundred), distances are bounded and skipped when
 * the lengths alone exceed the threshold.
 *
 * Order: a known other name (Azure `gpt-35-turbo` → `gpt-3.5-turbo`), then the same ID up to
 * case and separators (`GPT_4o` → `gpt-4o`), then the same ID without dashes and dots
 * (`gpt4o` → `gpt-4o`), then by edit distance within a threshold relative to the length.
 */

export interface SuggestionCandidates {
  ids: { id: string; retired: boolean }[];
  /** other names (other IDs, Azure model names) → the catalog ID they stand for */
  aliases: ReadonlyMap<string, string>;
}

/** Longer inputs are not compared by edit distance (nothing in the catalog is that long). */
const MAX_DISTANCE_INPUT = 64;

/** Lower case; spaces and underscores become dashes. */
export function normalizeId(id: string): string {
  return id.trim().toLowerCase().replace(/[\s_]+/g, '-');
}

/** Lower case without any separators: `gpt-3.5-turbo` and `gpt-35-turbo` both give `gpt35turbo`. */
export function squashId(id: string): string {
  return id.trim().toLowerCase().replace(/[\s_.\-]+/g, '');
}

/** Largest edit distance still taken as a typo: a quarter of the length, 1 to 4. */
export function distanceThreshold(length: number): number {
  return Math.max(1, Math.min(4, Math.floor(length / 4)));
}

/** A name to compare against, with its forms computed once per candidate list. */
interface Prepared {
  name: string;
  /** the catalog ID suggested when this name matches */
  target: string;
  isAlias: boolean;
  normalized: string;
  squashed: string;
}

const prepared = new WeakMap<SuggestionCandidates, Prepared[]>();

function prepare(candidates: SuggestionCandidates): Prepared[] {
  let list = prepared.get(candidates);
  if (!list) {
    const form = (name: string, target: string, isAlias: boolean): Prepared => ({ name, target, isAlias, normalized: normalizeId(name), squashed: squashId(name) });
    list = [...candidates.aliases].map(([name, target]) => form(name, target, true)).concat(candidates.ids.map(({ id }) => form(id, id, false)));
    prepared.set(candidates, list);
  }
  return list;
}

export function suggestIds(input: string, candidates: SuggestionCandidates, max = 3): string[] {
  if (max <= 0) return [];
  const normalized = normalizeId(input);
  const squashed = squashId(input);
  if (!normalized) return [];
  const threshold = distanceThreshold(normalized.length);
  const scored = new Map<string, { rank: number; retired: boolean }>();
  const retiredOf = new Map(candidates.ids.map((c) => [c.id, c.retired]));
  const offer = (id: string, rank: number) => {
    if (id === input) return;
    const prev = scored.get(id);
    if (!prev || rank < prev.rank) scored.set(id, { rank, retired: retiredOf.get(id) ?? false });
  };

  for (const c of prepare(candidates)) {
    // an alias written as is (or up to case) ranks first; the same ID up to case next
    if (c.normalized === normalized) offer(c.target, c.isAlias ? 0 : 1);
    else if (c.squashed === squashed) offer(c.target, 2);
    else {
      const d = typoDistance(normalized, squashed, c, threshold);
      if (d !== undefined) offer(c.target, 3 + d);
    }
  }

  return [...scored.entries()]
    .sort(
      ([a, x], [b, y]) =>
        x.rank - y.rank ||
        Number(x.retired) - Number(y.retired) ||
        Math.abs(a.length - input.length) - Math.abs(b.length - input.length) ||
        (a < b ? -1 : a > b ? 1 : 0),
    )
    .slice(0, max)
    .map(([id]) => id);
}

/** The smaller distance of the normalised and the squashed forms, when within the threshold. */
function typoDistance(normalized: string, squashed: string, candidate: Prepared, threshold: number): number | undefined {
  if (normalized.length > MAX_DISTANCE_INPUT) return undefined;
  const d = Math.min(
    boundedDistance(normalized, candidate.normalized, threshold),
    boundedDistance(squashed, candidate.squashed, threshold),
  );
  return d <= threshold ? d : undefined;
}

/**
 * Optimal string alignment distance (Levenshtein plus adjacent transpositions), or
 * `limit + 1` as soon as it is known to exceed `limit`.
 */
export function boundedDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return Math.min(prev[n]!, limit + 1);
}
