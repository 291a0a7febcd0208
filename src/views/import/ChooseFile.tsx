// The dialog's first step: a file picker with a drop zone, or text pasted into a box.
import { DropZone } from './DropZone.tsx';
import { PasteBox } from './PasteBox.tsx';

export function ChooseFile() {
  return (
    <div className="choose-file">
      <DropZone />
      <PasteBox />
      <p className="import-hint">
        Reads Mixpanel export NDJSON, JSON arrays and import payloads (with $identify, $create_alias and
        $merge), CSV with a header row, and Segment messages; the format is detected from the first lines. The
        file is read in this browser tab: nothing is uploaded.
      </p>
    </div>
  );
}
