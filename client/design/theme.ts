// The light/dark choice kept on this device: "system" follows prefers-color-scheme; "light" and "dark"
// set data-theme on <html>, which tokens.css reads. Applied as soon as this module loads.
import { readStored, writeStored } from '../lib/stored.js';

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
const KEY = 'closer:theme';

export function storedTheme(): Theme {
  const { theme } = readStored<{ theme?: unknown }>(KEY, {});
  return THEMES.includes(theme as Theme) ? (theme as Theme) : 'system';
}

export function applyTheme(theme: Theme): void {
  if (theme === 'system') document.documentElement.removeAttribute('data-theme');
  else document.documentElement.dataset.theme = theme;
  writeStored(KEY, { theme });
}

applyTheme(storedTheme());
