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
  lessons: LessonId[];
}

export interface NotationGroup {
  id: string;
  title: string;
  entries: NotationEntry[];
}

export const NOTATION: NotationGroup[] = [
  {
    id: 'images-and-scores',
    title: 'Images, classes and scores',
    entries: [
      { symbol: 'I,\\ x', meaning: 'An input image: 64 × 64 pixels × 3 colours, values in [0, 1]. Papers on gradients write $I$, papers on augmentation $x$.', lessons: ['class-visualization', 'occlusion-and-saliency', 'erasing-and-mixing', 'geometric-transforms'] },
      { symbol: 'c', meaning: 'A class (one of the ten), as an index.', lessons: ['class-visualization', 'occlusion-and-saliency', 'cam-and-grad-cam', 'trusting-heatmaps'] },
      { symbol: 'S_c,\\ y^c', meaning: 'The score of class $c$: the network\'s output for that class before the softmax (the logit). The same number; the saliency papers write $S_c$, the CAM papers $y^c$.', lessons: ['class-visualization', 'occlusion-and-saliency', 'cam-and-grad-cam'] },
      { symbol: 'p(c \\mid x)', meaning: 'The probability of class $c$ after the softmax.', lessons: ['trusting-heatmaps', 'test-time-augmentation', 'erasing-and-mixing'] },
    ],
  },
  {
    id: 'convolution',
    title: 'Convolution, pooling and layers',
    entries: [
      { symbol: 'X,\\ Y', meaning: 'The input and the output (feature map) of one convolution.', lessons: ['convolution-pooling-activation'] },
      { symbol: 'K_{u,v},\\ b', meaning: 'The kernel\'s weight at offset $(u, v)$, and the bias.', lessons: ['convolution-pooling-activation'] },
      { symbol: 'k,\\ K', meaning: 'The kernel\'s side (3 for a 3 × 3 kernel): $k$ in the convolution, $K$ in the output-size formula.', lessons: ['convolution-pooling-activation'] },
      { symbol: 's,\\ S', meaning: 'Stride: how far the kernel (or pooling window) moves between outputs.', lessons: ['convolution-pooling-activation', 'maximally-activating-patches'] },
      { symbol: 'p,\\ P', meaning: 'Padding: rows and columns of zeros added around the input.', lessons: ['convolution-pooling-activation', 'maximally-activating-patches'] },
      { symbol: 'N,\\ O', meaning: 'The side of a square input, and of the output.', lessons: ['convolution-pooling-activation'] },
      { symbol: 'M_{i,j}', meaning: 'The max-pooled map; the pooling window has side $k$ and stride $s$.', lessons: ['convolution-pooling-activation'] },
      { symbol: 'W^k_{u,v,c}', meaning: 'The weights of filter (output channel) $k$, at offset $(u, v)$ and input channel $c$.', lessons: ['layer-activations'] },
      { symbol: 'A^k,\\ A^k_{ij}', meaning: 'Channel $k$ of a layer\'s activations (a feature map), and its value at row $i$, column $j$.', lessons: ['layer-activations', 'maximally-activating-patches', 'cam-and-grad-cam'] },
      { symbol: 'r_l,\\ j_l', meaning: 'The receptive field\'s side at layer $l$, and the jump (input pixels between neighbouring units).', lessons: ['maximally-activating-patches'] },
    ],
  },
  {
    id: 'embeddings',
    title: 'Embeddings, PCA and t-SNE',
    entries: [
      { symbol: 'f(x)', meaning: 'The embedding of image $x$: the 64 numbers after global average pooling.', lessons: ['embedding-features'] },
      { symbol: '\\mathcal{N}_k(q)', meaning: 'The $k$ nearest neighbours of query $q$.', lessons: ['embedding-features'] },
      { symbol: 'C,\\ \\lambda_i,\\ v_i', meaning: 'PCA: the covariance matrix, its eigenvalues (largest first) and eigenvectors.', lessons: ['embedding-features'] },
      { symbol: 'p_{j\\mid i},\\ p_{ij}', meaning: 't-SNE: how likely $x_i$ picks $x_j$ as its neighbour, and the symmetric joint probability.', lessons: ['embedding-features'] },
      { symbol: 'q_{ij},\\ y_i', meaning: 't-SNE: the similarity of two dots on the page, and the position of dot $i$.', lessons: ['embedding-features'] },
      { symbol: '\\sigma_i', meaning: 't-SNE: the width of the Gaussian around $x_i$, set by the perplexity.', lessons: ['embedding-features'] },
    ],
  },
  {
    id: 'explanations',
    title: 'Explanation maps',
    entries: [
      { symbol: 'I^*,\\ \\lambda', meaning: 'Class visualization: the image that maximises the score, and the weight of the $L_2$ penalty.', lessons: ['class-visualization'] },
      { symbol: '\\eta', meaning: 'A step size (gradient ascent, t-SNE\'s learning rate).', lessons: ['class-visualization', 'embedding-features'] },
      { symbol: 'd_c(p),\\ M_p', meaning: 'Occlusion: the drop of $S_c$ when the patch at position $p$ is greyed out, and that patch\'s mask.', lessons: ['occlusion-and-saliency'] },
      { symbol: 'w = \\partial S_c / \\partial I', meaning: 'The input gradient: how fast the score moves with each pixel\'s colour.', lessons: ['occlusion-and-saliency'] },
      { symbol: 'M_{ij}', meaning: 'A saliency map: the largest $|w|$ over the three colours of pixel $(i, j)$.', lessons: ['occlusion-and-saliency'] },
      { symbol: 'f_k(x, y),\\ F_k,\\ Z', meaning: 'CAM: channel $k$ of the last feature maps at $(x, y)$ (the same as $A^k_{ij}$), its average, and the number of positions averaged.', lessons: ['cam-and-grad-cam'] },
      { symbol: 'w_k^c,\\ M_c', meaning: 'CAM: the dense layer\'s weight from channel $k$ to class $c$, and the class activation map.', lessons: ['cam-and-grad-cam'] },
      { symbol: '\\alpha_k^c,\\ L^c_{\\text{Grad-CAM}}', meaning: 'Grad-CAM: channel $k$\'s importance for class $c$ (the mean gradient), and the map.', lessons: ['cam-and-grad-cam'] },
      { symbol: '\\beta_k^c,\\ a_{ij}^{kc}', meaning: 'Grad-CAM++: the channel weight and its per-position weights.', lessons: ['cam-and-grad-cam'] },
      { symbol: 'R^{\\text{GB}},\\ G^c', meaning: 'The guided-backpropagation gradient, and Guided Grad-CAM.', lessons: ['occlusion-and-saliency', 'cam-and-grad-cam'] },
      { symbol: 'p^\\star,\\ \\tau', meaning: 'The pointing game: a map\'s peak, and the tolerance in pixels (2 in this book).', lessons: ['trusting-heatmaps', 'what-augmentation-buys'] },
      { symbol: '\\rho', meaning: 'Spearman\'s rank correlation between two maps.', lessons: ['trusting-heatmaps'] },
    ],
  },
  {
    id: 'attention',
    title: 'Vision Transformers and attention',
    entries: [
      { symbol: 'P,\\ N,\\ D', meaning: 'A ViT: the patch side in pixels (8), the number of patches (64), and the width of every token (64).', lessons: ['vit-attention'] },
      { symbol: 'x_p^i,\\ E,\\ E_{\\text{pos}}', meaning: 'Patch $i$ flattened, the patch embedding that maps it to a token, and the position embeddings.', lessons: ['vit-attention'] },
      { symbol: 'z_\\ell,\\ z_\\ell^0', meaning: 'The tokens after layer $\\ell$ ($N + 1$ rows of width $D$), and the CLS token\'s row, which the classifier reads after the last layer.', lessons: ['vit-attention'] },
      { symbol: 'Q,\\ K,\\ V', meaning: 'Queries, keys and values: three projections of the tokens, cut into one slice of width $d_h = D / H$ per head.', lessons: ['vit-attention'] },
      { symbol: 'H,\\ A_h^{(\\ell)}', meaning: 'The number of heads, and head $h$\'s attention matrix in layer $\\ell$ (each row sums to 1).', lessons: ['vit-attention'] },
      { symbol: '\\hat{A}^{(\\ell)},\\ \\tilde{A}', meaning: 'Attention rollout: a layer\'s heads fused with the identity added, and their product over the layers.', lessons: ['vit-attention'] },
      { symbol: '\\bar{A}^{(\\ell)},\\ R^{(\\ell)}', meaning: 'The mean over heads (rollout), or of the gradient-weighted heads\' positive parts (gradient-weighted rollout); $R$ accumulates the latter over the layers.', lessons: ['vit-attention'] },
    ],
  },
  {
    id: 'segmentation',
    title: 'Segmentation',
    entries: [
      { symbol: 'y_p', meaning: 'The label of pixel $p$: the class whose visible mask covers it, or the background.', lessons: ['semantic-segmentation'] },
      { symbol: 'P_k,\\ T_k', meaning: 'The pixels a segmenter labels $k$, and the pixels the truth labels $k$.', lessons: ['semantic-segmentation'] },
      { symbol: '\\operatorname{IoU}_k,\\ K', meaning: 'Intersection over union of class $k$, and the set of classes its mean runs over.', lessons: ['semantic-segmentation'] },
    ],
  },
  {
    id: 'generators',
    title: 'Generators and dissection',
    entries: [
      { symbol: 'z,\\ z_t', meaning: 'A latent code (64 standard normal draws), and the point at $t$ on a straight walk between two codes.', lessons: ['gan-dissection', 'class-visualization'] },
      { symbol: 'G,\\ D', meaning: 'The generator, code to image, and the discriminator, image to a logit (high for real).', lessons: ['gan-dissection', 'class-visualization'] },
      { symbol: 'L_D,\\ L_G', meaning: "The discriminator's and the generator's losses (the generator's in its non-saturating form).", lessons: ['gan-dissection'] },
      { symbol: 'r_u^{\\uparrow},\\ s_c', meaning: "Unit $u$'s map enlarged to the image, and the pixels the segmenter labels class $c$.", lessons: ['gan-dissection'] },
      { symbol: 't_{u,c}', meaning: 'The threshold of unit $u$ for class $c$: the one whose on-mask has the best information quality ratio with $s_c$.', lessons: ['gan-dissection'] },
      { symbol: 'a_u(p),\\ U,\\ B,\\ v_u', meaning: "Unit $u$'s value at cell $p$; the units edited; the box of cells an insertion fills; the value it sets.", lessons: ['gan-dissection'] },
    ],
  },
  {
    id: 'augmentation',
    title: 'Augmentation',
    entries: [
      { symbol: 'M,\\ R_\\theta', meaning: 'A geometric transform as a 3 × 3 matrix in homogeneous coordinates, and a rotation by $\\theta$.', lessons: ['geometric-transforms'] },
      { symbol: '\\tilde{x},\\ \\tilde{y}', meaning: 'A mixed image and its soft label (Mixup, CutMix).', lessons: ['erasing-and-mixing'] },
      { symbol: '\\lambda \\sim \\operatorname{Beta}(\\alpha, \\alpha)', meaning: 'The mixing weight, drawn from a Beta distribution with parameter $\\alpha$.', lessons: ['erasing-and-mixing'] },
      { symbol: 'N,\\ M', meaning: 'RandAugment: how many operations per image, and their common magnitude.', lessons: ['augmentation-policies'] },
      { symbol: '\\mu_c,\\ \\sigma_c', meaning: 'The mean and standard deviation of colour channel $c$ over a dataset.', lessons: ['why-augment'] },
      { symbol: 'V,\\ T_v', meaning: 'Test-time augmentation: the number of views, and the transform of view $v$.', lessons: ['test-time-augmentation'] },
    ],
  },
];

