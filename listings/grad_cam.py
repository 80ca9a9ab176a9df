import torch


def grad_cam(features, head, image, c):
    """
    en: Grad-CAM (Selvaraju et al. 2017): alpha_k^c = mean over i, j of dy^c/dA^k_ij,
    en: and L^c = ReLU(sum_k alpha_k^c A^k).
    ko: Grad-CAM(Selvaraju 등, 2017): alpha_k^c = i, j에 대한 dy^c/dA^k_ij의 평균,
    ko: L^c = ReLU(sum_k alpha_k^c A^k).
    """
    A = features(image[None]).detach().requires_grad_(True)  # A^k: [1, K, u, v]
    head(A)[0, c].backward()  # y^c
    alpha = A.grad.mean(dim=(2, 3), keepdim=True)  # alpha_k^c
    return torch.relu((alpha * A).sum(dim=1))[0]
