// The graph projection at chosen steps of real scenarios: nodes, groups, edges, failures, focus and collapsing.
import { describe, expect, it } from 'vitest';
import type { ClusterFlowNode, IdFlowNode, SummaryFlowNode } from './flowTypes.ts';
import { COLLAPSED_SHOWN, EXPAND_STEP } from './layout.ts';
import { eventNumbering } from './toFlowElements.ts';
import { byTestId, graphAt, testIdOf } from './test/graphAt.ts';

const ids = (elements: ReadonlyArray<{ domAttributes?: unknown }>) =>
  elements.map((element) => testIdOf(element as never));

describe('toFlowElements on new-user-signup (Simplified)', () => {
  it('draws nothing before the first event', () => {
    expect(graphAt('new-user-signup', 'simplified', 0)).toMatchObject({ nodes: [], edges: [] });
  });

  it('shows the device id alone after the first page view', () => {
    const { nodes, edges } = graphAt('new-user-signup', 'simplified', 1);
    expect(ids(nodes)).toEqual(['graph.node.$device:D1']);
    const device = byTestId(nodes, 'graph.node.$device:D1') as IdFlowNode;
    expect(device.data).toMatchObject({ kind: 'device', isCanonical: false, isNew: true });
    expect(device.parentId).toBeUndefined();
    expect(edges).toEqual([]);
  });

  it('shows U1 once identify mentions it, still unlinked (S-8)', () => {
    const { nodes, edges } = graphAt('new-user-signup', 'simplified', 3);
    expect(ids(nodes).sort()).toEqual(['graph.node.$device:D1', 'graph.node.U1']);
    expect((byTestId(nodes, 'graph.node.U1') as IdFlowNode).data.kind).toBe('user');
    expect(edges).toEqual([]);
  });

  it('groups D1 with U1 when Sign Up links them, with a new edge labelled by the event', () => {
    const { nodes, edges } = graphAt('new-user-signup', 'simplified', 4);
    const group = byTestId(nodes, 'graph.cluster.U1') as ClusterFlowNode;
    expect(group.data).toMatchObject({ canonicalLabel: 'U1', size: 2 });
    const user = byTestId(nodes, 'graph.node.U1') as IdFlowNode;
    const device = byTestId(nodes, 'graph.node.$device:D1') as IdFlowNode;
    expect([user.parentId, device.parentId]).toEqual([group.id, group.id]);
    expect(nodes.indexOf(group)).toBeLessThan(nodes.indexOf(user));
    expect(user.data.isCanonical).toBe(true);
    expect(device.data.note).toBe('resolves to U1');
    expect(device.data.changed).toBe(true);
    expect(edges).toHaveLength(1);
    expect(byTestId(edges, 'graph.edge.4')).toMatchObject({
      source: device.id,
      target: user.id,
      animated: true,
      data: { text: '#4 links', rule: 'S-6', status: 'link', isNew: true },
    });
  });

  it("moves D1 into U1's box when the link is made: before it, no box is drawn", () => {
    const before = graphAt('new-user-signup', 'simplified', 3).nodes;
    const after = graphAt('new-user-signup', 'simplified', 4).nodes;
    expect(before.filter((node) => node.type === 'cluster')).toEqual([]);
    const box = byTestId(after, 'graph.cluster.U1');
    for (const testId of ['graph.node.$device:D1', 'graph.node.U1'])
      expect(byTestId(after, testId).parentId).toBe(box.id);
  });
});

describe('toFlowElements on refusals and other modes', () => {
  it('draws a failed $identify as a dashed refusal carrying its code (Original, O-7)', () => {
    const { nodes, edges } = graphAt('original-identify-non-guid', 'original', 2);
    expect((byTestId(nodes, 'graph.node.anon123') as IdFlowNode).data.kind).toBe('other');
    const failed = byTestId(edges, 'graph.edge.2');
    expect(failed).toMatchObject({
      source: 'id:anon123',
      target: 'id:U1',
      animated: false,
      data: { status: 'failed', text: '#2 refused', code: 'errAnonDistinctIdNonGUIDForm', rule: 'O-7' },
    });
    expect(failed.className).toContain('graph-edge--failed');
    expect(nodes.some((node) => node.type === 'cluster')).toBe(false);
  });

  it('reads a GUID anon id as a device on Original, and groups it once $identify merges it', () => {
    const { nodes, edges } = graphAt('original-identify-non-guid', 'original', 4);
    const guid = '0a6c3f3e-8d4b-4f6a-9a77-2f4c1b2d3e4f';
    expect((byTestId(nodes, `graph.node.${guid}`) as IdFlowNode).data.kind).toBe('device');
    expect(byTestId(nodes, `graph.cluster.${guid}`).type).toBe('cluster');
    expect(byTestId(edges, 'graph.edge.4').data).toMatchObject({ text: '#4 $identify', rule: 'O-7' });
  });

  it('draws a Simplified S-9 refusal from the device to the second user', () => {
    const { edges } = graphAt('first-link-wins', 'simplified', 3);
    expect(byTestId(edges, 'graph.edge.3').data).toMatchObject({
      status: 'failed',
      code: 'errAnonDistinctIdAssignedAlready',
      rule: 'S-9',
    });
  });

  it('draws a Legacy alias as an arrow from the alias to the existing id (L-1)', () => {
    const { edges, nodes } = graphAt('legacy-sally-signup', 'legacy', 3);
    expect(byTestId(edges, 'graph.edge.3')).toMatchObject({
      source: 'id:sally@gmail.com',
      data: { text: '#3 alias', rule: 'L-1' },
    });
    expect((byTestId(nodes, 'graph.node.D1') as IdFlowNode).data).toMatchObject({
      kind: 'device',
      isCanonical: true,
    });
  });

  it('bows a second edge between the same two ids so the labels stay apart', () => {
    const { edges } = graphAt('legacy-alias-chains', 'legacy', 9);
    expect(byTestId(edges, 'graph.edge.2').data?.bend).toBe(0);
    expect(byTestId(edges, 'graph.edge.3').data?.bend).not.toBe(0);
  });
});

