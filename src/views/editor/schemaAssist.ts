// Completion, hover help and inline problems for the scenario source, all from the one schema: the JSON Schema
// generated from it (completion, hover) and its validator (problems at line and column).
import type { Completion, CompletionContext, CompletionResult } from '@codemirror/autocomplete';
import { syntaxTree } from '@codemirror/language';
import type { Diagnostic } from '@codemirror/lint';
import type { EditorState, Text } from '@codemirror/state';
import type { SyntaxNode } from '@lezer/common';
import type { EditorView, Tooltip } from '@codemirror/view';
import { scenarioJsonSchema } from '../../scenarios/jsonSchema.ts';
import { parseScenarioText } from '../../scenarios/validate.ts';

type Schema = { readonly [keyword: string]: unknown };
type Path = (string | number)[];

const ROOT = scenarioJsonSchema() as Schema;
const DEFS = (ROOT['$defs'] ?? {}) as Record<string, Schema>;

/** The schemas a value at `path` may match ($refs followed, anyOf/oneOf branches spread). */
export function schemasAt(path: readonly (string | number)[], schema: Schema = ROOT): Schema[] {
  let current = expand(schema);
  for (const key of path) current = current.flatMap((s) => expand(childOf(s, key)));
  return current;
}

function expand(schema: unknown): Schema[] {
  if (typeof schema !== 'object' || schema === null) return [];
  const s = schema as Schema;
  const ref = s['$ref'];
  if (typeof ref === 'string') return expand(DEFS[ref.replace('#/$defs/', '')]);
  const branches = (s['anyOf'] ?? s['oneOf']) as unknown[] | undefined;
  if (Array.isArray(branches)) return branches.flatMap(expand);
  return [s];
}

function childOf(schema: Schema, key: string | number): unknown {
  if (typeof key === 'number') return schema['items'];
  const properties = schema['properties'] as Record<string, unknown> | undefined;
  return (
    properties?.[key] ??
    (typeof schema['additionalProperties'] === 'object' ? schema['additionalProperties'] : undefined)
  );
}

const PUNCTUATION = new Set(['[', ']', '{', '}', ',', ':']);

/** Where the cursor is: the path of the value around it, and whether it stands where a property name goes. */
export function pathAt(state: EditorState, pos: number): { path: Path; atKey: boolean; node: SyntaxNode } {
  const node = syntaxTree(state).resolveInner(pos, -1);
  const path: Path = [];
  for (let n: SyntaxNode | null = node; n !== null; n = n.parent) {
    const parent = n.parent;
    if (parent?.name === 'Property' && n.name !== 'PropertyName') {
      const name = parent.getChild('PropertyName');
      if (name !== null) path.unshift(keyText(state.doc, name));
    }
    if (parent?.name === 'Array' && !PUNCTUATION.has(n.name)) {
      let index = 0;
      for (let c = parent.firstChild; c !== null && c.from < n.from; c = c.nextSibling)
        if (!PUNCTUATION.has(c.name)) index++;
      path.unshift(index);
    }
  }
  const inObject =
    node.name === 'Object' || ((node.name === '{' || node.name === ',') && node.parent?.name === 'Object');
  return { path, atKey: node.name === 'PropertyName' || inObject, node };
}

function keyText(doc: Text, node: SyntaxNode): string {
  const text = doc.sliceString(node.from, node.to);
  try {
    return JSON.parse(text) as string;
  } catch {
    return text.replace(/^"|"$/g, '');
  }
}

function describe(schema: Schema): string | undefined {
  return typeof schema['description'] === 'string' ? schema['description'] : undefined;
}

/** Completion: the fields an object may have, or the values a field may take (enums), with their descriptions. */
export function completeScenario(context: CompletionContext): CompletionResult | null {
  const word = context.matchBefore(/"?[\w$.\- ]*/);
  if (word === null || (word.from === word.to && !context.explicit)) return null;
  const { path, atKey } = pathAt(context.state, context.pos);
  if (atKey) {
    const options = schemasAt(path).flatMap((schema) =>
      Object.entries((schema['properties'] ?? {}) as Record<string, Schema>).map(([key, child]) => ({
        label: JSON.stringify(key),
        type: 'property',
        info: describe(child) ?? describe(expand(child)[0] ?? {}),
      })),
    );
    return options.length === 0 ? null : { from: word.from, options: unique(options) };
  }
  const options = schemasAt(path).flatMap((schema) =>
    ((schema['enum'] ?? []) as unknown[]).map((value) => ({
      label: JSON.stringify(value),
      type: 'enum',
      info: describe(schema),
    })),
  );
  return options.length === 0 ? null : { from: word.from, options: unique(options) };
}

/** Completions without duplicates (anyOf branches repeat fields), an absent description left out. */
function unique(options: readonly { label: string; type: string; info: string | undefined }[]): Completion[] {
  const seen = new Set<string>();
  return options.flatMap(({ info, ...option }) => {
    if (seen.has(option.label)) return [];
    seen.add(option.label);
    return [info === undefined ? option : { ...option, info }];
  });
}

/** Hover help: the description of the field under the pointer. */
export function hoverScenario(view: EditorView, pos: number): Tooltip | null {
  const { path, node } = pathAt(view.state, pos);
  const texts = schemasAt(path)
    .map(describe)
    .filter((t): t is string => t !== undefined);
  if (texts.length === 0) return null;
  return {
    pos: node.from,
    end: node.to,
    above: true,
    create: () => {
      const dom = document.createElement('div');
      dom.className = 'editor-hover';
      dom.textContent = `${path.join('.') || 'scenario'}: ${[...new Set(texts)].join(' ')}`;
      return { dom };
    },
  };
}

/** Inline problems: every validator problem at its line and column, underlining the token there. */
export function lintScenario(view: EditorView): Diagnostic[] {
  const doc = view.state.doc;
  const parsed = parseScenarioText(doc.toString());
  if (parsed.ok) return [];
  return parsed.problems.map((problem, i) => {
    const line = doc.line(Math.min(Math.max(problem.line ?? 1, 1), doc.lines));
    const from = Math.min(line.from + (problem.column ?? 1) - 1, line.to);
    const token = /^("(?:[^"\\]|\\.)*"|[^\s,:}\]]+|[{[])/.exec(doc.sliceString(from, line.to));
    return {
      from,
      to: from + (token?.[0].length ?? 0),
      severity: 'error',
      message: parsed.errors[i] ?? problem.message,
    };
  });
}
