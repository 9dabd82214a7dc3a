import Drawing

/// The three fields of a float pattern, and the colour each wears everywhere the topic draws
/// one: the explorer's terminal output, the bit-layout pictures and their SVG handouts.
public enum FloatField: String, Sendable, CaseIterable {
  /// The sign bit.
  case sign
  /// The biased exponent.
  case exponent
  /// The fraction (the significand without its hidden bit).
  case fraction

  /// The ANSI foreground colour code: blue, green, red, as float.exposed and most textbooks
  /// keep the fields apart.
  public var ansiCode: Int {
    switch self {
    case .sign: return 34
    case .exponent: return 32
    case .fraction: return 31
    }
  }

  /// The SVG fill of the field's boxes, light enough for black digits on top.
  public var fill: String {
    switch self {
    case .sign: return "#cfe0fc"
    case .exponent: return "#cdeccf"
    case .fraction: return "#fbd3cf"
    }
  }

  /// The SVG stroke and label colour, a darker shade of `fill`.
  public var stroke: String {
    switch self {
    case .sign: return "#1f5fbf"
    case .exponent: return "#23803a"
    case .fraction: return "#b8322a"
    }
  }

  /// `text` in the field's ANSI colour when `color` is true, unchanged otherwise.
  public func paint(_ text: String, color: Bool) -> String {
    TerminalDrawing.paint(text, ansiCode, color: color)
  }
}

extension FloatFormat {
  /// The field widths in pattern order, sign first.
  public var fields: [(field: FloatField, width: Int)] {
    [(.sign, 1), (.exponent, exponentBits), (.fraction, fractionBits)]
  }

  /// The pattern's three fields as binary digit strings: `("0", "01111", "0000000000")`.
  public func binaryFields(of bits: UInt32) -> [(field: FloatField, digits: String)] {
    var shift = totalBits
    return fields.map { field, width in
      shift -= width
      let value = (bits >> shift) & ((1 << width) - 1)
      let digits = String(value, radix: 2)
      return (field, String(repeating: "0", count: width - digits.count) + digits)
    }
  }

  /// The pattern in hex, as many digits as the format needs: `0x3c00` for fp16, `0x7e` for E4M3.
  public func hex(_ bits: UInt32) -> String {
    let digits = String(bits, radix: 16)
    let width = (totalBits + 3) / 4
    return "0x" + String(repeating: "0", count: max(0, width - digits.count)) + digits
  }
}
