"""Dynamic int8 quantization of the fixture's ONNX files with the onnx package alone.

onnxruntime's Python quantizer (what Optimum and Transformers.js use for *_quantized.onnx) is not
installable here, so this writes the same kind of graph that its dynamic quantization
(onnxruntime.quantization.quantize_dynamic, "integer ops" format) writes for a MatMul with a
constant weight, out of standard ONNX operators:

    x_q, x_scale, x_zero = DynamicQuantizeLinear(x)            uint8, per tensor, at run time
    y_int  = MatMulInteger(x_q, W_q, x_zero, W_zero)            W_q int8, symmetric, per tensor
    y      = Cast(y_int, float) * (x_scale * W_scale)

Only MatMuls whose second input is an initializer are quantized (every projection and the output
layer); embeddings (Gather), layer norms and biases stay float. Inputs shared by several MatMuls
(the q/k/v projections) are quantized once. The merged decoder is made by merging the two
quantized decoders, as onnx_export.merge_decoders does for the float ones.
"""

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper


def quantize_weight(w: np.ndarray):
    """Symmetric per-tensor int8 (zero point 0): returns (int8 array, float32 scale)."""
    peak = float(np.max(np.abs(w)))
    scale = np.float32(peak / 127.0 if peak > 0 else 1.0)
    return np.clip(np.round(w / scale), -127, 127).astype(np.int8), scale


def quantize_file(src, dst):
    model = onnx.load(str(src))
    graph = model.graph
    inits = {i.name: i for i in graph.initializer}
    uses = {}
    for node in graph.node:
        for name in node.input:
            uses[name] = uses.get(name, 0) + 1

    new_nodes, new_inits, quantized_inputs = [], [], {}
    for node in graph.node:
        weight = inits.get(node.input[1]) if node.op_type == "MatMul" and len(node.input) == 2 else None
        if weight is None or weight.data_type != TensorProto.FLOAT or len(weight.dims) != 2:
            new_nodes.append(node)
            continue
        x, out = node.input[0], node.output[0]
        w_q, scale = quantize_weight(numpy_helper.to_array(weight))
        base = weight.name
        new_inits += [
            numpy_helper.from_array(w_q, f"{base}_quantized"),
            numpy_helper.from_array(np.array(scale, dtype=np.float32), f"{base}_scale"),
            numpy_helper.from_array(np.array(0, dtype=np.int8), f"{base}_zero_point"),
        ]
        uses[base] -= 1
        if x not in quantized_inputs:
            q = (f"{x}_quantized", f"{x}_scale", f"{x}_zero_point")
            new_nodes.append(helper.make_node("DynamicQuantizeLinear", [x], list(q), name=f"{x}_QuantizeLinear"))
            quantized_inputs[x] = q
        x_q, x_scale, x_zero = quantized_inputs[x]
        stem = node.name or out
        new_nodes += [
            helper.make_node(
                "MatMulInteger",
                [x_q, f"{base}_quantized", x_zero, f"{base}_zero_point"],
                [f"{out}_int32"],
                name=f"{stem}_MatMulInteger",
            ),
            helper.make_node("Cast", [f"{out}_int32"], [f"{out}_float"], to=TensorProto.FLOAT, name=f"{stem}_Cast"),
            helper.make_node("Mul", [x_scale, f"{base}_scale"], [f"{out}_scale"], name=f"{stem}_ScaleMul"),
            helper.make_node("Mul", [f"{out}_float", f"{out}_scale"], [out], name=f"{stem}_OutputMul"),
        ]

    kept = [i for i in graph.initializer if uses.get(i.name, 0) > 0 or i.name not in uses]
    del graph.node[:]
    graph.node.extend(new_nodes)
    del graph.initializer[:]
    graph.initializer.extend(kept + new_inits)
    onnx.checker.check_model(model)
    onnx.save(model, str(dst))
