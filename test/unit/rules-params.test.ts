import { CallBuilder } from '../helpers/callBuilder';
import { ruleTable, spanOf } from '../helpers/ruleTable';

function build(text: string, args: [string, string][], opts: ConstructorParameters<typeof CallBuilder>[2] & { endpoint?: ConstructorParameters<typeof CallBuilder>[1] } = {}) {
  return () => {
    const b = new CallBuilder(text, opts.endpoint ?? 'chat.completions', opts);
    for (const [n, v] of args) b.arg(n, v);
    return b.call;
  };
}

{
  const inline = 'client.chat.completions.create(model="o1-mini", temperature=0.2, messages=m)\n';
  const multi = 'client.chat.completions.create(\n    model="o1",\n    top_p=0.5,\n    messages=m,\n)\n';
  const last = 'client.chat.completions.create(model="o1", messages=m, presence_penalty=1)\n';
  const one = 'client.chat.completions.create(model="o1", temperature=1, messages=m)\n';
  const emb = 'client.embeddings.create(model="text-embedding-ada-002", input="x", dimensions=256)\n';
  ruleTable('OAI201', {
    valid: [
      { name: 'temperature 1 is the allowed value', text: one, call: build(one, [['model', '"o1"'], ['temperature', '1']]) },
      { name: 'temperature on a model that accepts it', text: inline.replace('o1-mini', 'gpt-4o'), call: build(inline.replace('o1-mini', 'gpt-4o'), [['model', '"gpt-4o"'], ['temperature', '0.2']]) },
      { name: 'unknown temperature value', text: inline.replace('0.2', 'TEMP'), call: build(inline.replace('0.2', 'TEMP'), [['model', '"o1-mini"'], ['temperature', 'TEMP']]) },
      { name: 'stream=False is the default', text: 'client.chat.completions.create(model="o1-mini", stream=False)\n', call: build('client.chat.completions.create(model="o1-mini", stream=False)\n', [['model', '"o1-mini"'], ['stream', 'False']]) },
      { name: 'compatible client', text: inline, call: build(inline, [['model', '"o1-mini"'], ['temperature', '0.2']], { client: { kind: 'compatible', baseUrl: 'http://localhost:11434/v1' } }) },
    ],
    invalid: [
      {
        name: 'temperature on o1-mini',
        text: inline,
        call: build(inline, [['model', '"o1-mini"'], ['temperature', '0.2']]),
        errors: [{ covers: 'temperature=0.2', start: 48, end: 63, message: "'temperature' is not supported by o1-mini (reasoning models accept only the default 1); remove it", severity: 'error', output: 'client.chat.completions.create(model="o1-mini", messages=m)\n', safe: true }],
      },
      {
        name: 'argument on its own line',
        text: multi,
        call: build(multi, [['model', '"o1"'], ['top_p', '0.5']]),
        errors: [{ covers: 'top_p=0.5', ...spanOf(multi, 'top_p=0.5'), message: "'top_p' is not supported by o1; remove it", output: 'client.chat.completions.create(\n    model="o1",\n    messages=m,\n)\n' }],
      },
      {
        name: 'last argument takes the preceding comma',
        text: last,
        call: build(last, [['model', '"o1"'], ['presence_penalty', '1']]),
        errors: [{ covers: 'presence_penalty=1', ...spanOf(last, 'presence_penalty=1'), message: "'presence_penalty' is not supported by o1; remove it", output: 'client.chat.completions.create(model="o1", messages=m)\n' }],
      },
      {
        name: 'dimensions on text-embedding-ada-002',
        text: emb,
        call: build(emb, [['model', '"text-embedding-ada-002"'], ['dimensions', '256']], { endpoint: 'embeddings' }),
        errors: [{ covers: 'dimensions=256', ...spanOf(emb, 'dimensions=256'), message: "'dimensions' is not supported by text-embedding-ada-002; remove it", output: 'client.embeddings.create(model="text-embedding-ada-002", input="x")\n' }],
      },
    ],
  });
}

{
  const o1 = 'client.chat.completions.create(model="o1", max_tokens=500, messages=m)\n';
  const gpt = 'client.chat.completions.create(model="gpt-4o", max_tokens=500, messages=m)\n';
  const azOld = 'client.chat.completions.create(model="gpt-4o", max_tokens=500, messages=m)\nclient = AzureOpenAI(api_version="2024-06-01")\n';
  ruleTable('OAI202', {
    valid: [
      { name: 'max_completion_tokens', text: o1.replace('max_tokens', 'max_completion_tokens'), call: build(o1.replace('max_tokens', 'max_completion_tokens'), [['model', '"o1"'], ['max_completion_tokens', '500']]) },
      {
        name: 'Azure api_version too old for the new name',
        text: azOld,
        call: () => {
          const b = new CallBuilder(azOld, 'chat.completions', { client: { kind: 'azure' } });
          b.arg('model', '"gpt-4o"');
          b.arg('max_tokens', '500');
          b.apiVersion('"2024-06-01"');
          return b.call;
        },
      },
    ],
    invalid: [
      {
        name: 'max_tokens on o1: error',
        text: o1,
        call: build(o1, [['model', '"o1"'], ['max_tokens', '500']]),
        errors: [{ covers: 'max_tokens=500', ...spanOf(o1, 'max_tokens=500'), severity: 'error', message: "'max_tokens' is not supported by o1; use 'max_completion_tokens'", output: o1.replace('max_tokens', 'max_completion_tokens'), safe: true }],
      },
      {
        name: 'max_tokens elsewhere: hint',
        text: gpt,
        call: build(gpt, [['model', '"gpt-4o"'], ['max_tokens', '500']]),
        errors: [{ covers: 'max_tokens=500', ...spanOf(gpt, 'max_tokens=500'), severity: 'hint', message: "'max_tokens' is deprecated in favour of 'max_completion_tokens'", output: gpt.replace('max_tokens', 'max_completion_tokens') }],
      },
    ],
  });
}

