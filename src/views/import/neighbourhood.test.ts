// The neighbourhood drawing: capped with a "+N more" node, refusals pointing outward, and an SVG of the same.
import { describe, expect, it } from 'vitest';
import type { IdentityDetail } from '../../worker/queries.ts';
import { neighbourhoodSvg, type SvgPalette } from './graphSvg.ts';
import { drawingProblems, type Drawing } from '../shared/geometry.ts';
import { MORE_NODE, neighbourhoodOf, nodeBox } from './neighbourhood.ts';

function detail(memberCount: number): IdentityDetail {
  const members = Array.from({ length: memberCount }, (_, i) => ({
    id: i === 0 ? 'U1' : `$device:D${i}`,
    isDevice: i > 0,
    joinedBy: i === 0 ? undefined : i,
    firstSeen: i,
  }));
  return {
    id: 'U1',
    canonical: 'U1',
    cluster: { canonical: 'U1', members },
    memberCount,
    eventCount: memberCount,
    links: members.slice(1).map((m, i) => ({
      eventIndex: i + 1,
      kind: 'device-link' as const,
      from: m.id,
      to: 'U1',
      rule: 'S-6',
    })),
    linkCount: memberCount - 1,
    failures: [
      {
        eventIndex: 99,
        from: '$device:D1',
        to: 'U2 <x>',
        failure: { code: 'errAnonDistinctIdAssignedAlready', official: true, description: '', rule: 'S-9' },
      },
    ],
    failureCount: 1,
    timeline: { total: 0, rows: [] },
    profiles: [],
    findings: [],
  };
}

const PALETTE: SvgPalette = {
  background: '#fff',
  text: '#000',
  muted: '#666',
  edge: '#00f',
  refused: '#f00',
  fill: { canonical: '#eef', device: '#efe', id: '#eee', outside: '#fee', more: '#fff' },
  stroke: { canonical: '#00f', device: '#0a0', id: '#999', outside: '#a00', more: '#999' },
};

describe('the neighbourhood layout', () => {
  it('puts the canonical id in the centre, links its devices, and draws a refusal outward', () => {
    const layout = neighbourhoodOf(detail(4));
    expect(layout.nodes[0]).toMatchObject({ id: 'U1', kind: 'canonical', x: 0, y: 0 });
    expect(layout.nodes.map((n) => n.kind)).toEqual(['canonical', 'device', 'device', 'device', 'outside']);
    expect(layout.edges.filter((e) => e.kind === 'link')).toHaveLength(3);
    const device = layout.nodes.find((n) => n.id === '$device:D1');
    const outside = layout.nodes.find((n) => n.id === 'U2 <x>');
    // Further out than the device that reached for it, on the same side.
    expect(Math.hypot(outside?.x ?? 0, outside?.y ?? 0)).toBeGreaterThan(
      Math.hypot(device?.x ?? 0, device?.y ?? 0),
    );
    expect(Math.sign(outside?.y ?? 0)).toBe(Math.sign(device?.y ?? 0));
    expect(layout.hidden).toBe(0);
  });

  it('never draws more than the cap: the rest is one "+N more" node', () => {
    const layout = neighbourhoodOf(detail(500), 150);
    expect(layout.nodes.length).toBeLessThanOrEqual(150);
    const more = layout.nodes.find((n) => n.id === MORE_NODE);
    expect(more?.label).toBe(`+${layout.hidden} more`);
    expect(layout.hidden + layout.nodes.filter((n) => n.kind !== 'more' && n.kind !== 'outside').length).toBe(
      500,
    );
    const places = new Set(layout.nodes.map((n) => `${n.x},${n.y}`));
    expect(places.size).toBe(layout.nodes.length);
  });

  it('exports as an SVG with every node and edge, text escaped', () => {
    const layout = neighbourhoodOf(detail(3));
    const svg = neighbourhoodSvg(layout, PALETTE);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/<g data-id=/g)).toHaveLength(layout.nodes.length);
    expect(svg.match(/<line /g)).toHaveLength(layout.edges.length);
    expect(svg).toContain('U2 &#60;x&#62;');
    expect(svg).toContain('stroke-dasharray');
  });
});

/** A device linked to U0 whose links to `refusedBy` other users were refused (the case people import to debug). */
function refusedDevice(refusedBy: number): IdentityDetail {
  const base = detail(2);
  return {
    ...base,
    id: '$device:D1',
    failures: Array.from({ length: refusedBy }, (_, i) => ({
      eventIndex: 100 + i,
      from: '$device:D1',
      to: `user-${i + 1}@example.com`,
      failure: { code: 'errAnonDistinctIdAssignedAlready', official: true, description: '', rule: 'S-9' },
    })),
    failureCount: refusedBy,
  };
}

/** The drawing as shared/geometry.ts checks it: every id box and every edge label box. */
function drawingOf(layout: ReturnType<typeof neighbourhoodOf>): Drawing {
  return {
    nodes: layout.nodes.map((node) => ({ name: node.id, box: nodeBox(node) })),
    labels: layout.edges.map((edge) => ({ name: `${edge.id} "${edge.label}"`, box: edge.labelBox })),
    clusters: [],
  };
}

describe('the neighbourhood drawing never draws over itself (#17)', () => {
  const cases: [string, IdentityDetail][] = [
    ['a device refused by ten users', refusedDevice(10)],
    ['a device refused by five users', refusedDevice(5)],
    ['a user with fifty devices', detail(51)],
    ['a user with 149 devices (the cap)', detail(149)],
    ['a user with 500 devices (capped)', detail(500)],
    ...Array.from({ length: 12 }, (_, n): [string, IdentityDetail] => [`${n + 1} members`, detail(n + 1)]),
  ];
  it.each(cases)('%s: no id over an id, no label over an id or a label', (_name, identity) => {
    const layout = neighbourhoodOf(identity);
    expect(drawingProblems(drawingOf(layout))).toEqual([]);
    // The labels name their event by the table's number.
    for (const edge of layout.edges) expect(edge.label).toMatch(/^#\d+ /);
  });

  it('the SVG export draws each label where the placer put it, inside the exported bounds', () => {
    const layout = neighbourhoodOf(refusedDevice(10));
    const svg = neighbourhoodSvg(layout, PALETTE);
    const { x, y, width, height } = layout.bounds;
    for (const edge of layout.edges) {
      const box = edge.labelBox;
      expect(svg).toContain(`<rect x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}"`);
      expect(
        box.x >= x && box.y >= y && box.x + box.width <= x + width && box.y + box.height <= y + height,
      ).toBe(true);
    }
  });

  it('the check catches labels left at the middle of their edges, as the old drawing had them', () => {
    const layout = neighbourhoodOf(refusedDevice(10));
    const atMiddle = layout.edges.map((edge) => {
      const from = layout.nodes.find((n) => n.id === edge.from) ?? { x: 0, y: 0 };
      const to = layout.nodes.find((n) => n.id === edge.to) ?? { x: 0, y: 0 };
      const box = edge.labelBox;
      return {
        ...edge,
        labelBox: { ...box, x: (from.x + to.x) / 2 - box.width / 2, y: (from.y + to.y) / 2 - 12 },
      };
    });
    expect(drawingProblems(drawingOf({ ...layout, edges: atMiddle })).length).toBeGreaterThan(0);
  });
});
