"""Exports the toy Marian to ONNX with Optimum's file names, input/output names and axis names, and
merges the two decoders into decoder_model_merged.onnx the way Optimum does.

Names, from huggingface/optimum:
  exporters/onnx/config.py TextSeq2SeqOnnxConfig.inputs and torch_to_onnx_input_map
    (decoder_input_ids -> input_ids, encoder_outputs -> encoder_hidden_states,
     attention_mask -> encoder_attention_mask);
  exporters/onnx/base.py OnnxSeq2SeqConfigWithPast.add_past_key_values
    (past_key_values.{i}.{decoder|encoder}.{key|value} in, present.{i}.{decoder|encoder}.{key|value} out);
  onnx/graph_transformations.py merge_decoders(strict=False) and _unify_onnx_outputs (the merge).
The decoder with past takes the cross-attention keys/values from its past inputs, so it has no
encoder_hidden_states input and returns only the decoder present.* (as Optimum's export).

torch 1.13 exports with gradients enabled and the model in eval mode (measured on the machine the fixture was made on).
"""

import hashlib
from collections import defaultdict

import onnx
import torch
from onnx import TensorProto, helper, numpy_helper
from torch import nn

OPSET = 14


def past_names(prefix: str, layers: int, which=("decoder", "encoder")):
    names = []
    for i in range(layers):
        for part in which:
            names += [f"{prefix}.{i}.{part}.key", f"{prefix}.{i}.{part}.value"]
    return names


class EncoderGraph(nn.Module):
    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, input_ids, attention_mask):
        return self.model.encode(input_ids, attention_mask)


class DecoderGraph(nn.Module):
    """decoder_model.onnx: no cache in; logits and every present.* out."""

    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, encoder_attention_mask, input_ids, encoder_hidden_states):
        cross = self.model.cross_keys_values(encoder_hidden_states)
        logits, caches = self.model.decode(input_ids, encoder_attention_mask, cross)
        out = [logits]
        for (k, v), (ck, cv) in zip(caches, cross):
            out += [k, v, ck, cv]
        return tuple(out)


class DecoderWithPastGraph(nn.Module):
    """decoder_with_past_model.onnx: one new token and the cache in; logits and the decoder
    present.* out (the encoder ones do not change, the caller keeps them from the first step)."""

    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, encoder_attention_mask, input_ids, *past):
        layers = len(self.model.decoder_layers)
        self_past = [(past[4 * i], past[4 * i + 1]) for i in range(layers)]
        cross = [(past[4 * i + 2], past[4 * i + 3]) for i in range(layers)]
        logits, caches = self.model.decode(input_ids, encoder_attention_mask, cross, self_past)
        out = [logits]
        for k, v in caches:
            out += [k, v]
        return tuple(out)


