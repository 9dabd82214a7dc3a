/// The landmarks of a format, each read off the pattern that holds it.
extension FloatFormat {
  /// The pattern of the smallest positive subnormal: fraction 1, everything else 0.
  public var minSubnormalPattern: UInt32 { 1 }
  /// The pattern of the smallest positive normal number: exponent field 1, fraction 0.
  public var minNormalPattern: UInt32 { 1 << fractionBits }
  /// The pattern of the largest finite value: the exponent field below all ones and fraction
  /// all ones (IEEE), or everything but the last bit all ones (E4M3: 0x7E).
  public var maxFinitePattern: UInt32 {
    let fractionOnes = (UInt32(1) << fractionBits) - 1
    return hasInfinities
      ? UInt32(maxExponentField - 1) << fractionBits | fractionOnes
      : UInt32(maxExponentField) << fractionBits | (fractionOnes - 1)
  }
  /// The pattern of 1.0: the exponent field equal to the bias.
  public var onePattern: UInt32 { UInt32(bias) << fractionBits }

  /// The value `bits` holds in this format (NaN for a NaN).
  func valueOf(_ bits: UInt32) -> Double { FloatCodec.decode(bits, in: self).value }

  /// The smallest positive value: 2^(1 − bias − fractionBits).
  public var minSubnormal: Double { valueOf(minSubnormalPattern) }
  /// The smallest positive normal value: 2^(1 − bias).
  public var minNormal: Double { valueOf(minNormalPattern) }
  /// The largest finite value: 65504 for fp16, 448 for E4M3.
  public var maxFinite: Double { valueOf(maxFinitePattern) }
  /// The gap between 1 and the next value up, 2^−fractionBits: the relative precision.
  public var epsilon: Double { valueOf(onePattern + 1) - valueOf(onePattern) }
  /// The largest integer N such that every integer from 0 to N is a value: 2^precision.
  public var largestExactInteger: Double {
    Double(sign: .plus, exponent: precision, significand: 1)
  }
}
