/** The package version, set by esbuild (`define` in esbuild.mjs) from package.json. */
declare const OPENAI_MODEL_LINT_VERSION: string | undefined;

export const VERSION: string = typeof OPENAI_MODEL_LINT_VERSION === 'string' ? OPENAI_MODEL_LINT_VERSION : '0.0.0-dev';
