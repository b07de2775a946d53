/**
 * The part of Excel's custom-functions runtime the ASSESS.* functions use: `CustomFunctions.Error(code, message)`
 * and `CustomFunctions.ErrorCode`. Installed as a global, as Excel's JavaScript runtime provides it.
 */

export class StubCustomFunctionError extends Error {
  constructor(readonly code: string, message?: string) {
    super(message);
    this.name = "CustomFunctions.Error";
  }
}

export const ERROR_CODE = { invalidValue: "#VALUE!", notAvailable: "#N/A" } as const;

export function installCustomFunctionsStub(): void {
  (globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
    Error: StubCustomFunctionError,
    ErrorCode: ERROR_CODE,
  };
}

export interface Thrown {
  readonly code: string;
  readonly message: string;
}

/** What a call throws, as Excel would show it: the error code and the custom message. */
export function thrown(call: () => unknown): Thrown {
  try {
    const result = call();
    throw new Error(`expected an error, got ${JSON.stringify(result)}`);
  } catch (e) {
    if (!(e instanceof StubCustomFunctionError)) throw e;
    return { code: e.code, message: e.message };
  }
}

/** Han characters: the message is written in Chinese. */
export const CHINESE = /[\u4e00-\u9fff]/u;
