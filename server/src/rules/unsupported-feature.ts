import type { Argument } from '../analysis/apiCall';
import { defineRule } from './define';
import type { RuleFinding } from './define';
import { findArg, formatArg, modelLabel, paramSpan, resolvedTarget, stringValue } from './util';

export const unsupportedFeature = defineRule({
  meta: {
    code: 'OAI205',
    name: 'unsupported-feature',
    defaultSeverity: 'error',
    needsCatalog: true,
    docs: {
      whatItDoes:
        'Reports structured outputs (`response_format={"type": "json_schema", ...}`, the SDK\'s `.parse()` helper, Responses `text.format`) on a model without them (gpt-4o-2024-05-13, gpt-4-turbo, gpt-3.5), JSON mode on a model without it, and tools on a model without function calling.',
      whyIsThisBad: 'The API rejects the request ("response_format json_schema is not supported with this model").',
      example: {
        language: 'python',
        code: 'from openai import OpenAI\n\nclient = OpenAI()\nclient.chat.completions.create(model="gpt-4-turbo", response_format={"type": "json_schema", "json_schema": {"name": "answer", "schema": {"type": "object"}}}, messages=[{"role": "user", "content": "Hi"}])\n',
      },
      useInstead: {
        language: 'python',
        code: 'from openai import OpenAI\n\nclient = OpenAI()\nclient.chat.completions.create(model="gpt-4o-2024-08-06", response_format={"type": "json_schema", "json_schema": {"name": "answer", "schema": {"type": "object"}}}, messages=[{"role": "user", "content": "Hi"}])\n',
      },
      fixSafety: 'No fix: choosing another model or dropping the feature changes what the code does.',
      references: [{ title: 'OpenAI structured outputs: supported models', url: 'https://platform.openai.com/docs/guides/structured-outputs' }],
    },
  },
  check(call, ctx) {
    const t = resolvedTarget(ctx.target);
    if (!t) return [];
    const caps = t.entry.capabilities;
    const rejectedParams = new Set(t.entry.parameters.unsupported.map((p) => p.name));
    const out: RuleFinding[] = [];
    const who = modelLabel(t);
    // a parameter the model rejects outright is OAI201's finding
    const report = (arg: Argument | undefined, message: string) => {
      if (arg && rejectedParams.has(arg.name)) return;
      out.push({ span: arg ? paramSpan(arg) : call.calleeSpan, message, fix: null });
    };

    const format = formatArg(call.args);
    const formatType = format ? stringValue(format.type?.value) : undefined;
    if (caps.structuredOutputs === false) {
      if (formatType === 'json_schema') report(format!.arg, `${who} does not support structured outputs (json_schema); use a model that does, such as gpt-4o-2024-08-06`);
      else if (call.helper === 'parse') report(findArg(call, 'response_format', 'text_format'), `${who} does not support structured outputs (.parse); use a model that does, such as gpt-4o-2024-08-06`);
    }
    if (caps.jsonMode === false && formatType === 'json_object') {
      report(format!.arg, `${who} does not support JSON mode (json_object); use a model that does`);
    }
    if (caps.tools === false) {
      for (const name of ['tools', 'functions', 'tool_choice', 'function_call']) {
        const arg = findArg(call, name);
        if (arg && arg.value.value.kind !== 'null') report(arg, `${who} does not support function calling ('${name}'); use a model with tools`);
      }
    }
    return out;
  },
});
