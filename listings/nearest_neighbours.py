import torch


def nearest_neighbours(features, images, q, k):
    """
    en: Nearest neighbours in feature space: each image's embedding is the global
    en: average of its last feature maps, e = (1/Z) sum_ij A_ij, and the neighbours of
    en: image q are the k other images whose embeddings are closest, ||e_q - e_i|| smallest, i != q.
    ko: 특징 공간의 최근접 이웃: 각 이미지의 임베딩은 마지막 특징 맵의 전역 평균
    ko: e = (1/Z) sum_ij A_ij이고, 이미지 q의 이웃은 임베딩이 가장 가까운
    ko: (||e_q - e_i||가 가장 작은, i != q) 다른 이미지 k개다.
    """
    with torch.no_grad():
        e = features(images).mean(dim=(2, 3))  # e: [n, K]
        distances = (e - e[q]).norm(dim=1)  # ||e_q - e_i||: [n]
        distances[q] = float('inf')  # i != q
        # en: the k smallest
        # ko: 가장 작은 k개
        values, indices = distances.topk(k, largest=False)
    return indices, values
