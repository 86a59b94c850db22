package dev.musket.engine.model.arch;

import dev.musket.engine.model.ModelBuilder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every architecture of Musket's classification pipeline, by the name Musket documents. The same
 * names are declared in the config schema's {@code architectures.yaml}; a test keeps the two equal.
 */
public final class BuiltInArchitectures {

  private BuiltInArchitectures() {}

  /** Name to builder, in the order of Musket's documentation. */
  public static Map<String, ModelBuilder> all() {
    Map<String, ModelBuilder> all = new LinkedHashMap<>();
    all.put("ResNet18", BasicResNetBuilder.RESNET18);
    all.put("ResNet34", BasicResNetBuilder.RESNET34);
    all.put("ResNet50", ResNetBuilder.RESNET50);
    all.put("ResNet101", ResNetBuilder.RESNET101);
    all.put("ResNet152", ResNetBuilder.RESNET152);
    all.put("ResNeXt50", ResNeXtBuilder.RESNEXT50);
    all.put("ResNeXt101", ResNeXtBuilder.RESNEXT101);
    all.put("VGG16", VggBuilder.VGG16);
    all.put("VGG19", VggBuilder.VGG19);
    all.put("InceptionV3", new InceptionV3Builder());
    all.put("InceptionResNetV2", new InceptionResNetV2Builder());
    all.put("Xception", new XceptionBuilder());
    all.put("MobileNet", new MobileNetBuilder());
    all.put("MobileNetV2", new MobileNetV2Builder());
    all.put("DenseNet121", DenseNetBuilder.DENSENET121);
    all.put("DenseNet169", DenseNetBuilder.DENSENET169);
    all.put("DenseNet201", DenseNetBuilder.DENSENET201);
    all.put("NASNetMobile", NasNetBuilder.MOBILE);
    all.put("NASNetLarge", NasNetBuilder.LARGE);
    return all;
  }
}
