export { countText, encodingLoadCount, getEncoder, isEncodingLoaded, loadEncoding, loadEncodingSync, tokenUpperBound } from './encodings';
export { callTokenUpperBound, countCall, imageFormulaFor, imageTokens, REPLY_PRIMING_TOKENS, TOKENS_PER_MESSAGE, TOKENS_PER_NAME } from './count';
export type { CallTokenCount } from './count';
