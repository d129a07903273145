import { createTheme, type MantineColorsTuple } from '@mantine/core';

const FONT =
  '"Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", system-ui, -apple-system, sans-serif';

// A calm navy blue: the product's primary colour.
const navy: MantineColorsTuple = [
  '#eef3fa',
  '#dce5f2',
  '#b5c8e4',
  '#8aa9d6',
  '#678fca',
  '#517fc3',
  '#4476c1',
  '#3565aa',
  '#2c5a98',
  '#1c4e80',
];

/** The Mantine theme: navy primary, CJK-first font stack, compact radius, readable sizes. */
export const theme = createTheme({
  primaryColor: 'indigo',
  colors: { indigo: navy },
  primaryShade: 7,
  fontFamily: FONT,
  headings: { fontFamily: FONT, fontWeight: '650' },
  fontFamilyMonospace:
    '"JetBrains Mono", "SFMono-Regular", Menlo, Consolas, "Noto Sans Mono CJK SC", monospace',
  defaultRadius: 'md',
  cursorType: 'pointer',
  focusRing: 'auto',
  components: {
    Button: { defaultProps: { radius: 'md' } },
    Badge: { defaultProps: { radius: 'sm' } },
    Tooltip: { defaultProps: { openDelay: 300 } },
  },
});
