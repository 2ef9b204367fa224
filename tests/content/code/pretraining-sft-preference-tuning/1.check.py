# Fixture: dpo_loss against a NumPy closed form, plus its basic properties.
import math

import numpy as np
import torch

torch.manual_seed(0)
rng = np.random.default_rng(0)


def numpy_reference(pc, pr, rc, rr, beta):
    z = beta * ((pc - rc) - (pr - rr))
    # -log(sigmoid(z)) = log(1 + exp(-z)), computed stably
    return np.mean(np.logaddexp(0.0, -z))


for beta in (0.1, 0.5):
    arrays = [rng.normal(-50, 10, size=16) for _ in range(4)]
    tensors = [torch.tensor(a, dtype=torch.float64) for a in arrays]
    got = dpo_loss(*tensors, beta=beta).item()
    want = numpy_reference(*arrays, beta)
    assert abs(got - want) < 1e-10, (got, want)

# When the policy equals the reference, the loss is log 2.
ref_c = torch.tensor([-30.0, -12.5])
ref_r = torch.tensor([-28.0, -40.0])
loss = dpo_loss(ref_c.clone(), ref_r.clone(), ref_c, ref_r)
assert abs(loss.item() - math.log(2)) < 1e-6

# A gradient step raises the chosen log-prob and lowers the rejected one.
pol_c = ref_c.clone().requires_grad_(True)
pol_r = ref_r.clone().requires_grad_(True)
dpo_loss(pol_c, pol_r, ref_c, ref_r).backward()
assert torch.all(pol_c.grad < 0) and torch.all(pol_r.grad > 0)

# Only the margins relative to the reference matter: shifting policy and
# reference by the same amount leaves the loss unchanged.
a = dpo_loss(pol_c.detach() + 3, pol_r.detach() - 2, ref_c + 3, ref_r - 2)
b = dpo_loss(pol_c.detach(), pol_r.detach(), ref_c, ref_r)
assert abs(a.item() - b.item()) < 1e-6
print("ok")
