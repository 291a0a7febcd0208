// A small JSON Schema (2020-12) checker for tests: just the keywords scenario.schema.json uses; any other throws.
type Schema = boolean | { readonly [keyword: string]: unknown };

const ANNOTATIONS = new Set(['$schema', '$id', 'title', 'description', '$defs']);

/** Checks `value` against `root`; returns "<path>: <keyword>" for every violation found. */
export function checkJsonSchema(root: Schema, value: unknown): string[] {
  const problems: string[] = [];
  check(root, root, value, '', problems);
  return problems;
}

function check(root: Schema, schema: Schema, value: unknown, path: string, problems: string[]): void {
  if (schema === true) return;
  if (schema === false) return void problems.push(`${path}: not allowed`);
  for (const [keyword, argument] of Object.entries(schema)) {
    if (ANNOTATIONS.has(keyword)) continue;
    const rule = KEYWORDS[keyword];
    if (rule === undefined) throw new Error(`miniJsonSchema: unsupported keyword ${keyword}`);
    if (!rule({ root, schema, argument, value, path, problems }))
      problems.push(`${path || '(root)'}: ${keyword}`);
  }
}

interface Context {
  readonly root: Schema;
  readonly schema: { readonly [keyword: string]: unknown };
  readonly argument: unknown;
  readonly value: unknown;
  readonly path: string;
  readonly problems: string[];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function matchesType(value: unknown, type: string): boolean {
  const actual = typeOf(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

function passes(root: Schema, schema: unknown, value: unknown, path: string): boolean {
  const problems: string[] = [];
  check(root, schema as Schema, value, path, problems);
  return problems.length === 0;
}

function resolveRef(root: Schema, ref: string): Schema {
  const match = /^#\/\$defs\/(.+)$/.exec(ref);
  const defs = isObject(root) ? root['$defs'] : undefined;
  const target = match?.[1] !== undefined && isObject(defs) ? defs[match[1]] : undefined;
  if (target === undefined) throw new Error(`miniJsonSchema: cannot resolve ${ref}`);
  return target as Schema;
}

/** Properties not covered by `properties` or `patternProperties`. */
function extraKeys(c: Context, value: Record<string, unknown>): string[] {
  const named = isObject(c.schema['properties']) ? Object.keys(c.schema['properties']) : [];
  const patterns = isObject(c.schema['patternProperties']) ? Object.keys(c.schema['patternProperties']) : [];
  return Object.keys(value).filter(
    (k) => !named.includes(k) && !patterns.some((p) => new RegExp(p, 'u').test(k)),
  );
}

const KEYWORDS: Readonly<Record<string, (c: Context) => boolean>> = {
  $ref: (c) => (check(c.root, resolveRef(c.root, c.argument as string), c.value, c.path, c.problems), true),
  type: (c) => [c.argument].flat().some((t) => matchesType(c.value, t as string)),
  enum: (c) => (c.argument as unknown[]).some((option) => option === c.value),
  const: (c) => c.argument === c.value,
  minLength: (c) => typeof c.value !== 'string' || [...c.value].length >= (c.argument as number),
  pattern: (c) => typeof c.value !== 'string' || new RegExp(c.argument as string, 'u').test(c.value),
  minimum: (c) => typeof c.value !== 'number' || c.value >= (c.argument as number),
  maximum: (c) => typeof c.value !== 'number' || c.value <= (c.argument as number),
  minItems: (c) => !Array.isArray(c.value) || c.value.length >= (c.argument as number),
  uniqueItems: (c) =>
    !Array.isArray(c.value) || new Set(c.value.map((v) => JSON.stringify(v))).size === c.value.length,
  minProperties: (c) => !isObject(c.value) || Object.keys(c.value).length >= (c.argument as number),
  required: (c) => !isObject(c.value) || (c.argument as string[]).every((key) => key in (c.value as object)),
  items: (c) => {
    if (Array.isArray(c.value))
      c.value.forEach((item, i) => check(c.root, c.argument as Schema, item, `${c.path}[${i}]`, c.problems));
    return true;
  },
  properties: (c) => {
    if (!isObject(c.value)) return true;
    for (const [key, schema] of Object.entries(c.argument as Record<string, Schema>))
      if (key in c.value) check(c.root, schema, c.value[key], `${c.path}.${key}`, c.problems);
    return true;
  },
  patternProperties: (c) => {
    if (!isObject(c.value)) return true;
    for (const [pattern, schema] of Object.entries(c.argument as Record<string, Schema>))
      for (const [key, item] of Object.entries(c.value))
        if (new RegExp(pattern, 'u').test(key)) check(c.root, schema, item, `${c.path}.${key}`, c.problems);
    return true;
  },
  additionalProperties: (c) => {
    if (!isObject(c.value)) return true;
    for (const key of extraKeys(c, c.value))
      check(c.root, c.argument as Schema, c.value[key], `${c.path}.${key}`, c.problems);
    return true;
  },
  oneOf: (c) => (c.argument as Schema[]).filter((s) => passes(c.root, s, c.value, c.path)).length === 1,
  anyOf: (c) => (c.argument as Schema[]).some((s) => passes(c.root, s, c.value, c.path)),
};
