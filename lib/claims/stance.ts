/**
 * What a sentence does with the claim it names: states it (asserted), attributes it to someone
 * (reported), names it in order to refute it (rebutted) or states its opposite (negated). Only the
 * first two are flagged. Precision first: when a sentence both reports and refutes a claim
 * ("Practices were closed, he claimed, but data show…") it is rebutted.
 */
import type { Stance } from '../model/scan';

/** Cues before the claim that name it as false: "the false narrative that", "the myth of", "it is not true that". */
const REBUT_BEFORE = new RegExp(
  [
    String.raw`\b(?:false|falsely|misleading|untrue|wrong|mistaken|inaccurate|baseless|unfounded|damaging|pernicious|tired|lazy|persistent|erroneous|bogus|unfair|unjust|insulting|twisted|distorted|warped|skewed|toxic|one-sided)(?:\s+[\w'’-]+){0,4}?\s+(?:narratives?|claims?|story|stories|impressions?|ideas?|notions?|perceptions?|suggestions?|allegations?|accusations?|assertions?|rumou?rs?|beliefs?|myths?|tropes?|reports?|reporting|headlines?|rhetoric|messages?|messaging|picture)\b`,
    String.raw`\bmyths?\b|\bmisconceptions?\b|\bmisinformation\b|\bdisinformation\b|\bfake news\b|\bsmears?\b`,
    String.raw`\b(?:it|this|that)(?:['’]s|\s+is|\s+was|\s+has\s+been)\s+(?:simply\s+|just\s+|absolutely\s+|completely\s+|also\s+)?(?:not true|untrue|false|wrong|a myth|nonsense|not the case|incorrect|misleading)\s+(?:to\s+(?:say|suggest|claim|imply|think|believe)\s+)?that\b`,
    String.raw`\b(?:not|never)\s+(?:\w+\s+){0,2}(?:true|the case)\s+that\b`,
    String.raw`\bcontrary to\b`,
    // "patients seem to be under the impression that GPs are not pulling their weight"
    String.raw`\bunder\s+the\s+(?:\w+\s+)?impression\s+that\b`,
    String.raw`\b(?:does|did|do)\s+not\s+mean\s+|\b(?:doesn|didn|don)['’]t\s+mean\s+`,
    String.raw`\b(?:prov(?:e|es|ed|en|ing)|shows?|showed|shown)\s+(?:\w+\s+){0,2}(?:wrong|untrue|false)\b|\bdisprov\w*`,
    String.raw`\b(?:refut\w*|rebut\w*|debunk\w*|dismiss(?:es|ed|ing)?|reject(?:s|ed|ing)?|denie[sd]|deny|denying|dispel\w*|denounc\w*|correct(?:ed|ing|s)?|challeng(?:e|es|ed|ing)|hit(?:s|ting)? back|push(?:ed|ing)? back|fought back|slammed|condemn\w*|criticis\w*|branded|neutrali[sz]\w*)\b(?:\s+[\w'’,-]+){0,8}?\s+(?:claims?|arguments?|suggestions?|reports?|the idea|the notion|accusations?|allegations?|comments?|remarks?|rumou?rs?|assertions?|narratives?|headlines?|stories|insinuations?|implications?)\b`,
    String.raw`\b(?:any|the)\s+(?:implication|suggestion|insinuation|inference|idea|notion)\s+that\b`,
  ].join('|'),
  'i',
);

/** Cues after the claim that call it false: "… is untrue", "… 'could not be farther from the truth'", "but data show". */
const REBUT_AFTER = new RegExp(
  [
    String.raw`\b(?:is|was|are|were|has been|have been|remains|seems)\s+(?:simply\s+|completely\s+|totally\s+|just\s+|patently\s+|demonstrably\s+|plainly\s+|clearly\s+|utterly\s+|badly\s+|entirely\s+|both\s+)?['‘’"“]?(?:untrue|false|wrong|nonsense|a myth|not true|not the case|incorrect|inaccurate|misleading|baseless|unfounded|an insult|insulting|rubbish|a lie|lies|fiction|a fiction|absurd|ridiculous|mistaken|a falsehood|unhelpful and unnecessary|unfair|an affront|an insult to)\b`,
    String.raw`\bcould(?:n['’]t| not)\s+be\s+(?:farther|further)\s+from\s+the\s+truth\b`,
    String.raw`\b(?:is|was|are|were)\s+(?:just\s+|simply\s+|only\s+)?based\s+on\s+(?:the\s+)?(?:\w+\s+)?(?:ignorance|myths?|falsehoods?|misunderstanding)\b`,
    String.raw`\b(?:has|have|had)\s+been\s+(?:debunked|disproved|refuted|rebutted)\b`,
    String.raw`\b(?:but|yet|however|when in fact|in fact|whereas)\b[^.;]{0,60}?\b(?:data|figures|statistics|evidence|records?|numbers)\s+(?:show|shows|showed|suggest|suggests|reveal|reveals|revealed|prove|proves|proved|indicate|indicates|confirm|confirms|tell)\b`,
    String.raw`\bdespite\s+(?:[\w'’-]+\s+){0,6}?(?:\d|half|millions?|billions?|record|the fact|figures|data|statistics|evidence|most practices|the majority)`,
  ].join('|'),
  'i',
);

/** A following sentence that refutes the one before: "That is simply untrue." */
const REBUT_NEXT = /^['‘’"“]?(?:(?:but\s+)?(?:this|that|it|which)(?:['’]s|\s+is|\s+was)\s+(?:simply\s+|just\s+|completely\s+|patently\s+|also\s+)?(?:not true|untrue|false|wrong|a myth|nonsense|not the case|incorrect|misleading|rubbish)|(?:this|that|it)\s+(?:really\s+|just\s+)?(?:wound me up|infuriated me|angered me|made me (?:so\s+)?(?:angry|furious|cross)|made my blood boil)|(?:not so|nonsense|wrong|untrue|false)[.!]|(?:in fact|in reality),\s|(?:nothing|none of (?:this|that|it))\s+could\s+be\s+(?:further|farther)\s+from\s+the\s+truth)/i;

