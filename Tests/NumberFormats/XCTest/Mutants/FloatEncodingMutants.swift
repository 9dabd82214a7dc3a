#if canImport(NumberFormatsSolutions)
  import NumberFormats
  import NumberFormatsSolutions

  /// Rounds to fp32 first, then to fp16: a value just past an fp16 tie can land on the tie.
  struct ThroughFloat: FloatEncoding, Sendable {
    func encode(_ value: Double, as format: FloatFormat) throws -> EncodedFloat {
      guard format == .fp16, value.isFinite else { return try reference(value, format) }
      var encoded = try reference(Double(Float(value)), format)
      encoded.roundingError = encoded.value - value
      return encoded
    }
  }

  /// Shorthand: the reference encoding, then one change.
  private func reference(_ value: Double, _ format: FloatFormat) throws -> EncodedFloat {
    try FloatEncoder().encode(value, as: format)
  }

  private func decoded(_ bits: UInt32, _ format: FloatFormat) throws -> Double {
    try FloatDecoder().decode(bits, as: format).value
  }

  /// Rounds exact ties away from zero instead of to even.
  struct TiesAway: FloatEncoding, Sendable {
    func encode(_ value: Double, as format: FloatFormat) throws -> EncodedFloat {
      let nearest = try reference(value, format)
      guard nearest.value.isFinite, value.isFinite, nearest.value.magnitude < value.magnitude
      else { return nearest }
      let up = try decoded(nearest.bits + 1, format)
      guard (up.magnitude - value.magnitude) == (value.magnitude - nearest.value.magnitude) else {
        return nearest
      }
      return EncodedFloat(
        bits: nearest.bits + 1, value: up, roundingError: up - value, overflowed: up.isInfinite)
    }
  }

  /// Clamps overflow to the largest finite value instead of infinity.
  struct Saturating: FloatEncoding, Sendable {
    func encode(_ value: Double, as format: FloatFormat) throws -> EncodedFloat {
      let encoded = try reference(value, format)
      guard encoded.overflowed else { return encoded }
      let bits = (encoded.bits & (1 << (format.totalBits - 1))) | format.maxFinitePattern
      let largest = try decoded(bits, format)
      return EncodedFloat(
        bits: bits, value: largest, roundingError: largest - value, overflowed: true)
    }
  }

  /// Drops the extra bits: the pattern toward zero whenever the value was not exact.
  struct Truncating: FloatEncoding, Sendable {
    func encode(_ value: Double, as format: FloatFormat) throws -> EncodedFloat {
      let nearest = try reference(value, format)
      guard nearest.value.isFinite, value.isFinite, nearest.value.magnitude > value.magnitude,
        nearest.bits & ~(1 << (format.totalBits - 1)) > 0
      else { return nearest }
      let down = try decoded(nearest.bits - 1, format)
      return EncodedFloat(
        bits: nearest.bits - 1, value: down, roundingError: down - value, overflowed: false)
    }
  }

  /// Sends every value below the smallest normal to a signed zero.
  struct FlushToZero: FloatEncoding, Sendable {
    func encode(_ value: Double, as format: FloatFormat) throws -> EncodedFloat {
      let encoded = try reference(value, format)
      let field = (encoded.bits >> format.fractionBits) & ((1 << format.exponentBits) - 1)
      guard field == 0, encoded.value != 0 else { return encoded }
      let zero: Double = value.sign == .minus ? -0.0 : 0
      return EncodedFloat(
        bits: encoded.bits & (1 << (format.totalBits - 1)), value: zero,
        roundingError: zero - value, overflowed: false)
    }
  }

  /// Overflows every finite value above the largest finite one, although up to half a step
  /// beyond it still rounds down (fp16: 65504 < x < 65520 gives 65504).
  struct EarlyOverflow: FloatEncoding, Sendable {
    func encode(_ value: Double, as format: FloatFormat) throws -> EncodedFloat {
      let encoded = try reference(value, format)
      let largest = try decoded(format.maxFinitePattern, format)
      guard value.isFinite, value.magnitude > largest, !encoded.overflowed else { return encoded }
      let infinity: Double = value.sign == .minus ? -.infinity : .infinity
      let bits =
        (encoded.bits & (1 << (format.totalBits - 1)))
        | UInt32((1 << format.exponentBits) - 1) << format.fractionBits
      return EncodedFloat(
        bits: bits, value: infinity, roundingError: infinity - value, overflowed: true)
    }
  }

  struct NaNAsInfinity: FloatEncoding, Sendable {
    func encode(_ value: Double, as format: FloatFormat) throws -> EncodedFloat {
      guard value.isNaN else { return try reference(value, format) }
      return try reference(.infinity, format)
    }
  }

  struct ErrorSignFlipped: FloatEncoding, Sendable {
    func encode(_ value: Double, as format: FloatFormat) throws -> EncodedFloat {
      var encoded = try reference(value, format)
      encoded.roundingError = -encoded.roundingError
      return encoded
    }
  }
#endif
