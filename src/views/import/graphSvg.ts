// The neighbourhood as a standalone SVG document, drawn from the same positions as the on-screen graph.
import {
  NODE_HEIGHT,
  NODE_WIDTH,
  type Neighbourhood,
  type NodeKind,
  type PlacedNode,
} from './neighbourhood.ts';

/** The colours an export uses; the app passes its current theme's. */
export interface SvgPalette {
  readonly background: string;
  readonly text: string;
  readonly muted: string;
  readonly edge: string;
  readonly refused: string;
  readonly fill: Readonly<Record<NodeKind, string>>;
  readonly stroke: Readonly<Record<NodeKind, string>>;
}

const LABEL_CHARS = 24;

export function neighbourhoodSvg(layout: Neighbourhood, palette: SvgPalette): string {
  const { x, y, width, height } = layout.bounds;
  const at = new Map(layout.nodes.map((node) => [node.id, node]));
  const edges = layout.edges.flatMap((edge) => {
    const from = at.get(edge.from);
    const to = at.get(edge.to);
    if (from === undefined || to === undefined) return [];
    const colour = edge.kind === 'refused' ? palette.refused : palette.edge;
    const dash = edge.kind === 'refused' ? ' stroke-dasharray="6 4"' : '';
    return [
      `<line x1="${from.x}" y1="${from.y}" x2="${to.x}" y2="${to.y}" stroke="${colour}" stroke-width="1.5"${dash}/>`,
    ];
  });
  // Labels after every line, on a background of their own, where the placer put them (clear of ids and labels).
  const labels = layout.edges.map((edge) => {
    const box = edge.labelBox;
    return [
      `<g data-label="${escapeXml(edge.id)}">`,
      `<rect x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}" rx="3" fill="${palette.background}"/>`,
      `<text x="${box.cx}" y="${box.cy + 3.5}" fill="${palette.muted}" font-size="10" text-anchor="middle">${escapeXml(edge.label)}</text>`,
      '</g>',
    ].join('');
  });
  const nodes = layout.nodes.map((node) => nodeSvg(node, palette));
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${x} ${y} ${width} ${height}" font-family="system-ui, sans-serif">`,
    `<title>Identity neighbourhood of ${escapeXml(layout.canonical)}</title>`,
    `<rect x="${x}" y="${y}" width="${width}" height="${height}" fill="${palette.background}"/>`,
    ...edges,
    ...labels,
    ...nodes,
    '</svg>',
  ].join('\n');
}

function nodeSvg(node: PlacedNode, palette: SvgPalette): string {
  const left = node.x - NODE_WIDTH / 2;
  const top = node.y - NODE_HEIGHT / 2;
  const label = node.label.length > LABEL_CHARS ? `${node.label.slice(0, LABEL_CHARS - 1)}…` : node.label;
  const weight = node.kind === 'canonical' ? ' font-weight="700"' : '';
  return [
    `<g data-id="${escapeXml(node.id)}">`,
    `<rect x="${left}" y="${top}" width="${NODE_WIDTH}" height="${NODE_HEIGHT}" rx="6" fill="${palette.fill[node.kind]}" stroke="${palette.stroke[node.kind]}" stroke-width="1.5"/>`,
    `<text x="${node.x}" y="${node.y + 4}" fill="${palette.text}" font-size="12" text-anchor="middle"${weight}>${escapeXml(label)}</text>`,
    '</g>',
  ].join('');
}

/**
 * Ids and labels come from the user's file: markup characters become character references, and characters XML
 * forbids (control characters, lone surrogates, U+FFFE/U+FFFF) become U+FFFD, so the document always parses and
 * input is only ever text.
 */
export function escapeXml(text: string): string {
  return text.replace(XML_FORBIDDEN, '\uFFFD').replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const XML_FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
