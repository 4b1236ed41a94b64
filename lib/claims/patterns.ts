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

export const CLAIM_IDS = ['practices-closed', 'no-face-to-face', 'cannot-see-gp', 'face-to-face-collapsed', 'gps-doing-less'] as const;
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
}

const src = (strings: TemplateStringsArray, ...parts: (string | number)[]) => String.raw(strings, ...parts);

// One word (letters, digits, apostrophes, hyphens), perhaps with a trailing comma; then `gap(n)` is at
// most n such words between two parts of a pattern.
const WORD = src`[\w'’‘-]+,?`;
const gap = (n: number) => src`(?<gap>,?(?:\s+${WORD}){0,${n}}?)\s+`;
const gapN = (n: number) => src`,?(?:\s+${WORD}){0,${n}}?\s+`;
// An optional quote mark: the press puts scare quotes round the key word ('closed').
const Q = src`['‘’"“”]?`;
const F2F = src`face[- ]to[- ]face|in[- ]person`;

// Qualifiers that make "practices"/"surgeries" someone else's (dental practices, elective surgeries).
const NOT_GP_QUALIFIER = src`(?<!\b(?:dental|dentists?['’]?|dentistry|veterinary|vets?['’]?|law|legal|accountancy|accountants?['’]?|opticians?['’]?|optometry|pharmacy|pharmacies|best|working|farming|business|clinical|good|bad|elective|planned|routine|cosmetic|hip|knee|cancer|cataract|beauty|private dental|mps?['’]?|constituency|advice|councillors?['’]?|tattoo|hair)\s)`;
/** GP practices or surgeries in the plural or as a service ("general practice"); one named surgery is local news. */
const PRACTICES = src`${NOT_GP_QUALIFIER}\b(?:(?:gp|gps['’]?|nhs|local|family doctors?['’]?|doctors?['’]?)\s+)?(?:surgeries|practices)\b|\bgeneral practice\b(?![- ](?:staff|teams?|workforce|nurses?|pharmacists?)\b)`;
/** GPs as a group. */
const GPS = src`\b(?:gps['’](?!\w)|(?:gps|family doctors|general practitioners|family gps|nhs gps|local gps)\b)`;
const PRACTICES_OR_GPS = src`(?:${PRACTICES}|${GPS}|\b(?:their|your|my|the) (?:gp|local gp|doctor)\b)`;
const GP_OR_PRACTICE_SUBJECT = src`(?:${GPS}|\bdoctors\b|${PRACTICES}|\bclinicians\b)`;

