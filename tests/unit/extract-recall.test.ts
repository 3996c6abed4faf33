/**
 * Issue 16: recall on ordinary articles without letting related lists in. A list item that says
 * something around its link is article text; a bare link with a date is a related list.
 */
import { expect, it } from 'vitest';
import { extractArticle } from '../../main/services/extract/extract';

const PROSE =
  '<p>This week the team landed a long list of fixes, and several new contributors joined the effort with their first patches.</p>' +
  '<p>Thanks to everyone who helped test the nightly builds, filed bugs, and reviewed the changes described below in detail.</p>';

it('keeps list items with words around their links, drops a related list of bare links with dates', () => {
  const html = `<!doctype html><html><head><title>Weekly notes</title></head><body>
    <article><h1>Weekly notes</h1><div class="entry-content">${PROSE}
      <ul><li>mconley <a href="/b/1">re-enabled the startup test</a></li>
          <li>Ankush fixed <a href="/b/2">an issue with revoked permissions</a></li></ul>
      ${PROSE}
      <ul><li><a href="/n/1">Another post about something else</a> 2024-03-05</li>
          <li><a href="/n/2">Yet another post from last month</a> 2024-02-11</li></ul>
    </div></article></body></html>`;
  const a = extractArticle(html, 'http://blog.example.org/weekly.html');
  expect(a.paragraphs).toContain('mconley re-enabled the startup test');
  expect(a.paragraphs).toContain('Ankush fixed an issue with revoked permissions');
  expect(a.text).not.toContain('Another post about something else');
  expect(a.text).not.toContain('Yet another post');
});
