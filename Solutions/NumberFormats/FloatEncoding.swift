import NumberFormats

/// Reference solution of FloatEncoding.
public struct FloatEncoder: FloatEncoding {
  public init() {}

  public func encode(_ value: Double, as format: FloatFormat) throws -> EncodedFloat {
    let f = format.fractionBits
    let allOnes = (1 << format.exponentBits) - 1
    let signBit: UInt32 = value.sign == .minus ? 1 << (format.exponentBits + f) : 0
    let infinity = signBit | UInt32(allOnes) << f

    var bits: UInt32
    var overflowed = false
    if value.isNaN {
      bits = infinity | 1 << (f - 1)  // a quiet NaN: the top fraction bit set
    } else if value.isInfinite {
      bits = infinity
    } else {
      let (exponent, fraction) = roundMagnitude(
        value.magnitude, fractionBits: f, minExponent: 1 - format.bias)
      let field = exponent == Int.min ? 0 : exponent + format.bias
      if field >= allOnes {  // past the largest finite value: overflow to infinity
        bits = infinity
        overflowed = true
      } else {
        bits = signBit | UInt32(field) << f | fraction
      }
    }
    let rounded = try FloatDecoder().decode(bits, as: format).value
    return EncodedFloat(
      bits: bits, value: rounded, roundingError: rounded - value, overflowed: overflowed)
  }
}

/// Rounds a finite, non-negative `magnitude` to `fractionBits` fraction bits, nearest, ties to
/// even, without an upper limit on the exponent.
///
/// Returns the unbiased exponent and the fraction field; the exponent is `Int.min` for a zero or
/// a subnormal (exponent field 0), whose fraction is then the whole significand.
func roundMagnitude(_ magnitude: Double, fractionBits f: Int, minExponent: Int) -> (
  exponent: Int, fraction: UInt32
) {
  // The Double's own fields: magnitude = significand × 2^(exponent − 52).
  let raw = magnitude.bitPattern
  let rawField = Int(raw >> 52)
  var significand = raw & ((1 << 52) - 1)
  var exponent: Int
  if rawField == 0 {
    exponent = -1022  // a subnormal Double: no hidden bit
  } else {
    significand |= 1 << 52
    exponent = rawField - 1023
  }
  if significand == 0 { return (Int.min, 0) }
  // Normalize, so the leading 1 sits at bit 52 and `exponent` is the true exponent.
  while significand & (1 << 52) == 0 {
    significand <<= 1
    exponent -= 1
  }

  // Below the smallest normal exponent the target's spacing stops shrinking: drop more bits.
  let targetExponent = max(exponent, minExponent)
  let dropped = 52 - f + (targetExponent - exponent)
  var kept: UInt64
  if dropped >= 64 {
    kept = 0  // far below half the smallest subnormal
  } else {
    kept = significand >> dropped
    let remainder = significand & ((1 << dropped) - 1)
    let half: UInt64 = 1 << (dropped - 1)
    if remainder > half || (remainder == half && kept & 1 == 1) { kept += 1 }
  }

  var resultExponent = targetExponent
  if kept == 1 << (f + 1) {  // rounding carried into the next power of two
    kept >>= 1
    resultExponent += 1
  }
  if kept < 1 << f { return (Int.min, UInt32(kept)) }  // zero or subnormal
  return (resultExponent, UInt32(kept & ((1 << f) - 1)))
}