/** Letters the lessons use in more than one sense, each with every sense and where. */
export const OVERLOADED: NotationEntry[] = [
  { symbol: 'k', meaning: 'the kernel\'s or pooling window\'s side (lesson 1); a channel index (layer activations, CAM); how many neighbours or patches ($\\mathcal{N}_k$, top-$k$).', lessons: ['convolution-pooling-activation', 'layer-activations', 'cam-and-grad-cam', 'embedding-features', 'maximally-activating-patches'] },
  { symbol: 'K', meaning: 'the kernel, or its side (lesson 1); the number of deletion steps (trust); the number of operations (RandAugment) or of classes (soft labels); the keys of attention; the classes a mean IoU runs over.', lessons: ['convolution-pooling-activation', 'trusting-heatmaps', 'vit-attention', 'augmentation-policies', 'erasing-and-mixing', 'semantic-segmentation'] },
  { symbol: 'M', meaning: 'the pooled map (lesson 1); a saliency map; the class activation map $M_c$; a mask (occlusion, activations, Copy-Paste, CutMix); a transform matrix; RandAugment\'s magnitude.', lessons: ['convolution-pooling-activation', 'occlusion-and-saliency', 'cam-and-grad-cam', 'layer-activations', 'copy-paste-and-synthetic-data', 'erasing-and-mixing', 'geometric-transforms', 'augmentation-policies'] },
  { symbol: '\\lambda', meaning: 'the weight of the $L_2$ penalty on the image, or on the code $z$ (class visualization); an eigenvalue (PCA); the mixing weight (Mixup, CutMix).', lessons: ['class-visualization', 'embedding-features', 'erasing-and-mixing'] },
  { symbol: 'w', meaning: 'CAM\'s class weights $w_k^c$; the input gradient $w$ of the saliency lesson.', lessons: ['cam-and-grad-cam', 'occlusion-and-saliency'] },
  { symbol: '\\alpha', meaning: 'Grad-CAM\'s channel importance; t-SNE\'s momentum $\\alpha(t)$; the Beta distribution\'s parameter; an alpha (opacity) matte.', lessons: ['cam-and-grad-cam', 'embedding-features', 'erasing-and-mixing', 'copy-paste-and-synthetic-data'] },
  { symbol: 'C', meaning: 'a number of channels; PCA\'s covariance matrix; t-SNE\'s cost (the KL divergence).', lessons: ['convolution-pooling-activation', 'embedding-features'] },
  { symbol: 'p', meaning: 'padding (lesson 1); a probability; a position of a patch or a pixel; $P$, a ViT\'s patch side; $P_k$, the pixels a segmenter labels $k$.', lessons: ['convolution-pooling-activation', 'occlusion-and-saliency', 'trusting-heatmaps', 'vit-attention', 'semantic-segmentation'] },
  { symbol: 'A', meaning: 'a layer\'s activations $A^k$ (layer activations, CAM); a ViT head\'s attention matrix $A_h$.', lessons: ['layer-activations', 'cam-and-grad-cam', 'vit-attention'] },
  { symbol: 'D', meaning: 'a ViT\'s token width; a GAN\'s discriminator.', lessons: ['vit-attention', 'gan-dissection'] },
];
