import Foundation
import Harness

/// How the lesson prints computed numbers: Unicode minus signs and superscripts, trimmed decimals.
enum FigureText {
  /// `2⁻²⁴` for `power(2, -24)`.
  static func power(_ base: Int, _ exponent: Int) -> String {
    "\(base)" + superscript(exponent)
  }

  /// An integer in superscript digits, with a superscript minus when negative.
  static func superscript(_ value: Int) -> String {
    let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
    let body = String(abs(value)).map { digits[Int(String($0)) ?? 0] }
    return (value < 0 ? "⁻" : "") + String(body)
  }

  /// A number with at most `decimals` decimals, trailing zeros dropped, and a real minus sign.
  static func number(_ value: Double, decimals: Int = 6) -> String {
    minus(ByteFormatting.trimmed(value, decimals: decimals))
  }

  /// A number in scientific notation with `digits` significant digits: `5.96 × 10⁻⁸`.
  static func scientific(_ value: Double, digits: Int = 3) -> String {
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

  /// A list of integers the way the lesson writes codes: `42, −127, 5` (no brackets, which a
  /// Markdown link's text would swallow).
  static func codes(_ values: [Int]) -> String {
    values.map { minus(String($0)) }.joined(separator: ", ")
  }

  /// A percentage with one decimal: `15.9 %`.
  static func percent(_ fraction: Double) -> String {
    number(fraction * 100, decimals: 1) + " %"
  }

  /// Replaces ASCII hyphen-minus signs by the typographic minus the lessons use.
  static func minus(_ text: String) -> String {
    text.replacingMinus
  }
}

extension String {
  fileprivate var replacingMinus: String {
    String(map { $0 == "-" ? "−" : $0 })
  }
}