{
  const sys = 'client.chat.completions.create(model="o1-mini", messages=[{"role": "system", "content": "Be brief."}])\n';
  const dev = 'client.chat.completions.create(model="gpt-3.5-turbo", messages=[{"role": "developer", "content": "Be brief."}])\n';
  const msgCall = (text: string, model: string, role: string) => () => {
    const b = new CallBuilder(text, 'chat.completions');
    b.arg('model', model);
    b.message(role, '"Be brief."');
    return b.call;
  };
  ruleTable('OAI203', {
    valid: [
      { name: 'system to gpt-4o', text: sys.replace('o1-mini', 'gpt-4o'), call: msgCall(sys.replace('o1-mini', 'gpt-4o'), '"gpt-4o"', 'system') },
      { name: 'developer to o1', text: dev.replace('gpt-3.5-turbo', 'o1'), call: msgCall(dev.replace('gpt-3.5-turbo', 'o1'), '"o1"', 'developer') },
    ],
    invalid: [
      {
        name: 'system to o1-mini',
        text: sys,
        call: msgCall(sys, '"o1-mini"', 'system'),
        errors: [{ covers: '"system"', ...spanOf(sys, '"system"'), message: "o1-mini does not accept 'system' messages; change the role to 'user'", output: sys.replace('"system"', '"user"'), safe: false }],
      },
      {
        name: 'developer to gpt-3.5-turbo',
        text: dev,
        call: msgCall(dev, '"gpt-3.5-turbo"', 'developer'),
        errors: [{ covers: '"developer"', ...spanOf(dev, '"developer"'), message: "gpt-3.5-turbo predates the 'developer' role; change the role to 'system'", output: dev.replace('"developer"', '"system"'), safe: true }],
      },
    ],
  });
}

{
  const img = 'client.chat.completions.create(model="gpt-3.5-turbo", messages=[{"role": "user", "content": [{"type": "image_url", "image_url": {"url": u}}]}])\n';
  const imgCall = (text: string, model: string) => () => {
    const b = new CallBuilder(text, 'chat.completions');
    b.arg('model', model);
    b.message('user', null, [b.part('image_url')]);
    return b.call;
  };
  ruleTable('OAI204', {
    valid: [{ name: 'image to gpt-4o', text: img.replace('gpt-3.5-turbo', 'gpt-4o'), call: imgCall(img.replace('gpt-3.5-turbo', 'gpt-4o'), '"gpt-4o"') }],
    invalid: [
      {
        name: 'image to gpt-3.5-turbo',
        text: img,
        call: imgCall(img, '"gpt-3.5-turbo"'),
        errors: [{ covers: '{"type": "image_url", "image_url": {"url": u}}', ...spanOf(img, '{"type": "image_url", "image_url": {"url": u}}'), message: 'gpt-3.5-turbo does not accept images; use a model with vision such as gpt-4o', output: null }],
      },
    ],
  });
}

{
  const schema = 'client.chat.completions.create(model="gpt-4o-2024-05-13", response_format=RF, messages=m)\n';
  const schemaCall = (text: string, model: string) => () => {
    const b = new CallBuilder(text, 'chat.completions');
    b.arg('model', model);
    const rf = b.arg('response_format', 'RF');
    rf.value.value = { kind: 'object', open: false, entries: [{ name: 'type', nameSpan: rf.value.span, span: rf.value.span, fromSpread: false, value: { value: { kind: 'string', value: 'json_schema' }, span: rf.value.span } }] };
    return b.call;
  };
  const parse = 'client.beta.chat.completions.parse(model="gpt-4-turbo", response_format=Answer, messages=m)\n';
  const tools = 'client.chat.completions.create(model="o1-mini", tools=TOOLS, messages=m)\n';
  ruleTable('OAI205', {
    valid: [
      { name: 'json_schema on gpt-4o-2024-08-06', text: schema.replace('05-13', '08-06'), call: schemaCall(schema.replace('05-13', '08-06'), '"gpt-4o-2024-08-06"') },
      { name: 'tools on o1-mini are OAI201', text: tools, call: build(tools, [['model', '"o1-mini"'], ['tools', 'TOOLS']]) },
    ],
    invalid: [
      {
        name: 'json_schema on gpt-4o-2024-05-13',
        text: schema,
        call: schemaCall(schema, '"gpt-4o-2024-05-13"'),
        errors: [{ covers: 'response_format=RF', ...spanOf(schema, 'response_format=RF'), message: 'gpt-4o-2024-05-13 does not support structured outputs (json_schema); use a model that does, such as gpt-4o-2024-08-06', output: null }],
      },
      {
        name: '.parse on gpt-4-turbo',
        text: parse,
        call: () => {
          const b = new CallBuilder(parse, 'chat.completions', { callee: 'beta.chat.completions.parse', helper: 'parse' });
          b.arg('model', '"gpt-4-turbo"');
          b.arg('response_format', 'Answer');
          return b.call;
        },
        errors: [{ covers: 'response_format=Answer', ...spanOf(parse, 'response_format=Answer'), message: 'gpt-4-turbo does not support structured outputs (.parse); use a model that does, such as gpt-4o-2024-08-06', output: null }],
      },
    ],
  });
}
