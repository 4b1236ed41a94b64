/**
 * The words the claim patterns are built from: the profession and its practices, face to face,
 * the pandemic setting, figures and closures that are not the claim, and the gate words. Kept
 * apart from the patterns themselves (patterns.ts) so that each pattern reads as a sentence.
 */
export const src = (strings: TemplateStringsArray, ...parts: (string | number)[]) => String.raw(strings, ...parts);

// One word (letters, digits, apostrophes, hyphens), perhaps with a trailing comma; then `gap(n)` is at
// most n such words between two parts of a pattern.
export const WORD = src`[\w'’‘-]+,?`;
export const gap = (n: number) => src`(?<gap>,?(?:\s+${WORD}){0,${n}}?)\s+`;
export const gapN = (n: number) => src`,?(?:\s+${WORD}){0,${n}}?\s+`;
// An optional quote mark: the press puts scare quotes round the key word ('closed').
export const Q = src`['‘’"“”]?`;
export const F2F = src`face[- ]to[- ]face|in[- ]person`;

// Qualifiers that make "practices"/"surgeries" someone else's (dental practices, elective surgeries).
export const NOT_GP_QUALIFIER = src`(?<!\b(?:dental|dentists?['’]?|dentistry|veterinary|vets?['’]?|law|legal|accountancy|accountants?['’]?|opticians?['’]?|optometry|pharmacy|pharmacies|best|working|farming|business|clinical|good|bad|elective|planned|routine|cosmetic|hip|knee|cancer|cataract|beauty|private dental|mps?['’]?|constituency|advice|councillors?['’]?|tattoo|hair)\s)`;
/** GP practices or surgeries in the plural or as a service ("general practice"); one named surgery is local news. */
export const PRACTICES = src`${NOT_GP_QUALIFIER}\b(?:(?:gp|gps['’]?|nhs|local|family doctors?['’]?|doctors?['’]?)\s+)?(?:surgeries|practices)\b|\bgeneral practice\b(?![- ](?:staff|teams?|workforce|nurses?|pharmacists?)\b)`;
/** GPs as a group. */
export const GPS = src`\b(?:gps['’](?!\w)|(?:gps|family doctors|general practitioners|family gps|nhs gps|local gps)\b)`;
export const PRACTICES_OR_GPS = src`(?:${PRACTICES}|${GPS}|\b(?:their|your|my|the) (?:gp|local gp|doctor)\b)`;
export const GP_OR_PRACTICE_SUBJECT = src`(?:${GPS}|\bdoctors\b|${PRACTICES}|\bclinicians\b)`;

