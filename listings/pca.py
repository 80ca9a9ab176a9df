import torch


def pca_map(features, images):
    """PCA of the embeddings: each image's e = (1/Z) sum_ij A_ij, centred, C = Xc^T Xc / (n - 1),
    and the two eigenvectors v_1, v_2 of C with the largest eigenvalues. Each axis is signed so that
    its largest entry is positive. Returns the points z_j = ((x_j - mean)^T v_1, (x_j - mean)^T v_2)
    and the share of the variance each axis keeps, lambda_i / sum(lambda)."""
    with torch.no_grad():
        x = features(images).mean(dim=(2, 3))  # [n, K]
        xc = x - x.mean(dim=0)
        c = xc.T @ xc / (x.shape[0] - 1)  # C: [K, K]
        values, vectors = torch.linalg.eigh(c)  # eigenvalues in ascending order
        v = vectors[:, [-1, -2]]  # the two largest
        largest = v.abs().argmax(dim=0)
        v = v * v[largest, [0, 1]].sign()  # sign: largest entry positive
        return xc @ v, values[[-1, -2]] / values.sum()
