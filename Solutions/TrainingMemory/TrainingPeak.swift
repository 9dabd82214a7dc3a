import TrainingMemory

/// Reference solution of TrainingPeak: walk the step's schedule, tracking the live bytes.
public struct PeakEstimator: TrainingPeakEstimating {
  public init() {}

  public func peakBytes(_ step: TrainingStep) throws -> UInt64 {
    guard !step.layers.isEmpty else {
      throw TrainingMemoryError("a training step needs at least one layer")
    }
    var live = Live()
    try live.allocate(step.weightBytes)
    try live.allocate(step.optimizerStateBytes)
    try live.allocate(step.inputBytes)
    // Forward: every output is kept for the backward pass.
    for layer in step.layers { try live.allocate(layer.activationBytes) }
    // The loss produces the gradient of the last output.
    try live.allocate(step.layers[step.layers.count - 1].activationBytes)
    // Backward: each layer adds its gradients before it can drop its output and δ.
    for i in stride(from: step.layers.count - 1, through: 0, by: -1) {
      let layer = step.layers[i]
      try live.allocate(layer.weightGradientBytes)
      if i > 0 { try live.allocate(step.layers[i - 1].activationBytes) }
      live.free(layer.activationBytes)  // δᵢ
      live.free(layer.activationBytes)  // aᵢ
    }
    return live.peak
  }
}

/// A running count of live bytes and its maximum.
private struct Live {
  var bytes: UInt64 = 0
  var peak: UInt64 = 0

  mutating func allocate(_ size: UInt64) throws {
    let (sum, overflow) = bytes.addingReportingOverflow(size)
    if overflow { throw TrainingMemoryError.overflow("the live bytes") }
    bytes = sum
    peak = max(peak, bytes)
  }

  mutating func free(_ size: UInt64) {
    bytes -= min(size, bytes)
  }
}
