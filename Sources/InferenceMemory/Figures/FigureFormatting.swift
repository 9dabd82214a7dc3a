import Harness

/// How the lesson prints counts that are not bytes.
enum FigureFormatting {
  /// A parameter count in K, M or B with four significant digits, and at least two decimals in
  /// billions, so that 174,588,899,328 reads "174.59B" and not a misleading "174.6B" next to the
  /// paper's "175B": 125,104,896 → "125.1M", 1,315,080,192 → "1.315B".
  static func count(_ value: Int) -> String {
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

  /// An integer with thousands separators: 174588899328 → "174,588,899,328".
  static func grouped(_ value: Int) -> String {
    let digits = Array(String(value.magnitude))
    var text = ""
    for (index, digit) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { text.append(",") }
      text.append(digit)
    }
    return value < 0 ? "-" + text : text
  }

  /// A fraction as a percentage with two significant digits: 0.000088 → "0.0088 %".
  static func percent(_ fraction: Double) -> String {
    let value = fraction * 100
    var decimals = 1
    var threshold = 10.0
    while value < threshold && decimals < 8 {
      threshold /= 10
      decimals += 1
    }
    return ByteFormatting.trimmed(value, decimals: max(0, decimals - 1)) + " %"
  }

  /// A ratio with at most two decimals and a multiplication sign: 16.5 → "16.5×".
  static func ratio(_ value: Double) -> String {
    ByteFormatting.trimmed(value, decimals: 2) + "\u{00D7}"
  }

  /// Bytes in decimal units, as the lessons print them.
  static func bytes(_ value: Int) -> String {
    ByteFormatting.decimal(Double(value))
  }
}
