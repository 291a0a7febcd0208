// Remembers the last result of a pure function, so derived state is computed once per change of its inputs.

/** Wraps `fn` so a call with the same arguments (by identity) as the previous call returns the previous result. */
export function memoizeLast<Args extends readonly unknown[], Result>(
  fn: (...args: Args) => Result,
): (...args: Args) => Result {
  let lastArgs: Args | undefined;
  let lastResult: Result | undefined;
  return (...args: Args): Result => {
    if (
      lastArgs !== undefined &&
      args.length === lastArgs.length &&
      args.every((arg, i) => Object.is(arg, lastArgs?.[i]))
    ) {
      return lastResult as Result;
    }
    lastResult = fn(...args);
    lastArgs = args;
    return lastResult;
  };
}
