export { countText, getEncoder, isEncodingLoaded, loadEncoding, loadEncodingSync } from './encodings';
export { countCall, imageFormulaFor, imageTokens, REPLY_PRIMING_TOKENS, TOKENS_PER_MESSAGE, TOKENS_PER_NAME } from './count';
export type { CallTokenCount } from './count';
