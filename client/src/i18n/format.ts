/** Dates, durations and money in the UI language (Beijing time: the platform's legal calendar). */
import { isZh } from './labels.js';

const TZ = 'Asia/Shanghai';

function locale(lang: string): string {
  return isZh(lang) ? 'zh-CN' : 'en-GB';
}

/** A session time in Beijing time with the zone said: `4 Mar 2026, 14:05 (北京时间 / Beijing time)`. */
export function formatSessionTime(iso: string | null | undefined, lang: string): string {
  return iso ? `${formatDateTime(iso, lang)} (北京时间 / Beijing time)` : '—';
}

/** `2026年3月4日 14:05` / `4 Mar 2026, 14:05`. */
export function formatDateTime(iso: string | null | undefined, lang: string): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(locale(lang), {
    timeZone: TZ,
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(iso));
}

/** `2026年3月4日` / `4 Mar 2026`. */
export function formatDate(iso: string | null | undefined, lang: string): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(locale(lang), {
    timeZone: TZ,
    year: 'numeric',
    month: 'short',
    day: 'numeric',
  }).format(new Date(iso));
}

/** `14:05`. */
export function formatTime(iso: string, lang: string): string {
  return new Intl.DateTimeFormat(locale(lang), {
    timeZone: TZ,
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(iso));
}

/** A duration in days, hours and minutes: `3天4小时` / `3 d 4 h`; the two largest units. */
export function formatDuration(ms: number, lang: string): string {
  const abs = Math.abs(ms);
  const d = Math.floor(abs / 86_400_000);
  const h = Math.floor((abs % 86_400_000) / 3_600_000);
  const m = Math.floor((abs % 3_600_000) / 60_000);
  const s = Math.floor((abs % 60_000) / 1000);
  const zh = isZh(lang);
  const units: [number, string, string][] = [
    [d, '天', ' d'],
    [h, '小时', ' h'],
    [m, '分钟', ' min'],
    [s, '秒', ' s'],
  ];
  const first = units.findIndex(([n]) => n > 0);
  if (first === -1) return zh ? '0分钟' : '0 min';
  return units
    .slice(first, first + 2)
    .filter(([n]) => n > 0)
    .map(([n, zhUnit, enUnit]) => `${n}${zh ? zhUnit : enUnit}`)
    .join(zh ? '' : ' ');
}

/** `¥1,250,000` in both languages. */
export function formatCny(amount: number, lang: string): string {
  return new Intl.NumberFormat(locale(lang), {
    style: 'currency',
    currency: 'CNY',
    minimumFractionDigits: 0,
    maximumFractionDigits: 2,
  }).format(amount);
}

/** `1.2 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
