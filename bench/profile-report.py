#!/usr/bin/env python3
"""Where a training iteration's time goes, from a JFR recording of bench/profile.

Reads the main thread's execution samples (in Java) and native-method samples (in JNI: libnd4j ops,
oneDNN primitives; the OpenMP workers are not Java threads, so the main thread waiting in native
code stands for them) and attributes each sample twice:
  - to the innermost *layer-level* frame: which layer kind, forward or backward, the updater, the
    parameter step, or the graph's own bookkeeping;
  - to its leaf: a native op, a oneDNN primitive, workspace management, or a Java method.
Prints the share of samples per layer-level bucket with its leaf split, and the top Java leaves.

Usage: bench/profile-report.py RECORDING.jfr [--thread main]
"""
import collections
import json
import subprocess
import sys

LAYER_RULES = [
    # (class suffix, method prefix or None, bucket); the innermost matching frame wins
    ("layers.convolution.DepthwiseConvolution2DLayer", "backpropGradient", "depthwise bwd"),
    ("layers.convolution.DepthwiseConvolution2DLayer", None, "depthwise fwd"),
    ("onednn.OneDnnConvolution", "forward", "conv fwd"),
    ("onednn.OneDnnConvolution", "backward", "conv bwd"),
    ("layers.convolution.ConvolutionLayer", "backpropGradient", "conv bwd"),
    ("layers.convolution.ConvolutionLayer", None, "conv fwd"),
    ("layers.normalization.BatchNormalization", "backpropGradient", "batchnorm bwd"),
    ("layers.normalization.BatchNormalization", None, "batchnorm fwd"),
    ("onednn.OneDnnBatchNorm", "backward", "batchnorm bwd"),
    ("onednn.OneDnnBatchNorm", None, "batchnorm fwd"),
    # the engine's inference path: its layer's activate() calls the helper, not DL4J's preOutput
    ("onednn.OneDnnBatchNormInference", None, "batchnorm fwd"),
    ("onednn.OneDnnBatchNormHelper", "backpropGradient", "batchnorm bwd"),
    ("onednn.OneDnnBatchNormHelper", None, "batchnorm fwd"),
    ("onednn.OneDnnBatchNormalization$Impl", None, "batchnorm fwd"),
    ("onednn.OneDnnEltwise", "backward", "activation bwd"),
    ("onednn.OneDnnEltwise", None, "activation fwd"),
    ("onednn.OneDnnActivationLayer$Impl", "backpropGradient", "activation bwd"),
    ("onednn.OneDnnActivationLayer$Impl", None, "activation fwd"),
    ("layers.ActivationLayer", "backpropGradient", "activation bwd"),
    ("layers.ActivationLayer", None, "activation fwd"),
    ("vertex.impl.ElementWiseVertex", "doBackward", "add vertex bwd"),
    ("vertex.impl.ElementWiseVertex", None, "add vertex fwd"),
    # the engine's pooling layers (their backward through DL4J's SubsamplingLayer is matched below)
    ("onednn.OneDnnSubsamplingLayer$Impl", None, "pooling fwd"),
    # DenseNet's concatenations: forward copies every input, backward splits the epsilon
    ("vertex.impl.MergeVertex", "doBackward", "merge vertex bwd"),
    ("vertex.impl.MergeVertex", None, "merge vertex fwd"),
    ("layers.convolution.subsampling.SubsamplingLayer", "backpropGradient", "pooling bwd"),
    ("layers.convolution.subsampling.SubsamplingLayer", None, "pooling fwd"),
    ("layers.pooling.GlobalPoolingLayer", "backpropGradient", "global pool bwd"),
    ("layers.pooling.GlobalPoolingLayer", None, "global pool fwd"),
    ("onednn.OneDnnGlobalPoolingLayer$Impl", "backpropGradient", "global pool bwd"),
    ("onednn.OneDnnGlobalPoolingLayer$Impl", None, "global pool fwd"),
    ("layers.BaseOutputLayer", None, "output layer + loss"),
    ("layers.OutputLayer", None, "output layer + loss"),
    ("layers.feedforward.dense.DenseLayer", None, "dense"),
    ("updater.BaseMultiLayerUpdater", None, "updater (Adam)"),
    ("solvers.BaseOptimizer", "updateGradientAccordingToParams", "updater (Adam)"),
    ("stepfunctions.", None, "parameter step"),
    ("graph.ComputationGraph", "calcBackpropGradients", "graph bookkeeping bwd"),
    ("graph.ComputationGraph", "ffToLayerActivationsInWs", "graph bookkeeping fwd"),
    ("graph.ComputationGraph", None, "graph bookkeeping other"),
]


