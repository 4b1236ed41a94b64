/**
 * Stance, table-driven: each row is one sentence, the claim it must (or must not) be found as, and
 * the stance. Rows marked "none" must produce no claim at all.
 */
import { describe, expect, it } from 'vitest';
import { createEngine } from '@/lib/claims/engine';
import type { Stance } from '@/lib/model/scan';

const engine = createEngine();
type Row = [sentence: string, claimId: string | 'none', stance?: Stance];

const rows: Row[] = [
  // asserted
  ['GP surgeries were closed during the pandemic.', 'practices-closed', 'asserted'],
  ['GPs have been hiding behind their screens for too long.', 'no-face-to-face', 'asserted'],
  ['Why ARE GPs STILL refusing to see patients face-to-face?', 'no-face-to-face', 'asserted'],
  ['Patients are being forced to go to A&E because they can’t get an appointment with their GP.', 'cannot-see-gp', 'asserted'],
  ['Face-to-face appointments have collapsed since the pandemic began.', 'face-to-face-collapsed', 'asserted'],
  ['Lazy GPs have had a good pandemic.', 'gps-doing-less', 'asserted'],
  ['Surgeries have been ‘closed’ to patients for months.', 'practices-closed', 'asserted'],
  ['It is almost impossible to see a GP in person these days.', 'cannot-see-gp', 'asserted'],
  ['Many practices now work remote by default, and GPs rarely see anyone.', 'no-face-to-face', 'asserted'],
  ['GP surgeries are offering hardly any face-to-face appointments.', 'face-to-face-collapsed', 'asserted'],
  ['Patients say their practices offer virtually no in-person appointments now.', 'face-to-face-collapsed', 'reported'],
  ['GP surgeries shut up shop during the first lockdown.', 'practices-closed', 'asserted'],
  // Wordings found missed on unseen pages.
  ['The near-impossibility of getting a face-to-face appointment with a GP is a scandal.', 'cannot-see-gp', 'asserted'],
  ['But while schools have long been back, GPs have retreated behind their laptops never to be seen again.', 'no-face-to-face', 'asserted'],
  ['People aren’t able to get in-person appointments with their GP.', 'cannot-see-gp', 'asserted'],
  ['A&E is full because people were unable to see their GPs.', 'cannot-see-gp', 'asserted'],
  ['Nobody dares admit that GPs aren’t working.', 'gps-doing-less', 'asserted'],
  ['GPs aren’t working weekends this summer.', 'none'],
  ['A practice with seven doctors and yet they do everything in their power to avoid seeing you in person.', 'no-face-to-face', 'asserted'],
  ['Many GP practices have gone remote-first since the pandemic.', 'no-face-to-face', 'asserted'],
  // A rule described is not the claim that GPs refuse.
  ['Practices failing to comply face consequences. The message is clear: remote first, face-to-face only when necessary.', 'none'],
  // A complaint without attribution is the writer's own statement.
  ['It is disheartening that GP surgeries were closed during the pandemic.', 'practices-closed', 'asserted'],
  ['GP surgeries have been closed to patients for months, and if you are ill you must ring 111.', 'practices-closed', 'asserted'],
  ['In 2020 practices were closed during the pandemic.', 'practices-closed', 'asserted'],
  ['Since 2015, millions are unable to get an appointment with a GP.', 'cannot-see-gp', 'asserted'],
  // reported
  ['Critics say surgeries shut their doors to patients during lockdown.', 'practices-closed', 'reported'],
  ['A newspaper claimed that GP practices were closed throughout the lockdown.', 'practices-closed', 'reported'],
  ['The letter also inferred that surgeries had been closed to face-to-face appointments.', 'practices-closed', 'reported'],
  ['Campaigners argue that family doctors are refusing to see patients face to face.', 'no-face-to-face', 'reported'],
  ['“The Conservatives have cut 2,000 GPs since 2015, leaving millions unable to get an appointment at all,” he said.', 'cannot-see-gp', 'reported'],
  ['‘GP surgeries have been shut to patients since March and nobody will tell us when they open,’ said one campaigner.', 'practices-closed', 'reported'],
  ['GPs have been facing a barrage of negative media attention for being closed.', 'practices-closed', 'reported'],
  ['GPs have been accused of hiding behind their receptionists.', 'no-face-to-face', 'reported'],
  ['A columnist asked why GPs are ‘still using Covid as an excuse not to see patients’.', 'no-face-to-face', 'reported'],
  ['She claimed that ‘GPs seem to have unilaterally decided they don’t want to see patients anymore’.', 'no-face-to-face', 'reported'],
  ['She also raised concerns about the strain on emergency services because people were unable to see their GPs.', 'cannot-see-gp', 'reported'],
  // rebutted
  ['Many patients seem to be under the impression that GPs are not pulling their weight during the pandemic.', 'gps-doing-less', 'rebutted'],
  ['The truth has been somewhat twisted giving the narrative that it is down to GPs being lazy or avoiding work.', 'gps-doing-less', 'rebutted'],
  ['The constant barrage of messages claiming general practice is closed will always penetrate the public consciousness.', 'practices-closed', 'rebutted'],
  ['GPs are working flat-out, most of us twelve hours a day, and yet people are still saying that GPs are lazy.', 'gps-doing-less', 'negated'],
  ['We would like to express how disheartening it has been to read articles which have suggested that GP surgeries have been ‘virtually sealed shut’ throughout the pandemic.', 'practices-closed', 'rebutted'],
  ['Professor Marshall wrote to the paper in response to an article claiming that GPs are refusing to see patients face to face.', 'no-face-to-face', 'rebutted'],
  ['Their efforts were undermined by a public rebuke which also inferred that surgeries had been closed to face-to-face appointments.', 'practices-closed', 'rebutted'],
  ['BMA: Accusations of general practice being closed ‘extremely damaging’ to practice managers', 'practices-closed', 'rebutted'],
  ['It is not true that practices closed during the pandemic.', 'practices-closed', 'rebutted'],
  ['Practices were closed during the pandemic, he claimed, but data show they delivered millions of appointments.', 'practices-closed', 'rebutted'],
  ['They peddled the myth of closed surgeries during the pandemic.', 'practices-closed', 'rebutted'],
  ['The guidance pandered to a false narrative in parts of the media that general practice had been ‘closed’ during the pandemic.', 'practices-closed', 'rebutted'],
  ["He said the claim that practices had been closed through the pandemic 'could not be farther from the truth'.", 'practices-closed', 'rebutted'],
  ['The claim that GP surgeries were shut during lockdown is untrue.', 'practices-closed', 'rebutted'],
  ['GPs hit back at claims practices are ‘not reopening until March’', 'practices-closed', 'rebutted'],
  ['General practice had been closed, critics said, despite half of all appointments being delivered in person.', 'practices-closed', 'rebutted'],
  ['Any implication that practices had not been doing their job properly is an insult to GPs.', 'gps-doing-less', 'rebutted'],
  ['Contrary to reports that GPs are hiding behind their phones, most see patients daily.', 'no-face-to-face', 'rebutted'],
  ['Dr Buist said the figures should end the erroneous and in some cases pernicious suggestions that access problems are down to GPs somehow not working hard enough.', 'gps-doing-less', 'rebutted'],
  ["The chairman's jibe about GPs being ‘out playing golf’ is just based on the crass ignorance of an individual.", 'gps-doing-less', 'rebutted'],
  ['This does not mean practices have stopped face-to-face appointments.', 'no-face-to-face', 'rebutted'],
  ['The figures prove wrong the accusations that GPs are not seeing patients.', 'no-face-to-face', 'rebutted'],
  ['Any inference that in-person consultations were put on hold is an affront to GPs.', 'no-face-to-face', 'rebutted'],
  ['The false narrative that general practice is not open to patients is extremely damaging.', 'practices-closed', 'rebutted'],
  ['Ms Pearson’s inaccurate suggestion that GPs are “hiding” despite NHS data confirming they are providing more consultations than ever before.', 'no-face-to-face', 'rebutted'],
  // negated
  ['Practices never closed during the pandemic.', 'practices-closed', 'negated'],
  ['Surgeries remained open throughout the pandemic.', 'practices-closed', 'negated'],
  ['GP surgeries were not closed at any point in the lockdown.', 'practices-closed', 'negated'],
  ['General practice is open and has been throughout the pandemic.', 'practices-closed', 'negated'],
  ['GPs have never refused to see patients face to face.', 'no-face-to-face', 'negated'],
  ['Clinicians are delivering face-to-face appointments every day.', 'no-face-to-face', 'negated'],
  ['GPs are working harder than ever before.', 'gps-doing-less', 'negated'],
  // not the claim: a keyword alone, someone else's practices, some practices, figures, questions, permanent closures
  ['Were GP surgeries closed during the pandemic?', 'none'],
  ['Practices', 'none'],
  ['The surgery closed at 6pm.', 'none'],
  // One surgery is local news, not the claim about general practice.
  ['‘Our surgery has been shut to patients since March,’ said one reader.', 'none'],
  ['Dental practices were closed during the first lockdown.', 'none'],
  ['Veterinary practices are to close their doors to routine appointments.', 'none'],
  ['Shops and schools were closed during lockdown.', 'none'],
  ['Law practices shut their offices and worked from home.', 'none'],
  ['Some practices had all but shut up shop, readers told us.', 'none'],
  ['A total of 99 GP surgeries closed or merged in 2019 across the UK.', 'none'],
  ['Almost 100 surgeries were forced to close last year.', 'none'],
  ['More than one in four surgeries were closing their doors for one afternoon a week.', 'none'],
  ['GP surgeries are closed to new patients.', 'none'],
  // A subject narrowed by a relative clause names some, not all.
  ['Time to turn the heat up on GPs who won’t see us face to face.', 'none'],
  ['GP surgeries are not open on Sundays.', 'none'],
  ['GPs are not seeing patients with minor ailments in person.', 'none'],
  ['Three GP surgeries were closed for deep cleaning after staff tested positive.', 'none'],
  ['During the pandemic, practices closed the gap on vaccination targets.', 'none'],
  ['Practices will close if funding is not restored.', 'none'],
  ['Face-to-face appointments plummeted from 21.7 to 7.7 million.', 'none'],
  ['We know that some patients are frustrated at being unable to get a face-to-face appointment when they would prefer one.', 'none'],
  ['Patients who have been unable to access their GP were invited to write in.', 'none'],
  ['The BMA dropped the option of seeing patients face to face as a default.', 'none'],
  ['Elective surgeries were shut down in April.', 'none'],
  ['GPs should offer face-to-face appointments to all patients who want them.', 'none'],
  // A hedge, a question put to someone, or a "when" clause is not a statement of fact.
  ['It is possible that, in some practices, defaulting to remote appointments was a temporary and necessary measure during the pandemic.', 'none'],
  ['Asked if some patients were right in believing they had received worse care because of being denied face-to-face appointments, the doctors’ union representative said: ‘No, I don’t think that.’', 'none'],
  ['We understand patients’ distress and frustrations when they are unable to get a GP appointment, but the blame must not be put onto hard-working GPs.', 'none'],
  ['Too many GP surgeries still have their shutters firmly down.', 'practices-closed', 'asserted'],
  ['It’s nigh on impossible to have a face to face consultation with a GP.', 'cannot-see-gp', 'asserted'],
  ['The possibility of a face to face consultation appears to be non-existent.', 'face-to-face-collapsed', 'asserted'],
  ['Images of GP practices’ gates literally chained shut during the pandemic will linger long in the memory.', 'practices-closed', 'asserted'],
  ['The surgery’s gates were locked shut for the bank holiday.', 'none'],
  ['I am receiving a very small, but increasing number of constituents writing to me frustrated that they are unable to secure appointments with their GPs for face to face consultations.', 'none'],
  // A survey share is a figure, not the claim.
  ['On the downside, one in ten patients (11.3 percent) saying they weren’t able to get an appointment with a GP.', 'none'],
  // A condition, an intent or a duty is not a statement of fact; advice against a default is not the claim.
  ['Because if patients can’t get an appointment with their GP, they end up in A&E.', 'none'],
  ['Despite all this, GPs are threatening to do even less work.', 'none'],
  ['GPs warned NOT to default to virtual consultations', 'none'],
  // A year is a date, not a count of the subject; closures over years are not the pandemic claim.
  ['Practices are shutting up shop across the country, leaving people to travel miles to be seen, and GPs overburdened.', 'none'],
  ['By 2021, 40 practices were closed during the pandemic.', 'none'],
  // Outrage at who said it, a perception said to undermine confidence, a belief called mistaken: named to answer it.
  ['sir – I was outraged by Clive Hilton (Letters, October 5) suggesting doctors had time on their hands to write letters.', 'gps-doing-less', 'rebutted'],
  ['There are 20,000 face-to-face appointments every day, but there is still a perception that ‘you cannot get an appointment’, which undermines public confidence in general practice.', 'cannot-see-gp', 'rebutted'],
  ['A negative media has encouraged some to think that GPs are not doing their job properly, mistakenly imagining that we have the capacity.', 'gps-doing-less', 'rebutted'],
  // A minister's policy is not what GPs do; a share of callers in words is a figure.
  ['UK health secretary: GP consultation should be remote by default', 'none'],
  ['A third of callers can’t get through to their GP surgery', 'none'],
  ['Less than half say that they always see their preferred GP and nearly a third struggle to get through on the phone to book appointments.', 'none'],
  // "hardly any" must govern face-to-face care, not anything else GPs have little of.
  ['GPs had hardly any time for paperwork during the pandemic.', 'none'],
  ['Doctors said there was virtually no PPE in surgeries in March.', 'none'],
];

