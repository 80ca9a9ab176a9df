import { strToU8, zipSync } from 'fflate';
import crossFrameLms from 'scorm-again/cross-frame-lms/min?raw';
import launcher from './scorm/launcher.js?raw';
// scorm-again is MIT-licensed: its notice travels with the copy in every package (the package does not export the file).
import scormAgainLicence from '../../../node_modules/scorm-again/LICENSE?raw';
import { localizedPath, type Lang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/scorm.ts';
import type { Assignment } from './assignment.ts';

/**
 * A SCORM 1.2 package for an assignment, made in the TA's browser: a manifest,
 * a launch page, and scorm-again's CrossFrameLMS, which passes the book's
 * calls (made in a frame on the book's own site) to the LMS's API. The
 * package points at the book; it holds no lesson content. It speaks the
 * language of the builder that made it: the launch page's lang, the words the
 * launcher shows, and the edition of the assignment it opens. The manifest
 * holds no words but the TA's title; the licence stays as it was written.
 */
const xml = (text: string) => text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

function manifest(title: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="glassbox-assignment" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="glassbox">
    <organization identifier="glassbox">
      <title>${xml(title)}</title>
      <item identifier="assignment" identifierref="sco" isvisible="true">
        <title>${xml(title)}</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="sco" type="webcontent" adlcp:scormtype="sco" href="index.html">
      <file href="index.html"/>
      <file href="launcher.js"/>
      <file href="cross-frame-lms.js"/>
      <file href="cross-frame-lms.LICENSE.txt"/>
    </resource>
  </resources>
</manifest>
`;
}

function launchPage(title: string, lang: Lang): string {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${xml(title)}</title>
<style>html,body{margin:0;height:100%}iframe{border:0;width:100%;height:100%;display:block}#status:empty{display:none}#status{font:16px system-ui,sans-serif;margin:0;padding:8px 12px}</style>
<script type="module" src="launcher.js"></script>
</head>
<body>
<p id="status" role="status"></p>
<iframe id="book" title="${xml(title)}" allow="clipboard-write"></iframe>
</body>
</html>
`;
}

/** The launcher's words in one edition, as plain text (a string that wanted a {placeholder} throws here). */
function words(lang: Lang): Record<string, string> {
  const t = strings(lang);
  return Object.fromEntries(Object.keys(strings.en).map((key) => [key, t(key as keyof typeof strings.en)]));
}

/** The package's files, by path (what the zip holds), in the edition `lang` of the builder that makes it. */
export function scormFiles(assignment: Assignment, bookOrigin: string, linkQuery: string, lang: Lang): Record<string, Uint8Array> {
  const url = `${bookOrigin}${localizedPath('/assignment/', lang)}?${linkQuery}`;
  const script = launcher
    // Replaced by functions, so a `$` in a value is never read as a replacement pattern.
    .replace("'__BOOK_ORIGIN__'", () => JSON.stringify(bookOrigin))
    .replace("'__ASSIGNMENT_URL__'", () => JSON.stringify(url))
    .replace("'__WORDS__'", () => JSON.stringify(words(lang)));
  return {
    'imsmanifest.xml': strToU8(manifest(assignment.title)),
    'index.html': strToU8(launchPage(assignment.title, lang)),
    'launcher.js': strToU8(script),
    'cross-frame-lms.js': strToU8(crossFrameLms.replace(/\/\/# sourceMappingURL=.*$/m, '')),
    'cross-frame-lms.LICENSE.txt': strToU8(`cross-frame-lms.js is scorm-again's CrossFrameLMS (https://github.com/jcputney/scorm-again).\n\n${scormAgainLicence}`),
  };
}

/** The zip of scormFiles. */
export function scormPackage(assignment: Assignment, bookOrigin: string, linkQuery: string, lang: Lang): Uint8Array {
  return zipSync(scormFiles(assignment, bookOrigin, linkQuery, lang), { level: 6 });
}
