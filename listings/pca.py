import torch


def pca_map(features, images):
    """
    en: PCA of the embeddings: each image's e = (1/Z) sum_ij A_ij, centred, C = Xc^T Xc / (n - 1),
    en: and the two eigenvectors v_1, v_2 of C with the largest eigenvalues. Each axis is signed so that
    en: its largest entry is positive. Returns the points z_j = ((x_j - mean)^T v_1, (x_j - mean)^T v_2)
    en: and the share of the variance each axis keeps, lambda_i / sum(lambda).
    ko: 임베딩의 PCA: 각 이미지의 e = (1/Z) sum_ij A_ij를 중심화해 C = Xc^T Xc / (n - 1)을 구하고,
    ko: 고유값이 가장 큰 C의 고유벡터 두 개 v_1, v_2를 찾는다. 각 축의 부호는 가장 큰 성분이 양수가 되도록 정한다.
    ko: 점 z_j = ((x_j - mean)^T v_1, (x_j - mean)^T v_2)와 각 축이 담는 분산의 비율
    ko: lambda_i / sum(lambda)를 돌려준다.
    """
    with torch.no_grad():
        x = features(images).mean(dim=(2, 3))  # [n, K]
        xc = x - x.mean(dim=0)
        c = xc.T @ xc / (x.shape[0] - 1)  # C: [K, K]
        # en: eigenvalues in ascending order
        # ko: 고유값은 오름차순
        values, vectors = torch.linalg.eigh(c)
        # en: the two largest
        # ko: 가장 큰 두 개
        v = vectors[:, [-1, -2]]
        largest = v.abs().argmax(dim=0)
        # en: sign: largest entry positive
        # ko: 부호: 가장 큰 성분이 양수
        v = v * v[largest, [0, 1]].sign()
        return xc @ v, values[[-1, -2]] / values.sum()