describe('stance of a claim in one sentence', () => {
  it.each(rows)('%s → %s %s', (sentence, claimId, stance) => {
    const found = engine.findClaims(sentence);
    if (claimId === 'none') {
      expect(found).toEqual([]);
      return;
    }
    expect(found.map((c) => [c.claimId, c.stance])).toEqual([[claimId, stance]]);
    expect(found[0]!.highlight).toBe(stance === 'asserted' || stance === 'reported');
  });
});

describe('stance across sentences', () => {
  it('a following sentence that calls the claim untrue makes it rebutted', () => {
    const [c] = engine.findClaims('Practices were closed for months during the pandemic. That is simply untrue.');
    expect(c?.stance).toBe('rebutted');
  });

  it('a reaction in the next sentence ("This really wound me up!") makes a quoted claim rebutted', () => {
    const [c] = engine.findClaims('“Lazy GPs are using Covid-19 as an excuse to not see us,” said readers of a broadsheet. This really wound me up!');
    expect(c).toMatchObject({ claimId: 'gps-doing-less', stance: 'rebutted', highlight: false });
  });

  it('a next sentence opening "In fact," answers the claim before it', () => {
    const [c] = engine.findClaims('Critics say GPs are not pulling their weight during the pandemic. In fact, there have been a million more consultations.');
    expect(c).toMatchObject({ claimId: 'gps-doing-less', stance: 'rebutted', highlight: false });
  });

  it('a belief reported after a sentence that calls it confusion is rebutted', () => {
    const found = engine.findClaims('Patients are getting really confused by the mixed messaging. Many think surgeries are closed.');
    expect(found.map((c) => [c.claimId, c.stance])).toEqual([['practices-closed', 'rebutted']]);
  });

  it('"at a time when" states the claim; it is not a condition', () => {
    const [c] = engine.findClaims('This comes at a time when so many surgeries appear to have locked their doors to patients.');
    expect(c).toMatchObject({ claimId: 'practices-closed', stance: 'asserted', highlight: true });
  });

  it('the refutation in the next paragraph does not reach back', () => {
    const [c] = engine.findClaims('Practices were closed for months during the pandemic.\nThat is simply untrue.');
    expect(c?.stance).toBe('asserted');
  });

  it('a long quotation carried over paragraphs is reported speech', () => {
    const text = "Dr Smith said: 'The pressure has been enormous.\n'Our surgeries were closed to walk-in patients during lockdown, and everybody knew it.'";
    const [c] = engine.findClaims(text);
    expect(c?.stance).toBe('reported');
  });

  it('scare quotes round one word are not speech', () => {
    const [c] = engine.findClaims("Surgeries were 'closed' during the pandemic.");
    expect(c?.stance).toBe('asserted');
  });
});

describe('the learned decision beside the phrase patterns', () => {
  it('adds another kind to a sentence whose closure a pattern found', () => {
    const found = engine.findClaims('Surgeries have been virtually shut since the Covid crisis began, with many doctors preferring to diagnose patients by phone.');
    expect(found.map((c) => [c.claimId, c.stance, c.highlight])).toEqual([
      ['practices-closed', 'asserted', true],
      ['no-face-to-face', 'asserted', true],
    ]);
  });

  it('adds nothing where a pattern read the sentence as a rebuttal', () => {
    const found = engine.findClaims('sir – I was outraged by Clive Hilton (Letters, October 5) suggesting doctors had time on their hands to write letters.');
    expect(found.every((c) => !c.highlight)).toBe(true);
  });
});
