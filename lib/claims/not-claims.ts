/**
 * Wordings that name a claim without making it (corpus/GUIDELINE.md, "Not claims"): a few named
 * rather than the profession, a subset ("GPs who…"), a condition, an intent or duty. The phrase
 * patterns and the learned decision both apply them.
 */

// Words just before a claim's subject that make it a few, not the profession: "some practices", "99 GP surgeries".
// A number ends in a digit ("2015," ends a clause, it counts nothing), and a year after a preposition
// ("since 2015 patients …") is a date.
export const HEDGE_BEFORE = /\b(?:some|a few|few|two|three|four|five|six|seven|eight|nine|ten|a dozen|dozens|a minority of|a small number of|a handful of|a number of|several|certain|one|one in \w+|(?<!\b(?:since|in|from|until|till|by|before|after|during|of)\s)\d(?:[\d,.]*\d)?\s*(?:%|per ?cent)?(?:\s+of)?|hundreds(?:\s+of)?|thousands(?:\s+of)?|dozens(?:\s+of)?|almost \d[\d,.]*|nearly \d[\d,.]*|over \d[\d,.]*|more than \d[\d,.]*)\s+(?:[\w'’-]+\s+){0,2}$/i;

// A pronoun subject ("they are unable to…") stands for a noun said before it: "a very small, but
// increasing number of constituents writing to me frustrated that they…" is some, not all.
export const PRONOUN_SUBJECT = /^(?:they|we|you)\b/i;
export const HEDGE_EARLIER = /\b(?:some|a few|a (?:very |tiny )?(?:small|handful|minority)\b|several|one in \w+|\d+(?:\.\d+)?\s*(?:%|per ?cent))/i;
export const RESTRICTED_SUBJECT = /^[\w'’‘-]+(?:\s+[\w'’‘-]+)?,?\s+(?:who|that|which|whose)\b/i;
// A condition or a purpose is not a statement of fact: "if patients can't get an appointment, they
// end up in A&E". Tested on the clause before the match.
// "at a time when so many surgeries appear to have locked their doors" states it: a time, not a condition.
export const CONDITION_BEFORE = /\b(?:if|unless|whether|(?<!\b(?:time|times|moment|period|year|days?)\s)when|whenever|lest|in case|so that|in order that)\b[^,;:.!?–—]*$/i;
// Intent, threat or duty in the words between subject and verb ("GPs are threatening to do even less
// work", "practices will close", "GPs must stop hiding"): what someone may do, not what they did.
export const INTENT_GAP = /\b(?:will|would|shall|should|must|could|(?:threat(?:en(?:s|ed|ing)?)?|plan(?:s|ned|ning)?|intend(?:s|ed|ing)?|set|going|about|want(?:s|ed)?|need(?:s|ed)?|ought|vow(?:s|ed)?|warn(?:s|ed)?|urg(?:e|es|ed)|told|asked)\s+to|['’]ll|['’]d)\b/i;
