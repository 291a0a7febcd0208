// The one error the simulator throws: a call it cannot perform as asked; the state is left as it was.

/** An unknown device or call, or arguments the SDK call does not take; the message names the problem. */
export class SimulationError extends Error {
  override readonly name = 'SimulationError';
}
