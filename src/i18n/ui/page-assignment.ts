import { defineStrings } from '../strings.ts';

/** The assignment page a learner opens from a TA's link (what its script writes is the assignment module's). */
export default defineStrings(
  {
    title: 'Assignment',
    description: "An assignment from your TA: exercises from the book's lessons, with their widgets, on one page; hand it in as a file.",
    empty: 'There is no assignment to show. An assignment opens from the link your TA sends; a TA makes one with the <a href="{href}">assignment builder</a>.',
    // Summary and hand-in
    handInTitle: 'Summary and hand-in',
    summaryLabel: 'Your answers, status, attempts and solutions, exercise by exercise',
    exercise: 'Exercise',
    answer: 'Your answer',
    status: 'Status',
    attempts: 'Attempts',
    solution: 'Solution',
    learner: 'Your name (optional, goes into the file)',
    handIn: 'Hand in: save the result file',
    print: 'Print the summary',
    fileNote:
      'The file holds your answers, attempts, whether you opened each solution, the widget settings that passed, the times, and the assignment\'s check. It stays on your computer until you send it. Its format is published as <a href="{href}">a JSON Schema</a>.',
    // For TAs
    review: "For TAs: open a learner's hand-in",
    handInFile: 'Hand-in file',
    reviewNote: "The file is read in this browser only; the assignment opens with the learner's answers in it.",
    noscript: 'An assignment needs JavaScript: it checks answers and runs the widgets in your browser.',
  },
  {
    title: '과제',
    description: '조교가 낸 과제입니다. 책의 레슨에서 고른 연습 문제를 위젯과 함께 한 페이지에서 풀고, 파일로 제출합니다.',
    empty: '보여 줄 과제가 없습니다. 과제는 조교가 보내 준 링크로 열립니다. 조교는 <a href="{href}">과제 빌더</a>로 과제를 만듭니다.',
    handInTitle: '요약과 제출',
    summaryLabel: '연습 문제별 나의 답, 상태, 시도 횟수, 풀이',
    exercise: '연습 문제',
    answer: '나의 답',
    status: '상태',
    attempts: '시도 횟수',
    solution: '풀이',
    learner: '이름(선택 사항, 파일에 들어갑니다)',
    handIn: '제출: 결과 파일 저장',
    print: '요약 인쇄',
    fileNote:
      '파일에는 나의 답, 시도 횟수, 각 풀이를 열어 보았는지, 통과한 위젯 설정, 시각, 그리고 과제의 검사값이 들어 있습니다. 파일은 여러분이 보내기 전까지 여러분의 컴퓨터에만 있습니다. 파일 형식은 <a href="{href}">JSON Schema</a>로 공개되어 있습니다.',
    review: '조교용: 학습자의 제출 파일 열기',
    handInFile: '제출 파일',
    reviewNote: '파일은 이 브라우저 안에서만 읽습니다. 학습자의 답이 들어간 채로 과제가 열립니다.',
    noscript: '과제에는 JavaScript가 필요합니다. 답을 확인하고 위젯을 여러분의 브라우저에서 실행하기 때문입니다.',
  },
);
