import { defineStrings } from '../strings.ts';

/** The study-session page (what its dialog script writes is the peer module's). */
export default defineStrings(
  {
    title: 'Study session',
    description: 'Start or join a live peer session: follow the presenter, vote on exercises, keep group notes.',
    kicker: 'Study groups · <span lang="ko">피어 세션</span>',
    lead: 'Work through a lesson together: everyone follows the presenter’s page, widgets and pointer; the group votes on the book’s exercises, discusses, and votes again; and keeps shared notes. A session needs a session server, which your group or course runs. Without one, the book works exactly as before.',
    // In a session
    inSession: 'You are in session',
    othersJoin: 'Others join with this code on this page, or with the link:',
    copyLink: 'Copy the link',
    panel: 'The session panel at the bottom of every page shows who is here, the vote and the notes.',
    // Start or join
    name: 'Your name, as the others will see it',
    startTitle: 'Start a session',
    startNote: 'You become the host: you present first, and you run the votes.',
    start: 'Start a session',
    joinTitle: 'Join a session',
    code: 'Session code',
    join: 'Join',
    server: 'Session server',
    address: 'Address (ws:// or wss://)',
    serverNote: 'This book was built to use <code>{server}</code>. Change it only if your group runs its server elsewhere.',
    // What is shared
    sharesTitle: 'What a session shares, and with whom',
    shareCode:
      'Everyone who has the code (100 random bits, so it cannot be guessed) can join, read everything in the room and change it: names, widget settings, votes and notes. Share it like a meeting link.',
    shareServer:
      'The server stores the room (so a restart loses nothing) and checks every change against the same rules the widgets use before anyone receives it. Your own uploaded pictures never leave your browser: a widget showing one is shared without its pixels.',
    shareVotes:
      'The class’s votes are hidden on screen until the host shows them, but they are in the room: anyone with the code and some skill could read them earlier.',
    // Running a server
    runTitle: 'Running a session server',
    run: 'One member of the group, or the course, runs the server from a copy of the book’s source: <code>npm ci</code>, then <code>npm run peer-server</code>. It listens on <code>ws://127.0.0.1:1234</code> and keeps its rooms in a SQLite file, so a restart loses nothing. <code>npm run peer-server -- --host 0.0.0.0 --port 1234</code> serves a network; put a TLS proxy in front of it so readers connect with <code>wss://</code>.',
    runMany:
      'A course with many groups runs several server processes behind one Redis (<code>--redis redis://host:6379</code> on each, with a different <code>--name</code>): readers connected to different processes share the same room. The book is pointed at the course’s server when it is built (<code>PUBLIC_PEER_SERVER=wss://…</code>); a reader can name another one under “Session server” above.',
  },
  {
    title: '스터디 세션',
    description: '실시간 피어 세션을 시작하거나 참여하세요. 발표자를 따라가고, 연습 문제에 투표하고, 그룹 메모를 함께 남깁니다.',
    kicker: '스터디 그룹 · 피어 세션',
    lead: '레슨을 함께 공부합니다. 모두가 발표자의 페이지, 위젯, 포인터를 따라가고, 그룹은 책의 연습 문제에 투표한 뒤 토론하고 다시 투표하며, 메모를 함께 남깁니다. 세션에는 그룹이나 강의에서 운영하는 세션 서버가 필요합니다. 서버가 없어도 책은 전과 똑같이 동작합니다.',
    inSession: '세션에 참여 중입니다',
    othersJoin: '다른 사람은 이 페이지에서 이 코드를 입력하거나, 다음 링크로 참여합니다:',
    copyLink: '링크 복사',
    panel: '모든 페이지 아래쪽의 세션 패널에서 참여자, 투표, 메모를 볼 수 있습니다.',
    name: '다른 사람에게 보일 내 이름',
    startTitle: '세션 시작하기',
    startNote: '여러분이 호스트가 됩니다. 먼저 발표하고, 투표를 진행합니다.',
    start: '세션 시작',
    joinTitle: '세션 참여하기',
    code: '세션 코드',
    join: '참여',
    server: '세션 서버',
    address: '주소(ws:// 또는 wss://)',
    serverNote: '이 책은 <code>{server}</code> 서버를 쓰도록 빌드되었습니다. 그룹이 다른 곳에서 서버를 운영할 때만 바꾸세요.',
    sharesTitle: '세션은 무엇을 누구와 공유하나요',
    shareCode:
      '코드(무작위 100비트라 추측할 수 없습니다)를 가진 사람은 누구나 세션에 참여해, 방의 모든 것을 읽고 바꿀 수 있습니다. 이름, 위젯 설정, 투표, 메모가 모두 그렇습니다. 회의 링크처럼 다루어 공유하세요.',
    shareServer:
      '서버는 방을 저장하고(그래서 재시작해도 잃는 것이 없습니다), 모든 변경을 다른 사람에게 전달하기 전에 위젯이 쓰는 것과 같은 규칙으로 검사합니다. 여러분이 올린 사진은 브라우저 밖으로 나가지 않습니다. 그런 사진을 보여 주는 위젯은 픽셀 없이 공유됩니다.',
    shareVotes:
      '수업의 투표는 호스트가 보여 주기 전까지 화면에 숨겨져 있지만, 방 안에는 들어 있습니다. 코드와 약간의 기술만 있으면 누구든 미리 읽을 수 있습니다.',
    runTitle: '세션 서버 운영하기',
    run: '그룹의 한 사람이나 강의 측에서 책의 소스 사본으로 서버를 실행합니다. <code>npm ci</code>를 실행한 다음 <code>npm run peer-server</code>를 실행하세요. 서버는 <code>ws://127.0.0.1:1234</code>에서 접속을 받으며, 방을 SQLite 파일에 보관하므로 재시작해도 잃는 것이 없습니다. <code>npm run peer-server -- --host 0.0.0.0 --port 1234</code>로 실행하면 네트워크에 서비스합니다. 독자가 <code>wss://</code>로 접속할 수 있도록 서버 앞에 TLS 프록시를 두세요.',
    runMany:
      '그룹이 많은 강의에서는 Redis 하나 뒤에 서버 프로세스를 여러 개 둡니다(프로세스마다 <code>--redis redis://host:6379</code>를 주고, <code>--name</code>은 서로 다르게 줍니다). 서로 다른 프로세스에 접속한 독자도 같은 방을 공유합니다. 책은 빌드할 때 강의의 서버를 가리키도록 설정되며(<code>PUBLIC_PEER_SERVER=wss://…</code>), 독자는 위의 “세션 서버”에서 다른 서버를 지정할 수 있습니다.',
  },
);