// Shared settings.
const PANDEMIC_OR_PATIENTS = /\b(?:pandemic|lockdowns?|covid|coronavirus|virus|to (?:all )?(?:patients|the public|face[- ]to[- ]face|in[- ]person|walk-?ins?)|their doors|reopen\w*|still|remain(?:ed)?|months|throughout|since march)\b|['‘’"“”](?:closed|shut)['‘’"“”]/i;
/** Permanent closures, mergers, list closures, holidays and opening hours: true and not the claim. */
const CLOSURE_NOT_CLAIM =
  /\b(?:closures?|closed (?:down|or merged|and merged)|merg(?:e|ed|er|ers|ing)|permanently|for good|for the last time|bank holidays?|christmas|easter|boxing day|weekends?|sundays?|saturdays?|evenings?|nights?|overnight|out of hours|afternoons?|half[- ]days?|lunch(?:time)?s?|training (?:days?|sessions?)|new (?:patients|registrations)|(?:patient )?lists?|a decade|since 20\d\d|between 20\d\d|(?:at|the) (?:twice|double|three times) the rate|rate of|number of (?:gp )?(?:surgeries|practices)|forced to close|could close|may close|might close|will close|deep[- ]clean\w*|tested positive|outbreaks?|self-isolat\w*|flood\w*|power cut|snow|threat(?:en(?:ed)?)? (?:of|to) clos\w*|at risk of clos\w*)\b/i;
/** A figure in the sentence: it reports data rather than making the claim. */
const FIGURE = /\d|\b(?:per ?cent|percentage|half|a third|a quarter|two[- ]thirds|three[- ]quarters|million|billion)\b/i;

const P = (claimId: ClaimId, re: string, rest: Omit<ClaimPattern, 'claimId' | 're' | 'kind'> & { kind?: ClaimPattern['kind'] } = {}): ClaimPattern => ({
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
    negatable: true,
    refuse: CLOSURE_NOT_CLAIM,
  }),
  P('practices-closed', src`(?:${PRACTICES})${gap(5)}${Q}(?:closed|shut|shuttered)${Q}(?!\w|\s+(?:down|or merged|and merged|for good|permanently|the gap|ranks|a deal|the deal|a loophole))`, {
    negatable: true,
    needs: PANDEMIC_OR_PATIENTS,
    refuse: CLOSURE_NOT_CLAIM,
  }),
  // "GPs have abandoned patients by not opening their doors", "surgeries have locked their doors to face-to-face appointments"
  P('practices-closed', src`(?:${PRACTICES_OR_GPS})${gap(4)}(?:closed|shut|locked|bolted|closing|shutting|locking)\s+(?:their|its|the)\s+doors\b(?!\s+(?:for good|permanently|for the last time|for (?:one|an) afternoon|for lunch))`, {
    negatable: true,
    refuse: CLOSURE_NOT_CLAIM,
  }),
  P('practices-closed', src`(?:${PRACTICES_OR_GPS})${gap(4)}(?:shut|shutting|closed|closing) up shop\b`, { negatable: true }),
  P('practices-closed', src`\bnot (?:opening|open) their doors\b`, { needs: /\b(?:gps|surgeries|practices|family doctors)\b/i }),
  // "the false narrative that general practice is not open to patients"
  P('practices-closed', src`(?:${PRACTICES_OR_GPS})\s+(?:is|are|was|were|has been|have been|had been)\s+(?:still\s+)?not\s+${Q}open${Q}(?!\w|\s+(?:their|its|to new))`, {
    refuse: CLOSURE_NOT_CLAIM,
  }),
  // "the myth of closed surgeries"
  P('practices-closed', src`\b${Q}(?:closed|shut|shuttered)${Q}\s+(?:gp\s+|doctors?['’]?\s+)?(?:surgeries|practices)\b`, {
    refuse: CLOSURE_NOT_CLAIM,
    needs: PANDEMIC_OR_PATIENTS,
  }),
  // "GP surgeries not reopening until March", "calls to reopen", "reopen GP surgeries"
  P('practices-closed', src`(?:${PRACTICES_OR_GPS})${gapN(4)}${Q}(?:not|never|yet to|calls? to|urged to|told to|ordered to|must|should|to fully)\s+(?:be\s+)?reopen(?:ed|ing)?\b`),
  P('practices-closed', src`\breopen(?:ing)?\s+(?:gp\s+|their\s+)?(?:surgeries|practices)\b`),
  // Negations: "GP surgeries have remained open throughout the lockdowns", "general practice is open and has been throughout"
  P('practices-closed', src`(?:${PRACTICES_OR_GPS})\s+(?:(?:have|has|had)\s+)?(?!(?:should|must|will|would|could|may|might|can|cannot|to|need)\b)(?:\w+\s+)?(?:remained|stayed|been|kept|remain|stay|are|is|were|was)\s+(?:(?:very much|always|fully|all|still|largely)\s+)?${Q}open${Q}(?!\w|\s+(?:their|its|up|to walk|reception|the))`, {
    kind: 'negated',
  }),
  P('practices-closed', src`(?:${PRACTICES})${gapN(3)}(?:never|did not|didn['’]t|have not|haven['’]t|has not|hasn['’]t|were not|weren['’]t|was not|wasn['’]t|are not|aren['’]t|is not|isn['’]t)\s+(?:\w+\s+)?${Q}(?:close|closed|shut)${Q}(?!\w)`, {
    kind: 'negated',
  }),
  P('practices-closed', src`\b(?:never|not) (?:been )?(?:closed|shut)\b`, {
    kind: 'negated',
    needs: /\b(?:practices|surgeries|general practice|gps)\b/i,
    refuse: CLOSURE_NOT_CLAIM,
  }),

  // ── no-face-to-face ─────────────────────────────────────────────────────────────────────────
  // "Why are GPs still refusing to see patients face-to-face?", "GPS' reluctance to give face-to-face consultations"
  P('no-face-to-face', src`(?:${GP_OR_PRACTICE_SUBJECT})${gap(4)}(?:refus(?:e|es|ed|ing|al)|declin(?:e|es|ed|ing)|reluctan(?:t|ce)|unwilling(?:ness)?|stopped|stopping)(?:\s+to)?${gapN(3)}${Q}(?:${F2F})`, {
    negatable: true,
  }),
  // "for refusing to see patients face-to-face" (the subject named earlier in the sentence)
  P('no-face-to-face', src`\brefus(?:e|es|ed|ing|al)\s+to\s+(?:see|offer|give|provide|hold|do)${gapN(3)}${Q}(?:${F2F})`, {
    negatable: true,
    needs: /\b(?:gps?|family doctors?|doctors|surger(?:y|ies)|practices|general practice)\b/i,
  }),
  // "GPs are not seeing patients face to face", "doctors are not seeing patients face to face"
  P('no-face-to-face', src`(?:${GP_OR_PRACTICE_SUBJECT})${gapN(3)}(?:are|were|is|was|have|has)?\s*(?:not|n['’]t|no longer|still not)\s+(?:been\s+)?(?:seeing|offering|providing|giving|doing|holding)${gapN(3)}${Q}(?:${F2F})`),
  // "our GPs would not see patients face-to-face"
  P('no-face-to-face', src`(?:${GP_OR_PRACTICE_SUBJECT})${gapN(2)}(?:would not|will not|won['’]t|wouldn['’]t|do not|don['’]t|did not|didn['’]t|could not|couldn['’]t)\s+(?:see|offer|provide|give)${gapN(3)}${Q}(?:${F2F})`),
  // "in-person consultations were put on hold", "face-to-face appointments were stopped"
  P('no-face-to-face', src`${Q}(?:${F2F})${Q}\s+(?:gp\s+)?(?:appointments?|consultations?|care)\s+(?:were|was|have been|has been|had been|are being|being)\s+(?:\w+\s+)?(?:stopped|suspended|put on hold|halted|scrapped|axed|ended|withdrawn|abandoned)\b`, {
    negatable: true,
    needs: /\b(?:gps?|family doctors?|doctors|surger(?:y|ies)|practices|general practice|clinicians)\b/i,
  }),
  // "the accusations that GPs are not seeing patients"
  P('no-face-to-face', src`(?:${GPS}|\bdoctors\b|${PRACTICES})\s+(?:are|were|have been|had been)\s+not\s+(?:seeing|treating)\s+(?:any\s+)?patients\b(?!\s+(?:who|with|on|at|from|in))`),
  // "being refused face-to-face appointments"
  P('no-face-to-face', src`\b(?:refused|denied)\s+(?:a\s+|an\s+|any\s+)?${Q}(?:${F2F})${Q}\s+(?:appointments?|consultations?|care)`, {
    needs: /\b(?:gps?|family doctors?|doctors|surger(?:y|ies)|practices|general practice)\b/i,
  }),
  // "hiding behind their screens", "stop hiding behind their telephones"
  P('no-face-to-face', src`\bhid(?:e|es|ing|den)\s+behind\s+(?:(?:their|the|a|computer|zoom|video|phone|telephone)\s+){0,3}(?:screens?|phones?|telephones?|computers?|zoom|video(?:\s+calls?)?|receptionists?|covid(?:-19)?|the pandemic|triage|e-?consult\w*|laptops?|keyboards?|monitors?)\b`, {
    needs: /\b(?:gps?|family doctors?|doctors|surger(?:y|ies)|practices|general practice)\b/i,
  }),
  // "GPs are ‘still using Covid as an excuse not to see patients’"
  P('no-face-to-face', src`\b(?:us(?:e|es|ed|ing))\s+(?:covid(?:-19)?|the pandemic|coronavirus|the virus)\s+as\s+an?\s+excuse\b`, {
    needs: /\b(?:gps?|family doctors?|doctors|surger(?:y|ies)|practices|general practice)\b/i,
  }),
  // "GPs seem to have unilaterally decided they don’t want to see patients anymore"
  P('no-face-to-face', src`(?:${GPS}|\bdoctors\b)${gapN(6)}(?:don['’]t|do not|didn['’]t|did not|no longer)\s+want\s+to\s+see\s+(?:their\s+)?patients\b`),
  // "the suggestion that GPs are “hiding”"
  P('no-face-to-face', src`(?:${GPS}|\bdoctors\b|${PRACTICES})\s+(?:are|were|have been|had been)\s+(?:still\s+)?${Q}(?:hiding|in hiding)${Q}(?!\s+(?:from|behind|in|under))`),
  // "remote by default", "telephone consultations as the default"
  P('no-face-to-face', src`\b(?:remote|telephone|phone|online|virtual|video)(?:\s+\w+){0,2}\s+(?:by default|as (?:the|a) default)\b|\bremote[- ]first\b|\bdefault(?:ing|ed)?\s+to\s+(?:remote|telephone|phone|online|virtual)\b`, {
    needs: /\b(?:gps?|family doctors?|surger(?:y|ies)|practices|general practice)\b/i,
  }),
  // "surgeries are continuing to insist on the telephone or online consultations"
  P('no-face-to-face', src`(?:${PRACTICES_OR_GPS})${gapN(3)}insist(?:s|ed|ing)?\s+on\s+(?:the\s+)?(?:telephone|phone|remote|online|video|virtual)\b`),
  // Negation: "GPs were seeing millions of patients face to face", "clinicians are delivering face-to-face appointments"
  P('no-face-to-face', src`(?:${GP_OR_PRACTICE_SUBJECT})\s+(?:(?:are|were|have been|has been|had been|continue to|continued to|have continued to|have|has|had|all)\s+){1,2}(?:\w+\s+)?(?:seeing|delivering|offering|providing|see|deliver|offer|provide|seen|delivered|offered|provided)${gapN(5)}${Q}(?:${F2F})`, {
    kind: 'negated',
    refuse: /\b(?:fewer|less|only|hardly|barely|not|no longer|just|must|should|will|would|could|need to|to see|more)\b/i,
  }),

  // ── cannot-see-gp ───────────────────────────────────────────────────────────────────────────
  // "patients forced to go to A&E because they can't get an appointment", "patients cannot see their GP face to face"
  // A subject narrowed by a relative clause ("patients who have been unable to…") is some patients, not the claim.
  P('cannot-see-gp', src`\b(?:patients|people|the public|pensioners|the elderly|elderly people|families|constituents|readers|sick people|millions|they|you|we|i|nobody|no one|no-one)(?!\s+(?:who|that|whose|which)\b)${gap(3)}(?:can['’]?t|cannot|can not|couldn['’]?t|could not|(?:are|were|was|been|being|is)?\s*unable to|(?:are|were|was|is)?\s*not able to|no longer able to)\s+(?:(?:even|ever|actually|physically)\s+)?(?:get\s+(?:to\s+|in\s+to\s+)?see|see|get\s+(?:an\s+|a\s+)?appointments?\s+with|book\s+(?:an\s+|a\s+)?appointments?\s+with|get\s+hold\s+of|get\s+through\s+to|get|book|access|obtain|secure)\s+(?:(?:a|an|their|his|her|my|your|our|the|any)\s+)?(?:own\s+)?(?:(?:gp|doctor|family doctor|general practitioner)(?:['’]s)?\b(?!\s+(?:surger|practice))|(?:gp|doctor['’]?s?|${F2F})\s+appointments?\b|appointments?\b)`, {
    negatable: true,
    needs: /\b(?:gps?|family doctors?|doctors?|surger(?:y|ies)|practices|general practice)\b/i,
  }),
  // "it is impossible to see a GP"
  P('cannot-see-gp', src`\b(?:impossible|no way)\s+(?:for\s+\w+\s+)?to\s+(?:get\s+(?:to\s+)?see|see|get|book)\s+(?:(?:a|an|their|your|my)\s+)?(?:gp|doctor|family doctor|(?:gp|${F2F})\s+appointment)\b`),

  // ── face-to-face-collapsed ──────────────────────────────────────────────────────────────────
  P('face-to-face-collapsed', src`${Q}(?:${F2F})${Q}(?:\s+(?:gp\s+)?(?:appointments?|consultations?|care|visits|contacts?))?${gapN(3)}(?:collapsed?|plummet(?:ed)?|plunged?|nosedived?|crashed|slumped?|dried up|disappeared|vanished|evaporated|fell off a cliff|ground to a halt|all but (?:disappeared|vanished|stopped|ended))\b`, {
    refuse: FIGURE,
  }),
  // "the chance of a face-to-face appointment with a GP is a distant dream"
  P('face-to-face-collapsed', src`${Q}(?:${F2F})${Q}\s+(?:gp\s+)?(?:appointments?|consultations?)(?:\s+with\s+(?:a|an|their|your|my|the)\s+(?:gp|doctor|family doctor))?\s+(?:is|are|has become|have become|is now|are now|remains?)\s+(?:a\s+|an\s+)?(?:distant dream|thing of the past|rarity|luxury|pipe dream)\b`),
  P('face-to-face-collapsed', src`\b(?:collapse|plunge|nosedive|crash)\s+in\s+(?:the\s+(?:number|share|proportion|rate)\s+of\s+)?${Q}(?:${F2F})`, {
    refuse: FIGURE,
  }),
  P('face-to-face-collapsed', src`\b(?:hardly|barely|scarcely)\s+any|\b(?:almost|virtually|next to)\s+no\b`.concat(src`(?:\s+\w+){0,2}\s+${Q}(?:${F2F})`), {
    refuse: FIGURE,
    needs: /\b(?:gps?|family doctors?|doctors|surger(?:y|ies)|practices|general practice)\b/i,
  }),

  // ── gps-doing-less ──────────────────────────────────────────────────────────────────────────
  P('gps-doing-less', src`\b(?:lazy|idle|work-?shy|feckless)\s+(?:gps|doctors|family doctors|medics)\b`),
  P('gps-doing-less', src`(?:${GPS}|\bdoctors\b)${gap(3)}(?:are|were|being|is)\s+(?:\w+\s+)?(?:lazy|idle|work-?shy)\b`, { negatable: true }),
  P('gps-doing-less', src`(?:${GPS}|\bdoctors\b)${gap(3)}(?:doing|do|did|work|working|worked)\s+(?:(?:far|much|a lot|even)\s+)?(?:less|fewer hours)\b(?!\s+(?:of|paperwork|admin|bureaucracy|box))`, {
    negatable: true,
  }),
  P('gps-doing-less', src`(?:${GPS}|\bdoctors\b|${PRACTICES})${gapN(3)}(?:not|n['’]t|never)\s+(?:been\s+)?(?:doing their (?:jobs?|job properly)|pulling their weight|working hard enough)\b`),
  // "GPs have been facing a barrage of negative media attention for being closed"
  P('practices-closed', src`(?:${PRACTICES_OR_GPS})${gapN(10)}(?:for|of)\s+being\s+${Q}(?:closed|shut)${Q}(?!\w)`, { refuse: CLOSURE_NOT_CLAIM }),
  P('gps-doing-less', src`\b(?:time on their hands|(?:sat|sitting|sit)\s+(?:at home|on their hands|idle|on the golf course)|on the golf course|(?:out\s+)?playing golf|(?:put|putting)\s+their feet up|(?:easy|good|quiet|cushy)\s+(?:pandemic|lockdown))\b`, {
    needs: /\b(?:gps?|family doctors?|doctors|surger(?:y|ies)|practices|general practice)\b/i,
  }),
  // "my GPs … have opted to retain the easy life"
  P('gps-doing-less', src`\b(?:an?|the)\s+${Q}\s?(?:easy|easier|cushy)\s+life\b`, {
    needs: /\b(?:gps|family doctors|doctors)\b/i,
  }),
  // Negation: "working harder than ever"
  P('gps-doing-less', src`(?:${GPS}|\bdoctors\b|${PRACTICES}|\bwe\b)${gapN(3)}(?:work|working|worked)\s+(?:\w+\s+)?(?:harder than ever|flat out|tirelessly)\b`, {
    kind: 'negated',
  }),
];

/**
 * The cheap gate: a sentence that matches none of these words cannot match any pattern, so the
 * patterns run only on the few sentences that pass.
 */
export const GATE =
  /clos|excuse|want to see|hold|suspend|halt|scrap|axed|withdrawn|abandon|stopped|ended|seeing|treating|shut|door|reopen|open|face[- ]to[- ]face|in[- ]person|refus|hid(?:e|ing|den)|default|remote[- ]first|insist|denied|unable|able to|can['’]?t|cannot|can not|could(?:n['’]?t| not)|impossible|no way|collaps|plummet|plung|nosediv|crash|slump|dried up|disappear|vanish|evaporat|fell off|ground to|hardly|barely|scarcely|almost no|virtually no|next to no|lazy|idle|work-?shy|feckless|less|fewer hours|doing their job|pulling their|working hard enough|being|time on their|golf|feet up|easy|easier|cushy|quiet|sat |sitting|distant dream|thing of the past|rarity|luxury|pipe dream|harder than ever|flat out|tireless/i;

/** Negators that, between subject and predicate, make a claim its negation. */
export const NEGATOR = /\b(?:not|never|no longer|n['’]t)\b|n['’]t\b/i;
