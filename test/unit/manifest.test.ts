/**
 * package.json `contributes.configuration` against the zod settings schema (the single
 * source of keys and defaults): key for key, with the same defaults, types and enums.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { DEFAULT_SETTINGS, RuleSeverity, Settings } from '../../server/src/config/schema';
import { DEPLOYMENT_TYPES } from '../../server/src/catalog/schema';

const ROOT = join(__dirname, '..', '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, { type: string | string[]; default: unknown; description?: string; markdownDescription?: string; enum?: string[]; additionalProperties?: { enum?: string[]; properties?: Record<string, { enum?: string[] }> } }> }; commands: { command: string }[] };
  activationEvents: string[];
};
const props = pkg.contributes.configuration.properties;

type AnySchema = z.ZodType & { _zod: { def: { type: string; innerType?: AnySchema; shape?: Record<string, AnySchema> } } };

function unwrap(s: AnySchema): { schema: AnySchema; nullable: boolean } {
  let nullable = false;
  let cur = s;
  for (;;) {
    const def = cur._zod.def;
    if (def.type === 'default' || def.type === 'optional' || def.type === 'nullable' || def.type === 'prefault') {
      if (def.type === 'nullable') nullable = true;
      cur = def.innerType!;
    } else return { schema: cur, nullable };
  }
}

/** Leaf settings keys ("tokenCounts.inlay") with their JSON type; records and arrays are leaves. */
function leaves(shape: Record<string, AnySchema>, prefix = ''): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [key, s] of Object.entries(shape)) {
    const { schema, nullable } = unwrap(s);
    const t = schema._zod.def.type;
    if (t === 'object') {
      for (const [k, v] of leaves(schema._zod.def.shape!, `${prefix}${key}.`)) out.set(k, v);
      continue;
    }
    const json = t === 'record' ? 'object' : t === 'array' ? 'array' : t === 'number' ? 'integer' : t;
    out.set(prefix + key, nullable ? [json, 'null'] : [json]);
  }
  return out;
}

function at(obj: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], obj);
}

describe('package.json contributes.configuration', () => {
  const schemaKeys = leaves((Settings as unknown as AnySchema)._zod.def.shape!);

  it('has exactly the settings keys of the zod schema, plus trace.server', () => {
    const manifestKeys = Object.keys(props).map((k) => k.replace(/^openaiModelLint\./, ''));
    assert.deepEqual(manifestKeys.filter((k) => k !== 'trace.server').sort(), [...schemaKeys.keys()].sort());
    assert.deepEqual([...schemaKeys.keys()].sort(), ['asOf', 'azure.deployments', 'catalog.extraModels', 'catalog.file', 'maxFileSize', 'rules', 'tokenCounts.codeLens', 'tokenCounts.inlay']);
    assert.deepEqual(props['openaiModelLint.trace.server']!.enum, ['off', 'messages', 'verbose']);
  });

  it('states the schema default, type and a description for every key', () => {
    for (const [key, types] of schemaKeys) {
      const p = props[`openaiModelLint.${key}`]!;
      assert.deepEqual(p.default, at(DEFAULT_SETTINGS, key), `default of ${key}`);
      assert.deepEqual([p.type].flat(), types, `type of ${key}`);
      assert.ok((p.description ?? p.markdownDescription ?? '').length > 20, `description of ${key}`);
    }
  });

  it('lists the enums of the schema', () => {
    assert.deepEqual(props['openaiModelLint.rules']!.additionalProperties!.enum, RuleSeverity.options);
    assert.deepEqual(props['openaiModelLint.azure.deployments']!.additionalProperties!.properties!.deploymentType!.enum, [...DEPLOYMENT_TYPES]);
  });

  it('every default validates against the schema', () => {
    const value = {};
    for (const key of schemaKeys.keys()) {
      const parts = key.split('.');
      let o = value as Record<string, unknown>;
      for (const k of parts.slice(0, -1)) o = (o[k] ??= {}) as Record<string, unknown>;
      o[parts.at(-1)!] = props[`openaiModelLint.${key}`]!.default;
    }
    assert.deepEqual(Settings.parse(value), DEFAULT_SETTINGS);
  });

  it('contributes the commands the client registers and activates on notebooks', () => {
    const client = readFileSync(join(ROOT, 'client', 'src', 'extension.ts'), 'utf8');
    const registered = [...client.matchAll(/registerCommand\('([^']+)'/g)].map((m) => m[1]).sort();
    assert.deepEqual(pkg.contributes.commands.map((c) => c.command).sort(), registered);
    assert.ok(pkg.activationEvents.includes('onNotebook:jupyter-notebook'));
  });
});
