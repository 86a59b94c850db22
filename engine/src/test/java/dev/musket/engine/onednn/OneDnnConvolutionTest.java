package dev.musket.engine.onednn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.condition.DisabledIf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Conv2D;
import org.nd4j.linalg.factory.Nd4j;

/** oneDNN called directly computes the same forward convolution as libnd4j's conv2d op. */
// the oneDNN CPU path: not used, and not there to test, in a -Pcuda build
@DisabledIf("dev.musket.engine.runtime.ComputeBackend#cudaOnClasspath")
class OneDnnConvolutionTest {

  @ParameterizedTest(name = "{0}x{0}/{1} pad {2} on {3}x{3}, blocked {4}, {5}->{6}")
  @CsvSource({
    "3, 1, 1, 8, true, 3, 4", "3, 2, 1, 8, true, 3, 4", "3, 2, 1, 8, false, 3, 4",
    "7, 2, 3, 12, true, 3, 4", "1, 2, 0, 8, true, 3, 4", "3, 1, 1, 4, true, 16, 16",
    "7, 1, 3, 6, true, 8, 8", "3, 1, 1, 4, false, 16, 16"
  })
  void forwardMatchesLibnd4j(int k, int s, int p, int size, boolean blocked, int in, int out) {
    ConvGeometry g = new ConvGeometry(2, in, out, k, s, p, size, size);
    Nd4j.getRandom().setSeed(1);
    INDArray x = Nd4j.randn(DataType.FLOAT, 2, in, size, size);
    INDArray w = Nd4j.randn(DataType.FLOAT, out, in, k, k);
    INDArray b = Nd4j.zeros(DataType.FLOAT, 1, out);
    INDArray expected = Nd4j.create(DataType.FLOAT, 2, out, g.outHeight(), g.outWidth());
    OpContext context = Nd4j.getExecutioner().buildContext();
    context.setIArguments(k, k, s, s, p, p, 1, 1, 0, 0, 1);
    context.setInputArrays(x, w, b);
    context.setOutputArrays(expected);
    Nd4j.exec(new Conv2D(), context);

    INDArray actual = Nd4j.create(DataType.FLOAT, expected.shape());
    new OneDnnConvolution(g, true, blocked).forward(x, w, b, actual);
    assertThat(actual.sub(expected).amaxNumber().doubleValue()).isLessThan(1e-3);
  }
}
