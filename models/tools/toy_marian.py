"""A Marian encoder-decoder written out by hand, small enough to commit as a test fixture.

It computes what Hugging Face's MarianMTModel computes (transformers/models/marian/modeling_marian.py):
  - shared token embeddings scaled by sqrt(d_model) (config.scale_embedding = true);
  - sinusoidal positions that are not interleaved: sin in the first half of the vector, cos in the
    second (MarianSinusoidalPositionalEmbedding._init_weight), positions counted from 0;
  - post-norm layers (normalize_before = false): x = LayerNorm(x + sublayer(x)), no final layer norm,
    no layernorm_embedding;
  - swish (SiLU) feed-forward activation;
  - queries scaled by head_dim ** -0.5 before the dot product;
  - logits = decoder_output @ shared_embeddings^T + final_logits_bias (tied lm_head).
Dropout does not exist here at all (the fixture is always in eval mode). With Int8Emulation on,
the weight products compute what the int8 files (quantize.py) compute in ONNX Runtime.

The attention is written with plain matmuls, not nn.Transformer/nn.MultiheadAttention, so that
torch 1.13 exports it to ONNX with the cache tensors as ordinary inputs and outputs.
Cache tensors have Optimum's layout: [batch, heads, sequence, head_dim].
"""

import math
from dataclasses import dataclass

import numpy as np
import torch
from torch import nn
from torch.nn import functional as F

from quantize import quantize_weight


class Int8Emulation:
    """When enabled, every matrix product with a weight computes what the graph that
    quantize.py writes computes in ONNX Runtime, so that PyTorch gives the reference outputs of
    the *_quantized.onnx files too. Off by default, and always off while exporting."""

    enabled = False


def int8_matmul(x: torch.Tensor, w_t: torch.Tensor) -> torch.Tensor:
    """x @ w_t as DynamicQuantizeLinear(x) -> MatMulInteger(x_q, W_q) -> Cast -> * (x_scale * W_scale).

    DynamicQuantizeLinear (ONNX operator spec, and onnxruntime's GetQuantizationParameter):
    the range is widened to include 0; scale = (max - min) / 255; zero point =
    round_half_even(clamp(0 - min / scale, 0, 255)); x_q = clamp(round_half_even(x / scale) + zp, 0, 255),
    all in float32 (scale 1 when the tensor is all zeros). The integer product is exact."""
    w_q, w_scale = quantize_weight(w_t.detach().numpy())
    x_min = torch.clamp(x.min(), max=0.0)
    x_max = torch.clamp(x.max(), min=0.0)
    scale = (x_max - x_min) / 255.0 if x_max != x_min else torch.tensor(1.0)
    zero = torch.round(torch.clamp(0.0 - x_min / scale, 0.0, 255.0))
    x_q = torch.clamp(torch.round(x / scale) + zero, 0.0, 255.0)
    product = torch.matmul((x_q - zero).to(torch.float64), torch.from_numpy(w_q.astype(np.float64)))
    return product.to(torch.float32) * (scale * torch.tensor(w_scale))


class Linear(nn.Linear):
    def forward(self, x):
        if Int8Emulation.enabled:
            return int8_matmul(x, self.weight.t()) + self.bias
        return super().forward(x)


# Added to the attention scores of masked positions. Large enough that exp() underflows to exactly
# zero in float32, so padded batches give the same numbers as unpadded ones.
MASKED = -1.0e9


@dataclass(frozen=True)
class ToyConfig:
    vocab_size: int  # including <pad>, which is the last id
    d_model: int = 32
    encoder_layers: int = 2
    decoder_layers: int = 2
    heads: int = 4
    ffn_dim: int = 64
    max_position_embeddings: int = 64

    @property
    def head_dim(self) -> int:
        return self.d_model // self.heads


