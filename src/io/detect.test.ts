import { describe, expect, it } from 'vitest';
import { detectFormat } from './detect.ts';

const mixpanelLine = '{"event":"Viewed","properties":{"distinct_id":"u","time":1}}';
const segmentLine =
  '{"type":"track","event":"Viewed","anonymousId":"a-1","timestamp":"2024-06-10T09:00:00Z"}';

describe('detectFormat', () => {
  it.each([
    ['empty', '', undefined, 'unknown', 'the file is empty'],
    ['only whitespace and a BOM', '\uFEFF \n ', undefined, 'unknown', 'the file is empty'],
    [
      'Mixpanel NDJSON',
      `${mixpanelLine}\n${mixpanelLine}\n`,
      undefined,
      'ndjson',
      'first line is a JSON object with "event" and "properties": Mixpanel NDJSON',
    ],
    [
      'a Mixpanel export',
      '{"event":"A","properties":{"distinct_id":"u","mp_processing_time_ms":1}}\n',
      undefined,
      'ndjson',
      'first line is a JSON object with "event" and "properties": Mixpanel NDJSON (an export)',
    ],
    [
      'profile updates',
      '{"$distinct_id":"u","$set":{"a":1}}\n',
      undefined,
      'ndjson',
      'first line is a Mixpanel profile update ("$distinct_id"): NDJSON',
    ],
    [
      'NDJSON of other objects',
      '{"foo":1}\n{"foo":2}\n',
      undefined,
      'ndjson',
      'first line is a JSON object without "event": NDJSON, lines without an event are rejected',
    ],
    [
      'NDJSON with a broken first line',
      `{"event": broken\n${mixpanelLine}\n`,
      undefined,
      'ndjson',
      '1 of the first 2 non-blank lines are JSON objects (first line is a JSON object with "event" and "properties": Mixpanel NDJSON); the others are reported line by line',
    ],
    [
      'Segment NDJSON',
      `${segmentLine}\n`,
      undefined,
      'segment-ndjson',
      'first line is a JSON object with "type" and "anonymousId": Segment',
    ],
    [
      'Segment NDJSON with both ids',
      '{"type":"identify","userId":"u","anonymousId":"a"}',
      undefined,
      'segment-ndjson',
      'first line is a JSON object with "type", "anonymousId" and "userId": Segment',
    ],
    [
      'a Mixpanel import payload',
      '[{"event":"$identify","properties":{"$identified_id":"u","$anon_id":"a"}},{"event":"$merge","properties":{}}]',
      undefined,
      'json-array',
      'a JSON array of Mixpanel events with $identify: an import payload',
    ],
    [
      'a pretty-printed import payload with $create_alias second',
      '[\n  {"event": "A", "properties": {}},\n  {"event": "$create_alias", "properties": {"alias": "x"}}\n]',
      undefined,
      'json-array',
      'a JSON array of Mixpanel events with $create_alias: an import payload',
    ],
    [
      'an array of plain events',
      `[${mixpanelLine}]`,
      undefined,
      'json-array',
      'a JSON array of Mixpanel events',
    ],
    [
      'an array of profile updates',
      '[{"$distinct_id":"u","$set":{}}]',
      undefined,
      'json-array',
      'a JSON array of Mixpanel profile updates',
    ],
    [
      'an array of something else',
      '[1, 2]',
      undefined,
      'json-array',
      'a JSON array whose first element is not a Mixpanel event: elements are checked one by one',
    ],
    [
      'a Segment array',
      `[\n${segmentLine}\n]`,
      undefined,
      'segment-json-array',
      'a JSON array whose first element has "type" and "anonymousId": Segment',
    ],
    [
      'a Segment batch wrapper',
      `{"batch":[${segmentLine}],"sentAt":"2024-06-10T09:00:00Z"}`,
      undefined,
      'segment-json-array',
      'a JSON object wrapping its Segment messages in "batch"',
    ],
    [
      'an events wrapper',
      `{"api_key":"k","events":[${mixpanelLine}]}`,
      undefined,
      'json-array',
      'a JSON object wrapping its events in "events"',
    ],
    [
      'a single pretty-printed event',
      '{\n  "event": "A",\n  "properties": {}\n}\n',
      undefined,
      'json-array',
      'a JSON object spanning several lines',
    ],
    [
      'a single pretty-printed Segment message',
      '{\n  "type": "page",\n  "userId": "u"\n}',
      undefined,
      'segment-json-array',
      'a JSON Segment message spanning several lines',
    ],
    [
      'a CSV header',
      'event,distinct_id,time\nA,u,1\n',
      undefined,
      'csv',
      'first line is a comma-separated header of 3 columns with the event in "event"',
    ],
    [
      'a CSV header naming the event "Event Name"-style',
      '\uFEFF"distinct_id","event_name"\r\n',
      'x.csv',
      'csv',
      'first line is a comma-separated header of 2 columns with the event in "event_name"',
    ],
    [
      'a CSV header without an event column',
      'distinct_id,time\n',
      undefined,
      'csv',
      'first line is a comma-separated header without an event column (event, event_name or name): rows will be rejected',
    ],
    [
      'a one-column CSV named .csv',
      'event\nA\n',
      'Events.CSV',
      'csv',
      'first line is a comma-separated header of 1 column with the event in "event"',
    ],
    [
      'a one-column file not named .csv',
      'event\nA\n',
      'events.txt',
      'ndjson',
      'first line is neither JSON nor a comma-separated header: read line by line as NDJSON, so each line is reported',
    ],
    [
      'a TSV',
      'event\tdistinct_id\nA\tu\n',
      undefined,
      'ndjson',
      'first line is neither JSON nor a comma-separated header (tab-separated files are not supported: save it as CSV): read line by line as NDJSON, so each line is reported',
    ],
  ])('%s', (_name, sample, fileName, format, reason) => {
    expect(detectFormat(sample, fileName)).toEqual({ format, reason });
  });

  describe('when the first value is longer than the sample', () => {
    const longValue = 'x'.repeat(10_000);

    it.each([
      ['a truncated Mixpanel line', `{"event":"A","properties":{"p":"${longValue}`, undefined, 'ndjson'],
      [
        'a truncated Mixpanel line in a .json file',
        `{"event":"A","properties":{"p":"${longValue}`,
        'a.json',
        'json-array',
      ],
      [
        'a truncated Segment line',
        `{"type":"track","anonymousId":"a","p":"${longValue}`,
        undefined,
        'segment-ndjson',
      ],
      ['a truncated array element', `[{"event":"A","properties":{"p":"${longValue}`, undefined, 'json-array'],
      [
        'a truncated Segment array element',
        `[{"type":"page","userId":"u","p":"${longValue}`,
        undefined,
        'segment-json-array',
      ],
      ['a truncated wrapper', `{"events":[{"event":"A","p":"${longValue}`, undefined, 'json-array'],
      [
        'a truncated Segment wrapper',
        `{"batch":[{"type":"page","userId":"u","p":"${longValue}`,
        undefined,
        'segment-json-array',
      ],
    ])('%s → %s', (_name, sample, fileName, format) => {
      expect(detectFormat(sample.slice(0, 8192), fileName).format).toBe(format);
    });
  });
});
