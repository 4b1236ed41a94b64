/** What is wrong with a flag, in the reader's words: the report form's choices and each report's heading. */
import type { ReportProblem } from '@/lib/model/report';
import { t } from '@/lib/i18n';

const PROBLEM_WORDS: Record<ReportProblem, () => string> = {
  'not-a-claim': () => t('reportProblemNotAClaim'),
  'wrong-stance': () => t('reportProblemWrongStance'),
  'wrong-figure': () => t('reportProblemWrongFigure'),
  other: () => t('reportProblemOther'),
};

export const problemWords = (problem: ReportProblem): string => PROBLEM_WORDS[problem]();
