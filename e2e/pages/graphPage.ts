// Page object for the identity graph: nodes, clusters and edges by their dotted test ids, and the zoom controls.
import type { Locator, Page } from '@playwright/test';
import { expect } from '../fixtures.ts';

export interface GraphView {
  readonly scenario: string;
  readonly mode: 'simplified' | 'original' | 'legacy';
  readonly step: number;
}

export class GraphPage {
  readonly graph: Locator;

  constructor(readonly page: Page) {
    this.graph = page.getByTestId('graph');
  }

  /** Opens the app at a view (or at its default, the first step of new-user-signup) and waits for the graph. */
  async open(view?: GraphView): Promise<void> {
    const search = view === undefined ? '' : `?scenario=${view.scenario}&mode=${view.mode}&step=${view.step}`;
    await this.page.goto(`/${search}`);
    await expect(this.graph).toBeVisible();
  }

  async nextStep(): Promise<void> {
    await this.page.getByRole('button', { name: 'Next step', exact: true }).click();
  }

  /** An id's node by its label as shown: U1, $device:D1, anon123. */
  node(label: string): Locator {
    return this.graph.getByTestId(`graph.node.${label}`);
  }

  /** A cluster's group, by its canonical id's label. */
  cluster(canonicalLabel: string): Locator {
    return this.graph.getByTestId(`graph.cluster.${canonicalLabel}`);
  }

  /** The summary node of a collapsed cluster. */
  summary(canonicalLabel: string): Locator {
    return this.graph.getByTestId(`graph.summary.${canonicalLabel}`);
  }

  /** The edge made (or refused) by the event with this number in the table. */
  edge(eventNumber: number): Locator {
    return this.graph.getByTestId(`graph.edge.${eventNumber}`);
  }

  edgeLabel(eventNumber: number): Locator {
    return this.graph.getByTestId(`graph.edge.${eventNumber}.label`);
  }

  /** Labels of the drawn nodes, sorted. */
  async nodeLabels(): Promise<string[]> {
    return this.labelsOf('graph.node.');
  }

  async clusterLabels(): Promise<string[]> {
    return this.labelsOf('graph.cluster.');
  }

  /** Event numbers of the drawn edges, ascending. */
  async edgeNumbers(): Promise<number[]> {
    const edges = this.graph.locator('[data-testid^="graph.edge."]:not([data-testid$=".label"])');
    const ids = await edges.evaluateAll((elements) =>
      elements.map((e) => e.getAttribute('data-testid') ?? ''),
    );
    return ids.map((id) => Number(id.slice('graph.edge.'.length))).sort((a, b) => a - b);
  }

  /** Where React Flow placed a node, in flow coordinates (its transform), independent of zoom and pan. */
  async flowPosition(label: string): Promise<string> {
    return this.node(label).evaluate((element: HTMLElement) => element.style.transform);
  }

  zoomControl(name: 'Zoom In' | 'Zoom Out' | 'Fit View'): Locator {
    return this.graph.getByRole('button', { name });
  }

  private async labelsOf(prefix: string): Promise<string[]> {
    const elements = this.graph.locator(`[data-testid^="${prefix}"]`);
    const ids = await elements.evaluateAll((all) => all.map((e) => e.getAttribute('data-testid') ?? ''));
    return ids.map((id) => id.slice(prefix.length)).sort();
  }
}
