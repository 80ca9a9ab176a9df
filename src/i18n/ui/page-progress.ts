import { defineStrings } from '../strings.ts';

/** The progress page (the read-outs its script writes are the assignment module's). */
export default defineStrings(
  {
    title: 'Your progress',
    description: 'Every exercise of every lesson, and where you stand on each, as this browser remembers it.',
    lead: 'Every exercise in the book, and where you stand on it. This is what this browser remembers: nothing is sent anywhere, and another browser or a private window starts from nothing.',
    // Each lesson
    exercises: 'The {n} exercises',
    notStarted: 'Not started',
  },
  {
    title: '나의 진도',
    description: '모든 레슨의 모든 연습 문제와 각 문제의 진행 상황을 이 브라우저가 기억하는 대로 보여 줍니다.',
    lead: '이 책의 모든 연습 문제와 각 문제의 진행 상황입니다. 이 브라우저가 기억하는 내용일 뿐, 어디에도 전송되지 않습니다. 다른 브라우저나 시크릿 창에서는 처음부터 시작합니다.',
    exercises: '연습 문제 {n}개',
    notStarted: '시작 전',
  },
);