/**
 * A complaint about what someone said, before the claim it names: "disheartening … to read articles
 * which have suggested that…", "undermined … a public rebuke which also inferred that…", "in
 * response to an article claiming that…". With attribution, the claim is named to answer it.
 */
const COMPLAINT_BEFORE = /\b(?:outraged|incensed|infuriated|negative media|disheartening|disappointing|disappointed|dismay(?:ed|ing)?|demorali[sz](?:ing|ed)|sadden(?:ed|ing|s)?|appall(?:ed|ing)|insult(?:ing|ed)?|offensive|hurtful|upsetting|unfair(?:ly)?|unjust(?:ly)?|wrongly|undermin(?:e|ed|es|ing)|rebuke[sd]?|scapegoat\w*|vilif\w*|denigrat\w*|demoni[sz]\w*|in (?:response|reply) to|respond(?:s|ed|ing)? to|barrage|bashing|onslaught|deluge|torrent|smear campaign|witch-?hunt)\b/i;

/** The same complaint after the claim: "Accusations of general practice being closed 'extremely damaging'". */
const COMPLAINT_AFTER = /^\W*(?:\s*(?:is|are|was|were|has been|have been|being)\b)?\s*['‘’"“]?(?:(?:extremely|deeply|hugely|very|so|incredibly|utterly|completely|totally|really)\s+)?(?:damaging|demorali[sz]ing|hurtful|insulting|offensive|disheartening|upsetting|unfair|unjust|an insult|a slur|a smear)\b|^\W*(?:which|that)\s+(?:only\s+)?(?:undermines?|erodes?|damages?)\b|\bmistakenly\b/i;

/**
 * A sentence before an attributed belief that calls the belief confusion: "Patients are getting
 * really confused by the mixed messaging. Many think surgeries are closed."
 */
const CONFUSION_PREV = /\b(?:confus(?:ed|ing|ion)|mixed messag\w*|misconceptions?|misunderst\w*|misinform\w*|misled|misleading)\b/i;

/** Attribution: someone says, claims, reports, believes or implies it. */
const REPORTED = /\b(?:say|says|said|saying|claim|claims|claimed|claiming|alleg(?:e|es|ed|ing|ation|ations)|argu(?:e|es|ed|ing)|complain(?:s|ed|ing)?|insist(?:s|ed|ing)?|suggest(?:s|ed|ing|ion|ions)?|report(?:s|ed|ing)?|reportedly|write|writes|wrote|written|told|tell|tells|warn(?:s|ed|ing)?|believ(?:e|es|ed|ing)|think|thinks|thought|fear(?:s|ed)?|infer(?:s|red|ring)?|impl(?:y|ies|ied|ying|ication)|insinuat\w*|accus(?:e|es|ed|ing|ation|ations)|assert(?:s|ed|ing)?|maintain(?:s|ed)?|according to|perceiv(?:e|es|ed|ing)|perceptions?|impressions?|describ(?:e|es|ed|ing)|heard|rumou?rs?|tweet(?:s|ed)?|post(?:s|ed)|headlines?|critics?|campaigners?|stories|narratives?|accounts?|revealed|admitted|concede[sd]?|found|media|press|coverage|jibes?|attacks?|rais(?:e|es|ed|ing) concerns?|concerns? (?:that|about)|asked|asks|articles?|columns?|columnists?|entitled|titled)\b/i;

export interface StanceContext {
  /** The whole sentence. */
  sentence: string;
  /** Where the matched words sit in `sentence`. */
  from: number;
  to: number;
  /** The matched words lie inside quoted speech longer than a few words. */
  quoted: boolean;
  /** The sentence that follows in the same paragraph, if any. */
  next?: string;
  /** The sentence before it in the same paragraph, if any. */
  prev?: string;
  /** The pattern states the opposite of the claim, or a negator sits inside it. */
  negated: boolean;
}

export function stanceOf(c: StanceContext): Stance {
  if (c.negated) return 'negated';
  const before = c.sentence.slice(0, c.from);
  const after = c.sentence.slice(c.to);
  if (REBUT_BEFORE.test(before) || REBUT_AFTER.test(after) || (c.next !== undefined && REBUT_NEXT.test(c.next.trim()))) {
    return 'rebutted';
  }
  // Attribution anywhere in the sentence, the matched words included ("GPs have been accused of…").
  if (c.quoted || REPORTED.test(c.sentence)) return COMPLAINT_BEFORE.test(before) || COMPLAINT_AFTER.test(after) || (c.prev !== undefined && CONFUSION_PREV.test(c.prev)) ? 'rebutted' : 'reported';
  return 'asserted';
}

/**
 * The stance rules as named cues over a whole sentence, for the learned decision to weigh
 * (lib/claims/features.ts): which of the rules above would fire, with no claim position known.
 */
export function stanceCues(sentence: string, prev: string | undefined, next: string | undefined): string[] {
  const cues: string[] = [];
  if (REBUT_BEFORE.test(sentence)) cues.push('rebut-before');
  if (REBUT_AFTER.test(sentence)) cues.push('rebut-after');
  if (next !== undefined && REBUT_NEXT.test(next.trim())) cues.push('rebut-next');
  if (COMPLAINT_BEFORE.test(sentence)) cues.push('complaint');
  if (prev !== undefined && CONFUSION_PREV.test(prev)) cues.push('confusion-prev');
  if (REPORTED.test(sentence)) cues.push('reported');
  return cues;
}
