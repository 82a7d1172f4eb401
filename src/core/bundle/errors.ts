/**
 * The one error type the bundle reader (and everything that consumes an untrusted bundle) throws for bad
 * input. Its message says what is wrong and what to do; `code` names the check that failed, for tests and
 * for the UI.
 */
export type BundleErrorCode =
  | 'truncated' | 'magic' | 'version' | 'header' | 'manifest' | 'json' | 'schema' | 'section'
  | 'checksum' | 'model' | 'limit' | 'value' | 'argument' | 'internal'
  /** A valid bundle holds a layer the runtime (virtual MCU, C) cannot execute yet. */
  | 'unsupported';

/** A rejected bundle (or a bad request against a valid one). Never thrown for a bug in this code. */
export class BundleError extends Error {
  readonly code: BundleErrorCode;

  constructor(code: BundleErrorCode, message: string) {
    super(message);
    this.name = 'BundleError';
    this.code = code;
  }
}

/** Throws a BundleError; typed `never` so it can end an expression. */
export function bundleFail(code: BundleErrorCode, message: string): never {
  throw new BundleError(code, message);
}
