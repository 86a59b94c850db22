package dev.musket.engine.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class MatricesTest {

  private static INDArray counting(int rows, int columns, char order) {
    return Nd4j.linspace(1, rows * columns, rows * columns, DataType.FLOAT)
        .reshape(order, rows, columns);
  }

  @Test
  void readsAContiguousArrayInRowMajorOrder() {
    INDArray a = counting(3, 4, 'c');
    assertThat(Matrices.doubleRows(a)).isDeepEqualTo(a.toDoubleMatrix());
    assertThat(Matrices.floatRows(a)).isDeepEqualTo(a.toFloatMatrix());
  }

  @Test
  void readsColumnMajorArraysAndViewsByTheirLogicalIndices() {
    INDArray fortran = counting(5, 3, 'f');
    assertThat(Matrices.doubleRows(fortran)).isDeepEqualTo(fortran.toDoubleMatrix());

    INDArray big = counting(6, 7, 'c');
    INDArray view = big.get(NDArrayIndex.interval(2, 5), NDArrayIndex.interval(1, 6));
    assertThat(view.isView()).isTrue();
    assertThat(Matrices.doubleRows(view)).isDeepEqualTo(view.toDoubleMatrix());

    INDArray transposed = big.transpose();
    assertThat(Matrices.floatRows(transposed)).isDeepEqualTo(transposed.toFloatMatrix());
  }

  @Test
  void keepsDoublePrecision() {
    INDArray a = Nd4j.create(new double[][] {{0.1, 1e-12}, {1.0 / 3, -7}});
    assertThat(Matrices.doubleRows(a)).isDeepEqualTo(new double[][] {{0.1, 1e-12}, {1.0 / 3, -7}});
  }

  @Test
  void refusesArraysThatAreNotMatrices() {
    assertThatThrownBy(() -> Matrices.doubleRows(Nd4j.zeros(DataType.FLOAT, 2, 3, 4)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[2, 3, 4]");
  }
}
