import Foundation
import Units

/// How the lessons print computed numbers: real minus signs, superscript powers, trimmed
/// decimals, thousands separators, percentages and exact binary fractions.
///
/// Lessons quote figures by their exact text (`[0.13 %](fig:…)`), so each function here fixes
/// one way of writing a number and the figures of every topic share it.
public enum FigureText {
  // MARK: Integers and powers

  /// An integer with a real minus sign: −79.
  public static func integer<T: BinaryInteger>(_ value: T) -> String {
    value < 0 ? "\u{2212}" + String(value.magnitude) : String(value)
  }

  /// An integer with thousands separators and a real minus sign: 4,194,304.
  public static func grouped<T: BinaryInteger>(_ value: T) -> String {
    let digits = String(value.magnitude)
    var text = ""
    for (index, digit) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { text += "," }
      text.append(digit)
    }
    return (value < 0 ? "\u{2212}" : "") + text
  }

  /// A list of integers the way the lesson writes codes: `42, −127, 5` (no brackets, which a
  /// Markdown link's text would swallow).
  public static func codes(_ values: [Int]) -> String {
    values.map { integer($0) }.joined(separator: ", ")
  }

  /// An integer in superscript digits, with a superscript minus when negative: −149 → "⁻¹⁴⁹".
  public static func superscript(_ value: Int) -> String {
    let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
    let body = String(value.magnitude).map { digits[Int(String($0)) ?? 0] }
    return (value < 0 ? "⁻" : "") + String(body)
  }

  /// `2⁻²⁴` for `power(2, -24)`.
  public static func power(_ base: Int, _ exponent: Int) -> String {
    "\(base)" + superscript(exponent)
  }

  /// A power of two as "2⁻¹⁴⁹"; nil when `value` is not one.
  public static func powerOfTwo(_ value: Double) -> String? {
    guard value > 0, value.significand == 1 else { return nil }
    return power(2, Int(value.exponent))
  }

  // MARK: Decimals

  /// A number with at most `decimals` decimals, trailing zeros dropped, and a real minus sign:
  /// 7.2247 → "7.2" with one decimal.
  public static func number(_ value: Double, decimals: Int = 6) -> String {
    minus(ByteFormatting.trimmed(value, decimals: decimals))
  }

  /// A percentage with `decimals` decimals at most: 0.159 → "15.9 %".
  public static func percent(_ fraction: Double, decimals: Int = 1) -> String {
    number(fraction * 100, decimals: decimals) + " %"
  }

  /// A percentage with `significantDigits` significant digits (at most 7 decimals):
  /// 0.001342… → "0.13 %" and 0.000088 → "0.0088 %" with two.
  public static func percent(_ fraction: Double, significantDigits: Int) -> String {
    let value = fraction * 100
    var decimals = 0
    var threshold = pow(10, Double(significantDigits - 1))
    while value < threshold && decimals < 7 {
      threshold /= 10
      decimals += 1
    }
    return number(value, decimals: decimals) + " %"
  }

  /// A ratio with at most two decimals and a multiplication sign: 16.5 → "16.5×".
  public static func ratio(_ value: Double) -> String {
    number(value, decimals: 2) + "\u{00D7}"
  }

  /// A number in scientific notation with `digits` significant digits: `5.96 × 10⁻⁸`.
  public static func scientific(_ value: Double, digits: Int = 3) -> String {
    guard value != 0 else { return "0" }
    var exponent = Int(log10(abs(value)).rounded(.down))
    let places = pow(10, Double(digits - 1))
    var mantissa = (value / pow(10, Double(exponent)) * places).rounded() / places
    if abs(mantissa) >= 10 {
      // 9.996 rounds up to 10.0: move to the next decade.
      mantissa /= 10
      exponent += 1
    }
    return number(mantissa, decimals: digits - 1) + " × 10" + superscript(exponent)
  }

  // MARK: Exact binary fractions

  /// The exact decimal expansion: "0.0123291015625", "65504", "−6.28125".
  public static func exact(_ value: Double) -> String {
    ExactDecimal(value)?.description ?? "\(value)"
  }

  /// "≈ 3.4028 × 10³⁸": `digits` significant digits, rounded half to even from the exact value.
  public static func approximately(_ value: Double, digits: Int) -> String {
    guard let exact = ExactDecimal(value) else { return "\(value)" }
    let (mantissa, exponent) = exact.scientific(significantDigits: digits)
    return "\u{2248} \(mantissa) × 10" + superscript(exponent)
  }

  /// Exact when the value is an integer below a million, else `approximately` with 5 digits.
  public static func magnitude(_ value: Double) -> String {
    value == value.rounded() && value.magnitude < 1e6
      ? exact(value) : approximately(value, digits: 5)
  }

  // MARK: Counts

  /// A parameter count in K, M or B with four significant digits, and at least two decimals in
  /// billions, so that 174,588,899,328 reads "174.59B" and not a misleading "174.6B" next to the
  /// paper's "175B": 125,104,896 → "125.1M", 1,315,080,192 → "1.315B".
  public static func count(_ value: Int) -> String {
    let units: [(Double, String)] = [(1e9, "B"), (1e6, "M"), (1e3, "K")]
    let magnitude = Double(value)
    guard let (scale, unit) = units.first(where: { magnitude >= $0.0 }) else {
      return String(value)
    }
    let scaled = magnitude / scale
    let integerDigits = scaled >= 100 ? 3 : scaled >= 10 ? 2 : 1
    let decimals = max(4 - integerDigits, unit == "B" ? 2 : 0)
    return ByteFormatting.trimmed(scaled, decimals: decimals) + unit
  }

  /// Bytes in decimal units, as the lessons print them: "805.31 MB".
  public static func bytes(_ value: Int) -> String {
    ByteFormatting.decimal(Double(value))
  }

  /// Replaces ASCII hyphen-minus signs by the typographic minus the lessons use.
  public static func minus(_ text: String) -> String {
    String(text.map { $0 == "-" ? "\u{2212}" : $0 })
  }
}