def sinusoidal_table(n_positions: int, dim: int) -> torch.Tensor:
    """MarianSinusoidalPositionalEmbedding._init_weight: sin(pos / 10000^(2i/dim)) in columns
    [0, dim/2), cos of the same angles in [dim/2, dim)."""
    position_enc = torch.tensor(
        [[pos / math.pow(10000, 2 * (j // 2) / dim) for j in range(dim)] for pos in range(n_positions)],
        dtype=torch.float64,
    )
    table = torch.zeros(n_positions, dim, dtype=torch.float64)
    sentinel = dim // 2 if dim % 2 == 0 else (dim // 2) + 1
    table[:, 0:sentinel] = torch.sin(position_enc[:, 0::2])
    table[:, sentinel:] = torch.cos(position_enc[:, 1::2])
    return table.float()


class Attention(nn.Module):
    def __init__(self, cfg: ToyConfig):
        super().__init__()
        d = cfg.d_model
        self.heads = cfg.heads
        self.head_dim = cfg.head_dim
        self.d_model = d
        self.scaling = self.head_dim**-0.5
        self.q_proj = Linear(d, d)
        self.k_proj = Linear(d, d)
        self.v_proj = Linear(d, d)
        self.out_proj = Linear(d, d)

    def split_heads(self, x: torch.Tensor) -> torch.Tensor:
        """[batch, seq, d_model] -> [batch, heads, seq, head_dim]"""
        return x.reshape(x.shape[0], -1, self.heads, self.head_dim).transpose(1, 2)

    def keys_values(self, x: torch.Tensor):
        return self.split_heads(self.k_proj(x)), self.split_heads(self.v_proj(x))

    def forward(self, x, key, value, bias):
        """x: queries [batch, t, d]; key/value: [batch, heads, s, head_dim]; bias: broadcasts to
        [batch, heads, t, s] (0 where allowed, MASKED where not)."""
        q = self.split_heads(self.q_proj(x) * self.scaling)
        weights = torch.matmul(q, key.transpose(-1, -2)) + bias
        probs = torch.softmax(weights, dim=-1)
        out = torch.matmul(probs, value).transpose(1, 2).reshape(x.shape[0], -1, self.d_model)
        return self.out_proj(out)


class FeedForward(nn.Module):
    def __init__(self, cfg: ToyConfig):
        super().__init__()
        self.fc1 = Linear(cfg.d_model, cfg.ffn_dim)
        self.fc2 = Linear(cfg.ffn_dim, cfg.d_model)

    def forward(self, x):
        return self.fc2(F.silu(self.fc1(x)))


class EncoderLayer(nn.Module):
    def __init__(self, cfg: ToyConfig):
        super().__init__()
        self.self_attn = Attention(cfg)
        self.self_attn_layer_norm = nn.LayerNorm(cfg.d_model)
        self.ffn = FeedForward(cfg)
        self.final_layer_norm = nn.LayerNorm(cfg.d_model)

    def forward(self, x, bias):
        k, v = self.self_attn.keys_values(x)
        x = self.self_attn_layer_norm(x + self.self_attn(x, k, v, bias))
        return self.final_layer_norm(x + self.ffn(x))


class DecoderLayer(nn.Module):
    def __init__(self, cfg: ToyConfig):
        super().__init__()
        self.self_attn = Attention(cfg)
        self.self_attn_layer_norm = nn.LayerNorm(cfg.d_model)
        self.encoder_attn = Attention(cfg)
        self.encoder_attn_layer_norm = nn.LayerNorm(cfg.d_model)
        self.ffn = FeedForward(cfg)
        self.final_layer_norm = nn.LayerNorm(cfg.d_model)

    def forward(self, x, self_bias, past_k, past_v, cross_k, cross_v, cross_bias):
        """Returns the layer output and this layer's full self-attention keys/values
        (the past ones followed by the new ones)."""
        new_k, new_v = self.self_attn.keys_values(x)
        if past_k is not None:
            new_k = torch.cat([past_k, new_k], dim=2)
            new_v = torch.cat([past_v, new_v], dim=2)
        x = self.self_attn_layer_norm(x + self.self_attn(x, new_k, new_v, self_bias))
        x = self.encoder_attn_layer_norm(x + self.encoder_attn(x, cross_k, cross_v, cross_bias))
        x = self.final_layer_norm(x + self.ffn(x))
        return x, new_k, new_v


def padding_bias(attention_mask: torch.Tensor) -> torch.Tensor:
    """[batch, s] of 1/0 -> [batch, 1, 1, s] of 0/MASKED."""
    return (1.0 - attention_mask[:, None, None, :].to(torch.float32)) * MASKED


class ToyMarian(nn.Module):
    def __init__(self, cfg: ToyConfig):
        super().__init__()
        self.cfg = cfg
        self.shared = nn.Embedding(cfg.vocab_size, cfg.d_model)
        self.register_buffer("positions", sinusoidal_table(cfg.max_position_embeddings, cfg.d_model))
        self.embed_scale = math.sqrt(cfg.d_model)
        self.encoder_layers = nn.ModuleList(EncoderLayer(cfg) for _ in range(cfg.encoder_layers))
        self.decoder_layers = nn.ModuleList(DecoderLayer(cfg) for _ in range(cfg.decoder_layers))
        self.register_buffer("final_logits_bias", torch.zeros(cfg.vocab_size))

    def embed(self, ids: torch.Tensor, past_length) -> torch.Tensor:
        pos = torch.arange(ids.shape[1], dtype=torch.long) + past_length
        return self.shared(ids) * self.embed_scale + F.embedding(pos, self.positions)[None, :, :]

    def encode(self, input_ids, attention_mask):
        x = self.embed(input_ids, 0)
        bias = padding_bias(attention_mask)
        for layer in self.encoder_layers:
            x = layer(x, bias)
        return x

    def cross_keys_values(self, encoder_hidden_states):
        """Per decoder layer, the cross-attention keys and values (what Optimum calls
        present.{i}.encoder.key/value)."""
        return [layer.encoder_attn.keys_values(encoder_hidden_states) for layer in self.decoder_layers]

    def decode(self, input_ids, encoder_attention_mask, cross, past=None):
        """input_ids: [batch, t]; cross: list of (key, value) per layer; past: None or a list of
        (key, value) per layer of the earlier decoder positions.
        Returns logits [batch, t, vocab] and the list of (key, value) self-attention caches."""
        past_length = 0 if past is None else past[0][0].shape[2]
        x = self.embed(input_ids, past_length)
        t = input_ids.shape[1]
        query_pos = torch.arange(t, dtype=torch.long) + past_length
        key_pos = torch.arange(t + past_length, dtype=torch.long)
        causal = (key_pos[None, :] > query_pos[:, None]).to(torch.float32) * MASKED
        self_bias = causal[None, None, :, :]
        cross_bias = padding_bias(encoder_attention_mask)
        caches = []
        for i, layer in enumerate(self.decoder_layers):
            pk, pv = (None, None) if past is None else past[i]
            x, k, v = layer(x, self_bias, pk, pv, cross[i][0], cross[i][1], cross_bias)
            caches.append((k, v))
        if Int8Emulation.enabled:
            logits = int8_matmul(x, self.shared.weight.t()) + self.final_logits_bias
        else:
            logits = torch.matmul(x, self.shared.weight.t()) + self.final_logits_bias
        return logits, caches

    def logits(self, encoder_hidden_states, encoder_attention_mask, decoder_input_ids):
        """Full-sequence decoder pass without a cache: the plain reference path."""
        cross = self.cross_keys_values(encoder_hidden_states)
        return self.decode(decoder_input_ids, encoder_attention_mask, cross)[0]


def randomize(model: ToyMarian, seed: int, eos_id: int, eos_bias: float, ffn_gain: float, weight_std: float = 1.0) -> None:
    """Random weights from a fixed seed, shaped so that generation is not trivial.

    With plain random weights the decoder's residual path carries the previous token's embedding
    straight to the tied output layer, so the argmax repeats one or two tokens forever. Scaling
    the decoder feed-forward output (ffn_gain) makes the next token a nonlinear function of the
    previous ones, the position and the source, and the EOS bias makes sentences end at varied
    lengths, some before max_length and some only when EOS is forced. Values were chosen by trying
    a few (models/tools/README.md)."""
    gen = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for name, p in model.named_parameters():
            if name.endswith("layer_norm.weight"):
                p.copy_(1.0 + 0.1 * torch.randn(p.shape, generator=gen))
            elif name.endswith("layer_norm.bias"):
                p.copy_(0.1 * torch.randn(p.shape, generator=gen))
            elif name.endswith(".bias"):
                p.copy_(0.05 * torch.randn(p.shape, generator=gen))
            elif name == "shared.weight":
                p.copy_(torch.randn(p.shape, generator=gen) * weight_std)
            else:
                fan_in = p.shape[1]
                p.copy_(torch.randn(p.shape, generator=gen) * (weight_std / math.sqrt(fan_in)))
        for layer in model.decoder_layers:
            layer.ffn.fc2.weight.mul_(ffn_gain)
        bias = 0.5 * torch.randn(model.final_logits_bias.shape, generator=gen)
        bias[eos_id] = eos_bias
        model.final_logits_bias.copy_(bias)
    model.eval()
