import { describe, expect, it } from 'vitest';
import { citation } from '@/components/citation';
import { ev } from '../model/evidence-fixtures';

describe('citation', () => {
  it('keeps Markdown characters in a title from making a link or emphasis of their own', () => {
    const e = ev('e1');
    const md = citation({ ...e, source: { ...e.source, title: 'GPs [and] *nurses*', url: 'https://example.org/a (1)' } }, 'markdown');
    expect(md).toContain('[GPs \\[and\\] \\*nurses\\*](https://example.org/a%20%281%29)');
    expect(citation({ ...e, source: { ...e.source, title: 'GPs [and] *nurses*' } }, 'text')).toContain('Source: GPs [and] *nurses*, ');
  });
});
