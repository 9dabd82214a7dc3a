import Units

/// The optimizers `workbook calc` accounts for, by the state each keeps per trainable tensor.
/// (`OptimizerKind` is the exercises' smaller set; this one adds the memory-saving optimizers.)
public enum CalculatorOptimizer: String, CaseIterable, Sendable {
  /// Adam: m and v per parameter, in the precision's state type.
  case adam
  /// bitsandbytes' 8-bit Adam: m and v in one byte each, one fp32 absmax per block of 2048
  /// values for each; tensors under 4096 values keep fp32 state (its min_8bit_size).
  case adam8bit
  /// Plain SGD: no state.
  case sgd
  /// SGD with momentum: one velocity per parameter.
  case momentum
  /// Adafactor (Shazeer and Stern 2018) as Hugging Face ships it, β1 = None: no first moment,
  /// the second moment of a matrix factored into a row vector and a column vector.
  case adafactor
  /// Forward only: no gradients, no state.
  case none

  /// The names, for messages.
  public static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }

  /// The block size of 8-bit Adam's quantization.
  public static let adam8bitBlock: UInt64 = 2048
  /// Tensors smaller than this keep fp32 state in 8-bit Adam (bitsandbytes' min_8bit_size).
  public static let adam8bitMinimumSize: UInt64 = 4096

  /// Whether training with it keeps a gradient per trainable parameter.
  public var keepsGradients: Bool { self != .none }

  /// The exercises' optimizer with the same state, when there is one.
  public var kind: OptimizerKind? {
    switch self {
    case .adam: return .adam
    case .sgd: return .sgd
    case .momentum: return .momentum
    case .none: return OptimizerKind.none
    case .adam8bit, .adafactor: return nil
    }
  }

  /// Bytes of state for one copy of a tensor: `rows` × `columns` values (a vector has
  /// `columns` = 1 and `isMatrix` false), full-precision state stored as `stateType`.
  ///
  /// - Throws: `TrainingMemoryError` beyond 64 bits.
  public func stateBytes(rows: UInt64, columns: UInt64, isMatrix: Bool, stateType: ElementType)
    throws -> UInt64
  {
    let count = try Checked.multiply(rows, columns, "optimizer state values")
    switch self {
    case .sgd, .none: return 0
    case .momentum: return try stateType.bytes(count: count)
    case .adam: return try stateType.bytes(count: try Checked.multiply(2, count, "Adam's m and v"))
    case .adam8bit:
      if count < Self.adam8bitMinimumSize {
        return try ElementType.fp32.bytes(count: try Checked.multiply(2, count, "Adam's m and v"))
      }
      let blocks = Checked.ceilDivide(count, Self.adam8bitBlock)
      return try Checked.add(
        try Checked.multiply(2, count, "8-bit m and v"),
        try Checked.multiply(8, blocks, "8-bit Adam's absmax"), "8-bit Adam's state")
    case .adafactor:
      let values = isMatrix ? try Checked.add(rows, columns, "Adafactor's factors") : count
      return try stateType.bytes(count: values)
    }
  }

  /// The convention, one short line for the report, for the optimizers that need one.
  public var convention: String? {
    switch self {
    case .adam8bit:
      return "adam8bit: m and v in 8 bits + an fp32 absmax per 2048 each (bitsandbytes); "
        + "tensors under 4096 values keep fp32 state"
    case .adafactor:
      return "adafactor: no first moment (β1 = None); second moment factored into rows + "
        + "columns per matrix, full for vectors"
    default: return nil
    }
  }
}
