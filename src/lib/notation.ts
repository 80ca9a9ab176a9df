/**
 * The book's symbols, for the notation page: each with what it means and the
 * lessons that use it in that sense. The lessons follow their papers'
 * notation, so a few letters mean different things in different lessons;
 * OVERLOADED lists those letters with every meaning side by side.
 */

/** A lesson's id (its file name in content/lessons/). */
type LessonId = string;

export interface NotationEntry {
  /** TeX, rendered inline. */
  symbol: string;
  /** What it stands for; may hold inline $TeX$. */
  meaning: string;
  /** The same in Korean, for the Korean edition. */
  meaningKo: string;
  lessons: LessonId[];
}

export interface NotationGroup {
  id: string;
  title: string;
  /** The title in Korean, for the Korean edition. */
  titleKo: string;
  entries: NotationEntry[];
}

export const NOTATION: NotationGroup[] = [
  {
    id: 'images-and-scores',
    title: 'Images, classes and scores',
    titleKo: '이미지, 클래스, 점수',
    entries: [
      {
        symbol: 'I,\\ x',
        meaning: 'An input image: 64 × 64 pixels × 3 colours, values in [0, 1]. Papers on gradients write $I$, papers on augmentation $x$.',
        meaningKo: '입력 이미지: 64 × 64 픽셀 × 3색, 값은 [0, 1] 범위입니다. 그래디언트를 다루는 논문은 $I$로, 증강을 다루는 논문은 $x$로 씁니다.',
        lessons: ['class-visualization', 'occlusion-and-saliency', 'erasing-and-mixing', 'geometric-transforms'],
      },
      {
        symbol: 'c',
        meaning: 'A class (one of the ten), as an index.',
        meaningKo: '클래스(열 개 중 하나)의 번호.',
        lessons: ['class-visualization', 'occlusion-and-saliency', 'cam-and-grad-cam', 'trusting-heatmaps'],
      },
      {
        symbol: 'S_c,\\ y^c',
        meaning:
          "The score of class $c$: the network's output for that class before the softmax (the logit). The same number; the saliency papers write $S_c$, the CAM papers $y^c$.",
        meaningKo:
          '클래스 $c$의 점수: 소프트맥스를 거치기 전, 그 클래스에 대한 네트워크의 출력(로짓)입니다. 같은 값을 현저성 맵 논문은 $S_c$로, CAM 논문은 $y^c$로 씁니다.',
        lessons: ['class-visualization', 'occlusion-and-saliency', 'cam-and-grad-cam'],
      },
      {
        symbol: 'p(c \\mid x)',
        meaning: 'The probability of class $c$ after the softmax.',
        meaningKo: '소프트맥스를 거친 뒤 클래스 $c$의 확률.',
        lessons: ['trusting-heatmaps', 'test-time-augmentation', 'erasing-and-mixing'],
      },
    ],
  },
  {
    id: 'convolution',
    title: 'Convolution, pooling and layers',
    titleKo: '합성곱, 풀링, 층',
    entries: [
      {
        symbol: 'X,\\ Y',
        meaning: 'The input and the output (feature map) of one convolution.',
        meaningKo: '합성곱 하나의 입력과 출력(특징 맵).',
        lessons: ['convolution-pooling-activation'],
      },
      {
        symbol: 'K_{u,v},\\ b',
        meaning: "The kernel's weight at offset $(u, v)$, and the bias.",
        meaningKo: '오프셋 $(u, v)$에서 커널의 가중치, 그리고 편향.',
        lessons: ['convolution-pooling-activation'],
      },
      {
        symbol: 'k,\\ K',
        meaning: "The kernel's side (3 for a 3 × 3 kernel): $k$ in the convolution, $K$ in the output-size formula.",
        meaningKo: '커널의 한 변 길이(3 × 3 커널이면 3): 합성곱 식에서는 $k$, 출력 크기 공식에서는 $K$로 씁니다.',
        lessons: ['convolution-pooling-activation'],
      },
      {
        symbol: 's,\\ S',
        meaning: 'Stride: how far the kernel (or pooling window) moves between outputs.',
        meaningKo: '스트라이드: 출력 하나를 만들 때마다 커널(또는 풀링 창)이 움직이는 거리.',
        lessons: ['convolution-pooling-activation', 'maximally-activating-patches'],
      },
      {
        symbol: 'p,\\ P',
        meaning: 'Padding: rows and columns of zeros added around the input.',
        meaningKo: '패딩: 입력 둘레에 덧붙이는 0으로 채운 행과 열.',
        lessons: ['convolution-pooling-activation', 'maximally-activating-patches'],
      },
      {
        symbol: 'N,\\ O',
        meaning: 'The side of a square input, and of the output.',
        meaningKo: '정사각형 입력의 한 변 길이, 그리고 출력의 한 변 길이.',
        lessons: ['convolution-pooling-activation'],
      },
      {
        symbol: 'M_{i,j}',
        meaning: 'The max-pooled map; the pooling window has side $k$ and stride $s$.',
        meaningKo: '최대 풀링한 맵. 풀링 창의 한 변은 $k$, 스트라이드는 $s$입니다.',
        lessons: ['convolution-pooling-activation'],
      },
      {
        symbol: 'W^k_{u,v,c}',
        meaning: 'The weights of filter (output channel) $k$, at offset $(u, v)$ and input channel $c$.',
        meaningKo: '필터(출력 채널) $k$의 가중치 가운데 오프셋 $(u, v)$, 입력 채널 $c$의 값.',
        lessons: ['layer-activations'],
      },
      {
        symbol: 'A^k,\\ A^k_{ij}',
        meaning: "Channel $k$ of a layer's activations (a feature map), and its value at row $i$, column $j$.",
        meaningKo: '한 층 활성화의 채널 $k$(특징 맵), 그리고 그 $i$행 $j$열의 값.',
        lessons: ['layer-activations', 'maximally-activating-patches', 'cam-and-grad-cam'],
      },
      {
        symbol: 'r_l,\\ j_l',
        meaning: "The receptive field's side at layer $l$, and the jump (input pixels between neighbouring units).",
        meaningKo: '층 $l$에서 수용 영역의 한 변 길이, 그리고 점프(이웃한 유닛 사이의 입력 픽셀 수).',
        lessons: ['maximally-activating-patches'],
      },
    ],
  },
  {
    id: 'embeddings',
    title: 'Embeddings, PCA and t-SNE',
    titleKo: '임베딩, PCA, t-SNE',
    entries: [
      {
        symbol: 'f(x)',
        meaning: 'The embedding of image $x$: the 64 numbers after global average pooling.',
        meaningKo: '이미지 $x$의 임베딩: 전역 평균 풀링을 거친 숫자 64개.',
        lessons: ['embedding-features'],
      },
      {
        symbol: '\\mathcal{N}_k(q)',
        meaning: 'The $k$ nearest neighbours of query $q$.',
        meaningKo: '질의 $q$의 최근접 이웃 $k$개.',
        lessons: ['embedding-features'],
      },
      {
        symbol: 'C,\\ \\lambda_i,\\ v_i',
        meaning: 'PCA: the covariance matrix, its eigenvalues (largest first) and eigenvectors.',
        meaningKo: 'PCA: 공분산 행렬, 그 고윳값(큰 것부터)과 고유벡터.',
        lessons: ['embedding-features'],
      },
      {
        symbol: 'p_{j\\mid i},\\ p_{ij}',
        meaning: 't-SNE: how likely $x_i$ picks $x_j$ as its neighbour, and the symmetric joint probability.',
        meaningKo: 't-SNE: $x_i$가 $x_j$를 이웃으로 고를 확률, 그리고 대칭화한 결합 확률.',
        lessons: ['embedding-features'],
      },
      {
        symbol: 'q_{ij},\\ y_i',
        meaning: 't-SNE: the similarity of two dots on the page, and the position of dot $i$.',
        meaningKo: 't-SNE: 화면 위 두 점의 유사도, 그리고 점 $i$의 위치.',
        lessons: ['embedding-features'],
      },
      {
        symbol: '\\sigma_i',
        meaning: 't-SNE: the width of the Gaussian around $x_i$, set by the perplexity.',
        meaningKo: 't-SNE: $x_i$ 주위 가우시안의 폭으로, 퍼플렉시티로 정해집니다.',
        lessons: ['embedding-features'],
      },
    ],
  },
  {
    id: 'explanations',
    title: 'Explanation maps',
    titleKo: '설명 맵',
    entries: [
      {
        symbol: 'I^*,\\ \\lambda',
        meaning: 'Class visualization: the image that maximises the score, and the weight of the $L_2$ penalty.',
        meaningKo: '클래스 시각화: 점수를 최대로 만드는 이미지, 그리고 $L_2$ 페널티의 가중치.',
        lessons: ['class-visualization'],
      },
      {
        symbol: '\\eta',
        meaning: "A step size (gradient ascent, t-SNE's learning rate).",
        meaningKo: '스텝 크기(그래디언트 상승, t-SNE의 학습률).',
        lessons: ['class-visualization', 'embedding-features'],
      },
      {
        symbol: 'd_c(p),\\ M_p',
        meaning: "Occlusion: the drop of $S_c$ when the patch at position $p$ is greyed out, and that patch's mask.",
        meaningKo: '가림: 위치 $p$의 패치를 회색으로 가렸을 때 $S_c$가 떨어지는 양, 그리고 그 패치의 마스크.',
        lessons: ['occlusion-and-saliency'],
      },
      {
        symbol: 'w = \\partial S_c / \\partial I',
        meaning: "The input gradient: how fast the score moves with each pixel's colour.",
        meaningKo: '입력 그래디언트: 각 픽셀의 색이 바뀔 때 점수가 얼마나 빨리 변하는지.',
        lessons: ['occlusion-and-saliency'],
      },
      {
        symbol: 'M_{ij}',
        meaning: 'A saliency map: the largest $|w|$ over the three colours of pixel $(i, j)$.',
        meaningKo: '현저성 맵: 픽셀 $(i, j)$의 세 색 가운데 가장 큰 $|w|$.',
        lessons: ['occlusion-and-saliency'],
      },
      {
        symbol: 'f_k(x, y),\\ F_k,\\ Z',
        meaning: 'CAM: channel $k$ of the last feature maps at $(x, y)$ (the same as $A^k_{ij}$), its average, and the number of positions averaged.',
        meaningKo: 'CAM: 마지막 특징 맵의 채널 $k$의 $(x, y)$ 위치 값($A^k_{ij}$와 같습니다), 그 평균, 그리고 평균을 낸 위치의 수.',
        lessons: ['cam-and-grad-cam'],
      },
      {
        symbol: 'w_k^c,\\ M_c',
        meaning: "CAM: the dense layer's weight from channel $k$ to class $c$, and the class activation map.",
        meaningKo: 'CAM: 채널 $k$에서 클래스 $c$로 가는 밀집층의 가중치, 그리고 클래스 활성화 맵.',
        lessons: ['cam-and-grad-cam'],
      },
      {
        symbol: '\\alpha_k^c,\\ L^c_{\\text{Grad-CAM}}',
        meaning: "Grad-CAM: channel $k$'s importance for class $c$ (the mean gradient), and the map.",
        meaningKo: 'Grad-CAM: 클래스 $c$에 대한 채널 $k$의 중요도(그래디언트의 평균), 그리고 그 맵.',
        lessons: ['cam-and-grad-cam'],
      },
      {
        symbol: '\\beta_k^c,\\ a_{ij}^{kc}',
        meaning: 'Grad-CAM++: the channel weight and its per-position weights.',
        meaningKo: 'Grad-CAM++: 채널 가중치와 위치별 가중치.',
        lessons: ['cam-and-grad-cam'],
      },
      {
        symbol: 'R^{\\text{GB}},\\ G^c',
        meaning: 'The guided-backpropagation gradient, and Guided Grad-CAM.',
        meaningKo: '가이드 역전파(guided backpropagation)의 그래디언트, 그리고 가이드 Grad-CAM.',
        lessons: ['occlusion-and-saliency', 'cam-and-grad-cam'],
      },
      {
        symbol: 'p^\\star,\\ \\tau',
        meaning: "The pointing game: a map's peak, and the tolerance in pixels (2 in this book).",
        meaningKo: '포인팅 게임: 맵의 최고점, 그리고 픽셀 단위 허용 오차(이 책에서는 2).',
        lessons: ['trusting-heatmaps', 'what-augmentation-buys'],
      },
      {
        symbol: '\\rho',
        meaning: "Spearman's rank correlation between two maps.",
        meaningKo: '두 맵 사이의 스피어만 순위 상관계수.',
        lessons: ['trusting-heatmaps'],
      },
    ],
  },
  {
    id: 'attention',
    title: 'Vision Transformers and attention',
    titleKo: '비전 트랜스포머와 어텐션',
    entries: [
      {
        symbol: 'P,\\ N,\\ D',
        meaning: 'A ViT: the patch side in pixels (8), the number of patches (64), and the width of every token (64).',
        meaningKo: 'ViT: 패치 한 변의 픽셀 수(8), 패치 수(64), 모든 토큰의 폭(64).',
        lessons: ['vit-attention'],
      },
      {
        symbol: 'x_p^i,\\ E,\\ E_{\\text{pos}}',
        meaning: 'Patch $i$ flattened, the patch embedding that maps it to a token, and the position embeddings.',
        meaningKo: '펼친 패치 $i$, 그것을 토큰으로 바꾸는 패치 임베딩, 그리고 위치 임베딩.',
        lessons: ['vit-attention'],
      },
      {
        symbol: 'z_\\ell,\\ z_\\ell^0',
        meaning: "The tokens after layer $\\ell$ ($N + 1$ rows of width $D$), and the CLS token's row, which the classifier reads after the last layer.",
        meaningKo: '층 $\\ell$을 지난 토큰들(폭이 $D$인 행 $N + 1$개), 그리고 마지막 층 뒤에 분류기가 읽는 CLS 토큰의 행.',
        lessons: ['vit-attention'],
      },
      {
        symbol: 'Q,\\ K,\\ V',
        meaning: 'Queries, keys and values: three projections of the tokens, cut into one slice of width $d_h = D / H$ per head.',
        meaningKo: '쿼리, 키, 값: 토큰을 세 가지로 투영한 것으로, 헤드마다 폭 $d_h = D / H$인 조각 하나씩으로 나뉩니다.',
        lessons: ['vit-attention'],
      },
      {
        symbol: 'H,\\ A_h^{(\\ell)}',
        meaning: "The number of heads, and head $h$'s attention matrix in layer $\\ell$ (each row sums to 1).",
        meaningKo: '헤드 수, 그리고 층 $\\ell$에서 헤드 $h$의 어텐션 행렬(각 행의 합은 1).',
        lessons: ['vit-attention'],
      },
      {
        symbol: '\\hat{A}^{(\\ell)},\\ \\tilde{A}',
        meaning: "Attention rollout: a layer's heads fused with the identity added, and their product over the layers.",
        meaningKo: '어텐션 롤아웃: 한 층의 헤드들을 합치고 항등 행렬을 더한 것, 그리고 그것을 모든 층에 걸쳐 곱한 것.',
        lessons: ['vit-attention'],
      },
      {
        symbol: '\\bar{A}^{(\\ell)},\\ R^{(\\ell)}',
        meaning:
          "The mean over heads (rollout), or of the gradient-weighted heads' positive parts (gradient-weighted rollout); $R$ accumulates the latter over the layers.",
        meaningKo: '헤드들의 평균(롤아웃), 또는 그래디언트로 가중한 헤드들의 양수 부분의 평균(그래디언트 가중 롤아웃). $R$은 후자를 층에 걸쳐 누적합니다.',
        lessons: ['vit-attention'],
      },
    ],
  },
  {
    id: 'segmentation',
    title: 'Segmentation',
    titleKo: '분할',
    entries: [
      {
        symbol: 'y_p',
        meaning: 'The label of pixel $p$: the class whose visible mask covers it, or the background.',
        meaningKo: '픽셀 $p$의 레이블: 그 픽셀을 덮는 보이는 마스크의 클래스, 또는 배경.',
        lessons: ['semantic-segmentation'],
      },
      {
        symbol: 'P_k,\\ T_k',
        meaning: 'The pixels a segmenter labels $k$, and the pixels the truth labels $k$.',
        meaningKo: '분할 모델이 $k$로 레이블한 픽셀들, 그리고 정답이 $k$로 레이블한 픽셀들.',
        lessons: ['semantic-segmentation'],
      },
      {
        symbol: '\\operatorname{IoU}_k,\\ K',
        meaning: 'Intersection over union of class $k$, and the set of classes its mean runs over.',
        meaningKo: '클래스 $k$의 IoU(교집합 대 합집합 비), 그리고 그 평균을 내는 클래스들의 집합.',
        lessons: ['semantic-segmentation'],
      },
    ],
  },
  {
    id: 'generators',
    title: 'Generators and dissection',
    titleKo: '생성자와 해부',
    entries: [
      {
        symbol: 'z,\\ z_t',
        meaning: 'A latent code (64 standard normal draws), and the point at $t$ on a straight walk between two codes.',
        meaningKo: '잠재 코드(표준정규분포에서 뽑은 수 64개), 그리고 두 코드 사이를 직선으로 걸을 때 $t$ 지점의 코드.',
        lessons: ['gan-dissection', 'class-visualization'],
      },
      {
        symbol: 'G,\\ D',
        meaning: 'The generator, code to image, and the discriminator, image to a logit (high for real).',
        meaningKo: '코드를 이미지로 바꾸는 생성자, 그리고 이미지를 로짓(진짜일수록 높음)으로 바꾸는 판별자.',
        lessons: ['gan-dissection', 'class-visualization'],
      },
      {
        symbol: 'L_D,\\ L_G',
        meaning: "The discriminator's and the generator's losses (the generator's in its non-saturating form).",
        meaningKo: '판별자의 손실과 생성자의 손실(생성자의 손실은 비포화 형태).',
        lessons: ['gan-dissection'],
      },
      {
        symbol: 'r_u^{\\uparrow},\\ s_c',
        meaning: "Unit $u$'s map enlarged to the image, and the pixels the segmenter labels class $c$.",
        meaningKo: '이미지 크기로 키운 유닛 $u$의 맵, 그리고 분할 모델이 클래스 $c$로 레이블한 픽셀들.',
        lessons: ['gan-dissection'],
      },
      {
        symbol: 't_{u,c}',
        meaning: 'The threshold of unit $u$ for class $c$: the one whose on-mask has the best information quality ratio with $s_c$.',
        meaningKo: '클래스 $c$에 대한 유닛 $u$의 문턱값: 켜진 영역의 마스크가 $s_c$와 정보 품질 비(information quality ratio)가 가장 높아지는 값.',
        lessons: ['gan-dissection'],
      },
      {
        symbol: 'a_u(p),\\ U,\\ B,\\ v_u',
        meaning: "Unit $u$'s value at cell $p$; the units edited; the box of cells an insertion fills; the value it sets.",
        meaningKo: '셀 $p$에서 유닛 $u$의 값, 편집하는 유닛들, 삽입으로 채우는 셀들의 상자, 그리고 삽입이 설정하는 값.',
        lessons: ['gan-dissection'],
      },
    ],
  },
  {
    id: 'augmentation',
    title: 'Augmentation',
    titleKo: '증강',
    entries: [
      {
        symbol: 'M,\\ R_\\theta',
        meaning: 'A geometric transform as a 3 × 3 matrix in homogeneous coordinates, and a rotation by $\\theta$.',
        meaningKo: '동차 좌표에서 3 × 3 행렬로 나타낸 기하학적 변환, 그리고 $\\theta$만큼의 회전.',
        lessons: ['geometric-transforms'],
      },
      {
        symbol: '\\tilde{x},\\ \\tilde{y}',
        meaning: 'A mixed image and its soft label (Mixup, CutMix).',
        meaningKo: '섞은 이미지와 그 소프트 레이블(Mixup, CutMix).',
        lessons: ['erasing-and-mixing'],
      },
      {
        symbol: '\\lambda \\sim \\operatorname{Beta}(\\alpha, \\alpha)',
        meaning: 'The mixing weight, drawn from a Beta distribution with parameter $\\alpha$.',
        meaningKo: '섞는 비율. 매개변수가 $\\alpha$인 베타 분포에서 뽑습니다.',
        lessons: ['erasing-and-mixing'],
      },
      {
        symbol: 'N,\\ M',
        meaning: 'RandAugment: how many operations per image, and their common magnitude.',
        meaningKo: 'RandAugment: 이미지마다 적용하는 연산의 수, 그리고 공통 강도.',
        lessons: ['augmentation-policies'],
      },
      {
        symbol: '\\mu_c,\\ \\sigma_c',
        meaning: 'The mean and standard deviation of colour channel $c$ over a dataset.',
        meaningKo: '데이터셋 전체에서 색 채널 $c$의 평균과 표준편차.',
        lessons: ['why-augment'],
      },
      {
        symbol: 'V,\\ T_v',
        meaning: 'Test-time augmentation: the number of views, and the transform of view $v$.',
        meaningKo: '테스트 시점 증강: 뷰의 수, 그리고 뷰 $v$의 변환.',
        lessons: ['test-time-augmentation'],
      },
    ],
  },
];

