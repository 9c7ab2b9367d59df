"""Writes the logits heads: small ONNX graphs that Dragoman runs on the decoder's logits inside ONNX
Runtime, so that only a few numbers per row reach Java instead of the whole vocabulary (eval/results/speed.md:
copying 58,101 logits per row and taking their log-sum-exp in Java cost a quarter of the wall time).
Each graph is one vectorised LogSoftmax, one TopK and small gathers (measured with
onnxruntime-node on [100, 1, 58101] logits: LogSoftmax 18 ms, TopK 4 ms; ReduceLogSumExp 36 ms and
a broadcast Add of a mask 11 ms, so masks are applied in Java to the few candidates instead).

Inputs:  logits float [rows, 1, vocab]; k int64 [1] (candidates per row); special int64 [2] (EOS id,
         pad id)
Outputs: top_values   float [rows, 1, k]  greedy: raw logits; beam: log_softmax over all tokens
         top_indices  int64 [rows, 1, k]  best first; equal values keep the lower id first (ONNX
                                          TopK's documented tie rule, as torch.argmax/topk)
         top_logprobs float [rows, 1, k]  log_softmax of the candidates (over all tokens)
         special_logprobs float [rows, 1, 2]  log_softmax of EOS and pad
Java removes bad ids from the candidates and renormalises without pad (see StepScores).

Also writes reorder_rows.onnx: Gather(data, rows, axis 0) for float tensors of any rank, which
reorders a beam search's KV cache rows, and repeats the encoder output for the beams, inside ONNX
Runtime instead of copying them through Java.

usage: /usr/bin/python3 models/tools/make_logits_head.py OUT_DIR
"""

import sys
from pathlib import Path

import onnx
from onnx import TensorProto, helper


def build(rank_logprobs: bool) -> onnx.ModelProto:
    f = TensorProto.FLOAT
    i64 = TensorProto.INT64
    inputs = [
        helper.make_tensor_value_info("logits", f, ["rows", 1, "vocab"]),
        helper.make_tensor_value_info("k", i64, [1]),
        helper.make_tensor_value_info("special", i64, [2]),
    ]
    outputs = [
        helper.make_tensor_value_info("top_values", f, ["rows", 1, "k"]),
        helper.make_tensor_value_info("top_indices", i64, ["rows", 1, "k"]),
        helper.make_tensor_value_info("top_logprobs", f, ["rows", 1, "k"]),
        helper.make_tensor_value_info("special_logprobs", f, ["rows", 1, 2]),
    ]
    ranked = "logprobs" if rank_logprobs else "logits"
    nodes = [
        helper.make_node("LogSoftmax", ["logits"], ["logprobs"], axis=-1),
        helper.make_node("TopK", [ranked, "k"], ["top_values", "top_indices"], axis=-1, largest=1, sorted=1),
        helper.make_node("GatherElements", ["logprobs", "top_indices"], ["top_logprobs"], axis=-1),
        helper.make_node("Gather", ["logprobs", "special"], ["special_logprobs"], axis=-1),
    ]
    name = "dragoman_logits_head_" + ("beam" if rank_logprobs else "greedy")
    model = helper.make_model(
        helper.make_graph(nodes, name, inputs, outputs),
        opset_imports=[helper.make_opsetid("", 13)],
        producer_name="dragoman",
    )
    model.ir_version = 7
    onnx.checker.check_model(model)
    return model


def any_rank(name: str) -> onnx.ValueInfoProto:
    """A float tensor of any rank: no shape field at all (an empty one would mean a scalar)."""
    info = onnx.ValueInfoProto()
    info.name = name
    info.type.tensor_type.elem_type = TensorProto.FLOAT
    return info


def build_reorder() -> onnx.ModelProto:
    inputs = [
        any_rank("data"),
        helper.make_tensor_value_info("rows", TensorProto.INT64, ["rows"]),
    ]
    outputs = [any_rank("reordered")]
    nodes = [helper.make_node("Gather", ["data", "rows"], ["reordered"], axis=0)]
    model = helper.make_model(
        helper.make_graph(nodes, "dragoman_reorder_rows", inputs, outputs),
        opset_imports=[helper.make_opsetid("", 13)],
        producer_name="dragoman",
    )
    model.ir_version = 7
    # No onnx.checker here: onnx 1.12's checker insists on a shape for graph inputs, which would fix
    # the rank; ONNX Runtime accepts a tensor type without one.
    return model


if __name__ == "__main__":
    out = Path(sys.argv[1])
    onnx.save(build(False), out / "logits_head_greedy.onnx")
    onnx.save(build(True), out / "logits_head_beam.onnx")
    onnx.save(build_reorder(), out / "reorder_rows.onnx")
