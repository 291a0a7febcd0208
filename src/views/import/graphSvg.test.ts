// The SVG export is text-only and always well-formed, whatever ids a file holds (issue #11).
import { describe, expect, it } from 'vitest';
import { escapeXml, neighbourhoodSvg, type SvgPalette } from './graphSvg.ts';
import type { Neighbourhood } from './neighbourhood.ts';

const PALETTE: SvgPalette = {
  background: '#fff',
  text: '#000',
  muted: '#666',
  edge: '#00f',
  refused: '#f00',
  fill: { canonical: '#eee', device: '#eee', id: '#eee', outside: '#eee', more: '#eee' },
  stroke: { canonical: '#111', device: '#111', id: '#111', outside: '#111', more: '#111' },
};

describe('the SVG export', () => {
  it('escapes markup and replaces characters XML forbids', () => {
    expect(escapeXml('<a href="x">&\'')).toBe('&#60;a href=&#34;x&#34;&#62;&#38;&#39;');
    expect(escapeXml('a\u0000b\u0007c\tdé😀\ud800e\udc00\uffff')).toBe(
      'a\uFFFDb\uFFFDc\tdé😀\uFFFDe\uFFFD\uFFFD',
    );
  });

  it('holds a hostile id only as escaped text', () => {
    const id = '<script>alert(1)</script>\u0001';
    const layout: Neighbourhood = {
      canonical: id,
      nodes: [{ id, label: id, kind: 'canonical', x: 0, y: 0 }],
      edges: [],
      hidden: 0,
      bounds: { x: -100, y: -50, width: 200, height: 100 },
    };
    const svg = neighbourhoodSvg(layout, PALETTE);
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('\u0001');
    expect(svg).toContain('&#60;script&#62;alert(1)&#60;/script&#62;\uFFFD');
  });
});
