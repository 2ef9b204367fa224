# Check: closed form for one binary feature, finite differences, Newton.
import math

# 1. Closed form: group x=0 has 30% positives, group x=1 has 75%.
x = np.array([0.0] * 100 + [1.0] * 100)[:, None]
y = np.array([1.0] * 30 + [0.0] * 70 + [1.0] * 75 + [0.0] * 25)
w, b = fit_logistic(x, y, lr=1.0, n_iter=20000)
assert abs(b - math.log(0.3 / 0.7)) < 1e-6, b
assert abs(w[0] - math.log(7.0)) < 1e-6, w

# 2. Random data with L2: compare with Newton's method.
rng = np.random.default_rng(1)
X = rng.normal(size=(400, 3))
true_logit = X @ np.array([1.5, -2.0, 0.5]) + 0.3
Y = (rng.random(400) < 1 / (1 + np.exp(-true_logit))).astype(float)
l2 = 0.01
w, b = fit_logistic(X, Y, lr=0.5, l2=l2, n_iter=5000)

A = np.hstack([X, np.ones((400, 1))])      # last column is the bias
theta = np.zeros(4)
penalty = np.diag([l2, l2, l2, 0.0])
for _ in range(50):
    p = 1 / (1 + np.exp(-(A @ theta)))
    grad = A.T @ (p - Y) / 400 + penalty @ theta
    hess = (A * (p * (1 - p))[:, None]).T @ A / 400 + penalty
    theta -= np.linalg.solve(hess, grad)
assert np.allclose(np.append(w, b), theta, atol=1e-6), (w, b, theta)

# 3. Finite-difference gradient of log_loss is ~0 at the optimum and
#    matches the analytic gradient at an arbitrary point.
def num_grad(wv, bv, h=1e-6):
    g = np.zeros(len(wv) + 1)
    for i in range(len(wv) + 1):
        e = np.zeros(len(wv) + 1)
        e[i] = h
        up = log_loss(X, Y, wv + e[:-1], bv + e[-1], l2)
        dn = log_loss(X, Y, wv - e[:-1], bv - e[-1], l2)
        g[i] = (up - dn) / (2 * h)
    return g

assert np.abs(num_grad(w, b)).max() < 1e-7
w0, b0 = np.array([0.3, -0.1, 0.7]), -0.2
p0 = sigmoid(X @ w0 + b0)
analytic = np.append(X.T @ (p0 - Y) / 400 + l2 * w0, (p0 - Y).mean())
assert np.allclose(num_grad(w0, b0), analytic, atol=1e-8)

# 4. Stability: huge logits give finite loss and exact probabilities.
z = np.array([-1000.0, 0.0, 1000.0])
assert np.allclose(sigmoid(z), [0.0, 0.5, 1.0])
Xb = np.array([[1000.0], [-1000.0]])
assert math.isclose(log_loss(Xb, np.array([0.0, 1.0]), np.ones(1), 0.0),
                    1000.0)
print("ok")
