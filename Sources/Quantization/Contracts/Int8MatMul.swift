/// The contract of the Int8MatMul exercise: int8 × int8 matrix multiplication with int32
/// accumulation, then requantization to int8.
///
/// Matrices are row-major: `a` is `m × k`, `b` is `k × n`, the result `m × n`. Each product of two
/// codes is widened before it is added, and the sum is kept in `Int32`; `k` may be at most
/// 131071 (`QuantizationLimits.maximumAccumulationDepth`), past which `accumulationMayOverflow`
/// is thrown. Counts that do not fit the shape throw `shapeMismatch`; a negative dimension,
/// `negativeDimension`. `k = 0` gives a matrix of zeros.
public protocol Int8MatMul {
  /// The exact int32 accumulators of `a × b`.
  func multiply(_ a: [Int8], _ b: [Int8], m: Int, k: Int, n: Int) throws -> [Int32]
  /// `clamp(round(accumulator × multiplier), −127, 127)`, half to even, computed in Double;
  /// throws `invalidMultiplier` unless `multiplier` is finite and > 0.
  func requantize(_ accumulators: [Int32], multiplier: Double) throws -> [Int8]
  /// The whole pipeline for symmetric tensors: multiply, then requantize with
  /// `M = a.scale × b.scale / outputScale` (in Double). The result has scale `outputScale` and
  /// zero point 0. Throws `invalidScale` for a scale that is not finite and > 0, and
  /// `invalidZeroPoint` when an input's zero point is not 0.
  func multiply(
    _ a: QuantizedTensor<Int8>, _ b: QuantizedTensor<Int8>, m: Int, k: Int, n: Int,
    outputScale: Float
  ) throws -> QuantizedTensor<Int8>
}