describe('toFlowElements focus', () => {
  it('marks a selected id as selected and pressed, and lights up its cluster', () => {
    const selection = { kind: 'id', id: 'U1' } as const;
    const { nodes } = graphAt('new-user-signup', 'simplified', 4, { selection });
    const user = byTestId(nodes, 'graph.node.U1') as IdFlowNode;
    expect(user.data).toMatchObject({ selected: true, highlighted: true });
    expect(user.domAttributes).toMatchObject({ 'aria-pressed': true });
    expect((byTestId(nodes, 'graph.cluster.U1') as ClusterFlowNode).data.highlighted).toBe(true);
  });

  it("lights up a selected event's derived id, its cluster and the link it made", () => {
    const firstView = graphAt('new-user-signup', 'simplified', 4, {
      selection: { kind: 'event', recordIndex: 0 },
    });
    const device = byTestId(firstView.nodes, 'graph.node.$device:D1') as IdFlowNode;
    expect(device.data).toMatchObject({ highlighted: true, selected: false });
    expect((byTestId(firstView.nodes, 'graph.cluster.U1') as ClusterFlowNode).data.highlighted).toBe(true);
    const signUp = graphAt('new-user-signup', 'simplified', 4, {
      selection: { kind: 'event', recordIndex: 3 },
    });
    expect(byTestId(signUp.edges, 'graph.edge.4').data?.highlighted).toBe(true);
  });

  it('ignores a selected event that has not been sent yet', () => {
    const { nodes } = graphAt('new-user-signup', 'simplified', 1, {
      selection: { kind: 'event', recordIndex: 3 },
    });
    expect((nodes[0] as IdFlowNode).data.highlighted).toBe(false);
  });
});

describe('toFlowElements on a 500-id cluster', () => {
  const summaryOf = (nodes: ReturnType<typeof graphAt>['nodes']) =>
    nodes.find((node): node is SummaryFlowNode => node.type === 'summary');

  it('draws a few members and one summary node, with the hidden links as one edge', () => {
    const { nodes, edges } = graphAt('original-cap-through-reset', 'original', 2);
    expect(nodes.filter((node) => node.type === 'id')).toHaveLength(COLLAPSED_SHOWN);
    expect(summaryOf(nodes)?.data).toMatchObject({ text: '+ 484 more $device: ids', canExpand: true });
    expect(byTestId(edges, 'graph.edge.summary.U1').data).toMatchObject({ text: '484 more links' });
    expect(edges.length).toBeLessThan(COLLAPSED_SHOWN + 2);
  });

  it('draws more when expanded, and never more than a few hundred nodes', () => {
    const once = graphAt('original-cap-through-reset', 'original', 6, { expansion: new Map([['U1', 1]]) });
    expect(once.nodes.filter((node) => node.type === 'id')).toHaveLength(COLLAPSED_SHOWN + EXPAND_STEP + 1);
    const all = graphAt('original-cap-through-reset', 'original', 6, { expansion: new Map([['U1', 99]]) });
    expect(all.nodes.length).toBeLessThan(300);
    expect(summaryOf(all.nodes)?.data.canExpand).toBe(false);
  });

  it('shows the refused 501st id with errManyIDs', () => {
    const { edges } = graphAt('original-cap-through-reset', 'original', 5);
    const refused = edges.find((edge) => edge.data?.status === 'failed');
    expect(refused?.data).toMatchObject({ code: 'errManyIDs', rule: 'O-15' });
  });
});

describe('eventNumbering', () => {
  it('numbers events as the table does, skipping profile updates', () => {
    const number = eventNumbering([
      { kind: 'event', event: { event: 'a', properties: {} } },
      { kind: 'profile', update: { $distinct_id: 'x' } },
      { kind: 'event', event: { event: 'b', properties: {} } },
    ]);
    expect([0, 2].map(number)).toEqual([1, 2]);
  });
});
