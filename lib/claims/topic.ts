/**
 * Is this page about GP access or NHS England GP policy? An explainable score from counted terms:
 * GP terms carry the decision, access terms and an NHS/UK setting support it, and pages whose
 * vocabulary belongs to a neighbour (dentists, vets, lawyers, shops, schools, US primary care)
 * are pulled down. Each part of the score is listed in `signals`.
 */

export interface TopicResult {
  onTopic: boolean;
  /** 0–1, two decimals. */
  score: number;
  signals: string[];
}

// "GP" is matched case-sensitively: "gp" in running text is rarely the doctor.
const GP_TERMS = /\bGPs?\b|\bGPS['’]|\bGP['’]s\b|\b[Gg]eneral [Pp]ractic(?:e|es|es['’]|tioners?)\b|\b[Ff]amily (?:doctors?|GPs?)\b|\b[Dd]octor(?:s|['’]s|s['’])? surger(?:y|ies)\b|\bRCGP\b|\bGPC\b|\bLMCs?\b|\bPCNs?\b|\b[Pp]rimary [Cc]are [Nn]etworks?\b|\bRoyal College of (?:GPs|General Practitioners)\b|\b[A-Z][\w'’-]+ (?:Medical (?:Centre|Practice)|Health Centre|Surgery)\b|\bprimary medical services\b|\bcollective action\b(?=[^.]{0,200}\b(?:BMA|GPs?|practices?)\b)/g;
const DOCTOR_TERMS = /\b[Dd]octor(?:s|['’]s|s['’])?\b/g;
const ACCESS_TERMS = /\bface[- ]to[- ]face\b|\bin[- ]person\b|\bappointments?\b|\bconsultations?\b|\btriage\b|\bsurger(?:y|ies)\b|\bpractices?\b|\breceptionists?\b|\b8am\b|\bwaiting rooms?\b|\baccess\b/gi;
const UK_TERMS = /\bNHS\b|\bBMA\b|\bNHSE(?:I)?\b|\bCCGs?\b|\bICBs?\b|\bCQC\b|\bQOF\b|\b[Hh]ealth [Ss]ecretary\b|\bDepartment of Health\b|\bWhitehall\b|\bWestminster\b|\bHolyrood\b|\bSenedd\b|\bStormont\b|\bEngland\b|\bEnglish\b|\bBritain\b|\bBritish\b(?! Columbia)|\bUK\b|\bScotland\b|\bWales\b(?!, Australia)|\bNorthern Ireland\b/g;
/**
 * Another country's health system. A page whose words place it abroad far more often than in the
 * UK is not about NHS general practice, even with a stray UK word ("moved back to England", an
 * Irish "Department of Health").
 */
const ELSEWHERE = /\bMedicare\b|\bMedicaid\b|\bAmericans?\b|\bUnited States\b|\bU\.S\.|\bHSE\b|\b(?<!Northern )Ireland\b|\bIrish\b|\bTaoiseach\b|\bDáil\b|\bSláintecare\b|\bESRI\b|\b(?:Dublin|Cork|Galway|Limerick|Donegal|Tipperary|Wexford|Wicklow|Kilkenny|Waterford|Sligo|Leitrim|Roscommon|Offaly|Laois|Kildare)\b|\bAustralia\w*|\bNew South Wales\b|\bQueensland\b|\bVictoria(?:n)?\b(?= (?:government|premier|health))|\bNew Zealand\b|\b(?:Canberra|Sydney|Melbourne|Brisbane|Adelaide|Hobart|Auckland|Toronto|Vancouver|Montreal|Ottawa)\b|\bCanad\w+|\bOntario\b|\bQuebec\b|\bAlberta\b|\bBritish Columbia\b|\bIndia\b/g;

const NEIGHBOURS: ReadonlyArray<[string, RegExp]> = [
  ['dental', /\bdent(?:al|ists?|istry)\b|\borthodont\w*/gi],
  ['veterinary', /\bvet(?:s|erinary)?\b|\bpets?\b|\banimals?\b|\bRCVS\b|\bBVA\b/gi],
  ['legal', /\blaw (?:firms?|offices?|practices?|centres?)\b|\blawyers?\b|\bsolicitors?\b|\battorneys?\b|\blitigat\w*/gi],
  ['us-health', /\bMedicare\b|\bMedicaid\b|\bPCPs?\b|\bprimary[- ]care (?:physicians?|providers?|clinicians?|doctors?|offices?)\b|\bAmericans?\b|\bUnited States\b|\bU\.S\.|\bhealth insurance\b|\binsurers?\b|\bconcierge\b/g],
  ['schools', /\bschools?\b|\bpupils?\b|\bteachers?\b|\bclassrooms?\b|\bOfsted\b|\bGCSEs?\b/gi],
  ['retail', /\bshops?\b|\bretail(?:ers?)?\b|\bstores?\b|\bhigh street\b|\bshoppers?\b/gi],
  // "GP" is also a Grand Prix.
  ['motorsport', /\bGrand Prix\b|\bF1\b|\bFormula (?:1|One)\b|\bMotoGP\b|\bqualifying\b|\bpole(?: position)?\b|\blaps?\b|\bpodium\b|\bcircuit\b|\bgrid\b|\bdrivers?\b|\btyres?\b|\bpit ?lane\b/gi],
  ['hospital', /\bwaiting lists?\b|\belective\b|\bA&E\b|\bhospital trusts?\b|\bconsultant-led\b|\boperations\b/gi],
];

const count = (re: RegExp, s: string, cap = 1000): number => {
  re.lastIndex = 0;
  let n = 0;
  while (n < cap && re.exec(s) !== null) n++;
  return n;
};

const round2 = (x: number) => Math.round(x * 100) / 100;

/** `host`: the page's host name; an outlet under .uk (or .scot, .wales, .cymru) is a UK setting. */
export function topicOf(title: string, body: string, host: string | null = null): TopicResult {
  // Long pages: the opening carries the topic; counting the whole of a 5 MB page gains nothing.
  const text = body.length > 60_000 ? body.slice(0, 60_000) : body;
  const access = count(ACCESS_TERMS, text);
  const ukHost = host !== null && /\.(?:uk|scot|wales|cymru)$/i.test(host);
  const uk = count(UK_TERMS, text) + count(UK_TERMS, title) + (ukHost ? 1 : 0);
  // "How hard can it be to book a doctor's?": in the UK, with access words all around, "doctor"
  // is the family doctor; two of them count as one GP term.
  const doctors = uk > 0 && access >= 6 ? Math.floor(count(DOCTOR_TERMS, `${title}\n${text}`, 12) / 2) : 0;
  const gp = count(GP_TERMS, text) + doctors;
  // "Why are doctors still hiding behind Zoom screens?": doctors in the headline of a page about GPs.
  const titleGp = count(GP_TERMS, title, 1) > 0 || /\bface[- ]to[- ]face\b/i.test(title) || (gp >= 3 && /\bdoctors?['’]?\b/i.test(title));

  let neighbour = '';
  let neighbourRe: RegExp | null = null;
  let neighbourCount = 0;
  for (const [name, re] of NEIGHBOURS) {
    const n = count(re, text);
    if (n > neighbourCount) {
      neighbour = name;
      neighbourRe = re;
      neighbourCount = n;
    }
  }
  // "Two village surgeries closed after staff catch coronavirus": in the UK, with no other trade's
  // words on the page, surgeries in the headline are GP surgeries.
  const titleSurgeries = !titleGp && neighbourCount === 0 && uk > 0 && /\bsurger(?:y|ies)\b/i.test(title);

  const signals: string[] = [`topic:gp-terms=${gp}`, `topic:access-terms=${access}`];
  // Count or density: a short piece that is all about GPs scores as well as a long one.
  const words = Math.max(1, text.split(/\s+/).length);
  const perThousand = (n: number) => (n * 1000) / words;
  let score = 0.5 * Math.min(1, Math.max(gp / 6, perThousand(gp) / 15)) + 0.15 * Math.min(1, Math.max(access / 8, perThousand(access) / 20));
  if (titleGp || titleSurgeries) {
    score += 0.2;
    signals.push(titleGp ? 'topic:title' : 'topic:title-surgeries');
  }
  if (uk > 0) {
    score += 0.15;
    signals.push(ukHost ? `topic:nhs-uk=${uk}(incl. .uk host)` : `topic:nhs-uk=${uk}`);
  }
  // A neighbour's vocabulary that rivals the GP terms means the page is about the neighbour.
  // A GP headline and a neighbour named no more often than GPs ("talk to their pharmacist or dentist"): an alternative
  // mentioned, not the subject.
  const asideOnly = titleGp && neighbourCount <= gp && neighbourRe !== null && count(neighbourRe, title) === 0;
  if (neighbourCount > 0 && neighbourCount >= gp / 2 && !asideOnly) {
    // As often as the GP terms is a comparison ("my dentist sees me, my GP won't"); more often, the page is the neighbour's.
    const penalty = neighbourCount > gp ? 0.5 : 0.25;
    score -= penalty;
    signals.push(`topic:${neighbour}-terms=${neighbourCount}`);
  }
  score = round2(Math.max(0, Math.min(1, score)));
  // A short local story about one surgery names GPs once or not at all beyond its headline.
  const enoughGp = gp >= 3 || (gp >= 2 && titleGp) || (gp >= 1 && (titleGp || titleSurgeries) && access >= 6);
  const abroadHost = host !== null && /\.(?:ie|au|ca|nz|in|us)$/i.test(host);
  // The words decide; a foreign host only adds weight (an Irish edition also runs UK explainers).
  const abroadWords = count(ELSEWHERE, text) + count(ELSEWHERE, title);
  const abroad = abroadWords + (abroadHost ? 1 : 0);
  const elsewhere = abroadWords > 0 && (uk === 0 || abroad >= 2 * uk) ? abroad : 0;
  const onTopic = score >= 0.55 && enoughGp && elsewhere === 0;
  if (!enoughGp) signals.push('topic:too-few-gp-terms');
  if (elsewhere > 0) signals.push(`topic:outside-uk=${elsewhere}`);
  signals.push(`topic:score=${score}`);
  return { onTopic, score, signals };
}
