// Reference code: it computes exercises' answers, for the figures, pictures and tools.
// Solve the exercises before you read it; contracts and harness types are one folder up.

/// Symmetric int8 quantization of large buffers at memory speed: what the benchmark times on
/// 64 M floats. The codes are bit for bit those of the definition in `SymmetricInt8` (and of
/// `ReferenceQuantizer.symmetric`): scale = max(absmax / 127, 2⁻²³) and
/// q = clamp(round(x / scale), −127, 127), rounding half to even, with a true fp32 division.
///
/// Two passes over the input, sixteen lanes at a time: one for the absmax, one fused pass that
/// divides, clamps, rounds and narrows to bytes, with no intermediate array and no bounds checks.
///
/// ```swift
/// let scale = try SymmetricInt8Kernel.quantize(values, into: codes)
/// ```
@_spi(Reference) public enum SymmetricInt8Kernel {
  /// Elements per vector step.
  static let lanes = 16

  /// Calibrates on `values` and writes their codes into `codes`, which must hold as many;
  /// returns the scale. Throws `nonFiniteValue(index:)` for the first NaN or ±∞.
  public static func quantize(
    _ values: UnsafeBufferPointer<Float>, into codes: UnsafeMutableBufferPointer<Int8>
  ) throws -> Float {
    guard codes.count >= values.count else {
      throw QuantizationError.shapeMismatch(expected: values.count, actual: codes.count)
    }
    let scale = try scale(for: values)
    quantizeFinite(values, scale: scale, into: codes)
    return scale
  }

  /// `max(absmax / 127, 2⁻²³)`: the calibration pass.
  ///
  /// The absmax is taken on the bit patterns: clearing the sign bit gives |x|, and for
  /// non-negative floats the integer order of the patterns is the numeric order. NaN and ±∞
  /// have the largest patterns of all (exponent field all ones), so one comparison at the end
  /// finds them, and the loop has no branch.
  public static func scale(for values: UnsafeBufferPointer<Float>) throws -> Float {
    let count = values.count
    var largest: UInt32 = 0
    if let base = values.baseAddress {
      let raw = UnsafeRawPointer(base)
      let magnitude = SIMD16<UInt32>(repeating: 0x7FFF_FFFF)
      var lanesLargest = SIMD16<UInt32>(repeating: 0)
      var index = 0
      while index + lanes <= count {
        let bits = raw.loadUnaligned(fromByteOffset: index * 4, as: SIMD16<UInt32>.self)
        lanesLargest = pointwiseMax(lanesLargest, bits & magnitude)
        index += lanes
      }
      largest = lanesLargest.max()
      while index < count {
        largest = Swift.max(largest, base[index].bitPattern & 0x7FFF_FFFF)
        index += 1
      }
    }
    if largest >= 0x7F80_0000 {
      throw QuantizationError.nonFiniteValue(index: values.firstIndex { !$0.isFinite } ?? 0)
    }
    return Swift.max(Float(bitPattern: largest) / 127, QuantizationLimits.minimumScale)
  }

  /// Quantizes `values` with a given `scale` into `codes` (which must hold as many); throws
  /// `invalidScale` unless `scale` is finite and > 0, and `nonFiniteValue(index:)` for the first
  /// NaN or ±∞ (the codes written are then meaningless).
  public static func quantize(
    _ values: UnsafeBufferPointer<Float>, scale: Float, into codes: UnsafeMutableBufferPointer<Int8>
  ) throws {
    guard scale.isFinite, scale > 0 else { throw QuantizationError.invalidScale(scale) }
    guard codes.count >= values.count else {
      throw QuantizationError.shapeMismatch(expected: values.count, actual: codes.count)
    }
    if !quantizeFinite(values, scale: scale, into: codes) {
      throw QuantizationError.nonFiniteValue(index: values.firstIndex { !$0.isFinite } ?? 0)
    }
  }

  /// The fused pass; returns false when some value was NaN or ±∞ (their codes are garbage).
  ///
  /// Clamping before rounding gives the same codes, since the bounds are whole numbers, and
  /// keeps the quotient small enough for the rounding trick: adding 1.5 × 2²³ to a float of
  /// magnitude at most 127 gives a sum whose spacing is exactly 1, so the hardware's
  /// round-half-to-even addition does the rounding, and the low byte of the sum's bit pattern
  /// is the code in two's complement. A quotient that overflows to ±∞ (a tiny scale) clamps
  /// like any other; NaN cannot arise from finite values and a positive scale.
  @discardableResult
  static func quantizeFinite(
    _ values: UnsafeBufferPointer<Float>, scale: Float, into codes: UnsafeMutableBufferPointer<Int8>
  ) -> Bool {
    guard let source = values.baseAddress, let target = codes.baseAddress else { return true }
    let count = values.count
    let raw = UnsafeRawPointer(source)
    let output = UnsafeMutableRawPointer(target)
    let divisor = SIMD16<Float>(repeating: scale)
    let (low, high) = (SIMD16<Float>(repeating: -127), SIMD16<Float>(repeating: 127))
    let shift = SIMD16<Float>(repeating: roundingShift)
    let exponent = SIMD16<Int32>(repeating: 0x7F80_0000)
    var nonFinite = SIMDMask<SIMD16<Int32>>(repeating: false)
    var index = 0
    while index + lanes <= count {
      let x = raw.loadUnaligned(fromByteOffset: index * 4, as: SIMD16<Float>.self)
      nonFinite .|= unsafeBitCast(x, to: SIMD16<Int32>.self) & exponent .== exponent
      var quotient = x / divisor
      quotient.replace(with: low, where: quotient .< low)
      quotient.replace(with: high, where: quotient .> high)
      let bits = unsafeBitCast(quotient + shift, to: SIMD16<UInt32>.self)
      output.storeBytes(
        of: SIMD16<Int8>(truncatingIfNeeded: bits), toByteOffset: index, as: SIMD16<Int8>.self)
      index += lanes
    }
    var finite = !any(nonFinite)
    while index < count {
      let x = source[index]
      finite = finite && x.isFinite
      target[index] = code(x, scale: scale)
      index += 1
    }
    return finite
  }

  /// One element's code, the same computation as a lane of the vector loop.
  @inline(__always)
  static func code(_ x: Float, scale: Float) -> Int8 {
    let clamped = Swift.min(Swift.max(x / scale, -127), 127)
    return Int8(truncatingIfNeeded: (clamped + roundingShift).bitPattern)
  }

  /// 1.5 × 2²³: floats between 2²³ and 2²⁴ are exactly the whole numbers.
  static let roundingShift: Float = 12_582_912
}
