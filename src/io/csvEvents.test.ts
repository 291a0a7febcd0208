import { describe, expect, it } from 'vitest';
import { csvColumnForProperty, csvRowToRecord, planCsvColumns } from './csvEvents.ts';

function eventOf(header: string[], cells: string[]) {
  return csvRowToRecord(planCsvColumns(header), cells);
}

describe('planCsvColumns', () => {
  it('maps every known column, case-insensitively, and the rest to properties', () => {
    const header = [
      ' Event ',
      'distinct_id',
      'device_id',
      'USER_ID',
      'timestamp',
      'insert_id',
      'channel',
      'properties.plan',
      'color',
    ];
    expect(planCsvColumns(header).targets).toEqual([
      { kind: 'event' },
      { kind: 'property', key: 'distinct_id' },
      { kind: 'property', key: '$device_id' },
      { kind: 'property', key: '$user_id' },
      { kind: 'time' },
      { kind: 'property', key: '$insert_id' },
      { kind: 'channel' },
      { kind: 'property', key: 'plan' },
      { kind: 'property', key: 'color' },
    ]);
  });

  it.each([
    [
      ['name', 'event_name'],
      [{ kind: 'property', key: 'name' }, { kind: 'event' }],
    ],
    [
      ['name', 'event'],
      [{ kind: 'property', key: 'name' }, { kind: 'event' }],
    ],
    [['name'], [{ kind: 'event' }]],
    [
      ['timestamp', 'time'],
      [{ kind: 'property', key: 'timestamp' }, { kind: 'time' }],
    ],
    [
      ['device_id', '$device_id'],
      [
        { kind: 'property', key: 'device_id' },
        { kind: 'property', key: '$device_id' },
      ],
    ],
    [
      ['user_id', '$user_id'],
      [
        { kind: 'property', key: 'user_id' },
        { kind: 'property', key: '$user_id' },
      ],
    ],
    [
      ['$distinct_ids', 'properties.$distinct_ids'],
      [
        { kind: 'json-list', key: '$distinct_ids' },
        { kind: 'json-list', key: '$distinct_ids' },
      ],
    ],
    [
      ['', 'x'],
      [{ kind: 'ignored' }, { kind: 'property', key: 'x' }],
    ],
  ])('gives a role to the first alias by priority: %j', (header, targets) => {
    expect(planCsvColumns(header).targets).toEqual(targets);
  });

  it('notes unnamed columns and two columns feeding one property', () => {
    const plan = planCsvColumns(['event', '', 'plan', 'properties.plan']);
    expect(plan.hasEventColumn).toBe(true);
    expect(plan.notes).toEqual([
      'column 2 has no name: its cells are ignored',
      'columns "plan" and "properties.plan" both fill property "plan": the first non-empty wins',
    ]);
  });

  it('knows when there is no event column', () => {
    expect(planCsvColumns(['distinct_id']).hasEventColumn).toBe(false);
  });
});

describe('csvRowToRecord', () => {
  const header = [
    'event',
    'distinct_id',
    '$device_id',
    '$user_id',
    'time',
    '$insert_id',
    'channel',
    'count',
    'properties.name',
  ];

  it('builds an event; numbers other than time stay strings; empty cells are absent', () => {
    expect(
      eventOf(header, ['Signed Up', '42', 'd-1', '', '1718000000123', 'i1', 'track', '007', 'Ann']),
    ).toEqual({
      ok: true,
      records: [
        {
          kind: 'event',
          event: {
            event: 'Signed Up',
            properties: {
              distinct_id: '42',
              $device_id: 'd-1',
              time: 1718000000.123,
              $insert_id: 'i1',
              count: '007',
              name: 'Ann',
            },
            channel: 'track',
          },
        },
      ],
    });
  });

  it.each([
    ['1718000000', 1718000000],
    ['1718000000000', 1718000000],
    ['2024-06-10T09:00:00Z', 1718010000],
    ['2024-06-10 11:00:00+02:00', 1718010000],
  ])('reads time %s as %d epoch seconds', (cell, seconds) => {
    expect(eventOf(['event', 'time'], ['A', cell])).toEqual({
      ok: true,
      records: [{ kind: 'event', event: { event: 'A', properties: { time: seconds } } }],
    });
  });

  it('parses a $distinct_ids cell holding a JSON list, and keeps other text as it is', () => {
    expect(eventOf(['event', '$distinct_ids'], ['$merge', '["a", 2]'])).toMatchObject({
      records: [{ event: { properties: { $distinct_ids: ['a', 2] } } }],
    });
    expect(eventOf(['event', '$distinct_ids'], ['$merge', 'a|b'])).toMatchObject({
      records: [{ event: { properties: { $distinct_ids: 'a|b' } } }],
    });
  });

  it('keeps the first non-empty of two columns for one property', () => {
    expect(eventOf(['event', 'plan', 'properties.plan'], ['A', '', 'pro'])).toMatchObject({
      records: [{ event: { properties: { plan: 'pro' } } }],
    });
    expect(eventOf(['event', 'plan', 'properties.plan'], ['A', 'free', 'pro'])).toMatchObject({
      records: [{ event: { properties: { plan: 'free' } } }],
    });
  });

  it('stores columns named __proto__ and toString as ordinary properties', () => {
    const result = eventOf(['event', '__proto__', 'toString'], ['A', 'p', 't']);
    const properties =
      result.ok && result.records[0]?.kind === 'event' ? result.records[0].event.properties : {};
    expect(Object.keys(properties)).toEqual(['__proto__', 'toString']);
    expect(Object.getPrototypeOf(properties)).toBe(Object.prototype);
    expect(JSON.stringify(properties)).toBe('{"__proto__":"p","toString":"t"}');
  });

  it.each([
    [['event', 'x'], ['A'], 'csv-ragged-row', 'row has 1 field; the header has 2 fields'],
    [['event'], ['A', 'b'], 'csv-ragged-row', 'row has 2 fields; the header has 1 field'],
    [['event', 'x'], ['', 'b'], 'missing-event-name', 'missing event name'],
    [['distinct_id'], ['u'], 'missing-event-name', 'missing event name'],
    [
      ['event', 'time'],
      ['A', 'soon'],
      'bad-time',
      'time is not epoch seconds, epoch milliseconds or an ISO 8601 date: "soon"',
    ],
    [['event', 'channel'], ['A', 'web'], 'bad-channel', 'channel must be "track" or "import", not "web"'],
  ])('rejects %j / %j', (columns, cells, code, reason) => {
    expect(eventOf(columns, cells)).toEqual({ ok: false, code, reason });
  });
});

describe('csvColumnForProperty', () => {
  it.each([
    ['distinct_id', 'distinct_id'],
    ['$device_id', '$device_id'],
    ['$user_id', '$user_id'],
    ['$insert_id', '$insert_id'],
    ['time', 'time'],
    ['$distinct_ids', '$distinct_ids'],
    ['plan', 'plan'],
    ['event', 'properties.event'],
    ['Name', 'properties.Name'],
    ['event_name', 'properties.event_name'],
    ['channel', 'properties.channel'],
    ['device_id', 'properties.device_id'],
    ['timestamp', 'properties.timestamp'],
    ['properties.x', 'properties.properties.x'],
    ['', 'properties.'],
  ])('%j is written under %j', (key, column) => {
    expect(csvColumnForProperty(key)).toBe(column);
    const plan = planCsvColumns(['event', column]);
    expect(plan.targets[1]).toMatchObject(key === 'time' ? { kind: 'time' } : { key });
  });
});
