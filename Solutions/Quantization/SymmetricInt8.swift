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
        Self.quantizeFinite(source, scale: scale, into: codes)
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
    let largest = values.withMemoryRebound(to: UInt32.self) { bits -> UInt32 in
      var largest: UInt32 = 0
      for pattern in bits { largest = Swift.max(largest, pattern & 0x7FFF_FFFF) }
      return largest
    }
    if largest >= 0x7F80_0000 {
      throw QuantizationError.nonFiniteValue(index: values.firstIndex { !$0.isFinite } ?? 0)
    }
    return Swift.max(Float(bitPattern: largest) / 127, QuantizationLimits.minimumScale)
  }

  /// Quantizes `values` with `scale` into `codes` (which must hold as many elements), without
  /// allocating: the quantization pass on its own.
  public static func quantize(
    _ values: UnsafeBufferPointer<Float>, scale: Float, into codes: UnsafeMutableBufferPointer<Int8>
  ) throws {
    guard scale.isFinite, scale > 0 else { throw QuantizationError.invalidScale(scale) }
    guard codes.count >= values.count else {
      throw QuantizationError.shapeMismatch(expected: values.count, actual: codes.count)
    }
    // An exponent field of all ones marks NaN and ±∞; OR-ing the test over the buffer keeps the
    // loop branch-free.
    let nonFinite = values.withMemoryRebound(to: UInt32.self) { bits -> Bool in
      var seen: UInt32 = 0
      for pattern in bits { seen |= (pattern & 0x7F80_0000) == 0x7F80_0000 ? 1 : 0 }
      return seen != 0
    }
    if nonFinite {
      throw QuantizationError.nonFiniteValue(index: values.firstIndex { !$0.isFinite } ?? 0)
    }
    quantizeFinite(values, scale: scale, into: codes)
  }

  /// q = clamp(round(x / scale), −127, 127) for finite values.
  ///
  /// Clamping before rounding gives the same codes (the bounds are whole numbers), and keeps the
  /// value small enough for the rounding trick: adding 1.5 × 2²³ to a float of magnitude below 2²²
  /// leaves a sum whose spacing is exactly 1, so the hardware's own round-half-to-even addition
  /// does the rounding, and the low byte of the sum's bit pattern is the two's-complement code.
  static func quantizeFinite(
    _ values: UnsafeBufferPointer<Float>, scale: Float, into codes: UnsafeMutableBufferPointer<Int8>
  ) {
    let roundingShift: Float = 12_582_912  // 1.5 × 2²³
    for index in 0..<values.count {
      let clamped = Swift.min(Swift.max(values[index] / scale, -127), 127)
      codes[index] = Int8(truncatingIfNeeded: (clamped + roundingShift).bitPattern)
    }
  }
}
