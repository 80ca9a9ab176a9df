import torch


def nearest_neighbours(features, images, q, k):
    """Nearest neighbours in feature space: each image's embedding is the global
    average of its last feature maps, e = (1/Z) sum_ij A_ij, and the neighbours of
    image q are the k other images whose embeddings are closest, ||e_q - e_i|| smallest, i != q."""
    with torch.no_grad():
        e = features(images).mean(dim=(2, 3))  # e: [n, K]
        distances = (e - e[q]).norm(dim=1)  # ||e_q - e_i||: [n]
        distances[q] = float('inf')  # i != q
        values, indices = distances.topk(k, largest=False)  # the k smallest
    return indices, values
