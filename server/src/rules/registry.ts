/**
 * Every rule, by code. Codes never change meaning; a retired rule keeps its code unused.
 */
import { apiVersionTooOld } from './api-version-too-old';
import { contextWindowExceeded } from './context-window-exceeded';
import type { Rule } from './define';
import { deprecatedModel } from './deprecated-model';
import { floatingAlias } from './floating-alias';
import { hardcodedApiKey } from './hardcoded-api-key';
import { inputLimitExceeded } from './input-limit-exceeded';
import { limitedAccessModel } from './limited-access-model';
import { outputLimitExceeded } from './output-limit-exceeded';
import { previewModel } from './preview-model';
import { regionUnavailable } from './region-unavailable';
import { replacedParameter } from './replaced-parameter';
import { retiredApi } from './retired-api';
import { retiredModel } from './retired-model';
import { unknownModel } from './unknown-model';
import { unmappedDeployment } from './unmapped-deployment';
import { unsupportedFeature } from './unsupported-feature';
import { unsupportedInput } from './unsupported-input';
import { unsupportedParameter } from './unsupported-parameter';
import { unsupportedRole } from './unsupported-role';
import { unusedSuppression } from './unused-suppression';
import { wrongEndpoint } from './wrong-endpoint';

export const RULES = {
  OAI001: unusedSuppression,
  OAI101: unknownModel,
  OAI102: retiredModel,
  OAI103: deprecatedModel,
  OAI104: wrongEndpoint,
  OAI105: previewModel,
  OAI106: floatingAlias,
  OAI107: limitedAccessModel,
  OAI108: retiredApi,
  OAI201: unsupportedParameter,
  OAI202: replacedParameter,
  OAI203: unsupportedRole,
  OAI204: unsupportedInput,
  OAI205: unsupportedFeature,
  OAI301: outputLimitExceeded,
  OAI302: contextWindowExceeded,
  OAI303: inputLimitExceeded,
  OAI401: unmappedDeployment,
  OAI402: apiVersionTooOld,
  OAI403: regionUnavailable,
  OAI501: hardcodedApiKey,
} as const satisfies Record<string, Rule>;

export type RuleCode = keyof typeof RULES;
export const RULE_CODES = Object.keys(RULES) as RuleCode[];

export function isRuleCode(code: string): code is RuleCode {
  return Object.hasOwn(RULES, code);
}

export function getRule(code: string): Rule | undefined {
  return isRuleCode(code) ? RULES[code] : undefined;
}
