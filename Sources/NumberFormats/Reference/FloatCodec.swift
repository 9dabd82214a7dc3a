// Reference code: it computes exercises' answers, for the figures, pictures and tools.
// Solve the exercises before you read it; contracts and harness types are one folder up.

/// The kit's own decoder and encoder, behind the explorer, the figures and the pictures.
///
/// It is written apart from any exercise solution and on purpose a different way: decoding
/// widens a pattern into a `Double`'s own bit layout (as hardware widens fp16 to fp32), and
/// encoding lets `Double` do the rounding, by scaling the value so that one unit in the last
/// place of the target becomes 1 and rounding that to an integer, ties to even.
enum FloatCodec {
  /// Takes `bits` apart in `format`, either rule for special values.
  static func decode(_ bits: UInt32, in format: FloatFormat) -> DecodedFloat {
    let f = format.fractionBits
    let fractionMask = (UInt32(1) << f) - 1
    let fraction = bits & fractionMask
    let field = Int(bits >> f) & format.maxExponentField
    let sign = Int(bits >> (f + format.exponentBits)) & 1
    let signBit = UInt64(sign) << 63
    // The target's fraction field is 52 bits wide: the format's fraction lands at its top.
    let widened = UInt64(fraction) << (52 - f)
    let special =
      format.hasInfinities
      ? field == format.maxExponentField
      : field == format.maxExponentField && fraction == fractionMask
    func result(_ kind: FloatClass, _ exponent: Int, _ doubleBits: UInt64) -> DecodedFloat {
      DecodedFloat(
        sign: sign, biasedExponent: field, unbiasedExponent: exponent, fraction: fraction,
        floatClass: kind, value: Double(bitPattern: doubleBits))
    }
    if special {
      let infinityBits = signBit | 0x7FF << 52
      return fraction == 0
        ? result(.infinity, field - format.bias, infinityBits)
        : result(.nan, field - format.bias, infinityBits | widened)  // the payload carries over
    }
    if field == 0 {
      if fraction == 0 { return result(.zero, format.minExponent, signBit) }
      // A subnormal here is a normal Double: shift its leading 1 up into the hidden position.
      let leadingOne = 31 - fraction.leadingZeroBitCount
      let exponent = format.minExponent - (f - leadingOne)
      let shifted = (UInt64(fraction) << (52 - leadingOne)) & ((1 << 52) - 1)
      return result(
        .subnormal, format.minExponent, signBit | UInt64(exponent + 1023) << 52 | shifted)
    }
    let exponent = field - format.bias
    return result(.normal, exponent, signBit | UInt64(exponent + 1023) << 52 | widened)
  }

  /// Rounds `value` into `format`: nearest, ties to even; overflow to ±∞ (IEEE) or NaN (E4M3).
  static func encode(_ value: Double, in format: FloatFormat) -> EncodedFloat {
    let f = format.fractionBits
    let signBit: UInt32 = value.sign == .minus ? 1 << (format.totalBits - 1) : 0
    let allOnes = UInt32(format.maxExponentField) << f
    // IEEE formats get the quiet NaN with only the top fraction bit; E4M3 has one NaN per sign.
    let nan = format.hasInfinities ? allOnes | 1 << (f - 1) : allOnes | ((1 << f) - 1)
    func result(_ bits: UInt32, overflowed: Bool = false) -> EncodedFloat {
      let rounded = decode(bits, in: format).value
      return EncodedFloat(
        bits: bits, value: rounded, roundingError: rounded - value, overflowed: overflowed)
    }
    if value.isNaN { return result(signBit | nan) }
    if value.isInfinite { return result(signBit | (format.hasInfinities ? allOnes : nan)) }
    let magnitude = value.magnitude
    if magnitude == 0 { return result(signBit) }
    // Below the smallest normal every number is spaced like the subnormals.
    var exponent = max(Int(magnitude.exponent), format.minExponent)
    let unitsInLastPlace = Double(sign: .plus, exponent: f - exponent, significand: magnitude)
    var significand = UInt32(unitsInLastPlace.rounded(.toNearestOrEven))
    if significand == 1 << (f + 1) {  // rounded up into the next power of two
      significand >>= 1
      exponent += 1
    }
    let isNormal = significand >= 1 << f
    let field = isNormal ? exponent + format.bias : 0
    let fraction = significand & ((1 << f) - 1)
    let tooLarge =
      format.hasInfinities
      ? field >= format.maxExponentField
      : field > format.maxExponentField
        || (field == format.maxExponentField && fraction == (1 << f) - 1)
    if tooLarge {
      return result(signBit | (format.hasInfinities ? allOnes : nan), overflowed: true)
    }
    return result(signBit | UInt32(field) << f | fraction)
  }
}
