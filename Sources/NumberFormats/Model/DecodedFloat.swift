/// The five kinds of value a floating-point pattern can hold.
public enum FloatClass: String, Sendable, Hashable, Codable, CaseIterable {
  /// ±0: exponent field and fraction both zero.
  case zero
  /// Exponent field zero, fraction not: no hidden 1, exponent 1 − bias.
  case subnormal
  /// An ordinary number: a hidden leading 1 and exponent field − bias.
  case normal
  /// ±∞ (IEEE formats only): exponent all ones, fraction zero.
  case infinity
  /// Not a number.
  case nan
}

/// A pattern taken apart: its three fields, what kind of value it is, and that value.
///
/// For 0x3C00 in fp16: sign 0, biased exponent 15, unbiased exponent 0, fraction 0, normal, 1.0.
public struct DecodedFloat: Sendable, Hashable, Codable, CustomStringConvertible {
  /// The sign bit: 0 or 1.
  public var sign: Int
  /// The exponent field as stored, from 0 to all ones.
  public var biasedExponent: Int
  /// The power of two the significand is scaled by: field − bias for normal numbers,
  /// 1 − bias for zeros and subnormals (not −bias), field − bias for infinities and NaNs.
  public var unbiasedExponent: Int
  /// The fraction field as stored, without the hidden bit.
  public var fraction: UInt32
  /// What kind of value the pattern holds.
  public var floatClass: FloatClass
  /// The exact value (formats up to 32 bits fit a `Double` exactly); NaN for a NaN, ±0 keeps
  /// its sign.
  public var value: Double

  /// Creates a decoded pattern from its parts.
  public init(
    sign: Int, biasedExponent: Int, unbiasedExponent: Int, fraction: UInt32,
    floatClass: FloatClass, value: Double
  ) {
    self.sign = sign
    self.biasedExponent = biasedExponent
    self.unbiasedExponent = unbiasedExponent
    self.fraction = fraction
    self.floatClass = floatClass
    self.value = value
  }

  /// Every field, for failure messages: `sign 0, exponent 15 (2^0), fraction 0, normal, 1.0`.
  public var description: String {
    "sign \(sign), exponent \(biasedExponent) (2^\(unbiasedExponent)), fraction \(fraction), "
      + "\(floatClass.rawValue), \(value)"
  }
}
