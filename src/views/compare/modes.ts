// Words the Compare view shares: mode names as people say them, and differences in percent.

export const MODE_LABEL: Readonly<Record<string, string>> = {
  simplified: 'Simplified',
  original: 'Original',
  legacy: 'Legacy',
};

export function modeLabel(key: string): string {
  return MODE_LABEL[key] ?? key;
}

export { percentChange, share } from '../../compare/index.ts';
