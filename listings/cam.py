import torch


def cam(features, fc_weight, image, c):
    """
    en: CAM (Zhou et al. 2016): M_c(x, y) = sum_k w_k^c f_k(x, y), for a network that
    en: ends in global average pooling and one nn.Linear, whose weight [classes, K] is fc_weight.
    ko: CAM(Zhou 등, 2016): M_c(x, y) = sum_k w_k^c f_k(x, y). 전역 평균 풀링과
    ko: nn.Linear 하나로 끝나는 네트워크에 쓰며, 그 가중치 [classes, K]가 fc_weight다.
    """
    with torch.no_grad():
        f = features(image[None])[0]  # f_k(x, y): [K, u, v]
        return torch.einsum('k,kuv->uv', fc_weight[c], f)
