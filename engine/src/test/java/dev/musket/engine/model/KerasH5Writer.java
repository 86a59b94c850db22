package dev.musket.engine.model;

import static org.bytedeco.hdf5.global.hdf5.H5F_ACC_TRUNC;

import java.nio.file.Path;
import java.util.Map;
import org.bytedeco.hdf5.DataSet;
import org.bytedeco.hdf5.DataSpace;
import org.bytedeco.hdf5.DataType;
import org.bytedeco.hdf5.Group;
import org.bytedeco.hdf5.H5File;
import org.bytedeco.hdf5.PredType;
import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Writes a Keras-format weights file as Keras' {@code save_weights} lays it out: one group per
 * layer holding a group of the same name with the arrays {@code kernel:0}, {@code bias:0}...
 */
final class KerasH5Writer {

  private KerasH5Writer() {}

  static void write(Path file, Map<String, Map<String, INDArray>> layers) {
    H5File h5 = new H5File(file.toString(), H5F_ACC_TRUNC());
    DataType floats = new DataType(PredType.NATIVE_FLOAT());
    try {
      for (Map.Entry<String, Map<String, INDArray>> layer : layers.entrySet()) {
        Group outer = h5.createGroup(layer.getKey());
        Group inner = outer.createGroup(layer.getKey());
        for (Map.Entry<String, INDArray> weight : layer.getValue().entrySet()) {
          INDArray array = weight.getValue();
          DataSpace space = new DataSpace(array.rank(), array.shape());
          DataSet dataset = inner.createDataSet(weight.getKey() + ":0", floats, space);
          dataset.write(new FloatPointer(array.dup('c').data().asFloat()), floats);
          dataset.deallocate();
          space.deallocate();
        }
        inner.deallocate();
        outer.deallocate();
      }
    } finally {
      h5.deallocate();
    }
  }
}
