import type { WidgetState } from '~/engine/shared/state.ts';

/**
 * Dispatched on a widget's root by whoever needs its current state (a widget
 * task's check, an assignment's hand-in); the widget's shell answers
 * synchronously by filling `detail.state`. A widget that has not mounted yet
 * leaves it empty. Kept apart from the shell so a page asks without loading it.
 */
export const WIDGET_STATE_REQUEST = 'glassbox:widget-state-request';

export interface WidgetStateRequest {
  state?: WidgetState;
}

/** The current state of the widget with this id, or undefined when there is none or it has not mounted. */
export function widgetState(id: string): WidgetState | undefined {
  const request: WidgetStateRequest = {};
  document.getElementById(id)?.dispatchEvent(new CustomEvent(WIDGET_STATE_REQUEST, { detail: request }));
  return request.state;
}

/**
 * Dispatched (bubbling) by a widget's shell each time a computation from a new
 * state has finished, with that state as `detail`: a peer session shares it.
 */
export const WIDGET_STATE_CHANGED = 'glassbox:widget-state-changed';
