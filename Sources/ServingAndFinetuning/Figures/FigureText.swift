import Harness

/// How the lesson prints computed numbers: thousands separators, trimmed decimals, percentages.
enum FigureText {
  /// An integer with thousands separators: 4,194,304.
  static func grouped(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var out = ""
    for (index, digit) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { out += "," }
      out.append(digit)
    }
    return (value < 0 ? "−" : "") + out
  }

  /// A number with at most `decimals` decimals, trailing zeros dropped.
  static func number(_ value: Double, decimals: Int = 3) -> String {
    ByteFormatting.trimmed(value, decimals: decimals)
  }

  /// A percentage: `0.06 %`.
  static func percent(_ fraction: Double, decimals: Int = 1) -> String {
    number(fraction * 100, decimals: decimals) + " %"
  }
}
