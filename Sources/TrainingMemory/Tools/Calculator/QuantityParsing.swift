/// Parses the quantities `workbook calc` accepts, exactly (no binary floating point on the way):
/// parameter counts such as `7e9`, `7B`, `1.3B`, `175B`, `13000000000`, memory sizes such as
/// `80GB`, `80GiB`, `24G`, and fractions such as `0.01` or `1%`.
public enum QuantityParsing {
  /// A whole, positive parameter count. Suffixes: K (10³), M (10⁶), B or G (10⁹), T (10¹²),
  /// any case; a decimal exponent (`7e9`) and `_` between digits are allowed.
  ///
  /// - Throws: `TrainingMemoryError` for an empty, negative, zero, fractional, non-numeric or
  ///   64-bit-overflowing count.
  public static func parameterCount(_ text: String) throws -> UInt64 {
    let what = "parameter count"
    let (number, suffix) = try split(text, what)
    let scale: UInt128
    switch suffix.lowercased() {
    case "": scale = 1
    case "k": scale = 1_000
    case "m": scale = 1_000_000
    case "b", "g": scale = 1_000_000_000
    case "t": scale = 1_000_000_000_000
    default:
      throw TrainingMemoryError(
        "unknown suffix \u{201C}\(suffix)\u{201D} in the \(what) \u{201C}\(text)\u{201D}; "
          + "use K, M, B or T")
    }
    let (numerator, denominator) = try number.scaled(by: scale, text, what)
    guard numerator % denominator == 0 else {
      throw TrainingMemoryError("the \(what) \u{201C}\(text)\u{201D} is not a whole number")
    }
    return try positive(numerator / denominator, text, what)
  }

  /// A positive memory size in bytes. Decimal units KB, MB, GB, TB, PB (10³ⁿ); binary units
  /// KiB, MiB, GiB, TiB, PiB (2¹⁰ⁿ), also written Ki, Mi, Gi, Ti, Pi or, as `free -h` prints
  /// them, K, M, G, T, P alone; no unit or B means bytes. Case does not matter. A fractional
  /// number of bytes is rounded down.
  ///
  /// - Throws: `TrainingMemoryError` for an empty, negative, zero, non-numeric or overflowing size.
  public static func memorySize(_ text: String) throws -> UInt64 {
    let what = "memory size"
    let (number, suffix) = try split(text, what)
    var unit = suffix.lowercased()
    let binary = unit.hasSuffix("ib") || unit.hasSuffix("i") || unit.count == 1 && unit != "b"
    for ending in ["ib", "i", "b"] where unit.hasSuffix(ending) {
      unit.removeLast(ending.count)
      break
    }
    let prefixes = ["", "k", "m", "g", "t", "p"]
    guard let power = prefixes.firstIndex(of: unit), !(unit.isEmpty && binary) else {
      throw TrainingMemoryError(
        "unknown unit \u{201C}\(suffix)\u{201D} in the \(what) \u{201C}\(text)\u{201D}; "
          + "use B, KB, MB, GB, TB, KiB, MiB, GiB, TiB or K, M, G, T")
    }
    var scale: UInt128 = 1
    for _ in 0..<power { scale *= binary ? 1024 : 1000 }
    let (numerator, denominator) = try number.scaled(by: scale, text, what)
    return try positive(numerator / denominator, text, what)
  }

  /// A fraction from 0 to 1, written as a decimal (`0.01`) or a percentage (`1%`).
  ///
  /// - Throws: `TrainingMemoryError` when the text is not a number or lies outside 0 to 1.
  public static func fraction(_ text: String) throws -> Double {
    var body = text.trimmingWhitespace
    let percent = body.hasSuffix("%")
    if percent { body.removeLast() }
    guard let value = Double(body), value.isFinite else {
      throw TrainingMemoryError("the trainable fraction \u{201C}\(text)\u{201D} is not a number")
    }
    let fraction = percent ? value / 100 : value
    guard fraction >= 0 && fraction <= 1 else {
      throw TrainingMemoryError(
        "the trainable fraction must be from 0 to 1 (or 0% to 100%), not \(text)")
    }
    return fraction
  }

