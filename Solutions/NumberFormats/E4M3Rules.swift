import NumberFormats

/// Reference solution of E4M3Rules.
public struct E4M3Codec: E4M3Rules {
  public init() {}

  public func decode(_ bits: UInt8) throws -> DecodedFloat {
    let sign = Int(bits >> 7)
    let field = Int(bits >> 3) & 0xF
    let fraction = UInt32(bits & 0x7)
    if bits & 0x7F == 0x7F {  // S.1111.111, the only NaN
      return DecodedFloat(
        sign: sign, biasedExponent: field, unbiasedExponent: field - 7, fraction: fraction,
        floatClass: .nan, value: .nan)
    }
    // Everything else, exponent 1111 included, is an ordinary number with bias 7.
    let isSubnormal = field == 0
    let exponent = isSubnormal ? -6 : field - 7
    let significand = isSubnormal ? fraction : 8 | fraction
    let kind: FloatClass = isSubnormal ? (fraction == 0 ? .zero : .subnormal) : .normal
    let value = Double(
      sign: sign == 1 ? .minus : .plus, exponent: exponent - 3, significand: Double(significand))
    return DecodedFloat(
      sign: sign, biasedExponent: field, unbiasedExponent: exponent, fraction: fraction,
      floatClass: kind, value: value)
  }

  public func encode(_ value: Double) throws -> EncodedFloat {
    let signBit: UInt8 = value.sign == .minus ? 0x80 : 0
    let nan = signBit | 0x7F
    var bits = nan
    var overflowed = false
    if value.isFinite {
      let (exponent, fraction) = roundMagnitude(value.magnitude, fractionBits: 3, minExponent: -6)
      let field = exponent == Int.min ? 0 : exponent + 7
      // Past 0x7E (448) the next pattern up is the NaN: PyTorch's float8_e4m3fn rounds as if
      // 0x7F meant 480, so anything that rounds beyond 448 becomes NaN.
      if field > 15 || (field == 15 && fraction == 7) {
        overflowed = true
      } else {
        bits = signBit | UInt8(field << 3) | UInt8(fraction)
      }
    }
    let rounded = try decode(bits).value
    return EncodedFloat(
      bits: UInt32(bits), value: rounded, roundingError: rounded - value, overflowed: overflowed)
  }
}
