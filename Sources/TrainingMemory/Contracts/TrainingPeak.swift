/// The sizes of one layer of a chain network, for the TrainingPeak exercise.
public struct LayerSizes: Equatable, Sendable {
  /// Bytes of the layer's output activation aᵢ (its gradient δᵢ has the same size).
  public var activationBytes: UInt64
  /// Bytes of the gradient of the layer's weights, gᵢ.
  public var weightGradientBytes: UInt64

  /// The sizes of one layer.
  public init(activationBytes: UInt64, weightGradientBytes: UInt64) {
    self.activationBytes = activationBytes
    self.weightGradientBytes = weightGradientBytes
  }
}

/// One training step of a chain of layers: what it holds all along, and what it allocates.
///
/// The step's schedule (Lessons/TrainingMemory.md, "Lifetimes in a training step"):
/// 1. Resident for the whole step: `weightBytes` and `optimizerStateBytes`; the input batch a₀
///    (`inputBytes`) is there from the start.
/// 2. Forward, i = 1 … L: layer i allocates its output aᵢ. Every activation is kept.
/// 3. The loss allocates δ_L, the gradient of the last output (the size of a_L).
/// 4. Backward, i = L … 1: layer i allocates its weight gradient gᵢ and, for i > 1, the gradient
///    of its input δᵢ₋₁ (the size of aᵢ₋₁; the input batch needs none). Then it frees δᵢ and
///    aᵢ, whose last use this was (and layer 1 also frees a₀). Weight gradients stay.
/// 5. The optimizer step reads all gᵢ, then frees them.
public struct TrainingStep: Equatable, Sendable {
  /// Bytes of the weights, resident all step.
  public var weightBytes: UInt64
  /// Bytes of the optimizer's state (and master copy), resident all step.
  public var optimizerStateBytes: UInt64
  /// Bytes of the input batch a₀.
  public var inputBytes: UInt64
  /// The layers, first to last.
  public var layers: [LayerSizes]

  /// A training step.
  public init(
    weightBytes: UInt64, optimizerStateBytes: UInt64, inputBytes: UInt64, layers: [LayerSizes]
  ) {
    self.weightBytes = weightBytes
    self.optimizerStateBytes = optimizerStateBytes
    self.inputBytes = inputBytes
    self.layers = layers
  }
}

/// The contract of the TrainingPeak exercise: the peak memory of one training step.
public protocol TrainingPeakEstimating {
  /// The largest number of bytes live at once during `step`, following its schedule.
  ///
  /// - Throws: an error when the step has no layer, or when a size does not fit in 64 bits.
  func peakBytes(_ step: TrainingStep) throws -> UInt64
}
