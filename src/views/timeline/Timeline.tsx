// The timeline: step controls, speed and scrubber, then the story of the current step beside the scenario's lesson.
import { Lesson } from './Lesson.tsx';
import { Scrubber } from './Scrubber.tsx';
import { SpeedSelect } from './SpeedSelect.tsx';
import { StepButtons } from './StepButtons.tsx';
import { StepStory } from './StepStory.tsx';
import './timeline.css';

export function Timeline() {
  return (
    <section className="timeline" aria-label="Timeline">
      <div className="timeline-controls">
        <StepButtons />
        <SpeedSelect />
        <Scrubber />
      </div>
      <div className="timeline-story">
        <StepStory />
        <Lesson />
      </div>
    </section>
  );
}
