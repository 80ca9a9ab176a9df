import { defineStrings } from '../strings.ts';

/** The home page. */
export default defineStrings(
  {
    description:
      'An interactive textbook that opens up convolutional neural networks: every equation sits next to a widget that computes it, live in your browser.',
    kicker: 'An interactive course textbook',
    title: 'Visualizing CNNs & Data Augmentation',
    lead: 'A convolutional network is often called a black box. This book makes it a glass box: every equation sits next to a widget that computes exactly that equation, on models this project trained itself, live in your browser.',
    start: 'Start reading: {title} →',
    contents: 'Contents',
    partBasics: 'CNN basics',
    partBehaviour: 'Analysing model behaviour',
    partExplaining: 'Explaining a decision',
    partAugmentation: 'Data augmentation',
    partNeighbours: 'Neighbouring topics',
    appendix:
      'Appendix: <a href="{href}">The course’s data and models</a>: the synthetic Glassbox Objects dataset, Fashion-MNIST, and the models trained on them.',
    howTitle: 'How to read this book',
    how: 'Read with the widgets: change a number, point at a pixel, and check that what you see is what the equation beside it says. Each lesson ends with exercises whose answers the page checks for you, questions for your peer session (<span lang="ko">피어 세션</span>), and the key terms in English and Korean. Your answers and widget settings stay in this browser.',
  },
  {
    description:
      '합성곱 신경망의 속을 들여다보는 인터랙티브 교과서입니다. 모든 수식 옆에 그 수식을 계산하는 위젯이 있고, 여러분의 브라우저에서 바로 실행됩니다.',
    kicker: '인터랙티브 강의 교과서',
    title: 'CNN 시각화와 데이터 증강',
    lead: '합성곱 신경망은 흔히 블랙박스라고 불립니다. 이 책은 그것을 유리 상자로 만듭니다. 모든 수식 옆에는 바로 그 수식을 계산하는 위젯이 있고, 이 프로젝트가 직접 학습한 모델 위에서 여러분의 브라우저로 실시간 실행됩니다.',
    start: '읽기 시작: {title} →',
    contents: '목차',
    partBasics: '합성곱 신경망 기초',
    partBehaviour: '모델 행동 분석',
    partExplaining: '모델 결정 설명',
    partAugmentation: '데이터 증강',
    partNeighbours: '이웃 주제',
    appendix: '부록: <a href="{href}">이 강의의 데이터와 모델</a>: 합성 데이터셋 Glassbox Objects, Fashion-MNIST, 그리고 그 위에서 학습한 모델들.',
    howTitle: '이 책을 읽는 방법',
    how: '위젯과 함께 읽으세요. 숫자를 바꾸고, 픽셀을 가리켜 보고, 눈에 보이는 것이 옆의 수식이 말하는 것과 같은지 확인하세요. 각 레슨은 페이지가 답을 확인해 주는 연습 문제, 피어 세션에서 나눌 질문, 영어와 한국어로 된 핵심 용어로 끝납니다. 여러분의 답과 위젯 설정은 이 브라우저 안에만 저장됩니다.',
  },
);
