// Graph exports: the SVG with the page's theme colours, and a PNG made by drawing that SVG onto a canvas.
import type { Neighbourhood } from './neighbourhood.ts';
import { neighbourhoodSvg, type SvgPalette } from './graphSvg.ts';

/** The current theme's colours, read from the CSS variables every view styles itself with. */
export function themePalette(): SvgPalette {
  const style = getComputedStyle(document.documentElement);
  const v = (name: string) => style.getPropertyValue(name).trim();
  return {
    background: v('--surface'),
    text: v('--fg'),
    muted: v('--muted'),
    edge: v('--accent'),
    refused: v('--danger'),
    fill: {
      canonical: v('--user-bg'),
      device: v('--device-bg'),
      id: v('--surface-2'),
      outside: v('--other-bg'),
      more: v('--surface'),
    },
    stroke: {
      canonical: v('--user'),
      device: v('--device'),
      id: v('--border'),
      outside: v('--other'),
      more: v('--muted'),
    },
  };
}

export function graphSvgBlob(layout: Neighbourhood): Blob {
  return new Blob([neighbourhoodSvg(layout, themePalette())], { type: 'image/svg+xml' });
}

/** Draws the SVG at twice its size (sharp on high-density screens) and encodes it as PNG. */
export async function graphPngBlob(layout: Neighbourhood): Promise<Blob> {
  const url = URL.createObjectURL(graphSvgBlob(layout));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const scale = 2;
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(layout.bounds.width * scale);
    canvas.height = Math.ceil(layout.bounds.height * scale);
    const context = canvas.getContext('2d');
    if (context === null) throw new Error('this browser cannot draw on a canvas');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob === null ? reject(new Error('the PNG could not be made')) : resolve(blob)),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
