/**
 * How the press words each claim, as patterns over one sentence. Written from the wordings in
 * assets/claims.json (quoted from real articles); tests/claims check that every catalogued wording
 * is found and that the look-alikes in the fixtures are not.
 *
 * Every pattern needs the claim's subject and its predicate together ("surgeries … closed"), never a
 * keyword alone. Gaps between them are a bounded number of words, and every repeated part of a
 * pattern is separated by white space, so matching stays linear on any input (no backtracking
 * blow-up). Patterns are compiled once, when this module loads.
 */

import { BUILTIN_CLAIM_IDS } from '../model/claim-ids';
import { CLOSURE_NOT_CLAIM, F2F, FIGURE, gap, gapN, GP_OR_PRACTICE_SUBJECT, GPS, PANDEMIC_OR_PATIENTS, PRACTICES, PRACTICES_OR_GPS, Q, src, W, WORD } from './pattern-words';
export { CLOSURE_NOT_CLAIM } from './pattern-words';

/** The built-in claims the patterns are written for, in the catalogue's order. */
export const CLAIM_IDS = BUILTIN_CLAIM_IDS;
export type ClaimId = (typeof CLAIM_IDS)[number];

export interface ClaimPattern {
  claimId: ClaimId;
  /** Flags "gi"; named group `gap` (words between subject and predicate) where `negatable`. */
  re: RegExp;
  /** `negated`: the words state the opposite of the claim ("surgeries remained open throughout"). */
  kind: 'claim' | 'negated';
  /** A negator in the `gap` group ("were not closed", "have never refused") turns a claim into its negation. */
  negatable?: boolean;
  /** The sentence must also match this (the claim's setting: the pandemic, patients, quote marks). */
  needs?: RegExp;
  /** The sentence must not match this (permanent closures, holidays, figures). */
  refuse?: RegExp;
  /**
   * The gate: words every match of `re` contains, on the word boundaries `re` itself puts round
   * them (so "cannot" is no gate word inside "significant"). A sentence without all of them cannot
   * match, so the pattern does not run on it; the first is the pattern's rarest word and goes into
   * `GATE`. tests/claims/gate.test.ts checks that every match in the fixtures passes its gate.
   */
  words: readonly RegExp[];
}

const P = (claimId: ClaimId, re: string, rest: Omit<ClaimPattern, 'claimId' | 're' | 'kind'> & { kind?: ClaimPattern['kind'] }): ClaimPattern => ({
  claimId,
  re: new RegExp(re, 'gi'),
  kind: rest.kind ?? 'claim',
  ...rest,
});

