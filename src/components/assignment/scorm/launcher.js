// The SCO of a Glassbox assignment package (SCORM 1.2). It runs inside the LMS,
// finds the LMS's API the way SCORM 1.2 says (the nearest window up the parent
// chain, then the opener's, that has an object named API), hands it to
// scorm-again's CrossFrameLMS, and opens the assignment on the book's site in a
// frame; the book's page makes its SCORM calls through scorm-again's
// CrossFrameAPI. Filled in by the book when it makes the package: the book's
// origin, the assignment's address and the words it shows, all in the edition
// of the builder that made it (src/i18n/ui/scorm.ts).
import { CrossFrameLMS } from './cross-frame-lms.js';

const BOOK_ORIGIN = '__BOOK_ORIGIN__';
const ASSIGNMENT = '__ASSIGNMENT_URL__';
const WORDS = '__WORDS__';

function findApi(start) {
  for (let win = start, hops = 0; win && hops < 8; hops += 1) {
    if (win.API) return win.API;
    if (win.parent === win) break;
    win = win.parent;
  }
  return null;
}

const api = findApi(window.parent !== window ? window.parent : null) || (window.opener ? findApi(window.opener) : null);
const frame = document.getElementById('book');
if (!api) {
  document.getElementById('status').textContent = WORDS.noLms;
  frame.src = ASSIGNMENT;
} else {
  new CrossFrameLMS(api, BOOK_ORIGIN);
  frame.src = `${ASSIGNMENT}&lms=scorm12&lmsOrigin=${encodeURIComponent(window.location.origin)}`;
}
