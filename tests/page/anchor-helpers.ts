import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The clips test page: a real GPonline report (tests/fixtures/clips/gp-vote.html). */
export const GP_VOTE_HTML = readFileSync(resolve(__dirname, '../fixtures/clips/gp-vote.html'), 'utf8');

/** The report's paragraphs and headings, as the page prints them. */
export function gpVoteParagraphs(): string[] {
  const doc = new DOMParser().parseFromString(GP_VOTE_HTML, 'text/html');
  return [...doc.querySelectorAll('article h1, article h2, article p')].map((el) => el.textContent ?? '');
}

/** Loads the report's <body> into the test document and returns its root. */
export function loadGpVote(): HTMLElement {
  const doc = new DOMParser().parseFromString(GP_VOTE_HTML, 'text/html');
  document.title = doc.title;
  document.body.innerHTML = doc.body.innerHTML;
  return document.body;
}