export const PATTERNS: readonly ClaimPattern[] = [
  // ── practices-closed ────────────────────────────────────────────────────────────────────────
  // "general practice had been 'closed' during the pandemic", "surgeries had been closed to face-to-face appointments"
  // With a copula the state is stated ("practices were closed", "had been 'closed'"); without one the
  // verb may be an event ("practices closed at twice the rate"), so the setting must be the pandemic.
  P('practices-closed', src`(?:${PRACTICES})(?<gap>(?:\s+${WORD}){0,3}?\s+(?:were|was|had been|have been|has been|are|is|being|remain(?:ed|s)?|stay(?:ed|s)?|kept|left)(?:\s+${WORD}){0,2}?)\s+${Q}(?:closed|shut|shuttered)${Q}(?!\w|\s+(?:down|or merged|and merged|for good|permanently|the gap|ranks|a deal|the deal|a loophole))`, {
    words: [W.closedShut, W.practices],
    negatable: true,
    refuse: CLOSURE_NOT_CLAIM,
  }),
  P('practices-closed', src`(?:${PRACTICES})${gap(5)}${Q}(?:closed|shut|shuttered)${Q}(?!\w|\s+(?:down|or merged|and merged|for good|permanently|the gap|ranks|a deal|the deal|a loophole))`, {
    words: [W.closedShut, W.practices],
    negatable: true,
    needs: PANDEMIC_OR_PATIENTS,
    refuse: CLOSURE_NOT_CLAIM,
  }),
  // "GPs have abandoned patients by not opening their doors", "surgeries have locked their doors to face-to-face appointments"
  P('practices-closed', src`(?:${PRACTICES_OR_GPS})${gap(4)}(?:closed|shut|locked|bolted|closing|shutting|locking)\s+(?:their|its|the)\s+doors\b(?!\s+(?:for good|permanently|for the last time|for (?:one|an) afternoon|for lunch))`, {
    words: [W.doors],
    negatable: true,
    refuse: CLOSURE_NOT_CLAIM,
  }),
  // "surgeries shut up shop during lockdown"; "practices are shutting up shop across the country, leaving people to travel
  // miles" is closures over years, not the claim: the setting must be the pandemic.
  P('practices-closed', src`(?:${PRACTICES_OR_GPS})${gap(4)}(?:shut|shutting|closed|closing) up shop\b`, {
    words: [W.upShop],
    negatable: true,
    needs: PANDEMIC_OR_PATIENTS,
    refuse: CLOSURE_NOT_CLAIM,
  }),
  // "Images of GP practices' gates literally chained shut"
  P('practices-closed', src`(?:${PRACTICES})['’]?\s+(?:front\s+)?(?:doors|gates)\s+(?:(?:were|are|was|remained|remain|stayed|literally|firmly|still|being)\s+){0,3}(?:chained|locked|bolted|padlocked)\s+(?:shut|closed)\b`, {
    words: [W.chainedShut],
    needs: PANDEMIC_OR_PATIENTS,
    refuse: CLOSURE_NOT_CLAIM,
  }),
  // "too many GP surgeries still have their shutters firmly down"
  P('practices-closed', src`(?:${PRACTICES_OR_GPS})${gap(4)}(?:have|had|has|keep|keeping|kept)\s+(?:their|its)\s+(?:shutters|doors|gates)\s+(?:\w+\s+)?(?:down|shut|closed|locked|bolted)\b`, {
    words: [W.shutters],
    negatable: true,
    refuse: CLOSURE_NOT_CLAIM,
  }),
  P('practices-closed', src`\bnot (?:opening|open) their doors\b`, { words: [W.doors], needs: /\b(?:gps|surgeries|practices|family doctors)\b/i }),
  // "the false narrative that general practice is not open to patients"
  P('practices-closed', src`(?:${PRACTICES_OR_GPS})\s+(?:is|are|was|were|has been|have been|had been)\s+(?:still\s+)?not\s+${Q}open${Q}(?!\w|\s+(?:their|its|to new))`, {
    words: [W.notOpen],
    refuse: CLOSURE_NOT_CLAIM,
  }),
  // "the myth of closed surgeries"
  P('practices-closed', src`\b${Q}(?:closed|shut|shuttered)${Q}\s+(?:gp\s+|doctors?['’]?\s+)?(?:surgeries|practices)\b`, {
    words: [W.closedShut, W.practices],
    refuse: CLOSURE_NOT_CLAIM,
    needs: PANDEMIC_OR_PATIENTS,
  }),
  // "GP surgeries not reopening until March", "calls to reopen", "reopen GP surgeries"
  P('practices-closed', src`(?:${PRACTICES_OR_GPS})${gapN(4)}${Q}(?:not|never|yet to|calls? to|urged to|told to|ordered to|must|should|to fully)\s+(?:be\s+)?reopen(?:ed|ing)?\b`, { words: [W.reopen] }),
  P('practices-closed', src`\breopen(?:ing)?\s+(?:gp\s+|their\s+)?(?:surgeries|practices)\b`, { words: [W.reopen] }),
  // Negations: "GP surgeries have remained open throughout the lockdowns", "general practice is open and has been throughout"
  P('practices-closed', src`(?:${PRACTICES_OR_GPS})\s+(?:(?:have|has|had)\s+)?(?!(?:should|must|will|would|could|may|might|can|cannot|to|need)\b)(?:\w+\s+)?(?:remained|stayed|been|kept|remain|stay|are|is|were|was)\s+(?:(?:very much|always|fully|all|still|largely)\s+)?${Q}open${Q}(?!\w|\s+(?:their|its|up|to walk|reception|the))`, {
    words: [W.open],
    kind: 'negated',
  }),
  P('practices-closed', src`(?:${PRACTICES})${gapN(3)}(?:never|did not|didn['’]t|have not|haven['’]t|has not|hasn['’]t|were not|weren['’]t|was not|wasn['’]t|are not|aren['’]t|is not|isn['’]t)\s+(?:\w+\s+)?${Q}(?:close|closed|shut)${Q}(?!\w)`, {
    words: [W.close, W.practices],
    kind: 'negated',
  }),
  P('practices-closed', src`\b(?:never|not) (?:been )?(?:closed|shut)\b`, {
    words: [W.closedShut],
    kind: 'negated',
    needs: /\b(?:practices|surgeries|general practice|gps)\b/i,
    refuse: CLOSURE_NOT_CLAIM,
  }),

  // ── no-face-to-face ─────────────────────────────────────────────────────────────────────────
  // "Why are GPs still refusing to see patients face-to-face?", "GPS' reluctance to give face-to-face consultations"
  P('no-face-to-face', src`(?:${GP_OR_PRACTICE_SUBJECT})${gap(4)}(?:refus(?:e|es|ed|ing|al)|declin(?:e|es|ed|ing)|reluctan(?:t|ce)|unwilling(?:ness)?|stopped|stopping)(?:\s+to)?${gapN(3)}${Q}(?:${F2F})`, {
    words: [W.refuse, W.f2f],
    negatable: true,
  }),
  // "for refusing to see patients face-to-face" (the subject named earlier in the sentence)
  P('no-face-to-face', src`\brefus(?:e|es|ed|ing|al)\s+to\s+(?:see|offer|give|provide|hold|do)${gapN(3)}${Q}(?:${F2F})`, {
    words: [W.refuse, W.f2f],
    negatable: true,
    needs: /\b(?:gps?|family doctors?|doctors|surger(?:y|ies)|practices|general practice)\b/i,
  }),
  // "GPs are not seeing patients face to face", "doctors are not seeing patients face to face"
  P('no-face-to-face', src`(?:${GP_OR_PRACTICE_SUBJECT})${gapN(3)}(?:are|were|is|was|have|has)?\s*(?:not|n['’]t|no longer|still not)\s+(?:been\s+)?(?:seeing|offering|providing|giving|doing|holding)${gapN(3)}${Q}(?:${F2F})`, { words: [W.notSeeing, W.f2f] }),
  // "our GPs would not see patients face-to-face"
  P('no-face-to-face', src`(?:${GP_OR_PRACTICE_SUBJECT})${gapN(2)}(?:would not|will not|won['’]t|wouldn['’]t|do not|don['’]t|did not|didn['’]t|could not|couldn['’]t)\s+(?:see|offer|provide|give)${gapN(3)}${Q}(?:${F2F})`, { words: [W.wouldNotSee, W.f2f] }),
  // "in-person consultations were put on hold", "face-to-face appointments were stopped"
  P('no-face-to-face', src`${Q}(?:${F2F})${Q}\s+(?:gp\s+)?(?:appointments?|consultations?|care)\s+(?:were|was|have been|has been|had been|are being|being)\s+(?:\w+\s+)?(?:stopped|suspended|put on hold|halted|scrapped|axed|ended|withdrawn|abandoned)\b`, {
    words: [W.stopped],
    negatable: true,
    needs: /\b(?:gps?|family doctors?|doctors|surger(?:y|ies)|practices|general practice|clinicians)\b/i,
  }),
  // "the accusations that GPs are not seeing patients"
  P('no-face-to-face', src`(?:${GPS}|\bdoctors\b|${PRACTICES})\s+(?:are|were|have been|had been)\s+not\s+(?:seeing|treating)\s+(?:any\s+)?patients\b(?!\s+(?:who|with|on|at|from|in))`, { words: [W.notSeeingPatients] }),
  // "being refused face-to-face appointments"
  P('no-face-to-face', src`\b(?:refused|denied)\s+(?:a\s+|an\s+|any\s+)?${Q}(?:${F2F})${Q}\s+(?:appointments?|consultations?|care)`, {
    words: [W.refusedDenied],
    needs: /\b(?:gps?|family doctors?|doctors|surger(?:y|ies)|practices|general practice)\b/i,
  }),
  // "hiding behind their screens", "stop hiding behind their telephones"
  P('no-face-to-face', src`\b(?:hid(?:e|es|ing|den)|retreat(?:s|ed|ing)?)\s+behind\s+(?:(?:their|the|a|computer|zoom|video|phone|telephone)\s+){0,3}(?:screens?|phones?|telephones?|computers?|zoom|video(?:\s+calls?)?|receptionists?|covid(?:-19)?|the pandemic|triage|e-?consult\w*|laptops?|keyboards?|monitors?)\b`, {
    words: [W.hidBehind],
    needs: /\b(?:gps?|family doctors?|doctors|surger(?:y|ies)|practices|general practice)\b/i,
  }),
  // "GPs are ‘still using Covid as an excuse not to see patients’"
  P('no-face-to-face', src`\b(?:us(?:e|es|ed|ing))\s+(?:covid(?:-19)?|the pandemic|coronavirus|the virus)\s+as\s+an?\s+excuse\b`, {
    words: [W.excuse],
    needs: /\b(?:gps?|family doctors?|doctors|surger(?:y|ies)|practices|general practice)\b/i,
  }),
  // "GPs seem to have unilaterally decided they don’t want to see patients anymore"
  P('no-face-to-face', src`(?:${GPS}|\bdoctors\b)${gapN(6)}(?:don['’]t|do not|didn['’]t|did not|no longer)\s+want\s+to\s+see\s+(?:their\s+)?patients\b`, { words: [W.wantToSee] }),
  // "the suggestion that GPs are “hiding”"
  P('no-face-to-face', src`(?:${GPS}|\bdoctors\b|${PRACTICES})\s+(?:are|were|have been|had been)\s+(?:still\s+)?${Q}(?:hiding|in hiding)${Q}(?!\s+(?:from|behind|in|under))`, { words: [W.hiding] }),
  // "remote by default", "telephone consultations as the default"
  P('no-face-to-face', src`\b(?:remote|telephone|phone|online|virtual|video)(?:\s+\w+){0,2}\s+(?:by default|as (?:the|a) default)\b|\b(?:gone|going|went|operat(?:e|es|ed|ing)|run(?:s|ning)?|work(?:s|ed|ing)?|are|is|remain(?:s|ed)?|stay(?:s|ed)?)\s+(?:\w+\s+)?remote[- ]first\b|\bdefault(?:ing|ed)?\s+to\s+(?:remote|telephone|phone|online|virtual)\b`, {
    words: [W.byDefault],
    needs: /\b(?:gps?|family doctors?|surger(?:y|ies)|practices|general practice)\b/i,
    // "GPs warned NOT to default to virtual consultations": advice against it, not the claim; "GP
    // consultation should be remote by default": a minister's policy, not what GPs do.
    refuse: /\b(?:not|never|n['’]t)\s+(?:to\s+)?(?:be\s+)?default|\bshould\s+(?:be|become|remain)\s+(?:\w+\s+){0,2}(?:remote|telephone|phone|online|virtual)\b|\bin some (?:practices|surgeries|cases|areas|places)\b|\b(?:it is|it['’]s) possible\b/i,
  }),
  // "they do everything in their power to avoid seeing you in person"
  P('no-face-to-face', src`\bavoid(?:s|ed|ing)?\s+seeing\s+(?:you|patients|people|us|anyone|them)\s+(?:in[- ]person|${Q}face[- ]to[- ]face${Q}|in the flesh)`, {
    words: [W.avoidSeeing],
    needs: /\b(?:gps?|family doctors?|doctors|surger(?:y|ies)|practices?|general practice)\b/i,
  }),
  // "surgeries are continuing to insist on the telephone or online consultations"
  P('no-face-to-face', src`(?:${PRACTICES_OR_GPS})${gapN(3)}insist(?:s|ed|ing)?\s+on\s+(?:the\s+)?(?:telephone|phone|remote|online|video|virtual)\b`, { words: [W.insistOn] }),
  // Negation: "GPs were seeing millions of patients face to face", "clinicians are delivering face-to-face appointments"
  P('no-face-to-face', src`(?:${GP_OR_PRACTICE_SUBJECT})\s+(?:(?:are|were|have been|has been|had been|continue to|continued to|have continued to|have|has|had|all)\s+){1,2}(?:\w+\s+)?(?:seeing|delivering|offering|providing|see|deliver|offer|provide|seen|delivered|offered|provided)${gapN(5)}${Q}(?:${F2F})`, {
    words: [W.sees, W.f2f],
    kind: 'negated',
    refuse: /\b(?:fewer|less|only|hardly|barely|not|no longer|just|must|should|will|would|could|need to|to see|more)\b/i,
  }),

  // ── cannot-see-gp ───────────────────────────────────────────────────────────────────────────
  // "patients forced to go to A&E because they can't get an appointment", "patients cannot see their GP face to face"
  // A subject narrowed by a relative clause ("patients who have been unable to…") is some patients, not the claim.
  P('cannot-see-gp', src`\b(?:patients|people|the public|pensioners|the elderly|elderly people|families|constituents|readers|sick people|millions|they|you|we|i|nobody|no one|no-one)(?!\s+(?:who|that|whose|which)\b)${gap(3)}(?:can['’]?t|cannot|can not|couldn['’]?t|could not|(?:are|were|was|been|being|is)?\s*unable to|(?:are|were|was|is)?\s*not able to|(?:aren|weren|isn|wasn)['’]t able to|no longer able to)\s+(?:(?:even|ever|actually|physically)\s+)?(?:get\s+(?:to\s+|in\s+to\s+)?see|see|get\s+(?:an\s+|a\s+)?appointments?\s+with|book\s+(?:an\s+|a\s+)?appointments?\s+with|get\s+hold\s+of|get\s+through\s+to|get|book|access|obtain|secure)\s+(?:(?:a|an|their|his|her|my|your|our|the|any)\s+)?(?:own\s+)?(?:(?:gps?|doctors?|family doctors?|general practitioners?)(?:['’]s?)?(?!\w)(?!\s+(?:surger|practice))|(?:gp|doctor['’]?s?|${F2F})\s+appointments?\b|appointments?\b)`, {
    words: [W.cannot],
    negatable: true,
    needs: /\b(?:gps?|family doctors?|doctors?|surger(?:y|ies)|practices|general practice)\b/i,
    // "one in ten patients (11.3 per cent) saying they weren't able to get an appointment": a survey share.
    refuse: /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+in\s+(?:\w+|\d+)\s+(?:patients|people|adults|respondents)\b|\d+(?:\.\d+)?\s*(?:%|per ?cent|percent)/i,
  }),
  // "it is impossible to see a GP"
  P('cannot-see-gp', src`\b(?:impossible|no way)\s+(?:for\s+\w+\s+)?to\s+(?:get\s+(?:to\s+)?see|see|get|book|have|secure|obtain)\s+(?:(?:a|an|their|your|my)\s+)?(?:gp|doctor|family doctor|(?:gp|${F2F})\s+(?:appointment|consultation)(?:\s+with\s+(?:a|an|their|your|my)\s+(?:gp|doctor|family doctor))?)\b`, { words: [W.impossible] }),
  // "the near-impossibility of getting a face-to-face appointment with a GP"
  P('cannot-see-gp', src`\bimpossibility\s+of\s+(?:getting|seeing|booking|securing)\s+(?:(?:a|an|their|your|my)\s+)?(?:gp|doctor|family doctor|(?:gp|${F2F})\s+appointment(?:\s+with\s+(?:a|an|their|your|my)\s+(?:gp|doctor|family doctor))?)\b`, { words: [W.impossible] }),

  // ── face-to-face-collapsed ──────────────────────────────────────────────────────────────────
  P('face-to-face-collapsed', src`${Q}(?:${F2F})${Q}(?:\s+(?:gp\s+)?(?:appointments?|consultations?|care|visits|contacts?))?${gapN(3)}(?:collapsed?|plummet(?:ed)?|plunged?|nosedived?|crashed|slumped?|dried up|disappeared|vanished|evaporated|fell off a cliff|ground to a halt|all but (?:disappeared|vanished|stopped|ended))\b`, {
    words: [W.collapsed],
    refuse: FIGURE,
  }),
  // "the chance of a face-to-face appointment with a GP is a distant dream"
  P('face-to-face-collapsed', src`${Q}(?:${F2F})${Q}\s+(?:gp\s+)?(?:appointments?|consultations?)(?:\s+with\s+(?:a|an|their|your|my|the)\s+(?:gp|doctor|family doctor))?\s+(?:is|are|has become|have become|is now|are now|remains?)\s+(?:a\s+|an\s+)?(?:distant dream|thing of the past|rarity|luxury|pipe dream)\b`, { words: [W.dream] }),
  // "The possibility of a face to face consultation appears to be non-existent"
  P('face-to-face-collapsed', src`${Q}(?:${F2F})${Q}\s+(?:gp\s+)?(?:appointments?|consultations?)(?:\s+with\s+(?:a|an|their|your|my|the)\s+(?:gp|doctor|family doctor))?\s+(?:is|are|appears?\s+to\s+be|seems?\s+to\s+be|has\s+become|have\s+become|is\s+now|are\s+now)\s+(?:virtually\s+|almost\s+|practically\s+|all\s+but\s+)?non-?existent\b`, { words: [W.nonExistent] }),
  P('face-to-face-collapsed', src`\b(?:collapse|plunge|nosedive|crash)\s+in\s+(?:the\s+(?:number|share|proportion|rate)\s+of\s+)?${Q}(?:${F2F})`, {
    words: [W.collapseIn],
    refuse: FIGURE,
  }),
  // "hardly any face-to-face appointments", "virtually no in-person care": the quantifier must govern face-to-face care.
  P('face-to-face-collapsed', src`(?:\b(?:hardly|barely|scarcely)\s+any|\b(?:almost|virtually|next to)\s+no)(?:\s+\w+){0,2}\s+${Q}(?:${F2F})`, {
    words: [W.hardlyAny],
    refuse: FIGURE,
    needs: /\b(?:gps?|family doctors?|doctors|surger(?:y|ies)|practices|general practice)\b/i,
  }),

  // ── gps-doing-less ──────────────────────────────────────────────────────────────────────────
  P('gps-doing-less', src`\b(?:lazy|idle|work-?shy|feckless)\s+(?:gps|doctors|family doctors|medics)\b`, { words: [W.lazy] }),
  P('gps-doing-less', src`(?:${GPS}|\bdoctors\b)${gap(3)}(?:are|were|being|is)\s+(?:\w+\s+)?(?:lazy|idle|work-?shy)\b`, { words: [W.lazy], negatable: true }),
  P('gps-doing-less', src`(?:${GPS}|\bdoctors\b)${gap(3)}(?:doing|do|did|work|working|worked)\s+(?:(?:far|much|a lot|even)\s+)?(?:less|fewer hours)\b(?!\s+(?:of|paperwork|admin|bureaucracy|box))`, {
    words: [W.less],
    negatable: true,
  }),
  P('gps-doing-less', src`(?:${GPS}|\bdoctors\b|${PRACTICES})${gapN(3)}(?:not|n['’]t|never)\s+(?:been\s+)?(?:doing their (?:jobs?|job properly)|pulling their weight|working hard enough)\b`, { words: [W.notDoingJob] }),
  // "GPs have been facing a barrage of negative media attention for being closed"
  P('practices-closed', src`(?:${PRACTICES_OR_GPS})${gapN(10)}(?:for|of)\s+being\s+${Q}(?:closed|shut)${Q}(?!\w)`, { words: [W.beingClosed], refuse: CLOSURE_NOT_CLAIM }),
  P('gps-doing-less', src`\b(?:time on their hands|(?:sat|sitting|sit)\s+(?:at home|on their hands|idle|on the golf course)|on the golf course|(?:out\s+)?playing golf|(?:put|putting)\s+their feet up|(?:easy|good|quiet|cushy)\s+(?:pandemic|lockdown))\b`, {
    words: [W.golf],
    needs: /\b(?:gps?|family doctors?|doctors|surger(?:y|ies)|practices|general practice)\b/i,
  }),
  // "my GPs … have opted to retain the easy life"
  P('gps-doing-less', src`\b(?:an?|the)\s+${Q}\s?(?:easy|easier|cushy)\s+life\b`, {
    words: [W.easyLife],
    needs: /\b(?:gps|family doctors|doctors)\b/i,
  }),
  // "Nobody dares admit that GPs aren't working": the verb ends the clause (not "aren't working weekends").
  P('gps-doing-less', src`(?:${GPS})\s+(?:are not|aren['’]t|were not|weren['’]t)\s+(?:really\s+|actually\s+)?${Q}working${Q}(?=\s*(?:[.,;:!?'"’”)]|$))`, { words: [W.notWorking] }),
  // Negation: "working harder than ever"
  P('gps-doing-less', src`(?:${GPS}|\bdoctors\b|${PRACTICES}|\bwe\b)${gapN(3)}(?:work|working|worked)\s+(?:\w+\s+)?(?:harder than ever|flat[- ]out|tirelessly)\b`, {
    words: [W.harderThanEver],
    kind: 'negated',
  }),
];

/**
 * The gate of these patterns together: a sentence with none of their first gate words cannot match
 * any of them. One test per sentence drops most sentences before any pattern runs.
 */
export function gateOf(patterns: readonly ClaimPattern[]): RegExp {
  const sources = [...new Set(patterns.map((p) => p.words[0]!.source))];
  return new RegExp(sources.length > 0 ? sources.join('|') : '(?!)', 'i');
}

/** The gate of every pattern. */
export const GATE = gateOf(PATTERNS);

/** Negators that, between subject and predicate, make a claim its negation. */
export const NEGATOR = /\b(?:not|never|no longer|n['’]t)\b|n['’]t\b/i;
