import Units

/// What a training run stores per parameter: the input of the MemoryBreakdown exercise and of
/// `workbook calc`.
///
/// Frozen parameters keep only their weights; each trainable parameter also has a gradient, an
/// fp32 master copy when `masterCopy` is set, and the optimizer's state.
public struct TrainingSetup: Equatable, Sendable {
  /// Every parameter of the model, trainable or frozen.
  public var parameters: UInt64
  /// The share of parameters that are trained, from 0 (all frozen) to 1 (all trained).
  public let trainableFraction: Double
  /// How the weights are stored (all of them, trainable or not).
  public var weightType: ElementType
  /// How gradients are stored.
  public var gradientType: ElementType
  /// How the optimizer's state (Adam's m and v, SGD's velocity) is stored.
  public var optimizerStateType: ElementType
  /// Whether an fp32 master copy of the trainable weights is kept (mixed-precision training).
  public var masterCopy: Bool
  /// The optimizer, which decides how many state values each trainable parameter has.
  public var optimizer: OptimizerKind
  /// Bytes of activations kept for the backward pass, counted into the total as given.
  public var activationBytes: UInt64

  /// A set-up; every argument after `parameters` has the all-fp32 Adam default.
  ///
  /// - Throws: `TrainingMemoryError` when `trainableFraction` is not a number from 0 to 1.
  public init(
    parameters: UInt64, trainableFraction: Double = 1, weightType: ElementType = .fp32,
    gradientType: ElementType = .fp32, optimizerStateType: ElementType = .fp32,
    masterCopy: Bool = false, optimizer: OptimizerKind = .adam, activationBytes: UInt64 = 0
  ) throws {
    guard trainableFraction >= 0 && trainableFraction <= 1 else {
      throw TrainingMemoryError(
        "the trainable fraction must be a number from 0 to 1, not \(trainableFraction)")
    }
    self.parameters = parameters
    self.trainableFraction = trainableFraction
    self.weightType = weightType
    self.gradientType = gradientType
    self.optimizerStateType = optimizerStateType
    self.masterCopy = masterCopy
    self.optimizer = optimizer
    self.activationBytes = activationBytes
  }

  /// The ZeRO paper's mixed precision: fp16 weights and gradients, an fp32 master copy, and the
  /// optimizer's state in fp32 (2 + 2 + 4 + 4 + 4 = 16 bytes per parameter with Adam).
  public static func mixedPrecision(
    parameters: UInt64, trainableFraction: Double = 1, optimizer: OptimizerKind = .adam,
    activationBytes: UInt64 = 0
  ) throws -> TrainingSetup {
    try TrainingSetup(
      parameters: parameters, trainableFraction: trainableFraction, weightType: .fp16,
      gradientType: .fp16, optimizerStateType: .fp32, masterCopy: true, optimizer: optimizer,
      activationBytes: activationBytes)
  }

  /// The number of trainable parameters: `parameters × trainableFraction`, rounded to the
  /// nearest whole parameter (halves away from zero), never more than `parameters`.
  public var trainableParameters: UInt64 {
    let exact = (Double(parameters) * trainableFraction).rounded()
    // Double(parameters) may round up past the UInt64 range: clamp before converting.
    return exact >= Double(parameters) ? parameters : UInt64(exact)
  }
}
