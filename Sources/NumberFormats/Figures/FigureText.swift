import Foundation

/// How the lesson prints computed numbers: powers of two with superscripts, large and tiny
/// values in scientific notation, exact binary fractions in full.
enum FigureText {
  /// An integer in superscript digits: −149 → "⁻¹⁴⁹".
  static func superscript(_ exponent: Int) -> String {
    let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
    let magnitude = String(abs(exponent)).map { digits[Int(String($0)) ?? 0] }
    return (exponent < 0 ? "⁻" : "") + String(magnitude)
  }

  /// A power of two as "2⁻¹⁴⁹"; nil when `value` is not one.
  static func powerOfTwo(_ value: Double) -> String? {
    guard value > 0, value.significand == 1 else { return nil }
    return "2" + superscript(Int(value.exponent))
  }

  /// "≈ 3.4028 × 10³⁸": `digits` significant digits, rounded half to even from the exact value.
  static func scientific(_ value: Double, digits: Int) -> String {
    guard let exact = ExactDecimal(value) else { return "\(value)" }
    let (mantissa, exponent) = exact.scientific(significantDigits: digits)
    return "\u{2248} \(mantissa) × 10" + superscript(exponent)
  }

  /// The exact decimal expansion: "0.0123291015625", "65504", "−6.28125".
  static func exact(_ value: Double) -> String {
    ExactDecimal(value)?.description ?? "\(value)"
  }

  /// Exact when the value is an integer below a million, else scientific with 5 digits.
  static func magnitude(_ value: Double) -> String {
    value == value.rounded() && value.magnitude < 1e6 ? exact(value) : scientific(value, digits: 5)
  }

  /// `value` with `decimals` decimals, trailing zeros dropped: 7.2247 → "7.2".
  static func decimal(_ value: Double, decimals: Int) -> String {
    let text = String(format: "%.\(decimals)f", value)
    guard text.contains(".") else { return text }
    var trimmed = Substring(text)
    while trimmed.hasSuffix("0") { trimmed = trimmed.dropLast() }
    if trimmed.hasSuffix(".") { trimmed = trimmed.dropLast() }
    return String(trimmed)
  }

  /// A percentage with two significant digits: 0.001342… → "0.13 %".
  static func percent(_ ratio: Double) -> String {
    guard let exact = ExactDecimal(ratio * 100) else { return "\(ratio)" }
    let decimals = max(0, 1 - exact.decimalExponent)
    return decimal(ratio * 100, decimals: decimals) + " %"
  }

  /// An integer with a real minus sign: −79.
  static func integer<T: BinaryInteger>(_ value: T) -> String {
    value < 0 ? "\u{2212}" + String(value.magnitude) : String(value)
  }
}
