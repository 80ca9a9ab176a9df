import torch


def grad_cam_plus_plus(features, head, image, c):
    """
    en: Grad-CAM++ (Chattopadhay et al. 2018) from first-order gradients g = dy^c/dA^k:
    en: a_ij = g^2 / (2 g^2 + sum_ab A^k_ab g^3), beta_k^c = sum_ij a_ij ReLU(g_ij), L^c = ReLU(sum_k beta_k^c A^k).
    ko: 1차 그래디언트 g = dy^c/dA^k로 계산하는 Grad-CAM++(Chattopadhay 등, 2018):
    ko: a_ij = g^2 / (2 g^2 + sum_ab A^k_ab g^3), beta_k^c = sum_ij a_ij ReLU(g_ij), L^c = ReLU(sum_k beta_k^c A^k).
    """
    A = features(image[None]).detach().requires_grad_(True)  # A^k: [1, K, u, v]
    head(A)[0, c].backward()  # y^c
    g = A.grad
    denominator = 2 * g**2 + A.sum(dim=(2, 3), keepdim=True) * g**3
    # en: a_ij = 0 where g = 0
    # ko: g = 0인 곳에서는 a_ij = 0
    a = torch.where(denominator != 0, g**2 / torch.where(denominator != 0, denominator, 1), 0)
    beta = (a * torch.relu(g)).sum(dim=(2, 3), keepdim=True)  # beta_k^c
    return torch.relu((beta * A).sum(dim=1))[0].detach()
