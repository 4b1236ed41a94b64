/** What a sentence and a figure measure, and which sources are copies (lib/claims/measure.ts). */
import { describe, expect, it } from 'vitest';
import { figureMeasure, isCopy, sentenceMeasure } from '@/lib/claims/measure';
import { buildBuiltinPack } from '@/lib/packs/builtin';

const pack = buildBuiltinPack();

describe('sentenceMeasure', () => {
  it.each([
    ['GPs may be working less because they were unwilling to face more of the pressures.', 'gp-time'],
    ['Researchers said the decrease in total working hours was down to more GPs doing fewer hours.', 'gp-time'],
    ['More GPs are working part-time.', 'gp-time'],
    ['Family doctors are retiring early.', 'gp-time'],
    ['Patients waited for hours on the phone to get an appointment.', null],
    ['GPs are still refusing to see patients face to face.', null],
    ['to protect both patients and our workforce, we have used telephone consultations', null],
  ])('%s → %s', (sentence, measure) => {
    expect(sentenceMeasure(sentence)).toBe(measure);
  });
});

describe('figureMeasure on the built-in records', () => {
  it('finds hours, sessions and numbers of GPs, and no count of appointments', () => {
    const ofGpTime = pack.evidence.filter((e) => figureMeasure(e) === 'gp-time').map((e) => e.id).sort();
    expect(ofGpTime).toEqual([
      'bjgp-gp-working-hours-2021',
      'bma-2300-patients-per-gp-2024',
      'cambs-lmc-8-6-hours-trust-work',
      'gponline-gps-per-patient-down-10pc',
      'ifg-appointments-per-gp-flat',
      'ifg-permanent-gps-2015-2024',
      'pulse-fte-gps-2015-2022',
      'pulsepcn-appointments-per-gp-rising',
    ]);
  });
});

describe('isCopy on the built-in records', () => {
  it('knows the copies by what their publisher says of itself', () => {
    const copies = pack.evidence.filter((e) => isCopy(e.source)).map((e) => e.id).sort();
    expect(copies).toEqual([
      'dhsc-57pc-face-to-face-jul-2021',
      'dhsc-70pc-face-to-face-apr-2023',
      'dhsc-face-to-face-2019-vs-2025',
      'hansard-62pc-face-to-face-nov-2021',
      'nhsd-face-to-face-47pc-apr-2020',
      'nhse-30-5m-appointments-apr-2024',
    ]);
    expect(isCopy({ publisher: 'NHS England' })).toBe(false);
    expect(isCopy({ publisher: 'Yahoo (syndicated copy; original outlet not shown)' })).toBe(true);
  });
});