  /// Splits "1.5GiB" into its number and its suffix, rejecting what is not a number.
  private static func split(_ text: String, _ what: String) throws -> (ExactDecimal, String) {
    let body = text.trimmingWhitespace
    guard !body.isEmpty else { throw TrainingMemoryError("the \(what) is empty") }
    if body.hasPrefix("-") {
      throw TrainingMemoryError("the \(what) must be positive, not \(text)")
    }
    var scanner = Substring(body)
    guard let number = ExactDecimal(scanning: &scanner) else {
      throw TrainingMemoryError("the \(what) \u{201C}\(text)\u{201D} is not a number")
    }
    return (number, String(scanner).trimmingWhitespace)
  }

  private static func positive(_ value: UInt128, _ text: String, _ what: String) throws -> UInt64 {
    guard value > 0 else {
      throw TrainingMemoryError("the \(what) must be at least 1, not \(text)")
    }
    guard value <= UInt128(UInt64.max) else {
      throw TrainingMemoryError("the \(what) \(text) does not fit in 64 bits")
    }
    return UInt64(value)
  }
}

/// A decimal number kept exactly as digits × 10^exponent.
private struct ExactDecimal {
  var digits: UInt128
  var exponent: Int

  /// Reads `[+]digits[.digits][e[±]digits]` from the front of `text`, leaving the rest.
  init?(scanning text: inout Substring) {
    var digits: UInt128 = 0
    var exponent = 0
    var sawDigit = false
    var afterPoint = false
    if text.first == "+" { text.removeFirst() }
    while let character = text.first {
      if let digit = character.wholeNumberValue, character.isASCII {
        // Digits beyond 38 significant ones cannot matter below 2⁶⁴: drop them, keep the scale.
        if digits <= (UInt128.max - 9) / 10 {
          digits = digits * 10 + UInt128(digit)
          if afterPoint { exponent -= 1 }
        } else if !afterPoint {
          exponent += 1
        }
        sawDigit = true
      } else if character == "." && !afterPoint {
        afterPoint = true
      } else if character == "_" && sawDigit && !afterPoint {
        // Digit groups as Swift writes them: 13_000_000_000. (Commas stay errors: in much of
        // the world 1,5 means one and a half.)
      } else {
        break
      }
      text.removeFirst()
    }
    guard sawDigit else { return nil }
    if let marker = text.first, marker == "e" || marker == "E" {
      var rest = text.dropFirst()
      var sign = 1
      if let s = rest.first, s == "+" || s == "-" {
        sign = s == "-" ? -1 : 1
        rest = rest.dropFirst()
      }
      let exponentDigits = rest.prefix { $0.isASCII && $0.isNumber }
      if !exponentDigits.isEmpty, let value = Int(exponentDigits), value <= 400 {
        exponent += sign * value
        text = rest.dropFirst(exponentDigits.count)
      }
    }
    self.digits = digits
    self.exponent = exponent
  }

  /// The number times `scale` as a fraction numerator / denominator, with a power of ten
  /// denominator.
  ///
  /// - Throws: an overflow error when the value is far beyond 64 bits.
  func scaled(by scale: UInt128, _ text: String, _ what: String) throws -> (UInt128, UInt128) {
    let tooLarge = TrainingMemoryError("the \(what) \(text) does not fit in 64 bits")
    var numerator = digits.multipliedReportingOverflow(by: scale)
    if numerator.overflow { throw tooLarge }
    var denominator: UInt128 = 1
    if exponent >= 0 {
      for _ in 0..<exponent where numerator.partialValue != 0 {
        numerator = numerator.partialValue.multipliedReportingOverflow(by: 10)
        if numerator.overflow { throw tooLarge }
      }
    } else {
      for _ in 0..<(-exponent) {
        // Past 10³⁸ the quotient is below 1 for any numerator that fits: it reads as 0.
        if denominator > UInt128.max / 10 { return (0, 1) }
        denominator *= 10
      }
    }
    return (numerator.partialValue, denominator)
  }
}

extension String {
  /// The string without leading and trailing spaces and tabs.
  fileprivate var trimmingWhitespace: String {
    var text = Substring(self)
    while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
    while let last = text.last, last == " " || last == "\t" { text.removeLast() }
    return String(text)
  }
}
