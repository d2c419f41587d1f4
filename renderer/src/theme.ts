import { createTheme } from '@mantine/core';

// Calm and legible: system fonts (nothing fetched), a muted teal accent, generous line height.
export const theme = createTheme({
  primaryColor: 'teal',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, Ubuntu, "Helvetica Neue", Arial, sans-serif',
  headings: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, Ubuntu, "Helvetica Neue", Arial, sans-serif', fontWeight: '600' },
  defaultRadius: 'md',
  cursorType: 'pointer',
});
