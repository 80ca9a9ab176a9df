import { defineStrings } from '../strings.ts';

/**
 * The words of the SCORM package the assignment builder makes, in the builder's edition: what its launcher
 * (src/components/assignment/scorm/launcher.js, which runs inside the LMS without the book's code) shows on the
 * launch page. scorm-package.ts writes them into the launcher; none may take a {placeholder}.
 */
export default defineStrings(
  {
    noLms: 'No LMS was found around this page, so nothing can be reported to a gradebook. The assignment opens without it.',
  },
  {
    noLms: '이 페이지를 띄운 LMS를 찾지 못해 성적부에 아무것도 보고할 수 없습니다. 과제는 LMS와 연결되지 않은 채로 열립니다.',
  },
);
