import { defineStrings } from '../strings.ts';

/** The assignment builder page (what its script writes is the assignment module's). */
export default defineStrings(
  {
    title: 'Assignment builder',
    description: "Build an assignment from the book's exercises: choose, order, lock widgets, withhold solutions, and share it as a link or a SCORM package.",
    kicker: 'For teaching assistants',
    lead: 'Choose exercises from any lesson, put them in order, and decide how their widgets behave. The result is a link that opens the assignment for your learners, and a package for your LMS. Nothing is sent anywhere: the draft is kept in this browser. The <a href="{href}">guide for TAs</a> explains each step.',
    // 1. Choose exercises
    pickTitle: '1. Choose exercises',
    lesson: 'Lesson {n}: {title}',
    count: '({n} exercises)',
    kindNumber: 'number',
    kindText: 'phrase',
    kindChoice: 'one choice',
    kindMultiple: 'several choices',
    kindReflection: 'reflection',
    kindWidget: 'widget task',
    // 2. Order
    orderTitle: '2. Order, and set up the widgets',
    orderNote:
      'Each exercise comes with the widgets of its section. For each widget, lock the controls learners may see but not change, hide those they should not see, and, to fix the image, class, model or seed, set the widget up in its lesson, press its “Copy link to this view”, and paste the link here (then lock the controls you fixed).',
    // 3. Details
    detailsTitle: '3. Title, due date, solutions',
    titleLabel: 'Title',
    titlePlaceholder: 'Week 3: occlusion and saliency',
    dueLabel: 'Due (free text)',
    duePlaceholder: 'Friday 18:00',
    withhold: 'Withhold the worked solutions (learners still see right or wrong, and the feedback)',
    // 4. Share
    shareTitle: '4. Share',
    link: 'Assignment link',
    copy: 'Copy link',
    open: 'Open it as a learner',
    scorm: 'Download a SCORM 1.2 package',
    clear: 'Start over',
  },
  {
    title: '과제 빌더',
    description: '책의 연습 문제로 과제를 만듭니다. 문제를 고르고, 순서를 정하고, 위젯을 잠그고, 풀이를 숨긴 뒤, 링크나 SCORM 패키지로 공유하세요.',
    kicker: '조교용',
    lead: '어느 레슨에서든 연습 문제를 골라 순서를 정하고, 위젯이 어떻게 동작할지 정하세요. 그 결과로 학습자에게 과제를 열어 주는 링크와 LMS용 패키지가 만들어집니다. 어디에도 전송되는 것은 없으며, 초안은 이 브라우저에 보관됩니다. 각 단계는 <a href="{href}">조교용 안내</a>에서 설명합니다.',
    pickTitle: '1. 연습 문제 고르기',
    lesson: '레슨 {n}: {title}',
    count: '(연습 문제 {n}개)',
    kindNumber: '숫자',
    kindText: '짧은 구',
    kindChoice: '단일 선택',
    kindMultiple: '복수 선택',
    kindReflection: '돌아보기',
    kindWidget: '위젯 과제',
    orderTitle: '2. 순서 정하기와 위젯 설정',
    orderNote:
      '연습 문제마다 그 절의 위젯이 함께 따라옵니다. 위젯마다, 학습자가 보기만 하고 바꾸지는 못하게 할 컨트롤은 잠그고, 보지 않아야 할 컨트롤은 숨기세요. 이미지, 클래스, 모델, 시드를 고정하려면 레슨에서 위젯을 설정하고 그 위젯의 “이 화면의 링크 복사”를 누른 뒤, 링크를 여기에 붙여 넣으세요(그런 다음 고정한 컨트롤을 잠그세요).',
    detailsTitle: '3. 제목, 마감일, 풀이',
    titleLabel: '제목',
    titlePlaceholder: '3주차: 가림과 현저성 맵',
    dueLabel: '마감(자유 형식)',
    duePlaceholder: '금요일 18:00',
    withhold: '풀이 숨기기(학습자는 정답 여부와 피드백은 그대로 볼 수 있습니다)',
    shareTitle: '4. 공유',
    link: '과제 링크',
    copy: '링크 복사',
    open: '학습자로 열어 보기',
    scorm: 'SCORM 1.2 패키지 내려받기',
    clear: '처음부터 다시',
  },
);