def export_all(model, onnx_dir, example_len: int = 5):
    """Writes encoder_model.onnx, decoder_model.onnx, decoder_with_past_model.onnx."""
    cfg = model.cfg
    layers = cfg.decoder_layers
    batch = 2
    ids = torch.randint(2, cfg.vocab_size - 1, (batch, example_len))
    mask = torch.ones(batch, example_len, dtype=torch.long)

    torch.onnx.export(
        EncoderGraph(model),
        (ids, mask),
        str(onnx_dir / "encoder_model.onnx"),
        input_names=["input_ids", "attention_mask"],
        output_names=["last_hidden_state"],
        dynamic_axes={
            "input_ids": {0: "batch_size", 1: "encoder_sequence_length"},
            "attention_mask": {0: "batch_size", 1: "encoder_sequence_length"},
            "last_hidden_state": {0: "batch_size", 1: "encoder_sequence_length"},
        },
        opset_version=OPSET,
        do_constant_folding=True,
    )

    enc = model.encode(ids, mask).detach()
    dec_ids = torch.randint(2, cfg.vocab_size - 1, (batch, 3))
    present_all = past_names("present", layers)
    dyn = {
        "encoder_attention_mask": {0: "batch_size", 1: "encoder_sequence_length"},
        "input_ids": {0: "batch_size", 1: "decoder_sequence_length"},
        "encoder_hidden_states": {0: "batch_size", 1: "encoder_sequence_length"},
        "logits": {0: "batch_size", 1: "decoder_sequence_length"},
    }
    for name in present_all:
        seq = "decoder_sequence_length" if ".decoder." in name else "encoder_sequence_length_out"
        dyn[name] = {0: "batch_size", 2: seq}
    torch.onnx.export(
        DecoderGraph(model),
        (mask, dec_ids, enc),
        str(onnx_dir / "decoder_model.onnx"),
        input_names=["encoder_attention_mask", "input_ids", "encoder_hidden_states"],
        output_names=["logits"] + present_all,
        dynamic_axes=dyn,
        opset_version=OPSET,
        do_constant_folding=True,
    )

    cross = model.cross_keys_values(enc)
    _, caches = model.decode(dec_ids, mask, cross)
    past = []
    for (k, v), (ck, cv) in zip(caches, cross):
        past += [k.detach(), v.detach(), ck.detach(), cv.detach()]
    past_in = past_names("past_key_values", layers)
    present_dec = past_names("present", layers, which=("decoder",))
    one = torch.randint(2, cfg.vocab_size - 1, (batch, 1))
    dyn = {
        "encoder_attention_mask": {0: "batch_size", 1: "encoder_sequence_length"},
        "input_ids": {0: "batch_size"},
        "logits": {0: "batch_size"},
    }
    for name in past_in:
        seq = "past_decoder_sequence_length" if ".decoder." in name else "encoder_sequence_length_out"
        dyn[name] = {0: "batch_size", 2: seq}
    for name in present_dec:
        dyn[name] = {0: "batch_size", 2: "past_decoder_sequence_length + 1"}
    torch.onnx.export(
        DecoderWithPastGraph(model),
        (mask, one, *past),
        str(onnx_dir / "decoder_with_past_model.onnx"),
        input_names=["encoder_attention_mask", "input_ids"] + past_in,
        output_names=["logits"] + present_dec,
        dynamic_axes=dyn,
        opset_version=OPSET,
        do_constant_folding=True,
    )
    for name in ("decoder_model.onnx", "decoder_with_past_model.onnx"):
        fix_output_shapes(onnx_dir / name, cfg.heads, cfg.head_dim)


def fix_output_shapes(path, heads: int, head_dim: int):
    """torch's shape inference loses the constant head count and head size on the present.*
    outputs (it names them like 'Transposepresent.0.decoder.key_dim_1'); write the numbers in,
    as Optimum's exports have them, and the new-token axis of the with-past logits as 1."""
    model = onnx.load(str(path))
    for out in model.graph.output:
        dims = out.type.tensor_type.shape.dim
        if out.name.startswith("present."):
            dims[1].Clear()
            dims[1].dim_value = heads
            dims[3].Clear()
            dims[3].dim_value = head_dim
        elif out.name == "logits" and dims[1].dim_param.startswith("Add"):
            dims[1].Clear()
            dims[1].dim_value = 1
    onnx.checker.check_model(model)
    onnx.save(model, str(path))


# ---- merge, after optimum/onnx/graph_transformations.py merge_decoders(strict=False) ----


def _dims(value_info):
    out = []
    for d in value_info.type.tensor_type.shape.dim:
        if d.dim_param:
            out.append(d.dim_param)
        elif d.HasField("dim_value"):
            out.append(d.dim_value)
        else:
            raise ValueError(f"{value_info.name}: dimension without value or name")
    return out


def _unify_outputs(decoder: onnx.ModelProto, with_past: onnx.ModelProto):
    """Give the with-past graph the decoder's outputs in the decoder's order: outputs it lacks (the
    encoder present.*) become empty constants of shape [0, heads, 1, head_dim] (batch axis 0,
    other named axes 1), and shared outputs take the decoder's declared shapes."""
    names2 = {o.name for o in with_past.graph.output}
    for idx, out1 in enumerate(decoder.graph.output):
        out2 = with_past.graph.output[idx] if idx < len(with_past.graph.output) else None
        if out2 is not None and out2 == out1:
            continue
        dims1 = _dims(out1)
        if out1.name not in names2:
            if not isinstance(dims1[0], str):
                raise ValueError(f"{out1.name}: expected a dynamic batch axis")
            dummy = [0] + [1 if isinstance(d, str) else d for d in dims1[1:]]
            value = helper.make_tensor("const_tensor", out1.type.tensor_type.elem_type, dummy, vals=[])
            with_past.graph.node.append(
                helper.make_node(
                    "Constant",
                    inputs=[],
                    outputs=[out1.name],
                    name=f"Constant_{len(with_past.graph.node) + 1}",
                    value=value,
                )
            )
            with_past.graph.output.insert(
                idx, helper.make_tensor_value_info(out1.name, out1.type.tensor_type.elem_type, dims1)
            )
        else:
            if out2.name != out1.name or out2.type.tensor_type.elem_type != out1.type.tensor_type.elem_type:
                raise ValueError(f"cannot match output {out1.name} with {out2.name}")
            with_past.graph.output.remove(out2)
            with_past.graph.output.insert(
                idx, helper.make_tensor_value_info(out1.name, out1.type.tensor_type.elem_type, dims1)
            )
    if list(decoder.graph.output) != list(with_past.graph.output):
        raise RuntimeError("failed to unify the decoder outputs")


