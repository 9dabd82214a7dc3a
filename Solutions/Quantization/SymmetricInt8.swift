import Quantization

/// Reference solution of SymmetricInt8, written for speed: it is what the benchmark times on a
/// 64 M-element tensor, so both passes are tight loops over raw buffers that the compiler turns
/// into vector instructions.
public struct SymmetricInt8Quantizer: SymmetricInt8 {
  public init() {}

  public func scale(for values: [Float]) throws -> Float {
    try values.withUnsafeBufferPointer { try Self.scale(for: $0) }
  }

  public func quantize(_ values: [Float], scale: Float) throws -> [Int8] {
    try values.withUnsafeBufferPointer { source in
      try [Int8](unsafeUninitializedCapacity: source.count) { codes, initialized in
        try Self.quantize(source, scale: scale, into: codes)
        initialized = source.count
      }
    }
  }

  public func dequantize(_ codes: [Int8], scale: Float) throws -> [Float] {
    guard scale.isFinite, scale > 0 else { throw QuantizationError.invalidScale(scale) }
    return codes.map { Float($0) * scale }
  }

  public func quantize(_ values: [Float]) throws -> QuantizedTensor<Int8> {
    try values.withUnsafeBufferPointer { source in
      let scale = try Self.scale(for: source)
      let q = [Int8](unsafeUninitializedCapacity: source.count) { codes, initialized in
        // The calibration pass has already refused NaN and ±∞, so no second check is needed.
        _ = Self.quantizeFinite(source, scale: scale, into: codes)
        initialized = source.count
      }
      return QuantizedTensor(q: q, scale: scale, zeroPoint: 0)
    }
  }

  /// `max(absmax / 127, 2⁻²³)` over a buffer: the calibration pass on its own.
  ///
  /// The absolute maximum is taken on the bit patterns: clearing the sign bit gives |x|, and for
  /// non-negative floats the integer order of the patterns is the numeric order. NaN and ±∞ have
  /// the largest patterns of all (exponent field all ones), so one comparison afterwards finds them.
  public static func scale(for values: UnsafeBufferPointer<Float>) throws -> Float {
    var largest: UInt32 = 0
    for value in values { largest = Swift.max(largest, value.bitPattern & 0x7FFF_FFFF) }
    if largest >= 0x7F80_0000 {
      throw QuantizationError.nonFiniteValue(index: values.firstIndex { !$0.isFinite } ?? 0)
    }
    return Swift.max(Float(bitPattern: largest) / 127, QuantizationLimits.minimumScale)
  }

  /// Calibrates on `values` and writes their codes into `codes` (which must hold as many),
  /// without allocating; returns the scale. Two passes: one to find the scale, one to quantize.
  public static func quantize(
    _ values: UnsafeBufferPointer<Float>, into codes: UnsafeMutableBufferPointer<Int8>
  ) throws -> Float {
    guard codes.count >= values.count else {
      throw QuantizationError.shapeMismatch(expected: values.count, actual: codes.count)
    }
    let scale = try scale(for: values)
    // The calibration pass has already refused NaN and ±∞.
    _ = quantizeFinite(values, scale: scale, into: codes)
    return scale
  }

  /// Quantizes `values` with `scale` into `codes` (which must hold as many elements), without
  /// allocating: the quantization pass on its own, one pass that also watches for NaN and ±∞.
  public static func quantize(
    _ values: UnsafeBufferPointer<Float>, scale: Float, into codes: UnsafeMutableBufferPointer<Int8>
  ) throws {
    guard scale.isFinite, scale > 0 else { throw QuantizationError.invalidScale(scale) }
    guard codes.count >= values.count else {
      throw QuantizationError.shapeMismatch(expected: values.count, actual: codes.count)
    }
    if quantizeFinite(values, scale: scale, into: codes) {
      // The codes written are garbage now, but the caller gets an error instead of them.
      throw QuantizationError.nonFiniteValue(index: values.firstIndex { !$0.isFinite } ?? 0)
    }
  }

  /// q = clamp(round(x / scale), −127, 127); returns whether any value was NaN or ±∞.
  ///
  /// Clamping before rounding gives the same codes (the bounds are whole numbers), and keeps the
  /// value small enough for the rounding trick: adding 1.5 × 2²³ to a float of magnitude below 2²²
  /// leaves a sum whose spacing is exactly 1, so the hardware's own round-half-to-even addition
  /// does the rounding, and the low byte of the sum's bit pattern is the two's-complement code.
  /// The non-finite test (exponent field all ones) is OR-ed into a flag so the loop stays
  /// branch-free and vectorizes. Like PyTorch, the loop multiplies by 1 / scale instead of
  /// dividing, which is several times cheaper; the two can differ only for quotients within an
  /// fp32 rounding error of a tie, where either neighbouring code is as good.
  @discardableResult
  static func quantizeFinite(
    _ values: UnsafeBufferPointer<Float>, scale: Float, into codes: UnsafeMutableBufferPointer<Int8>
  ) -> Bool {
    let roundingShift: Float = 12_582_912  // 1.5 × 2²³
    let inverse = 1 / scale
    var nonFinite: UInt32 = 0
    for index in 0..<values.count {
      let value = values[index]
      nonFinite |= value.bitPattern & 0x7F80_0000 == 0x7F80_0000 ? 1 : 0
      let clamped = Swift.min(Swift.max(value * inverse, -127), 127)
      codes[index] = Int8(truncatingIfNeeded: (clamped + roundingShift).bitPattern)
    }
    return nonFinite != 0
  }
}
