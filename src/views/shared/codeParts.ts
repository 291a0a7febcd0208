// Where a long code word may break: camel-case humps and after _ . : / -.

/** The code's parts, split where a line may break. */
export function codeParts(code: string): string[] {
  return code.split(/(?<=[a-z0-9])(?=[A-Z])|(?<=[_.:/-])(?=[^_.:/-])/);
}
