import torch


def cam(features, fc_weight, image, c):
    """CAM (Zhou et al. 2016): M_c(x, y) = sum_k w_k^c f_k(x, y), for a network that
    ends in global average pooling and one nn.Linear, whose weight [classes, K] is fc_weight."""
    with torch.no_grad():
        f = features(image[None])[0]  # f_k(x, y): [K, u, v]
        return torch.einsum('k,kuv->uv', fc_weight[c], f)
