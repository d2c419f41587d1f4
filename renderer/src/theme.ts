import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

// Calm and legible: system fonts (nothing fetched), a muted teal accent, generous line height.
// Every text/background pair meets WCAG AA (4.5:1): Mantine's stock teal.6 and red.6 under white
// text measured 2.55:1 and 3.3:1, so shades 6 to 9 here are darker; hint text is darker than
// Mantine's "dimmed" grey (3.3:1).
const teal: MantineColorsTuple = ['#e6fcf5', '#c3fae8', '#96f2d7', '#63e6be', '#38d9a9', '#20c997', '#087f5b', '#087256', '#06654c', '#055a43'];
const red: MantineColorsTuple = ['#fff5f5', '#ffe3e3', '#ffc9c9', '#ffa8a8', '#ff8787', '#ff6b6b', '#c92a2a', '#b02525', '#9c1f1f', '#861a1a'];

const systemFonts = 'system-ui, -apple-system, "Segoe UI", Roboto, Ubuntu, "Helvetica Neue", Arial, sans-serif';

export const theme = createTheme({
  primaryColor: 'teal',
  primaryShade: 6,
  colors: { teal, red },
  fontFamily: systemFonts,
  headings: { fontFamily: systemFonts, fontWeight: '600' },
  defaultRadius: 'md',
  cursorType: 'pointer',
  components: {
    // Every dialog's close button has a name for screen readers.
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } },
    // Notices too: a named close button, and body text dark enough to read (AA) on white.
    Notification: {
      defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss' } },
      styles: { description: { color: 'var(--mantine-color-text)' } },
    },
  },
});

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': '#5f6670' },
  dark: {},
});
