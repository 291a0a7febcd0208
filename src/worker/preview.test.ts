// The preview reads only the first few KB: format, first lines, problems among complete lines, G-6 exports.
import { describe, expect, it } from 'vitest';
import { previewFile } from './preview.ts';

const line = (properties: Record<string, unknown>) => JSON.stringify({ event: 'Page View', properties });

describe('previewFile', () => {
  it('detects the format, shows the first lines and counts what the sample read', async () => {
    const text = [line({ $device_id: 'D1' }), '{"event": broken', line({ $device_id: 'D2' })].join('\n');
    const preview = await previewFile(new Blob([text]), 'events.ndjson');
    expect(preview.detection.format).toBe('ndjson');
    expect(preview.lines).toHaveLength(3);
    expect(preview).toMatchObject({
      sampleRecords: 2,
      sampleProblems: 1,
      exportNote: undefined,
      size: text.length,
    });
  });

  it('judges only the complete lines of a big file, and notices an export (G-6)', async () => {
    const exported = line({ distinct_id: 'U1', $device_id: 'D1', mp_processing_time_ms: 1 });
    const text = Array.from({ length: 400 }, () => exported).join('\n');
    const preview = await previewFile(new Blob([text]), 'export.json');
    expect(preview.sampleProblems).toBe(0);
    expect(preview.sampleRecords).toBeGreaterThan(50);
    expect(preview.lines).toHaveLength(8);
    expect(preview.exportNote).toContain('Mixpanel export');
  });

  it('reads a file it cannot recognise line by line, saying why', async () => {
    const preview = await previewFile(new Blob(['hello\tworld\n']), 'notes.tsv');
    expect(preview.detection.format).toBe('ndjson');
    expect(preview.detection.reason).toContain('tab-separated files are not supported');
    expect(preview.sampleRecords).toBe(0);
  });
});
