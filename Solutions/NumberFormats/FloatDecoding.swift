import NumberFormats

/// Reference solution of FloatDecoding.
public struct FloatDecoder: FloatDecoding {
  public init() {}

  public func decode(_ bits: UInt32, as format: FloatFormat) throws -> DecodedFloat {
    let f = format.fractionBits
    let fraction = bits & ((1 << f) - 1)
    let field = Int((bits >> f) & ((1 << format.exponentBits) - 1))
    let sign = Int((bits >> (f + format.exponentBits)) & 1)
    let allOnes = (1 << format.exponentBits) - 1

    // Pick the class, the integer significand and its power of two.
    let kind: FloatClass
    let significand: UInt32
    let exponent: Int
    if field == allOnes {
      kind = fraction == 0 ? .infinity : .nan
      significand = 0
      exponent = field - format.bias
    } else if field == 0 {
      // No hidden 1, and the exponent of the smallest normal, so subnormals continue the
      // normal numbers' spacing down to zero.
      kind = fraction == 0 ? .zero : .subnormal
      significand = fraction
      exponent = 1 - format.bias
    } else {
      kind = .normal
      significand = (1 << f) | fraction
      exponent = field - format.bias
    }

    let value: Double
    switch kind {
    case .infinity: value = sign == 1 ? -.infinity : .infinity
    case .nan: value = .nan
    default:
      // significand × 2^(exponent − f) is exact: at most 24 bits times a power of two.
      value = Double(
        sign: sign == 1 ? .minus : .plus, exponent: exponent - f, significand: Double(significand))
    }
    return DecodedFloat(
      sign: sign, biasedExponent: field, unbiasedExponent: exponent, fraction: fraction,
      floatClass: kind, value: value)
  }
}
