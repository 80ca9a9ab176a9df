import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Assignment } from '~/components/assignment/assignment.ts';
import { scormFiles, scormPackage } from '~/components/assignment/scorm-package.ts';
import type { Lang } from '~/i18n/lang.ts';

const ASSIGNMENT: Assignment = {
  v: 1,
  title: 'Week 3 <CAM> & "saliency"',
  due: '',
  solutions: 'shown',
  items: [{ lesson: 'occlusion-and-saliency', exercise: 'occlusion-below' }],
  widgets: [],
};
const ORIGIN = 'https://book.example';
const QUERY = 'a=eyJ2IjoxfQ&h=abc123';

const filesOf = (lang: Lang) => Object.fromEntries(Object.entries(scormFiles(ASSIGNMENT, ORIGIN, QUERY, lang)).map(([path, bytes]) => [path, strFromU8(bytes)]));

/** The English launch page as the package wrote it before it followed the builder's edition, byte for byte. */
const ENGLISH_LAUNCH_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Week 3 &#60;CAM&#62; &#38; &#34;saliency&#34;</title>
<style>html,body{margin:0;height:100%}iframe{border:0;width:100%;height:100%;display:block}#status:empty{display:none}#status{font:16px system-ui,sans-serif;margin:0;padding:8px 12px}</style>
<script type="module" src="launcher.js"></script>
</head>
<body>
<p id="status" role="status"></p>
<iframe id="book" title="Week 3 &#60;CAM&#62; &#38; &#34;saliency&#34;" allow="clipboard-write"></iframe>
</body>
</html>
`;

/**
 * Runs the package's launcher.js against a stand-in launch page, with or without an LMS API in the parent
 * window, and reads back what it did: the status line it wrote and the address it gave the book's frame.
 */
function launch(script: string, withLms: boolean): { status: string; src: string; lms: unknown[] } {
  const elements: Record<string, { textContent: string; src: string }> = { status: { textContent: '', src: '' }, book: { textContent: '', src: '' } };
  const lms: unknown[] = [];
  const parent = { API: withLms ? {} : undefined, parent: null as unknown };
  parent.parent = parent;
  const window = { parent, opener: null, location: { origin: 'https://lms.example' } };
  const document = { getElementById: (id: string) => elements[id] };
  const body = script.replace(/^import \{ CrossFrameLMS \} from '\.\/cross-frame-lms\.js';$/m, '');
  expect(body).not.toContain('import ');
  class CrossFrameLMS {
    constructor(...args: unknown[]) {
      lms.push(args);
    }
  }
  new Function('window', 'document', 'CrossFrameLMS', body)(window, document, CrossFrameLMS);
  return { status: elements['status']!.textContent, src: elements['book']!.src, lms };
}

describe('the SCORM 1.2 package', () => {
  it('from the English builder: an English launch page, unchanged, opening the English assignment', () => {
    const files = filesOf('en');
    expect(files['index.html']).toBe(ENGLISH_LAUNCH_PAGE);
    expect(files['imsmanifest.xml']).toContain('<title>Week 3 &#60;CAM&#62; &#38; &#34;saliency&#34;</title>');
    const alone = launch(files['launcher.js']!, false);
    expect(alone.status).toBe('No LMS was found around this page, so nothing can be reported to a gradebook. The assignment opens without it.');
    expect(alone.src).toBe(`${ORIGIN}/assignment/?${QUERY}`);
  });

  it('from the Korean builder: <html lang="ko">, a Korean status line, opening the Korean assignment', () => {
    const files = filesOf('ko');
    expect(files['index.html']).toContain('<html lang="ko">');
    expect(files['index.html']).not.toContain('lang="en"');
    const alone = launch(files['launcher.js']!, false);
    expect(alone.status).toBe('이 페이지를 띄운 LMS를 찾지 못해 성적부에 아무것도 보고할 수 없습니다. 과제는 LMS와 연결되지 않은 채로 열립니다.');
    expect(alone.src).toBe(`${ORIGIN}/ko/assignment/?${QUERY}`);
    expect(files['launcher.js']).not.toContain('No LMS was found');
  });

  it.each(['en', 'ko'] as const)('%s: under an LMS, hands its API to CrossFrameLMS and shows no status line', (lang) => {
    const underLms = launch(filesOf(lang)['launcher.js']!, true);
    expect(underLms.status).toBe('');
    expect(underLms.lms).toEqual([[{}, ORIGIN]]);
    expect(underLms.src).toBe(`${ORIGIN}${lang === 'ko' ? '/ko' : ''}/assignment/?${QUERY}&lms=scorm12&lmsOrigin=${encodeURIComponent('https://lms.example')}`);
  });

  it('differs between the editions only in the launch page lang and the launcher, and fills every placeholder', () => {
    const en = filesOf('en');
    const ko = filesOf('ko');
    expect(Object.keys(ko).sort()).toEqual(Object.keys(en).sort());
    expect(ko['index.html']).toBe(en['index.html']!.replace('<html lang="en">', '<html lang="ko">'));
    for (const path of ['imsmanifest.xml', 'cross-frame-lms.js', 'cross-frame-lms.LICENSE.txt']) expect(ko[path], path).toBe(en[path]);
    for (const files of [en, ko]) expect(files['launcher.js']).not.toMatch(/'__\w+__'/);
  });

  it('zips the same files', () => {
    const zipped = unzipSync(scormPackage(ASSIGNMENT, ORIGIN, QUERY, 'ko'));
    expect(Object.fromEntries(Object.entries(zipped).map(([path, bytes]) => [path, strFromU8(bytes)]))).toEqual(filesOf('ko'));
  });
});
