import Drawing

/// The explorer's human-readable output: one labelled line per field, fields in colour on
/// request.
extension FloatReport {
  /// The report as aligned lines; ANSI colours mark the three fields only when `color` is true.
  ///
  /// ```
  /// format    fp16: 1 sign, 5 exponent, 10 fraction bits, bias 15
  /// bits      0xc648 = 1 10001 1001001000
  /// sign      1 → negative
  /// exponent  10001 = 17 → 2^(17 − 15) = 2^2
  /// fraction  1001001000 = 584 → significand 1 + 584/1024
  /// class     normal
  /// value     −6.28125
  /// ```
  public func rendered(color: Bool = false) -> String {
    guard let format = FloatFormat.named(format), let pattern = UInt32(bits.dropFirst(2), radix: 16)
    else { return "\(format) \(bits)" }
    let parts = format.binaryFields(of: pattern)
    let signDigits = FloatField.sign.paint(parts[0].digits, color: color)
    let exponentDigits = FloatField.exponent.paint(parts[1].digits, color: color)
    let fractionDigits = FloatField.fraction.paint(parts[2].digits, color: color)
    var lines: [(String, String)] = [
      (
        "format",
        "\(format.name): 1 sign, \(format.exponentBits) exponent, \(format.fractionBits) "
          + "fraction bits, bias \(format.bias)"
      ),
      ("bits", "\(bits) = \(signDigits) \(exponentDigits) \(fractionDigits)"),
      ("sign", "\(signDigits) \u{2192} " + (sign == 1 ? "negative" : "positive")),
      ("exponent", "\(exponentDigits) = \(exponent) \u{2192} " + exponentMeaning(format)),
      ("fraction", "\(fractionDigits) = \(fraction) \u{2192} " + fractionMeaning(format)),
      ("class", floatClass.rawValue),
      ("value", Self.text(of: value)),
    ]
    if let input {
      lines.append(("input", Self.shortest(input) + ", rounded to nearest, ties to even"))
      if let roundingError {
        let note = overflowed ? " (overflow: too large for \(format.name))" : ""
        let plus = roundingError > 0 ? "+" : ""
        let error =
          roundingError == 0
          ? "0, the input is a value of the format"
          : plus
            + Self.shortest(roundingError) + " = value \u{2212} input" + note
        lines.append(("error", error))
      }
    }
    let labels = lines.map { label, text in
      let padded = label.padding(to: 10)
      let painted: String
      switch label {
      case "sign": painted = FloatField.sign.paint(padded, color: color)
      case "exponent": painted = FloatField.exponent.paint(padded, color: color)
      case "fraction": painted = FloatField.fraction.paint(padded, color: color)
      default: painted = padded
      }
      return painted + text
    }
    return labels.joined(separator: "\n")
  }

  private func exponentMeaning(_ format: FloatFormat) -> String {
    switch floatClass {
    case .zero, .subnormal:
      return "zero or subnormal: 2^(1 \u{2212} \(format.bias)) = 2^\(unbiasedExponent), no hidden 1"
    case .normal:
      return "2^(\(exponent) \u{2212} \(format.bias)) = 2^\(unbiasedExponent)"
    case .infinity, .nan:
      return "all ones: a special value"
    }
  }

  private func fractionMeaning(_ format: FloatFormat) -> String {
    let denominator = 1 << format.fractionBits
    switch floatClass {
    case .zero: return "zero"
    case .subnormal: return "significand 0 + \(fraction)/\(denominator)"
    case .normal: return "significand 1 + \(fraction)/\(denominator)"
    case .infinity: return "zero: infinity"
    case .nan:
      return format.hasInfinities ? "not zero: NaN" : "all ones: E4M3's only NaN"
    }
  }

  /// A value as the explorer prints it: exact when the expansion is short, else the shortest
  /// decimal that reads back to the same `Double`, marked ≈.
  static func text(of value: Double) -> String {
    guard let exact = ExactDecimal(value) else { return shortest(value) }
    return exact.description.count <= 32 ? exact.description : "\u{2248} " + shortest(value)
  }

  /// The shortest decimal that reads back to the same `Double`, with a leading minus sign −.
  static func shortest(_ value: Double) -> String {
    guard value.isFinite else { return value.isNaN ? "nan" : value < 0 ? "\u{2212}inf" : "inf" }
    let text = "\(value)"
    return text.hasPrefix("-") ? "\u{2212}" + text.dropFirst() : text
  }
}

extension String {
  /// Left-aligned in a column of `width` characters.
  func padding(to width: Int) -> String {
    count >= width ? self + " " : self + String(repeating: " ", count: width - count)
  }

}
