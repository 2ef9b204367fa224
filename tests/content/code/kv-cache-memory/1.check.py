# Fixture: the formula against real array allocations, and the quoted
# numbers from the answer.
import numpy as np

for layers, kv_heads, head_dim, tokens in [(2, 3, 4, 5), (4, 2, 16, 7)]:
    cache = np.zeros((layers, 2, kv_heads, tokens, head_dim),
                     dtype=np.float16)
    assert kv_cache_bytes(layers, kv_heads, head_dim, tokens) == cache.nbytes
    cache8 = cache.astype(np.int8)
    assert kv_cache_bytes(layers, kv_heads, head_dim, tokens,
                          bytes_per_value=1) == cache8.nbytes

assert per_token_mha == 819_200
assert per_token_gqa == 131_072
assert round(batch_bytes / 1e9) == 107
assert batch_bytes / 26e9 > 4           # "four times its 26 GB"
assert per_token_mha / kv_cache_bytes(40, 8, 128, 1) == 5  # GQA factor
full_4k_13b = kv_cache_bytes(40, 40, 128, 4096)
full_4k_8b = kv_cache_bytes(32, 8, 128, 4096)
assert int(48e9 // full_4k_13b) == 14
assert int(58e9 // full_4k_8b) == 108
