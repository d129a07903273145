import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * The fonts embedded (subset) in every generated PDF: Noto Sans SC (SIL Open Font License 1.1), as
 * TrueType files shipped by the npm package `@expo-google-fonts/noto-sans-sc`. It covers all of
 * GB2312 and Latin, so one font typesets both languages; no system font is used.
 */
export const DOCUMENT_FONTS = {
  regular: require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf'),
} as const;
