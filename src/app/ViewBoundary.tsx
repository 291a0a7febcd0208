// Keeps one failing view from blanking the page: it shows what went wrong in its place, and the rest keeps working.
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** Names the view in the message, e.g. "The identity graph". */
  readonly name: string;
  /** Changes when the user moves on (another step, scenario or mode), which gives the view another try. */
  readonly resetKey: string;
  readonly children: ReactNode;
}

interface State {
  readonly error: Error | null;
  readonly failedAt: string;
}

export class ViewBoundary extends Component<Props, State> {
  override state: State = { error: null, failedAt: '' };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    if (state.error === null) return { failedAt: props.resetKey };
    return props.resetKey !== state.failedAt ? { error: null, failedAt: props.resetKey } : null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Logged for whoever reports the bug; the page itself stays usable.
    console.error(`${this.props.name} failed`, error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (error === null) return this.props.children;
    return (
      <div role="alert" className="view-error" data-testid="view.error">
        <strong>{this.props.name} could not be shown.</strong> {error.message} Step, pick another scenario or
        reload the page to try again.
      </div>
    );
  }
}
