// The polite live region of an activity screen (LiveRegion.svelte): one short line about what just
// happened ("Step added: Buy flour"), said once each time, even when it is the same line again.
class Live {
  text = $state('');
  /** Rises with every line, so the region draws it fresh and a screen reader says it again. */
  count = $state(0);

  say(text: string): void {
    this.text = text;
    this.count += 1;
  }
}

export const live = new Live();
