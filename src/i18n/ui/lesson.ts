import { defineStrings } from '../strings.ts';

/** The lesson components around the text: callouts, optional boxes, peer sessions, code listings, equations, the experiment table, the map of methods. */
export default defineStrings(
  {
    // Callout's default titles
    'callout.note': 'Note',
    'callout.tip': 'Tip',
    'callout.warning': 'Watch out',
    // Optional
    'optional.label': 'Optional:',
    // Discussion
    'discussion.heading': 'Peer session <span aria-hidden="true">·</span> <span lang="ko">피어 세션</span>',
    // CodeListing. The note is what the page has shown so far, byte for byte: Astro's HTML compression dropped the
    // line breaks before three <code> elements of the old markup, hence "TensorFlow.js;<code>", "and<code>" and "</code>checks".
    'listing.title': '{name} in code: PyTorch and TensorFlow.js',
    'listing.note':
      'The same computation twice, from <code>listings/</code>. Images are <code>[3, h, w]</code> in PyTorch and <code>[h, w, 3]</code> in TensorFlow.js;<code>model</code> (<code>logits</code>) returns class scores before the softmax; <code>features</code> runs the network up to the chosen layer and<code>head</code> the rest. The unit tests check the TensorFlow.js version against the engine behind the widgets, and <code>npm run check-listings</code>checks the PyTorch version against it on the same weights.',
    // Equation ({fn} and {file} arrive as <code> elements)
    'equation.computedBy': 'Computed live below by {fn} in {file}',
    // ExperimentTable
    'experiment.policy': 'Policy',
    'experiment.heldOut': 'Held-out accuracy',
    'experiment.unseen': 'Unseen-style accuracy',
    'experiment.pointing': 'Pointing game, exact mask',
    'experiment.pointingTolerant': 'Pointing game, within 2 px',
    'experiment.caption':
      "<strong>What augmentation buys, measured.</strong> The lab model trained {epochs} epochs on the same 2,048 fixed scenes of stream 4242 under each policy, with seeds {seeds}. Each cell is the mean ± sample standard deviation over the seeds of a figure after the last epoch, in percent; below it, the mean's change from the baseline in points. Held-out: the first 500 images of stream 90001 (training styles); unseen style: the first 500 of stream 90002 (an emoji style never trained on); pointing game: every object of the model card's 500 scenes (seed 90003) against the peak of its own class's CAM, on the exact mask and within 2 px of it. The protocol was fixed before the runs. Reproduce a cell's run with <code>npm run train -- &lt;policy&gt; --seed N</code> (about 105 s per run on a 2-core machine, tfjs's wasm backend in Node) and the table with <code>npm run experiments</code>.",
    // MethodMap
    'map.model': 'Understanding the model',
    'map.modelNote': 'what a unit, a layer or a class responds to, over many images',
    'map.filterViz': 'Filter visualization',
    'map.classViz': 'Class visualization',
    'map.patches': 'Maximally activating patches',
    'map.embeddings': 'Nearest neighbours, PCA, t-SNE',
    'map.activations': 'Layer activations',
    'map.decision': 'Explaining a decision',
    'map.decisionNote': 'why this answer, for this input and this class',
    'map.occlusion': 'Occlusion maps',
    'map.saliency': 'Saliency maps, SmoothGrad',
    'map.guided': 'Guided backpropagation',
    'map.cam': 'CAM, Grad-CAM',
    'map.trust': 'Sanity checks, pointing game',
    'map.vit': 'ViT attention, rollout',
    'map.data': 'Changing the data',
    'map.dataNote': 'not an explanation: new training images',
    'map.augmentation': 'Data augmentation',
    'map.buys': 'What augmentation buys',
    'map.modelEnd': 'the model',
    'map.dataEnd': 'the data',
    'map.caption': 'The methods of this book, from the model end (left; at the top on a phone) to the data end. Each name opens its lesson.',
  },
  {
    // Callout's default titles
    'callout.note': '참고',
    'callout.tip': '팁',
    'callout.warning': '주의',
    // Optional
    'optional.label': '선택:',
    // Discussion
    'discussion.heading': '피어 세션',
    // CodeListing
    'listing.title': '코드로 보는 {name}: PyTorch와 TensorFlow.js',
    'listing.note':
      '<code>listings/</code>에 있는 같은 계산을 두 번 보여 줍니다. 이미지는 PyTorch에서 <code>[3, h, w]</code>, TensorFlow.js에서 <code>[h, w, 3]</code>입니다. <code>model</code>(<code>logits</code>)은 소프트맥스 이전의 클래스 점수를 돌려주고, <code>features</code>는 선택한 층까지 네트워크를 실행하며 <code>head</code>는 나머지를 실행합니다. 단위 테스트는 TensorFlow.js 버전을 위젯 뒤의 엔진과 대조하고, <code>npm run check-listings</code>는 같은 가중치에서 PyTorch 버전을 TensorFlow.js 버전과 대조합니다.',
    // Equation ({fn} and {file} arrive as <code> elements)
    'equation.computedBy': '아래에서 실시간으로 계산하는 코드: {file}의 {fn}',
    // ExperimentTable
    'experiment.policy': '증강 정책',
    'experiment.heldOut': '홀드아웃 정확도',
    'experiment.unseen': '처음 보는 스타일 정확도',
    'experiment.pointing': '포인팅 게임, 정확한 마스크',
    'experiment.pointingTolerant': '포인팅 게임, 2 px 이내',
    'experiment.caption':
      '<strong>증강이 주는 효과를 측정한 결과.</strong> 실험실 모델을 증강 정책마다 스트림 4242의 같은 고정 장면 2,048개로 {epochs} 에폭 학습했고, 시드는 {seeds}입니다. 각 셀은 마지막 에폭 뒤에 잰 값의 시드 간 평균 ± 표본 표준편차(%)이고, 그 아래는 기준선 대비 평균의 변화(%p)입니다. 홀드아웃: 스트림 90001의 처음 이미지 500개(학습한 스타일). 처음 보는 스타일: 스트림 90002의 처음 500개(학습에 쓰지 않은 이모지 스타일). 포인팅 게임: 모델 카드의 장면 500개(시드 90003)에 있는 모든 물체를 그 클래스 CAM의 최댓값과 대조하되, 정확한 마스크 기준과 마스크에서 2 px 이내 기준으로 셉니다. 프로토콜은 실행 전에 정해 두었습니다. 셀 하나의 실행은 <code>npm run train -- &lt;policy&gt; --seed N</code>으로(2코어 머신에서 Node의 tfjs wasm 백엔드로 실행당 약 105초), 표는 <code>npm run experiments</code>로 재현할 수 있습니다.',
    // MethodMap
    'map.model': '모델 이해하기',
    'map.modelNote': '여러 이미지에 걸쳐 유닛, 층, 클래스가 무엇에 반응하는지',
    'map.filterViz': '필터 시각화',
    'map.classViz': '클래스 시각화',
    'map.patches': '최대 활성화 패치',
    'map.embeddings': '최근접 이웃, PCA, t-SNE',
    'map.activations': '층 활성화',
    'map.decision': '결정 설명하기',
    'map.decisionNote': '이 입력과 이 클래스에 대해 왜 이런 답이 나왔는지',
    'map.occlusion': '가림 맵',
    'map.saliency': '현저성 맵, SmoothGrad',
    'map.guided': '가이드 역전파',
    'map.cam': 'CAM, Grad-CAM',
    'map.trust': '새니티 체크, 포인팅 게임',
    'map.vit': 'ViT 어텐션, 롤아웃',
    'map.data': '데이터 바꾸기',
    'map.dataNote': '설명이 아니라 새로운 학습 이미지',
    'map.augmentation': '데이터 증강',
    'map.buys': '증강이 주는 효과',
    'map.modelEnd': '모델',
    'map.dataEnd': '데이터',
    'map.caption': '이 책의 방법들을 모델 쪽(왼쪽, 휴대폰에서는 위쪽)에서 데이터 쪽까지 늘어놓았습니다. 이름을 누르면 해당 레슨이 열립니다.',
  },
);
