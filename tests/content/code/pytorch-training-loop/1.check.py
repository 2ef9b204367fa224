# Check: a seeded toy problem trains to a clearly lower validation loss;
# the reported loss equals an independent full-batch computation; every
# batch runs in the right mode; and the weights match a hand-written
# AdamW loop that builds fresh gradients with torch.autograd.grad.
import copy
import time
from torch.utils.data import DataLoader, TensorDataset

start = time.time()
torch.manual_seed(0)
torch.set_num_threads(1)
n, d = 600, 10
X = torch.randn(n, d)
w_true = torch.randn(d, 3)
y = (X @ w_true + 0.3 * torch.randn(n, 3)).argmax(dim=1)
train_ds = TensorDataset(X[:450], y[:450])
val_X, val_y = X[450:], y[450:]
val_ds = TensorDataset(val_X, val_y)
# batch sizes that leave a smaller last batch in both loaders
train_loader = DataLoader(train_ds, batch_size=64, shuffle=True)
val_loader = DataLoader(val_ds, batch_size=64)

model = nn.Sequential(
    nn.Linear(d, 32), nn.BatchNorm1d(32), nn.ReLU(),
    nn.Dropout(0.2), nn.Linear(32, 3),
)
modes = []
model.register_forward_pre_hook(
    lambda mod, inp: modes.append((mod.training, torch.is_grad_enabled())))


def full_val_loss(net):
    net.eval()
    with torch.no_grad():
        return nn.functional.cross_entropy(net(val_X), val_y).item()


before = full_val_loss(model)
modes.clear()
history = train(model, train_loader, val_loader, epochs=40)
loop_modes = list(modes)
after = full_val_loss(model)

assert len(history) == 40
assert abs(history[-1] - after) < 1e-5, (history[-1], after)
assert after < 0.5 * before, (before, after)
assert history[-1] < history[0]
assert not model.training          # left in eval mode after validation
# Each epoch: 8 training batches in train mode with gradients, then
# 3 validation batches in eval mode without.
epoch_modes = [(True, True)] * 8 + [(False, False)] * 3
assert loop_modes == epoch_modes * 40, loop_modes[:12]

# Reference: same start, no shuffling, no dropout, manual AdamW.
torch.manual_seed(1)
net = nn.Sequential(nn.Linear(d, 16, bias=False),  # BN follows
                    nn.BatchNorm1d(16), nn.ReLU(),
                    nn.Linear(16, 3))
ref = copy.deepcopy(net)
fixed_loader = DataLoader(train_ds, batch_size=64)
train(net, fixed_loader, val_loader, epochs=2, lr=1e-3)

params = list(ref.parameters())
m = [torch.zeros_like(p) for p in params]
v = [torch.zeros_like(p) for p in params]
step = 0
for _ in range(2):
    ref.train()
    for xb, yb in fixed_loader:
        loss = nn.functional.cross_entropy(ref(xb), yb)
        grads = torch.autograd.grad(loss, params)
        step += 1
        with torch.no_grad():
            for p, g, mi, vi in zip(params, grads, m, v):
                p.mul_(1 - 1e-3 * 0.01)           # decoupled decay
                mi.mul_(0.9).add_(0.1 * g)
                vi.mul_(0.999).add_(0.001 * g * g)
                m_hat = mi / (1 - 0.9 ** step)
                v_hat = vi / (1 - 0.999 ** step)
                p.sub_(1e-3 * m_hat / (v_hat.sqrt() + 1e-8))
for p, q in zip(net.parameters(), ref.parameters()):
    assert torch.allclose(p, q, atol=1e-5), (p - q).abs().max()
assert time.time() - start < 20
print("ok", round(before, 3), round(after, 3))
