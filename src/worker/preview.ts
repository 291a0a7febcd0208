// A look at a file before loading it: its format, its first lines, and whether it is a Mixpanel export (G-6).
// Reads only the first DETECTION_SAMPLE_SIZE bytes, so it is cheap enough for the page's own thread.
import { DETECTION_SAMPLE_SIZE, detectFormat, importText, type FormatDetection } from '../io/index.ts';

/** How many of the file's first lines the preview shows, and how much of each. */
const PREVIEW_LINES = 8;
const PREVIEW_LINE_LENGTH = 240;

export interface FilePreview {
  readonly file: Blob;
  readonly name: string;
  readonly size: number;
  readonly detection: FormatDetection;
  /** The first lines as they are in the file, each cut to a readable length. */
  readonly lines: readonly string[];
  /** Records the sample's complete lines gave, and lines it rejected. */
  readonly sampleRecords: number;
  readonly sampleProblems: number;
  /** G-6: the importer's words when the sample looks like a Mixpanel export; undefined otherwise. */
  readonly exportNote: string | undefined;
}

/** Previews `file` (a File, or a Blob made from pasted text). */
export async function previewFile(file: Blob, name: string): Promise<FilePreview> {
  const whole = file.size <= DETECTION_SAMPLE_SIZE;
  const sample = await file.slice(0, DETECTION_SAMPLE_SIZE).text();
  const detection = detectFormat(sample, name);
  const complete = whole ? sample : completeLines(sample);
  const read =
    detection.format === 'unknown' || detection.format === 'har' || complete === ''
      ? undefined
      : importText(complete, detection.format);
  const truncatedArray = !whole && detection.format.endsWith('json-array');
  return {
    file,
    name,
    size: file.size,
    detection,
    lines: firstLines(sample),
    sampleRecords: read?.records.length ?? 0,
    // A JSON array cut at the sample's end is not a problem of the file.
    sampleProblems: truncatedArray ? 0 : (read?.problems.length ?? 0),
    exportNote: read?.notes.find((note) => note.code === 'mixpanel-export')?.message,
  };
}

/** The sample up to its last line break: the line the sample cuts through is not judged. */
function completeLines(sample: string): string {
  const end = sample.lastIndexOf('\n');
  return end === -1 ? '' : sample.slice(0, end + 1);
}

function firstLines(sample: string): string[] {
  return sample
    .split(/\r?\n/)
    .slice(0, PREVIEW_LINES)
    .filter((line, index, all) => line !== '' || index < all.length - 1)
    .map((line) => (line.length > PREVIEW_LINE_LENGTH ? `${line.slice(0, PREVIEW_LINE_LENGTH)}…` : line));
}