def layer_bucket(frames):
    bucket = innermost_bucket(frames)
    # the engine's depthwise layer runs a grouped OneDnnConvolution: count it apart from the others
    if bucket.startswith("conv") and any("DepthwiseConvolution" in cls for cls, _ in frames):
        return bucket.replace("conv", "depthwise")
    return bucket


def innermost_bucket(frames):
    for frame in frames:  # innermost first
        cls, method = frame
        for suffix, prefix, bucket in LAYER_RULES:
            if cls.endswith(suffix) or (suffix.endswith(".") and suffix in cls):
                if prefix is None or method.startswith(prefix):
                    return bucket
    return "outside the graph"


def leaf_bucket(frames):
    cls, method = frames[0]
    if cls.startswith("org.bytedeco.dnnl"):
        return "oneDNN primitive"
    if "workspace" in cls.lower() or "Workspace" in method:
        return "workspace"
    if cls.startswith("org.nd4j.nativeblas") or cls.startswith("org.nd4j.linalg.cpu.nativecpu.bindings"):
        return "libnd4j native: " + method
    if cls.startswith("org.bytedeco.javacpp"):
        return "javacpp: " + method
    return "java"


def main():
    path = sys.argv[1]
    thread = "main"
    if "--thread" in sys.argv:
        thread = sys.argv[sys.argv.index("--thread") + 1]
    raw = subprocess.run(
        ["jfr", "print", "--json", "--stack-depth", "96", "--events",
         "jdk.ExecutionSample,jdk.NativeMethodSample", path],
        check=True, capture_output=True, text=True).stdout
    events = json.loads(raw)["recording"]["events"]
    buckets = collections.Counter()
    leaves = collections.defaultdict(collections.Counter)
    java_leaves = collections.Counter()
    total = 0
    for event in events:
        values = event["values"]
        sampled = values.get("sampledThread") or {}
        if sampled.get("javaName") != thread:
            continue
        stack = values.get("stackTrace") or {}
        frames = [(f["method"]["type"]["name"].replace("/", "."), f["method"]["name"]) for f in stack.get("frames", [])]
        if not frames:
            continue
        total += 1
        bucket = layer_bucket(frames)
        leaf = leaf_bucket(frames)
        buckets[bucket] += 1
        if leaf.startswith("libnd4j native"):
            leaf = "libnd4j op"
        leaves[bucket][leaf] += 1
        if leaf == "java":
            java_leaves["%s.%s" % (frames[0][0].rsplit(".", 1)[-1], frames[0][1])] += 1
    print("samples on thread %r: %d" % (thread, total))
    print("%-26s %6s  %s" % ("where", "share", "leaf split (share of the bucket)"))
    for bucket, count in buckets.most_common():
        split = ", ".join("%s %.0f%%" % (leaf, 100.0 * c / count) for leaf, c in leaves[bucket].most_common(4))
        print("%-26s %5.1f%%  %s" % (bucket, 100.0 * count / total, split))
    print("top Java leaves (share of all samples):")
    for leaf, count in java_leaves.most_common(12):
        print("  %-60s %5.1f%%" % (leaf, 100.0 * count / total))


if __name__ == "__main__":
    main()
