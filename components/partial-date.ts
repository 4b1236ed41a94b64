import { t } from '@/lib/i18n';

const MONTH_NAMES: readonly (() => string)[] = [
  () => t('dateJanuary'), () => t('dateFebruary'), () => t('dateMarch'), () => t('dateApril'),
  () => t('dateMay'), () => t('dateJune'), () => t('dateJuly'), () => t('dateAugust'),
  () => t('dateSeptember'), () => t('dateOctober'), () => t('dateNovember'), () => t('dateDecember'),
];

/** The name of month 1–12; undefined for any other number. */
export const monthName = (month: number): string | undefined => MONTH_NAMES[month - 1]?.();

/** "2021", "May 2021" or "12 May 2021": as precise as the record is. */
export function formatPartialDate(date: string): string {
  const [year, month, day] = date.split('-');
  const name = month ? monthName(Number(month)) : undefined;
  if (!name || year === undefined) return year ?? date;
  return day ? t('dateDayMonthYear', Number(day), name, year) : t('dateMonthYear', name, year);
}
