import math

import torch


def squared_distances(a, b):
    """||a_i - b_j||^2 for the rows of a and b, [n, m]."""
    return torch.cdist(a, b).square()


def tsne_affinities(x, perplexity, steps=60):
    """t-SNE's joint probabilities of the points x, [n, d]: row i is a Gaussian over the other points,
    p_{j|i} ~ exp(-beta_i ||x_i - x_j||^2), whose precision beta_i is found by bisection (on log beta)
    so that the row's entropy is log(perplexity) nats; then p_ij = (p_{j|i} + p_{i|j}) / 2n. (The engine behind
    the map computes each row over the 3 x perplexity nearest points only, as van der Maaten 2014 does.)"""
    n = x.shape[0]
    d2 = squared_distances(x, x) + torch.eye(n) * 1e30  # j = i pushed far away: exp gives it 0
    near = d2.min(dim=1, keepdim=True).values  # subtracted before exp: p is unchanged, and the nearest point keeps exp(0) = 1

    def rows(log_beta):
        e = torch.exp(-(d2 - near) * log_beta.exp())
        return e / e.sum(dim=1, keepdim=True)  # p_{j|i}

    def entropy(p):
        return -torch.where(p > 0, p * p.log(), torch.zeros_like(p)).sum(dim=1, keepdim=True)

    lo, hi = torch.full((n, 1), -30.0), torch.full((n, 1), 30.0)
    for _ in range(steps):
        mid = (lo + hi) / 2
        too_flat = entropy(rows(mid)) > math.log(perplexity)  # too flat: sharpen, larger beta
        lo, hi = torch.where(too_flat, mid, lo), torch.where(too_flat, hi, mid)
    p = rows((lo + hi) / 2)
    return (p + p.T) / (2 * n)


def tsne_gradient(p, y, exaggeration=1.0):
    """The gradient of t-SNE's cost at the layout y, [n, 2]: with w_ij = (1 + ||y_i - y_j||^2)^-1 and
    q_ij = w_ij / sum_{k != l} w_kl, dC/dy_i = 4 sum_j (e p_ij - q_ij) w_ij (y_i - y_j), e the early exaggeration."""
    n = y.shape[0]
    w = (1 + squared_distances(y, y)).reciprocal() * (1 - torch.eye(n))
    m = (exaggeration * p - w / w.sum()) * w  # (e p_ij - q_ij) w_ij
    return 4 * (m.sum(dim=1, keepdim=True) * y - m @ y)  # 4 sum_j m_ij (y_i - y_j)


def tsne_step(p, y, previous, eta, alpha, exaggeration=1.0):
    """One step with momentum: Y(t) = Y(t-1) - eta dC/dY + alpha (Y(t-1) - Y(t-2)).
    (The engine also gives each coordinate an adaptive gain on eta, as the paper does.)"""
    return y - eta * tsne_gradient(p, y, exaggeration) + alpha * (y - previous)
