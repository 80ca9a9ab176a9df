import math

import torch


def squared_distances(a, b):
    """
    en: ||a_i - b_j||^2 for the rows of a and b, [n, m].
    ko: a와 b의 행들 사이의 ||a_i - b_j||^2, [n, m].
    """
    return torch.cdist(a, b).square()


def tsne_affinities(x, perplexity, steps=60):
    """
    en: t-SNE's joint probabilities of the points x, [n, d]: row i is a Gaussian over the other points,
    en: p_{j|i} ~ exp(-beta_i ||x_i - x_j||^2), whose precision beta_i is found by bisection (on log beta)
    en: so that the row's entropy is log(perplexity) nats; then p_ij = (p_{j|i} + p_{i|j}) / 2n. (The engine behind
    en: the map computes each row over the 3 x perplexity nearest points only, as van der Maaten 2014 does.)
    ko: 점 x [n, d]에 대한 t-SNE의 결합 확률: 행 i는 다른 점들 위의 가우시안 p_{j|i} ~ exp(-beta_i ||x_i - x_j||^2)이고,
    ko: 그 정밀도 beta_i는 행의 엔트로피가 log(perplexity) nat이 되도록 (log beta에 대한) 이분법으로 찾는다.
    ko: 그다음 p_ij = (p_{j|i} + p_{i|j}) / 2n으로 둔다. (맵 뒤의 엔진은 van der Maaten(2014)처럼
    ko: 각 행을 가장 가까운 (3 x 퍼플렉서티)개의 점에 대해서만 계산한다.)
    """
    n = x.shape[0]
    # en: j = i pushed far away: exp gives it 0
    # ko: j = i는 멀리 밀어 exp가 0이 되게 한다
    d2 = squared_distances(x, x) + torch.eye(n) * 1e30
    # en: subtracted before exp: p is unchanged, and the nearest point keeps exp(0) = 1
    # ko: exp 전에 뺀다: p는 그대로이고, 가장 가까운 점은 exp(0) = 1을 유지한다
    near = d2.min(dim=1, keepdim=True).values

    def rows(log_beta):
        e = torch.exp(-(d2 - near) * log_beta.exp())
        return e / e.sum(dim=1, keepdim=True)  # p_{j|i}

    def entropy(p):
        return -torch.where(p > 0, p * p.log(), torch.zeros_like(p)).sum(dim=1, keepdim=True)

    lo, hi = torch.full((n, 1), -30.0), torch.full((n, 1), 30.0)
    for _ in range(steps):
        mid = (lo + hi) / 2
        # en: too flat: sharpen, larger beta
        # ko: 너무 평평하다: beta를 키워 더 뾰족하게 한다
        too_flat = entropy(rows(mid)) > math.log(perplexity)
        lo, hi = torch.where(too_flat, mid, lo), torch.where(too_flat, hi, mid)
    p = rows((lo + hi) / 2)
    return (p + p.T) / (2 * n)


def tsne_gradient(p, y, exaggeration=1.0):
    """
    en: The gradient of t-SNE's cost at the layout y, [n, 2]: with w_ij = (1 + ||y_i - y_j||^2)^-1 and
    en: q_ij = w_ij / sum_{k != l} w_kl, dC/dy_i = 4 sum_j (e p_ij - q_ij) w_ij (y_i - y_j), e the early exaggeration.
    ko: 레이아웃 y [n, 2]에서 t-SNE 비용의 그래디언트: w_ij = (1 + ||y_i - y_j||^2)^-1,
    ko: q_ij = w_ij / sum_{k != l} w_kl일 때 dC/dy_i = 4 sum_j (e p_ij - q_ij) w_ij (y_i - y_j). e는 early exaggeration.
    """
    n = y.shape[0]
    w = (1 + squared_distances(y, y)).reciprocal() * (1 - torch.eye(n))
    m = (exaggeration * p - w / w.sum()) * w  # (e p_ij - q_ij) w_ij
    return 4 * (m.sum(dim=1, keepdim=True) * y - m @ y)  # 4 sum_j m_ij (y_i - y_j)


def tsne_step(p, y, previous, eta, alpha, exaggeration=1.0):
    """
    en: One step with momentum: Y(t) = Y(t-1) - eta dC/dY + alpha (Y(t-1) - Y(t-2)).
    en: (The engine also gives each coordinate an adaptive gain on eta, as the paper does.)
    ko: 모멘텀을 쓴 한 스텝: Y(t) = Y(t-1) - eta dC/dY + alpha (Y(t-1) - Y(t-2)).
    ko: (엔진은 논문처럼 각 좌표에 eta에 곱하는 적응형 이득도 둔다.)
    """
    return y - eta * tsne_gradient(p, y, exaggeration) + alpha * (y - previous)
