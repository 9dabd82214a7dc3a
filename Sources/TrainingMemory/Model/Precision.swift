import Units

/// The precision presets of `workbook calc`: which element type each component is stored in.
public enum Precision: String, CaseIterable, Sendable {
  /// Everything in fp32 (4 + 4 + 4 + 4 = 16 bytes per parameter with Adam).
  case fp32
  /// Everything in fp16, no master copy (8 bytes per parameter with Adam; rarely stable).
  case fp16
  /// Everything in bf16, no master copy (8 bytes per parameter with Adam).
  case bf16
  /// fp16 weights and gradients, fp32 master copy and optimizer state: ZeRO's 16 bytes.
  case mixed

  /// The set-up this precision gives for `parameters` parameters.
  public func setup(
    parameters: UInt64, trainableFraction: Double, optimizer: OptimizerKind,
    activationBytes: UInt64 = 0
  ) throws -> TrainingSetup {
    switch self {
    case .mixed:
      return try .mixedPrecision(
        parameters: parameters, trainableFraction: trainableFraction, optimizer: optimizer,
        activationBytes: activationBytes)
    case .fp32, .fp16, .bf16:
      let type: ElementType = self == .fp32 ? .fp32 : self == .fp16 ? .fp16 : .bf16
      return try TrainingSetup(
        parameters: parameters, trainableFraction: trainableFraction, weightType: type,
        gradientType: type, optimizerStateType: type, masterCopy: false, optimizer: optimizer,
        activationBytes: activationBytes)
    }
  }

  /// The element type activations are kept in: fp32 for `fp32`, 16 bits otherwise.
  public var activationType: ElementType { self == .fp32 ? .fp32 : self == .bf16 ? .bf16 : .fp16 }

  /// A phrase for reports: "mixed precision (fp16 weights and gradients, fp32 master and state)".
  public var summary: String {
    switch self {
    case .fp32: return "fp32 throughout"
    case .fp16: return "fp16 throughout, no master copy"
    case .bf16: return "bf16 throughout, no master copy"
    case .mixed: return "mixed precision: fp16 weights and gradients, fp32 master copy and state"
    }
  }
}