def _shareable(init) -> bool:
    # Optimum keeps scalars and 1-D int32/int64 tensors inside the branches.
    return len(init.dims) > 1 or (len(init.dims) == 1 and init.data_type not in (TensorProto.INT32, TensorProto.INT64))


def _dedupe_initializers(models, suffix: str):
    """Initializers with equal type, shape and data become one outer-graph initializer named
    {name}_{suffix}_{n}; node inputs in both graphs are renamed to it."""
    groups = defaultdict(list)
    for m_idx, model in enumerate(models):
        for init in model.graph.initializer:
            if _shareable(init):
                digest = hashlib.sha512(numpy_helper.to_array(init).tobytes()).hexdigest()
                groups[(init.data_type, digest, tuple(init.dims))].append((init.name, m_idx))
    rename = {}
    used = defaultdict(int)
    for members in groups.values():
        common = members[0][0]
        n = used[common]
        used[common] += 1
        for key in members:
            rename[key] = f"{common}_{suffix}_{n}"
    for m_idx, model in enumerate(models):
        for node in model.graph.node:
            for j, name in enumerate(node.input):
                node.input[j] = rename.get((name, m_idx), name)
    shared, seen = [], set()
    for m_idx, model in enumerate(models):
        for init in model.graph.initializer:
            key = (init.name, m_idx)
            if key in rename and rename[key] not in seen:
                seen.add(rename[key])
                copy = onnx.TensorProto()
                copy.CopyFrom(init)
                copy.name = rename[key]
                shared.append(copy)
    return shared


def merge_decoders(decoder_path, with_past_path, out_path, graph_name: str = "merged"):
    decoder = onnx.load(str(decoder_path))
    with_past = onnx.load(str(with_past_path))
    if decoder.opset_import[0].version != with_past.opset_import[0].version:
        raise ValueError("the two decoders have different opsets")
    _unify_outputs(decoder, with_past)
    inputs, seen = [], set()
    for model in (decoder, with_past):
        for inp in model.graph.input:
            if inp.name not in seen:
                seen.add(inp.name)
                inputs.append(inp)
    shared = _dedupe_initializers([decoder, with_past], graph_name)
    no_past = helper.make_graph(
        nodes=decoder.graph.node,
        name="no_past",
        inputs=[],
        outputs=decoder.graph.output,
        initializer=[i for i in decoder.graph.initializer if not _shareable(i)],
    )
    past_branch = helper.make_graph(
        nodes=with_past.graph.node,
        name="with_past",
        inputs=[],
        outputs=with_past.graph.output,
        initializer=[i for i in with_past.graph.initializer if not _shareable(i)],
    )
    use_cache_branch = helper.make_tensor_value_info("use_cache_branch", TensorProto.BOOL, [1])
    if_node = helper.make_node(
        "If",
        inputs=["use_cache_branch"],
        outputs=[o.name for o in no_past.output],
        name="optimum::if",
        then_branch=past_branch,
        else_branch=no_past,
    )
    graph = helper.make_graph(
        nodes=[if_node],
        name=graph_name,
        inputs=inputs + [use_cache_branch],
        outputs=no_past.output,
        initializer=shared,
    )
    opsets, domains = [], set()
    for imp in list(decoder.opset_import) + list(with_past.opset_import):
        if imp.domain not in domains:
            domains.add(imp.domain)
            opsets.append(imp)
    merged = helper.make_model(graph, producer_name="optimum-onnx", opset_imports=opsets)
    merged.ir_version = decoder.ir_version
    onnx.checker.check_model(merged)
    onnx.save(merged, str(out_path))


def describe(path) -> dict:
    """Input and output names, element types and shapes of an ONNX file, for the report/README."""
    model = onnx.load(str(path))
    init_names = {i.name for i in model.graph.initializer}

    def info(v):
        return {
            "name": v.name,
            "type": TensorProto.DataType.Name(v.type.tensor_type.elem_type).lower(),
            "shape": _dims(v),
        }

    return {
        "inputs": [info(v) for v in model.graph.input if v.name not in init_names],
        "outputs": [info(v) for v in model.graph.output],
    }
