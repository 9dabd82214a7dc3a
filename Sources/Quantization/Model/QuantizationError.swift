/// What the quantizers, the matrix multiplication and the MLP harness throw for input they refuse.
///
/// Each case reads as one line, so the `workbook quantize` tool can print it as it is.
public enum QuantizationError: Error, Equatable, Sendable, Codable, CustomStringConvertible {
  /// The value at `index` is NaN or ±∞: it has no nearest code, so quantizing it is refused.
  case nonFiniteValue(index: Int)
  /// A scale that is not a finite number greater than zero.
  case invalidScale(Float)
  /// A requantization multiplier that is not a finite number greater than zero.
  case invalidMultiplier(Double)
  /// A zero point the scheme does not allow: uint8 needs 0...255, symmetric int8 needs 0.
  case invalidZeroPoint(Int)
  /// An array holds `actual` elements where the shape asks for `expected`.
  case shapeMismatch(expected: Int, actual: Int)
  /// A dimension below zero.
  case negativeDimension(Int)
  /// An inner dimension so long that an int32 accumulator could overflow (more than 131071).
  case accumulationMayOverflow(depth: Int)

  /// One line saying what was wrong.
  public var description: String {
    switch self {
    case .nonFiniteValue(let index):
      return "value \(index) is NaN or infinite; only finite values can be quantized"
    case .invalidScale(let scale):
      return "scale \(scale) is not a finite number greater than zero"
    case .invalidMultiplier(let multiplier):
      return "multiplier \(multiplier) is not a finite number greater than zero"
    case .invalidZeroPoint(let zeroPoint):
      return
        "zero point \(zeroPoint) is not allowed here (uint8 needs 0...255, symmetric int8 needs 0)"
    case .shapeMismatch(let expected, let actual):
      return "expected \(expected) elements for this shape, got \(actual)"
    case .negativeDimension(let dimension):
      return "dimension \(dimension) is negative"
    case .accumulationMayOverflow(let depth):
      return
        "inner dimension \(depth) exceeds \(QuantizationLimits.maximumAccumulationDepth): an int32 accumulator could overflow"
    }
  }
}
