/// fp16 (IEEE binary16) facts and rounding, for the mixed-precision part of the lesson.
///
/// fp16 has 5 exponent bits (bias 15) and 10 fraction bits. Everything here is derived from those
/// two numbers, and `round` uses the platform's own `Float16` conversion where there is one.
public enum HalfPrecision {
  /// Fraction bits.
  public static let fractionBits = 10
  /// The exponent of the smallest normal number, 1 − bias.
  public static let minimumExponent = -14
  /// The exponent of the largest finite number, 2⁵ − 2 − bias.
  public static let maximumExponent = 15

  /// The smallest positive fp16 number, a subnormal: 2⁻²⁴ ≈ 5.96 × 10⁻⁸.
  public static var leastNonzeroMagnitude: Float {
    Float(sign: .plus, exponent: minimumExponent - fractionBits, significand: 1)
  }
  /// The smallest positive normal fp16 number: 2⁻¹⁴.
  public static var leastNormalMagnitude: Float {
    Float(sign: .plus, exponent: minimumExponent, significand: 1)
  }
  /// The largest finite fp16 number: (2 − 2⁻¹⁰) × 2¹⁵ = 65504.
  public static var greatestFiniteMagnitude: Float {
    Float(sign: .plus, exponent: maximumExponent, significand: 2 - leastStep)
  }
  /// The magnitude from which rounding to fp16 gives ∞: halfway between 65504 and the next
  /// step (65536), a tie that rounds to the even neighbour, which is out of range: 65520.
  public static var overflowThreshold: Float {
    greatestFiniteMagnitude
      + Float(sign: .plus, exponent: maximumExponent - fractionBits - 1, significand: 1)
  }

  private static var leastStep: Float {
    Float(sign: .plus, exponent: -fractionBits, significand: 1)
  }

  /// `x` rounded to the nearest fp16 value (ties to even) and widened back to fp32.
  public static func round(_ x: Float) -> Float {
    #if (os(macOS) || targetEnvironment(macCatalyst)) && arch(x86_64)
      return roundByArithmetic(x)
    #else
      return Float(Float16(x))
    #endif
  }

  /// The same rounding done by hand, to show what the conversion does: find the spacing of fp16
  /// numbers at `x`'s magnitude, round `x / spacing` half to even, and overflow to ∞ past 65504.
  public static func roundByArithmetic(_ x: Float) -> Float {
    guard x.isFinite else { return x }
    let magnitude = Double(x.magnitude)
    // Subnormals share the spacing of the smallest normal binade: 2^(−14 − 10).
    let exponent = Swift.max(Int(magnitude == 0 ? -30 : magnitude.exponent), minimumExponent)
    let spacing = Double(sign: .plus, exponent: exponent - fractionBits, significand: 1)
    let rounded = (magnitude / spacing).rounded(.toNearestOrEven) * spacing
    let result = rounded > Double(greatestFiniteMagnitude) ? Double.infinity : rounded
    return x.sign == .minus ? -Float(result) : Float(result)
  }

  /// Whether `x` is not zero but rounds to a zero in fp16 (it underflows).
  public static func underflows(_ x: Float) -> Bool {
    x != 0 && x.isFinite && round(x) == 0
  }
}
