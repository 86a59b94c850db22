package dev.musket.engine.bench;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;

/**
 * One network the benchmark measures, as a configuration of the same topology as the PyTorch peer's
 * (shared/bench/peer_torch.py). The seam exists so the bench's own definitions can be replaced by
 * the engine's architecture builders ({@code dev.musket.engine.model.arch}) once they land, without
 * touching the measurement code.
 */
public interface BenchNetwork {

  /** The configuration for square {@code size x size x 3} inputs and {@code classes} outputs. */
  ComputationGraphConfiguration configuration(int size, int classes);
}