/** Letters the lessons use in more than one sense, each with every sense and where. */
export const OVERLOADED: NotationEntry[] = [
  {
    symbol: 'k',
    meaning:
      "the kernel's or pooling window's side (lesson 1); a channel index (layer activations, CAM); how many neighbours or patches ($\\mathcal{N}_k$, top-$k$).",
    meaningKo: '커널이나 풀링 창의 한 변 길이(레슨 1), 채널 번호(층 활성화, CAM), 이웃이나 패치의 개수($\\mathcal{N}_k$, top-$k$).',
    lessons: ['convolution-pooling-activation', 'layer-activations', 'cam-and-grad-cam', 'embedding-features', 'maximally-activating-patches'],
  },
  {
    symbol: 'K',
    meaning:
      'the kernel, or its side (lesson 1); the number of deletion steps (trust); the number of operations (RandAugment) or of classes (soft labels); the keys of attention; the classes a mean IoU runs over.',
    meaningKo:
      '커널 또는 그 한 변 길이(레슨 1), 삭제 단계의 수(신뢰), 연산의 수(RandAugment)나 클래스의 수(소프트 레이블), 어텐션의 키, 평균 IoU를 내는 클래스들.',
    lessons: ['convolution-pooling-activation', 'trusting-heatmaps', 'vit-attention', 'augmentation-policies', 'erasing-and-mixing', 'semantic-segmentation'],
  },
  {
    symbol: 'M',
    meaning:
      "the pooled map (lesson 1); a saliency map; the class activation map $M_c$; a mask (occlusion, activations, Copy-Paste, CutMix); a transform matrix; RandAugment's magnitude.",
    meaningKo: '풀링한 맵(레슨 1), 현저성 맵, 클래스 활성화 맵 $M_c$, 마스크(가림, 활성화, Copy-Paste, CutMix), 변환 행렬, RandAugment의 강도.',
    lessons: [
      'convolution-pooling-activation',
      'occlusion-and-saliency',
      'cam-and-grad-cam',
      'layer-activations',
      'copy-paste-and-synthetic-data',
      'erasing-and-mixing',
      'geometric-transforms',
      'augmentation-policies',
    ],
  },
  {
    symbol: '\\lambda',
    meaning: 'the weight of the $L_2$ penalty on the image, or on the code $z$ (class visualization); an eigenvalue (PCA); the mixing weight (Mixup, CutMix).',
    meaningKo: '이미지나 코드 $z$에 거는 $L_2$ 페널티의 가중치(클래스 시각화), 고윳값(PCA), 섞는 비율(Mixup, CutMix).',
    lessons: ['class-visualization', 'embedding-features', 'erasing-and-mixing'],
  },
  {
    symbol: 'w',
    meaning: "CAM's class weights $w_k^c$; the input gradient $w$ of the saliency lesson.",
    meaningKo: 'CAM의 클래스 가중치 $w_k^c$, 현저성 맵 레슨의 입력 그래디언트 $w$.',
    lessons: ['cam-and-grad-cam', 'occlusion-and-saliency'],
  },
  {
    symbol: '\\alpha',
    meaning: "Grad-CAM's channel importance; t-SNE's momentum $\\alpha(t)$; the Beta distribution's parameter; an alpha (opacity) matte.",
    meaningKo: 'Grad-CAM의 채널 중요도, t-SNE의 모멘텀 $\\alpha(t)$, 베타 분포의 매개변수, 알파(불투명도) 매트.',
    lessons: ['cam-and-grad-cam', 'embedding-features', 'erasing-and-mixing', 'copy-paste-and-synthetic-data'],
  },
  {
    symbol: 'C',
    meaning: "a number of channels; PCA's covariance matrix; t-SNE's cost (the KL divergence).",
    meaningKo: '채널 수, PCA의 공분산 행렬, t-SNE의 비용(KL 발산).',
    lessons: ['convolution-pooling-activation', 'embedding-features'],
  },
  {
    symbol: 'p',
    meaning: "padding (lesson 1); a probability; a position of a patch or a pixel; $P$, a ViT's patch side; $P_k$, the pixels a segmenter labels $k$.",
    meaningKo: '패딩(레슨 1), 확률, 패치나 픽셀의 위치, ViT의 패치 한 변 $P$, 분할 모델이 $k$로 레이블한 픽셀들 $P_k$.',
    lessons: ['convolution-pooling-activation', 'occlusion-and-saliency', 'trusting-heatmaps', 'vit-attention', 'semantic-segmentation'],
  },
  {
    symbol: 'A',
    meaning: "a layer's activations $A^k$ (layer activations, CAM); a ViT head's attention matrix $A_h$.",
    meaningKo: '층의 활성화 $A^k$(층 활성화, CAM), ViT 헤드의 어텐션 행렬 $A_h$.',
    lessons: ['layer-activations', 'cam-and-grad-cam', 'vit-attention'],
  },
  {
    symbol: 'D',
    meaning: "a ViT's token width; a GAN's discriminator.",
    meaningKo: 'ViT의 토큰 폭, GAN의 판별자.',
    lessons: ['vit-attention', 'gan-dissection'],
  },
];
