package dev.musket.engine.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One measured case, named as in the PyTorch peer: a network, its square input size and the batch.
 *
 * @param name the peer's case name
 * @param network the topology
 * @param size input height and width
 * @param batch images per iteration
 */
record BenchCase(String name, BenchNetwork network, int size, int batch) {

  static final int CLASSES = 10;

  /** The peer's five cases, in the peer's order. */
  static Map<String, BenchCase> all() {
    Map<String, BenchCase> cases = new LinkedHashMap<>();
    for (BenchCase c :
        new BenchCase[] {
          new BenchCase("small_cnn_64_b32", new SmallCnnNetwork(), 64, 32),
          new BenchCase("resnet18_64_b16", new ResNet18Network(), 64, 16),
          new BenchCase("resnet18_224_b8", new ResNet18Network(), 224, 8),
          new BenchCase("mobilenet_v2_64_b16", new MobileNetV2Network(), 64, 16),
          new BenchCase("densenet121_64_b16", new DenseNet121Network(), 64, 16),
        }) {
      cases.put(c.name(), c);
    }
    return cases;
  }
}
