#!/usr/bin/python3
"""Converts a TF.js graph model (model.json + .bin shards) into an ONNX model.

Needs only Debian's python3-onnx and python3-numpy. Reads the graph's nodes and the weights of its
manifest, maps each TensorFlow op onto ONNX ops (opset 13), and writes the model. Tensors keep the
TF layout (NHWC); a convolution or pooling is wrapped in transposes to ONNX's NCHW, which ONNX
Runtime's optimiser folds away between neighbouring layers. Nodes whose inputs are all constants
are computed here, so the model holds only the work that depends on the picture.

    /usr/bin/python3 tools/vision/convert_tfjs.py MODEL.json OUT.onnx

Only the ops the shipped models use are mapped; any other op stops the conversion with its name,
so a model is never converted partly.
"""
import base64
import json
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OPSET = 13


def load_weights(model_path, manifest):
    """The manifest's tensors by name, float16-quantised ones widened back to float32."""
    base = os.path.dirname(model_path)
    weights = {}
    for group in manifest:
        data = b"".join(open(os.path.join(base, p), "rb").read() for p in group["paths"])
        offset = 0
        for w in group["weights"]:
            count = int(np.prod(w["shape"])) if w["shape"] else 1
            quant = w.get("quantization")
            if quant:
                stored = {"float16": np.float16, "uint8": np.uint8, "uint16": np.uint16}[quant["dtype"]]
                raw = np.frombuffer(data, dtype=stored, count=count, offset=offset)
                offset += raw.nbytes
                if quant["dtype"] == "float16":
                    value = raw.astype(np.float32)
                else:
                    value = raw.astype(np.float32) * quant["scale"] + quant["min"]
            else:
                dtype = {"float32": np.float32, "int32": np.int32, "bool": np.bool_}[w["dtype"]]
                value = np.frombuffer(data, dtype=dtype, count=count, offset=offset)
                offset += value.nbytes
            weights[w["name"]] = value.reshape(w["shape"]).copy()
    return weights


def attr(node, name, default=None):
    a = node.get("attr", {}).get(name)
    if a is None:
        return default
    if "list" in a:
        lst = a["list"]
        if "i" in lst:
            return [int(v) for v in lst["i"]]
        if "s" in lst:
            return [base64.b64decode(v).decode() for v in lst["s"]]
        return []
    if "s" in a:
        return base64.b64decode(a["s"]).decode()
    if "i" in a:
        return int(a["i"])
    if "f" in a:
        return float(a["f"])
    if "b" in a:
        return bool(a["b"])
    return a


