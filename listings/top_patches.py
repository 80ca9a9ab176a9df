import torch


def top_patches(features, images, c, k):
    """Maximally activating patches (Zeiler & Fergus 2014): for channel c, each
    image's strongest unit m_n = max_uv A_n[c, u, v] and where it is; the k
    images with the largest m_n are the channel's top patches (crop each at the
    unit's receptive field to see it)."""
    with torch.no_grad():
        maps = features(images)[:, c]  # A_n[c, u, v]: [n, u, v]
        flat = maps.flatten(1)
        values, indices = flat.amax(dim=1).topk(k)  # the k images with the largest m_n
        where = flat.argmax(dim=1)[indices]  # each one's strongest unit, row-major
    return indices, where // maps.shape[2], where % maps.shape[2], values
