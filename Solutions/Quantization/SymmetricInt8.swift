import Quantization

/// Reference solution of SymmetricInt8, written to be read: one pass for the absmax, one for the
/// codes. (The kit's vectorised kernel, which the benchmark times on 64 M floats, computes the
/// same codes sixteen at a time: Sources/Quantization/Reference/SymmetricInt8Kernel.swift.)
public struct SymmetricInt8Quantizer: SymmetricInt8 {
  public init() {}

  public func scale(for values: [Float]) throws -> Float {
    try requireFinite(values)
    var absmax: Float = 0
    for x in values { absmax = max(absmax, abs(x)) }
    // An all-zero tensor still needs a positive step, or every dequantized value is NaN.
    return max(absmax / 127, QuantizationLimits.minimumScale)
  }

  public func quantize(_ values: [Float], scale: Float) throws -> [Int8] {
    guard scale.isFinite, scale > 0 else { throw QuantizationError.invalidScale(scale) }
    try requireFinite(values)
    return values.map { x in
      // Half to even, as the hardware rounds; a quotient out of range (even ±∞ from a tiny
      // scale) clamps to ±127, so −128 is never produced.
      let rounded = (x / scale).rounded(.toNearestOrEven)
      return Int8(min(max(rounded, -127), 127))
    }
  }

  public func dequantize(_ codes: [Int8], scale: Float) throws -> [Float] {
    guard scale.isFinite, scale > 0 else { throw QuantizationError.invalidScale(scale) }
    return codes.map { Float($0) * scale }
  }

  public func quantize(_ values: [Float]) throws -> QuantizedTensor<Int8> {
    let scale = try scale(for: values)
    return QuantizedTensor(q: try quantize(values, scale: scale), scale: scale, zeroPoint: 0)
  }

  /// NaN and ±∞ have no nearest code: refuse the first one.
  private func requireFinite(_ values: [Float]) throws {
    if let bad = values.firstIndex(where: { !$0.isFinite }) {
      throw QuantizationError.nonFiniteValue(index: bad)
    }
  }
}