class Converter:
    def __init__(self, model_path):
        spec = json.load(open(model_path))
        self.spec = spec
        self.topology = spec["modelTopology"]
        self.consts = load_weights(model_path, spec["weightsManifest"])
        self.nodes = []
        self.initializers = {}
        self.counter = 0
        self.stored = set()

    def fresh(self, hint):
        self.counter += 1
        return f"{hint}__{self.counter}"

    def tensor(self, ref):
        """The ONNX name of a TF input reference (name, name:k; ^control inputs are dropped)."""
        if ref.endswith(":0"):
            ref = ref[:-2]
        return ref

    def const(self, ref):
        return self.consts.get(self.tensor(ref))

    def constant(self, value, hint):
        name = self.fresh(hint)
        self.store(np.asarray(value), name)
        return name

    def store(self, value, name):
        """Keeps a large float tensor as float16 when that loses nothing (the TF.js weights are
        float16 already) and widens it with a Cast, which ONNX Runtime folds once at load."""
        if value.dtype == np.float32 and value.size >= 1024 and np.array_equal(value.astype(np.float16).astype(np.float32), value):
            half = name + "__f16"
            self.initializers[half] = numpy_helper.from_array(value.astype(np.float16), half)
            self.nodes.append(helper.make_node("Cast", [half], [name], to=TensorProto.FLOAT))
        else:
            self.initializers[name] = numpy_helper.from_array(value, name)

    def use(self, ref):
        """An input as an ONNX tensor name; a constant becomes an initializer on first use."""
        name = self.tensor(ref)
        if name in self.consts and name not in self.initializers and name not in self.stored:
            self.stored.add(name)
            value = self.consts[name]
            if value.dtype == np.float64:
                value = value.astype(np.float32)
            self.store(value, name)
        return name

    def add(self, op, inputs, outputs, **attrs):
        self.nodes.append(helper.make_node(op, inputs, outputs, **attrs))

    def nchw(self, x):
        y = self.fresh(x + "_nchw")
        self.add("Transpose", [x], [y], perm=[0, 3, 1, 2])
        return y

    def nhwc(self, x, out):
        self.add("Transpose", [x], [out], perm=[0, 2, 3, 1])

    def conv(self, n, depthwise):
        x, w = n["input"][0], n["input"][1]
        kernel = self.const(w)
        if kernel is None:
            raise ValueError(f"{n['name']}: a convolution's kernel must be constant")
        if attr(n, "data_format", "NHWC") != "NHWC":
            raise ValueError(f"{n['name']}: only NHWC convolutions are mapped")
        kh, kw, cin, mult = kernel.shape
        if depthwise:
            # HW I M -> (I*M) 1 H W, one group per input channel
            onnx_kernel = kernel.transpose(2, 3, 0, 1).reshape(cin * mult, 1, kh, kw)
            groups = cin
        else:
            onnx_kernel = kernel.transpose(3, 2, 0, 1)
            groups = 1
        strides = attr(n, "strides")[1:3]
        dilations = attr(n, "dilations", [1, 1, 1, 1])[1:3]
        padding = attr(n, "padding")
        extra = {}
        if padding == "SAME":
            extra["auto_pad"] = "SAME_UPPER"
        elif padding == "VALID":
            extra["pads"] = [0, 0, 0, 0]
        elif padding == "EXPLICIT":
            p = attr(n, "explicit_paddings")
            extra["pads"] = [p[2], p[4], p[3], p[5]]
        inputs = [self.nchw(self.use(x)), self.constant(onnx_kernel.astype(np.float32), n["name"] + "_kernel")]
        fused = attr(n, "fused_ops", [])
        if "BiasAdd" in fused:
            inputs.append(self.use(n["input"][2]))
        y = self.fresh(n["name"] + "_conv")
        self.add("Conv", inputs, [y], kernel_shape=[kh, kw], strides=strides, dilations=dilations, group=groups, **extra)
        activation = [f for f in fused if f != "BiasAdd"]
        out = self.tensor(n["name"])
        if activation:
            z = self.fresh(n["name"] + "_nhwc")
            self.nhwc(y, z)
            self.activation(activation, z, out, n)
        else:
            self.nhwc(y, out)

    def activation(self, ops, x, out, n):
        if ops == ["Relu"]:
            self.add("Relu", [x], [out])
        elif ops == ["Relu6"]:
            self.add("Clip", [x, self.constant(np.float32(0), "zero"), self.constant(np.float32(6), "six")], [out])
        elif ops == ["LeakyRelu"]:
            self.add("LeakyRelu", [x], [out], alpha=attr(n, "leakyrelu_alpha", 0.2))
        else:
            raise ValueError(f"{n['name']}: fused activation {ops} is not mapped")

    def fold(self, n):
        """Computes a node whose inputs are all constants; answers False when it cannot."""
        op = n["op"]
        ins = [self.const(i) for i in n.get("input", []) if not i.startswith("^")]
        if any(v is None for v in ins) or not ins:
            return False
        name = self.tensor(n["name"])
        if op == "SparseToDense":
            indices, shape, values, default = ins
            dense = np.full(np.asarray(shape).reshape(-1), default, dtype=values.dtype)
            indices = np.asarray(indices).reshape(-1, dense.ndim)
            values = np.broadcast_to(values, (len(indices),))
            for idx, v in zip(indices, values):
                dense[tuple(idx)] = v
            self.consts[name] = dense
        elif op in ("Add", "AddV2"):
            self.consts[name] = ins[0] + ins[1]
        elif op == "Mul":
            self.consts[name] = ins[0] * ins[1]
        elif op == "Sub":
            self.consts[name] = ins[0] - ins[1]
        elif op == "Identity":
            self.consts[name] = ins[0]
        elif op == "Cast":
            self.consts[name] = ins[0].astype({"DT_FLOAT": np.float32, "DT_INT32": np.int32, "DT_INT64": np.int64}[n["attr"]["DstT"]["type"]])
        else:
            return False
        return True

    def convert(self, outputs=None):
        graph_inputs = []
        for n in self.topology["node"]:
            op = n["op"]
            name = self.tensor(n["name"])
            if op == "Const":
                if name not in self.consts:
                    raise ValueError(f"constant {name} has no weights in the manifest")
                continue
            if op == "Placeholder":
                dims = [int(d["size"]) for d in n["attr"]["shape"]["shape"]["dim"]]
                dims = [1 if d < 0 else d for d in dims]
                graph_inputs.append(helper.make_tensor_value_info(name, TensorProto.FLOAT, dims))
                continue
            if self.fold(n):
                continue
            ins = [i for i in n.get("input", []) if not i.startswith("^")]
            if op in ("Conv2D", "_FusedConv2D"):
                self.conv(n, depthwise=False)
            elif op in ("DepthwiseConv2dNative", "FusedDepthwiseConv2dNative"):
                self.conv(n, depthwise=True)
            elif op in ("Add", "AddV2", "BiasAdd"):
                self.add("Add", [self.use(ins[0]), self.use(ins[1])], [name])
            elif op == "Sub":
                self.add("Sub", [self.use(ins[0]), self.use(ins[1])], [name])
            elif op == "Mul":
                self.add("Mul", [self.use(ins[0]), self.use(ins[1])], [name])
            elif op == "Minimum":
                self.add("Min", [self.use(ins[0]), self.use(ins[1])], [name])
            elif op == "Maximum":
                self.add("Max", [self.use(ins[0]), self.use(ins[1])], [name])
            elif op in ("Relu", "Sigmoid", "Identity", "Tanh", "Exp"):
                self.add(op, [self.use(ins[0])], [name])
            elif op == "Relu6":
                self.activation(["Relu6"], self.use(ins[0]), name, n)
            elif op == "LeakyRelu":
                self.add("LeakyRelu", [self.use(ins[0])], [name], alpha=attr(n, "alpha", 0.2))
            elif op == "Softmax":
                self.add("Softmax", [self.use(ins[0])], [name], axis=-1)
            elif op == "Mean":
                axes = self.const(ins[1]).reshape(-1).tolist()
                self.add("ReduceMean", [self.use(ins[0])], [name], axes=[int(a) for a in axes],
                         keepdims=1 if attr(n, "keep_dims", False) else 0)
            elif op in ("MatMul", "_FusedMatMul"):
                a, b = self.use(ins[0]), self.use(ins[1])
                if attr(n, "transpose_a", False) or attr(n, "transpose_b", False):
                    raise ValueError(f"{n['name']}: transposed MatMul is not mapped")
                fused = attr(n, "fused_ops", [])
                y = self.fresh(n["name"] + "_mm") if fused else name
                self.add("MatMul", [a, b], [y])
                if "BiasAdd" in fused:
                    z = self.fresh(n["name"] + "_bias") if len(fused) > 1 else name
                    self.add("Add", [y, self.use(ins[2])], [z])
                    y = z
                rest = [f for f in fused if f != "BiasAdd"]
                if rest:
                    self.activation(rest, y, name, n)
            elif op == "Transpose":
                perm = self.const(ins[1]).reshape(-1).tolist()
                self.add("Transpose", [self.use(ins[0])], [name], perm=[int(p) for p in perm])
            elif op in ("Pad", "PadV2"):
                pads = self.const(ins[1]).astype(np.int64)
                onnx_pads = np.concatenate([pads[:, 0], pads[:, 1]])
                inputs = [self.use(ins[0]), self.constant(onnx_pads, n["name"] + "_pads")]
                if op == "PadV2":
                    inputs.append(self.constant(self.const(ins[2]).astype(np.float32).reshape(()), n["name"] + "_value"))
                self.add("Pad", inputs, [name], mode="constant")
            elif op == "MaxPool" or op == "AvgPool":
                if attr(n, "data_format", "NHWC") != "NHWC":
                    raise ValueError(f"{n['name']}: only NHWC pooling is mapped")
                k = attr(n, "ksize")[1:3]
                s = attr(n, "strides")[1:3]
                extra = {"auto_pad": "SAME_UPPER"} if attr(n, "padding") == "SAME" else {"pads": [0, 0, 0, 0]}
                y = self.fresh(n["name"] + "_pool")
                self.add("MaxPool" if op == "MaxPool" else "AveragePool", [self.nchw(self.use(ins[0]))], [y],
                         kernel_shape=k, strides=s, **extra)
                self.nhwc(y, name)
            elif op == "ConcatV2":
                axis = int(self.const(ins[-1]).reshape(-1)[0])
                self.add("Concat", [self.use(i) for i in ins[:-1]], [name], axis=axis)
            elif op == "Reshape":
                shape = self.const(ins[1])
                if shape is None:
                    raise ValueError(f"{n['name']}: a reshape's shape must be constant")
                self.add("Reshape", [self.use(ins[0]), self.constant(shape.astype(np.int64).reshape(-1), n["name"] + "_shape")], [name])
            elif op == "SplitV":
                sizes = self.const(ins[1]).astype(np.int64).reshape(-1)
                axis = int(self.const(ins[2]).reshape(-1)[0])
                outs = [name] + [f"{name}:{k}" for k in range(1, len(sizes))]
                self.add("Split", [self.use(ins[0]), self.constant(sizes, n["name"] + "_sizes")], outs, axis=axis)
            elif op == "ResizeBilinear":
                if attr(n, "align_corners", False):
                    raise ValueError(f"{n['name']}: align_corners resize is not mapped")
                size = self.const(ins[1]).astype(np.int64).reshape(-1)
                x = self.nchw(self.use(ins[0]))
                shape = self.fresh(n["name"] + "_shape")
                self.add("Shape", [x], [shape])
                head = self.fresh(n["name"] + "_nc")
                self.add("Slice", [shape, self.constant(np.array([0], np.int64), "start"),
                                   self.constant(np.array([2], np.int64), "end")], [head])
                sizes = self.fresh(n["name"] + "_sizes")
                self.add("Concat", [head, self.constant(size, n["name"] + "_hw")], [sizes], axis=0)
                y = self.fresh(n["name"] + "_resized")
                mode = "half_pixel" if attr(n, "half_pixel_centers", False) else "asymmetric"
                self.add("Resize", [x, "", "", sizes], [y], mode="linear", coordinate_transformation_mode=mode)
                self.nhwc(y, name)
            else:
                raise ValueError(f"{n['name']}: TF op {op} is not mapped")

        wanted = outputs or list(self.spec["signature"]["outputs"].keys())
        graph_outputs = []
        signature = self.spec["signature"]["outputs"]
        for out in wanted:
            dims = [int(d["size"]) for d in signature.get(out, {}).get("tensorShape", {}).get("dim", [])]
            shape = [d if d > 0 else "n" for d in dims] if dims else ["n"]
            graph_outputs.append(helper.make_tensor_value_info(self.tensor(out), TensorProto.FLOAT, shape))
        graph = helper.make_graph(self.nodes, "converted", graph_inputs, graph_outputs,
                                  initializer=list(self.initializers.values()))
        model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)],
                                  producer_name="safecity convert_tfjs.py")
        model.ir_version = 8
        prune(model)
        onnx.checker.check_model(model)
        return model


def prune(model):
    """Drops nodes and initializers that no output needs (heads the caller did not ask for)."""
    graph = model.graph
    needed = {o.name for o in graph.output}
    keep = []
    for node in reversed(graph.node):
        if any(o in needed for o in node.output):
            keep.append(node)
            needed.update(i for i in node.input if i)
    keep.reverse()
    del graph.node[:]
    graph.node.extend(keep)
    inits = [i for i in graph.initializer if i.name in needed]
    del graph.initializer[:]
    graph.initializer.extend(inits)


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    model = Converter(sys.argv[1]).convert(sys.argv[3:] or None)
    onnx.save(model, sys.argv[2])
    print(f"wrote {sys.argv[2]}: {len(model.graph.node)} nodes, inputs "
          f"{[i.name for i in model.graph.input]}, outputs {[o.name for o in model.graph.output]}")


if __name__ == "__main__":
    main()