// Shared settings.
export const PANDEMIC_OR_PATIENTS = /\b(?:pandemic|lockdowns?|covid|coronavirus|virus|to (?:all )?(?:patients|the public|face[- ]to[- ]face|in[- ]person|walk-?ins?)|their doors|reopen\w*|still|remain(?:ed)?|months|throughout|since march)\b|['‘’"“”](?:closed|shut)['‘’"“”]/i;
/** Permanent closures, mergers, list closures, holidays and opening hours: true and not the claim. */
export const CLOSURE_NOT_CLAIM =
  /\b(?:closures?|closed (?:down|or merged|and merged)|merg(?:e|ed|er|ers|ing)|permanently|for good|for the last time|bank holidays?|christmas|easter|boxing day|weekends?|sundays?|saturdays?|evenings?|nights?|overnight|out of hours|afternoons?|half[- ]days?|lunch(?:time)?s?|training (?:days?|sessions?)|new (?:patients|registrations)|(?:patient )?lists?|a decade|since 20\d\d|between 20\d\d|(?:at|the) (?:twice|double|three times) the rate|rate of|number of (?:gp )?(?:surgeries|practices)|forced to close|could close|may close|might close|will close|deep[- ]clean\w*|tested positive|outbreaks?|self-isolat\w*|flood\w*|power cut|snow|threat(?:en(?:ed)?)? (?:of|to) clos\w*|at risk of clos\w*)\b/i;
/** A figure in the sentence: it reports data rather than making the claim. */
export const FIGURE = /\d|\b(?:per ?cent|percentage|half|a third|a quarter|two[- ]thirds|three[- ]quarters|million|billion)\b/i;

// Gate words (`words` below). Each is a part every match of its patterns contains, with a word
// boundary only where the pattern has one: before "closed" a pattern has white space or a quote
// mark, so `\bclosed\b` holds wherever it matches; "face-to-face" may be followed by anything.
export const gw = (source: string) => new RegExp(source, 'i');
export const W = {
  closedShut: gw(src`\b(?:closed|shut|shuttered)\b`),
  close: gw(src`\b(?:close|closed|shut)\b`),
  /** Only for patterns whose subject or object is `PRACTICES`. */
  practices: gw(src`\b(?:surgeries|practices|general practice)\b`),
  doors: gw(src`\bdoors\b`),
  shutters: gw(src`\b(?:shutters|doors|gates)\b`),
  upShop: gw(src`\bup shop\b`),
  open: gw(src`\bopen\b`),
  notOpen: gw(src`\bnot\s+${Q}open\b`),
  reopen: gw(src`\breopen(?:ed|ing)?\b`),
  refuse: gw(src`\b(?:refus(?:e|es|ed|ing|al)|declin(?:e|es|ed|ing)|reluctan(?:t|ce)|unwilling(?:ness)?|stopped|stopping)\b`),
  /** Where the pattern has white space before it (not where it may start the match). */
  f2f: gw(src`\b(?:${F2F})`),
  notSeeing: gw(src`(?:not|n['’]t|no longer)\s+(?:been\s+)?(?:seeing|offering|providing|giving|doing|holding)\b`),
  wouldNotSee: gw(src`\b(?:would not|will not|won['’]t|wouldn['’]t|do not|don['’]t|did not|didn['’]t|could not|couldn['’]t)\s+(?:see|offer|provide|give)\b`),
  stopped: gw(src`\b(?:stopped|suspended|put on hold|halted|scrapped|axed|ended|withdrawn|abandoned)\b`),
  notSeeingPatients: gw(src`\bnot\s+(?:seeing|treating)\s+(?:any\s+)?patients\b`),
  refusedDenied: gw(src`\b(?:refused|denied)\b`),
  hidBehind: gw(src`\b(?:hid(?:e|es|ing|den)|retreat(?:s|ed|ing)?)\s+behind\b`),
  excuse: gw(src`\bexcuse\b`),
  wantToSee: gw(src`\bwant\s+to\s+see\b`),
  hiding: gw(src`\bhiding`),
  byDefault: gw(src`\b(?:default(?:ing|ed)?|remote[- ]first)\b`),
  insistOn: gw(src`\binsist(?:s|ed|ing)?\s+on\b`),
  /** The verb right after its auxiliary (the last word of the pattern's `(?:are|…|continue to|…)\s+`), perhaps one word between. */
  sees: gw(src`\b(?:are|were|been|to|have|has|had|all)\s+(?:\w+\s+)?(?:seeing|delivering|offering|providing|see|deliver|offer|provide|seen|delivered|offered|provided)\b`),
  // "unable to" may follow "are" with no space between (the pattern's `(?:are|…)?\s*unable to`).
  cannot: gw(src`\b(?:can['’]?t|cannot|can not|couldn['’]?t|could not|no longer able to)\b|unable to\b|not able to\b|n['’]t able to\b`),
  impossible: gw(src`\b(?:impossible|impossibility|no way)\b`),
  collapsed: gw(src`\b(?:collapsed?|plummet(?:ed)?|plunged?|nosedived?|crashed|slumped?|dried up|disappeared|vanished|evaporated|fell off a cliff|ground to a halt|all but (?:disappeared|vanished|stopped|ended))\b`),
  dream: gw(src`\b(?:distant dream|thing of the past|rarity|luxury|pipe dream)\b`),
  nonExistent: gw(src`\bnon-?existent\b`),
  chainedShut: gw(src`\b(?:chained|locked|bolted|padlocked)\s+(?:shut|closed)\b`),
  collapseIn: gw(src`\b(?:collapse|plunge|nosedive|crash)\s+in\b`),
  hardlyAny: gw(src`\b(?:hardly|barely|scarcely)\s+any|\b(?:almost|virtually|next to)\s+no\b`),
  lazy: gw(src`\b(?:lazy|idle|work-?shy|feckless)\b`),
  less: gw(src`\b(?:less|fewer hours)\b`),
  notDoingJob: gw(src`\b(?:doing their jobs?|pulling their weight|working hard enough)\b`),
  notWorking: gw(src`\bworking\b`),
  avoidSeeing: gw(src`\bavoid(?:s|ed|ing)?\s+seeing\b`),
  beingClosed: gw(src`\bbeing\s+${Q}(?:closed|shut)\b`),
  golf: gw(src`\b(?:time on their hands|golf|their feet up|(?:sat|sitting|sit)\s+(?:at home|on their hands|idle)|(?:easy|good|quiet|cushy)\s+(?:pandemic|lockdown))\b`),
  easyLife: gw(src`\b(?:easy|easier|cushy)\s+life\b`),
  harderThanEver: gw(src`\b(?:harder than ever|flat[- ]out|tirelessly)\b`),
};

