import { defineStrings } from '../strings.ts';

/** The guide for teaching assistants. It quotes the builder's and the assignment page's labels: keep them in step. */
export default defineStrings(
  {
    title: 'Guide for teaching assistants',
    description:
      "How the book's exercises are checked, how to build and share an assignment, how learners hand it in, and what the checks can and cannot prove.",
    kicker: 'For teaching assistants (조교)',
    lead: 'The book has no server and no accounts. Everything a learner does stays in their browser until they hand it in, and everything you hand out is a link. This page explains how the exercises are checked and what that can and cannot prove.',
    // How exercises are checked
    exercisesTitle: 'How exercises are checked',
    exercisesIntro: 'Every lesson ends its sections with exercises of five kinds:',
    kindNumbers:
      '<strong>Numbers</strong>, with a tolerance where the working involves rounding. A question that asks for a percentage accepts 25 and 25%; one that asks for a fraction accepts 0.25 and reads 25% as 0.25. A fraction typed for a percentage (or the reverse) and a flipped sign get their own feedback.',
    kindChoices: '<strong>Choices</strong>, one or several.',
    kindPhrases: '<strong>Short phrases</strong>, compared without regard to case and spacing.',
    kindWidget:
      "<strong>Widget tasks</strong>: the learner puts a widget into a state whose live result meets a condition (for example, an occlusion patch that brings the model's probability for a class below 0.2). The check takes the widget's settings and recomputes the result through the book's engine, so the display cannot be tricked, and it keeps the settings that passed.",
    kindReflections: '<strong>Reflections</strong>: a few sentences, not graded, kept and handed in.',
    feedback:
      "Each exercise names the mistakes learners commonly make (a forgotten bias, an output size off by one, a sign, a fraction for a percentage) and answers each with its own feedback; any other wrong answer gets the exercise's hint. The worked solution opens after a right answer, after three wrong ones, or when the learner asks for it, and the book records which of the three it was, with the time and the number of attempts.",
    // Build an assignment
    buildTitle: 'Build an assignment',
    buildOpen:
      'Open the <a href="{href}">assignment builder</a>. Under <em>Choose exercises</em>, open a lesson and tick the exercises you want; each line shows the section it belongs to, its kind, and the start of its question.',
    buildOrder:
      'Under <em>Order</em>, move exercises up and down. Each exercise brings the widgets of its lesson section with it (each widget once, above the first exercise that needs it).',
    buildWidgets:
      'For each widget, tick <strong>Locked</strong> for controls learners should see but not change, and <strong>Hidden</strong> for controls they should not see. To fix the image, class, model, seed or any other setting, set the widget up in its lesson, press its “Copy link to this view”, paste that link into “Start from this view”, and lock the controls you fixed.',
    buildDetails:
      'Give a title and, if you like, a due date (free text). Tick <strong>Withhold the worked solutions</strong> if learners should only learn whether they are right: the solutions are then left out of the assignment page altogether, and no number of attempts opens them.',
    buildShare: 'Copy the link, or download the SCORM package. Open the link yourself (“Open it as a learner”) before you send it.',
    draft:
      "Your draft is kept in this browser, so you can close the page and come back. To change an assignment you already sent, open the builder with that link's <code>?a=…&amp;h=…</code> after <code>{builder}</code>; it opens as the draft.",
    // Share and collect
    shareTitle: 'Share and collect',
    shareLink:
      'The whole assignment is in the link: there is nothing to upload and no account to make. Learners open it, work through the exercises with the widgets on the same page, and see their progress. Their answers are kept in their own browser as they go, shared with the lessons (an exercise solved in the lesson counts in the assignment too).',
    shareHandIn:
      'When they are done, they press <strong>Hand in: save the result file</strong> and send you the file the way your course collects work (an LMS upload, e-mail, a shared folder). <strong>Print the summary</strong> prints a one-page table of their answers; any lesson also prints as a worksheet, with room to answer under each exercise and no solutions.',
    shareRead:
      'To read a hand-in, open the <a href="{href}">assignment page</a> and use <em>For TAs: open a learner\'s hand-in</em>. The assignment opens with the learner\'s answers in it, their status, attempts and whether they opened each solution, in the same summary table. The file is read in your browser and not stored anywhere else.',
    // The hand-in file
    fileTitle: 'What the hand-in file contains',
    fileIntro:
      'A JSON file, described by a published <a href="{href}">JSON Schema</a> (draft 2020-12), that you can also process with your own scripts. It holds:',
    fileAssignment:
      'the assignment: its title, due text, link, its check (the hash of what the learner actually had, so hand-ins of the same assignment share it), whether solutions were withheld, and whether the link had been edited when the learner opened it;',
    fileLearner: 'the name the learner typed (it may be empty) and the time of the hand-in;',
    fileExercises:
      "for each exercise, in order: its lesson, id and kind, and the record the learner's browser kept: the last answer, right or wrong, the number of checked attempts, whether the worked solution was opened and how (asked for, after three wrong tries, or on solving), the times of the first attempt, the first right answer and the first view of the solution, and for a widget task the widget's settings when it passed;",
    fileSummary: 'a summary: how many exercises there are, how many were done, and how many of those after opening the solution.',
    // SCORM
    lmsTitle: 'Hand-in through an LMS (SCORM 1.2)',
    lms: "The builder's <strong>Download a SCORM 1.2 package</strong> makes a zip in your browser for any LMS that imports SCORM 1.2 activities (Moodle, Canvas and Blackboard do; the book's tests run the package under scorm-again's LMS runtime, not under those LMSs themselves). It holds no lessons: it opens the assignment from the book's site inside the LMS, and uses the well-kept <a href=\"https://github.com/jcputney/scorm-again\">scorm-again</a> library to report to the gradebook. The book sends these SCORM 1.2 fields and no others:",
    lmsStatus: '<code>cmi.core.lesson_status</code>: <code>incomplete</code>, then <code>completed</code> when every exercise is done;',
    lmsScore: '<code>cmi.core.score.raw</code>, with <code>score.min</code> 0 and <code>score.max</code> 100: the percentage of exercises done;',
    lmsSuspend:
      "<code>cmi.suspend_data</code>: one short code per exercise (done, attempted or not started, and the attempts), a few characters each, far under SCORM 1.2's limit of 4,096;",
    lmsTime: '<code>cmi.core.session_time</code>, when the learner leaves the page.',
    lmsNotSent:
      "Answers and reflections are not sent to the LMS (SCORM 1.2 has no good place for them); ask for the hand-in file as well if you want to read them. The book's site must be reachable from the learners' browsers.",
    // The link's check
    integrityTitle: "What the link's check can and cannot prove",
    integrity:
      'An assignment link carries a short check, a hash of what the link holds. If a learner (or a chat program, or a truncated paste) changes the link, the assignment page says so, shows what the link now holds, and records it in the hand-in. Links that cannot be read at all (cut off, mangled, or holding values the book does not accept) are refused with a notice, and nothing from them is used.',
    signature:
      'The check is not a signature. The code that makes it is public, so anyone who wants to can make a link with a valid check for an assignment of their own. It tells you a link was changed by accident or by a casual edit; it cannot tell you that a determined person did not make it.',
    // What a static page can hide
    hideTitle: 'What a static page can and cannot hide',
    hide: "The page never contains an answer or a worked solution in readable form. Each accepted answer, and each mistake that earns feedback, is turned into a canonical form (a number rounded on a grid a quarter of the tolerance wide, a set of choices, a phrase in lower case) and only a salted SHA-256 hash of it is in the page. The worked solution is sealed with AES-GCM. Neither shows up in the page source, in the browser's inspector, or in a search of the built site, and a test checks that for every exercise.",
    limits: 'That is as far as a page without a server can go, and you should know where it stops:',
    limitSalt:
      'The page must be able to check an answer by itself, so it holds the salt. A learner who can program can hash every candidate: a small integer or one of four choices is found in moments. The hashes stop reading, not guessing.',
    limitSeal:
      'The page must be able to open the solution after three attempts, so it holds what opens the seal. The seal keeps the solution out of sight; it is not encryption against a determined reader.',
    limitRecord:
      "Everything recorded (attempts, times, whether the solution was opened) is kept in the learner's own browser, which they control. Treat a hand-in as the learner's account of their work, not as proof.",
    advice:
      'For practice and formative assessment this is usually what you want: nobody meets an answer by accident, and finding one on purpose takes more work than the exercise. For marks that matter, grade the reflections and the worked reasoning, or ask for it in person.',
  },
  {
    title: '조교를 위한 안내',
    description:
      '이 책의 연습 문제를 채점하는 방식, 과제를 만들고 공유하는 방법, 학습자가 과제를 제출하는 방법, 그리고 그 채점으로 증명할 수 있는 것과 없는 것.',
    kicker: '조교용 안내',
    lead: '이 책에는 서버도 계정도 없습니다. 학습자가 하는 모든 것은 제출하기 전까지 학습자의 브라우저에 머물고, 조교가 나누어 주는 것은 모두 링크입니다. 이 페이지는 연습 문제를 어떻게 채점하는지, 그리고 그 채점으로 무엇을 증명할 수 있고 무엇은 증명할 수 없는지 설명합니다.',
    exercisesTitle: '연습 문제를 채점하는 방식',
    exercisesIntro: '모든 레슨은 절마다 끝에 다음 다섯 종류의 연습 문제를 둡니다.',
    kindNumbers:
      '<strong>숫자</strong>: 풀이 과정에 반올림이 들어가면 허용 오차를 둡니다. 백분율을 묻는 문제는 25와 25%를 모두 받고, 비율을 묻는 문제는 0.25를 받으며 25%를 0.25로 읽습니다. 백분율 자리에 비율을 쓰거나 그 반대로 쓴 답, 그리고 부호가 뒤집힌 답에는 따로 마련한 피드백을 줍니다.',
    kindChoices: '<strong>선택</strong>: 하나를 고르거나 여러 개를 고릅니다.',
    kindPhrases: '<strong>짧은 구</strong>: 대소문자와 띄어쓰기는 무시하고 비교합니다.',
    kindWidget:
      '<strong>위젯 과제</strong>: 학습자는 위젯의 실시간 결과가 조건을 만족하도록 위젯을 맞춥니다(예: 한 클래스에 대한 모델의 확률을 0.2 아래로 떨어뜨리는 가림 패치). 채점할 때는 위젯의 설정을 가져와 책의 엔진으로 결과를 다시 계산하므로 화면을 속일 수 없으며, 통과한 설정을 저장해 둡니다.',
    kindReflections: '<strong>돌아보기</strong>: 몇 문장으로 쓰는 글로, 채점하지 않지만 저장되어 함께 제출됩니다.',
    feedback:
      '연습 문제마다 학습자가 흔히 하는 실수(빠뜨린 편향, 하나 어긋난 출력 크기, 부호, 백분율 자리에 쓴 비율)를 짚어 두고, 실수마다 그에 맞는 피드백을 줍니다. 그 밖의 오답에는 그 연습 문제의 힌트를 보여 줍니다. 풀이는 정답을 맞혔을 때, 세 번 틀렸을 때, 또는 학습자가 요청할 때 열리며, 책은 그 셋 중 어느 경우였는지를 시각, 시도 횟수와 함께 기록합니다.',
    buildTitle: '과제 만들기',
    buildOpen:
      '<a href="{href}">과제 빌더</a>를 여세요. <em>연습 문제 고르기</em>에서 레슨을 펼치고 원하는 연습 문제에 체크하세요. 줄마다 그 문제가 속한 절, 종류, 질문의 앞부분이 나옵니다.',
    buildOrder:
      '<em>순서 정하기</em>에서 연습 문제를 위아래로 옮기세요. 연습 문제마다 레슨에서 그 문제가 속한 절의 위젯이 함께 따라옵니다(위젯은 한 번만, 그 위젯이 필요한 첫 연습 문제 위에 놓입니다).',
    buildWidgets:
      '위젯마다, 학습자가 보기만 하고 바꾸지는 못하게 할 컨트롤에는 <strong>잠금</strong>을, 보지 않아야 할 컨트롤에는 <strong>숨김</strong>을 체크하세요. 이미지, 클래스, 모델, 시드나 다른 설정을 고정하려면 레슨에서 위젯을 설정하고 그 위젯의 “이 화면의 링크 복사”를 누른 뒤, 그 링크를 “이 화면에서 시작”에 붙여 넣고, 고정한 컨트롤을 잠그세요.',
    buildDetails:
      '제목을 정하고, 원하면 마감일(자유 형식)도 적으세요. 학습자가 정답 여부만 알아야 한다면 <strong>풀이 숨기기</strong>에 체크하세요. 그러면 풀이가 과제 페이지에서 아예 빠지며, 몇 번을 시도해도 열리지 않습니다.',
    buildShare: '링크를 복사하거나 SCORM 패키지를 내려받으세요. 보내기 전에 링크를 직접 열어 보세요(“학습자로 열어 보기”).',
    draft:
      '초안은 이 브라우저에 보관되므로 페이지를 닫았다가 다시 와도 됩니다. 이미 보낸 과제를 고치려면 <code>{builder}</code> 뒤에 그 링크의 <code>?a=…&amp;h=…</code>를 붙여 빌더를 여세요. 그 과제가 초안으로 열립니다.',
    shareTitle: '공유와 수집',
    shareLink:
      '과제 전체가 링크 안에 들어 있습니다. 올릴 것도, 만들 계정도 없습니다. 학습자는 링크를 열어 같은 페이지의 위젯과 함께 연습 문제를 풀고, 자신의 진행 상황을 봅니다. 답은 푸는 동안 학습자 자신의 브라우저에 저장되고 레슨과 공유됩니다(레슨에서 푼 연습 문제는 과제에서도 푼 것으로 칩니다).',
    shareHandIn:
      '다 풀면 학습자는 <strong>제출: 결과 파일 저장</strong>을 누르고, 강의에서 과제를 걷는 방식(LMS 업로드, 이메일, 공유 폴더)으로 파일을 보냅니다. <strong>요약 인쇄</strong>는 답을 정리한 한 쪽짜리 표를 인쇄합니다. 어느 레슨이든 학습지로 인쇄할 수도 있는데, 연습 문제마다 아래에 답을 쓸 칸이 있고 풀이는 들어가지 않습니다.',
    shareRead:
      '제출물을 읽으려면 <a href="{href}">과제 페이지</a>를 열고 <em>조교용: 학습자의 제출 파일 열기</em>를 쓰세요. 과제가 학습자의 답이 들어간 채로 열리고, 같은 요약 표에 상태, 시도 횟수, 각 풀이를 열어 보았는지가 나옵니다. 파일은 여러분의 브라우저에서 읽을 뿐, 다른 어디에도 저장되지 않습니다.',
    fileTitle: '제출 파일에 들어 있는 것',
    fileIntro:
      '공개된 <a href="{href}">JSON Schema</a>(draft 2020-12)로 형식을 정의한 JSON 파일이므로, 직접 작성한 스크립트로 처리할 수도 있습니다. 파일에는 다음이 들어 있습니다.',
    fileAssignment:
      '과제: 제목, 마감 문구, 링크, 검사값(학습자가 실제로 받은 내용의 해시이므로, 같은 과제의 제출물은 모두 같은 값을 가집니다), 풀이를 숨겼는지, 그리고 학습자가 열었을 때 링크가 수정된 상태였는지.',
    fileLearner: '학습자가 입력한 이름(비어 있을 수 있습니다)과 제출 시각.',
    fileExercises:
      '연습 문제마다, 순서대로: 레슨, id, 종류, 그리고 학습자의 브라우저가 남긴 기록. 기록에는 마지막 답과 정답 여부, 채점한 시도 횟수, 풀이를 열었는지와 어떻게 열었는지(요청해서, 세 번 틀린 뒤, 또는 맞힌 뒤), 첫 시도와 첫 정답과 풀이를 처음 본 시각, 그리고 위젯 과제라면 통과했을 때의 위젯 설정이 들어 있습니다.',
    fileSummary: '요약: 연습 문제 수, 완료한 문제 수, 그 가운데 풀이를 연 뒤에 완료한 문제 수.',
    lmsTitle: 'LMS로 제출하기(SCORM 1.2)',
    lms: '빌더의 <strong>SCORM 1.2 패키지 내려받기</strong>는 SCORM 1.2 활동을 가져올 수 있는 LMS라면 어디서든 쓸 수 있는 zip 파일을 브라우저에서 만듭니다(Moodle, Canvas, Blackboard가 그런 LMS입니다. 다만 책의 테스트는 이 LMS들 자체가 아니라 scorm-again의 LMS 런타임에서 패키지를 실행합니다). 패키지에는 레슨이 들어 있지 않습니다. LMS 안에서 책의 사이트에 있는 과제를 열고, 잘 관리되는 <a href="https://github.com/jcputney/scorm-again">scorm-again</a> 라이브러리로 성적부에 보고합니다. 책이 보내는 SCORM 1.2 필드는 다음뿐입니다.',
    lmsStatus: '<code>cmi.core.lesson_status</code>: 처음에는 <code>incomplete</code>, 모든 연습 문제를 마치면 <code>completed</code>.',
    lmsScore: '<code>cmi.core.score.raw</code>(<code>score.min</code> 0, <code>score.max</code> 100): 완료한 연습 문제의 백분율.',
    lmsSuspend:
      '<code>cmi.suspend_data</code>: 연습 문제마다 짧은 코드 하나(완료, 시도함, 시작 전 가운데 무엇인지와 시도 횟수). 각각 몇 글자뿐이라 SCORM 1.2의 한도인 4,096자에 한참 못 미칩니다.',
    lmsTime: '<code>cmi.core.session_time</code>: 학습자가 페이지를 떠날 때 보냅니다.',
    lmsNotSent:
      '답과 돌아보기 글은 LMS로 보내지 않습니다(SCORM 1.2에는 그것을 담을 알맞은 자리가 없습니다). 답을 읽고 싶다면 제출 파일도 함께 받으세요. 학습자의 브라우저에서 책의 사이트에 접속할 수 있어야 합니다.',
    integrityTitle: '링크의 검사값이 증명할 수 있는 것과 없는 것',
    integrity:
      '과제 링크에는 링크에 담긴 내용의 해시인 짧은 검사값이 들어 있습니다. 학습자가(또는 채팅 프로그램이나 잘린 붙여 넣기가) 링크를 바꾸면, 과제 페이지는 그 사실을 알리고, 링크에 지금 담긴 내용을 보여 주며, 이를 제출 파일에 기록합니다. 아예 읽을 수 없는 링크(잘렸거나, 망가졌거나, 책이 받아들이지 않는 값이 든 링크)는 안내와 함께 거부하며, 그 링크의 내용은 하나도 쓰지 않습니다.',
    signature:
      '검사값은 서명이 아닙니다. 검사값을 만드는 코드는 공개되어 있으므로, 마음만 먹으면 누구나 자기가 만든 과제에 대해 유효한 검사값을 가진 링크를 만들 수 있습니다. 검사값은 링크가 실수로, 또는 가벼운 수정으로 바뀌었다는 것은 알려 주지만, 작정한 사람이 만든 링크가 아니라는 것까지 알려 주지는 못합니다.',
    hideTitle: '정적 페이지가 숨길 수 있는 것과 숨길 수 없는 것',
    hide: '페이지에는 답이나 풀이가 읽을 수 있는 형태로 들어 있지 않습니다. 받아들이는 답과 피드백을 주는 실수는 각각 표준 형태(허용 오차의 4분의 1 간격 격자로 반올림한 숫자, 선택지의 집합, 소문자로 바꾼 구)로 바꾼 뒤, 솔트를 더한 SHA-256 해시만 페이지에 넣습니다. 풀이는 AES-GCM으로 봉인합니다. 어느 것도 페이지 소스나 브라우저의 검사 도구, 빌드한 사이트의 검색에 나타나지 않으며, 모든 연습 문제에 대해 테스트가 이를 확인합니다.',
    limits: '서버 없는 페이지가 할 수 있는 것은 여기까지이며, 그 한계가 어디인지 알아 두어야 합니다.',
    limitSalt:
      '페이지는 스스로 답을 채점할 수 있어야 하므로 솔트를 갖고 있습니다. 프로그래밍을 할 줄 아는 학습자는 모든 후보를 해시해 볼 수 있어서, 작은 정수나 네 선택지 중 하나쯤은 금방 찾아냅니다. 해시는 답을 읽는 것을 막을 뿐, 추측을 막지는 못합니다.',
    limitSeal:
      '페이지는 세 번 시도한 뒤 풀이를 열 수 있어야 하므로, 봉인을 여는 데 필요한 것을 갖고 있습니다. 봉인은 풀이를 눈에 띄지 않게 할 뿐, 작정한 사람을 막는 암호화가 아닙니다.',
    limitRecord:
      '기록되는 모든 것(시도, 시각, 풀이를 열었는지)은 학습자가 통제하는 학습자 자신의 브라우저에 보관됩니다. 제출물은 증거가 아니라, 학습자가 자기 작업에 대해 설명한 것으로 다루세요.',
    advice:
      '연습과 형성 평가에는 대개 이 정도면 충분합니다. 아무도 우연히 답을 보게 되지 않고, 일부러 답을 찾아내는 데는 연습 문제를 푸는 것보다 품이 더 듭니다. 중요한 점수를 매길 때는 돌아보기 글과 풀이 과정을 채점하거나, 직접 만나서 설명하게 하세요.',
  },
);
