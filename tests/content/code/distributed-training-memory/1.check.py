# Check the per-parameter byte counts against the closed forms for
# mixed-precision Adam with K = 12 bytes of optimizer state (2 + 2 + K
# for DDP; 2 + 2 + K/N; 2 + (2 + K)/N; (2 + 2 + K)/N).
K = 12.0
for n in [1, 2, 8, 64]:
    assert bytes_per_param("ddp", n) == 4 + K
    assert abs(bytes_per_param("zero1", n) - (4 + K / n)) < 1e-12
    assert abs(bytes_per_param("zero2", n) - (2 + (2 + K) / n)) < 1e-12
    assert abs(bytes_per_param("fsdp", n) - (4 + K) / n) < 1e-12
    # On one GPU nothing is sharded, so every strategy is the same.
    if n == 1:
        assert {bytes_per_param(s, 1)
                for s in ["ddp", "zero1", "zero2", "fsdp"]} == {16.0}

# The 12 bytes of state: PyTorch's Adam keeps two fp32 moments per
# parameter (8 bytes); an fp32 master copy adds 4 more.
import torch
torch.manual_seed(0)
model = torch.nn.Sequential(torch.nn.Linear(64, 32), torch.nn.ReLU(),
                            torch.nn.Linear(32, 8))
opt = torch.optim.Adam(model.parameters(), lr=1e-3)
loss = model(torch.randn(16, 64)).pow(2).mean()
loss.backward()
opt.step()
n_params = sum(p.numel() for p in model.parameters())
moment_bytes = sum(t.numel() * t.element_size()
                   for st in opt.state.values() for k, t in st.items()
                   if k in ("exp_avg", "exp_avg_sq"))
assert moment_bytes == 8 * n_params
master_bytes = sum(p.detach().float().numel() * 4
                   for p in model.parameters())
bf16_bytes = sum(p.detach().to(torch.bfloat16).element_size() * p.numel()
                 for p in model.parameters())
assert moment_bytes + master_bytes == 12 * n_params
assert bf16_bytes == 2 * n_params

# The 13B numbers quoted in the answer.
quoted = {"ddp": 208.0, "zero1": 71.5, "zero2": 48.75, "fsdp": 26.0}
for name, gb in quoted.items():
    assert abs(13e9 * bytes_per_param(name, 8) / 1e9 - gb) < 1e-9

# Pipeline bubble quoted in the answer: (p - 1) / (m + p - 1).
p_stages, micro = 4, 16
assert abs((p_stages - 1) / (micro + p_stages - 1) - 3 / 19) < 1e-12
assert round(3 / 19, 2) == 0.16
