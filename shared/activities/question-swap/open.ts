// How this activity's view opens in the browser (shared/activities/opened.ts): its sealed values opened
// with the Opener, and what follows from their content computed here, after the reveal. Imports the
// activity's types only, so the browser bundle takes nothing else of the core.
import type { Opener } from '../../sealed/opener.js';
import type { View } from './index.js';

/** The view as the screen reads it. Nothing in it is sealed yet, so it opens to itself. */
export type OpenView = View;

export async function openView(view: View, _open: Opener): Promise<OpenView> {
  return view;
}
