// Reference code: it computes exercises' answers, for the figures, pictures and tools.
// Solve the exercises before you read it; contracts and harness types are one folder up.

/// The logic of `workbook float`: an explorer of number formats in the spirit of float.exposed.
///
/// Give it a bit pattern (`0x3c00`, `0b0011110000000000`) and it takes the pattern apart; give
/// it a decimal value (`0.1`, `-1e-3`, `inf`, `nan`) and it rounds the value into the format,
/// showing the pattern chosen and the rounding error.
///
/// ```swift
/// let report = try FloatExplorer.explore("0.1", format: "bf16")
/// print(report.bits, report.value)  // 0x3dcd 0.10009765625
/// ```
@_spi(Reference) public enum FloatExplorer {
  /// What an input means once parsed.
  public enum Input: Sendable, Equatable {
    /// A bit pattern to decode.
    case pattern(UInt32)
    /// A value to round into the format.
    case value(Double)
  }

  /// The names `--format` accepts, in the lesson's order.
  public static var formatNames: [String] { FloatFormat.all.map(\.name) }

  /// Decodes a pattern or rounds a value, in the format named `formatName`.
  ///
  /// Throws `FloatExplorerError` (one line) for an unknown format, an empty input, a pattern
  /// with digits that are not hex or binary, a pattern wider than the format, or text that is
  /// neither a pattern nor a decimal number.
  public static func explore(_ text: String, format formatName: String = "fp32") throws
    -> FloatReport
  {
    let format = try format(named: formatName)
    switch try parse(text, format: format) {
    case .pattern(let bits):
      return FloatReport(format: format, decoded: FloatCodec.decode(bits, in: format), bits: bits)
    case .value(let value):
      let encoded = FloatCodec.encode(value, in: format)
      return FloatReport(
        format: format, decoded: FloatCodec.decode(encoded.bits, in: format),
        bits: encoded.bits, input: value, encoded: encoded)
    }
  }

  /// The format called `name` (or one of its aliases, such as `bfloat16`).
  public static func format(named name: String) throws -> FloatFormat {
    guard let format = FloatFormat.named(name.trimmedOfSpaces) else {
      throw FloatExplorerError(
        "unknown format \u{201C}\(name)\u{201D}; known formats: "
          + formatNames.joined(separator: ", "))
    }
    return format
  }

  /// Reads `text` as a pattern of `format` (`0x…` or `0b…`, underscores allowed between digits)
  /// or as a decimal value.
  public static func parse(_ text: String, format: FloatFormat) throws -> Input {
    let input = text.trimmedOfSpaces
    guard !input.isEmpty else {
      throw FloatExplorerError(
        "empty input; give a bit pattern (0x3c00, 0b0011110000000000) or a decimal value (0.1)")
    }
    let lower = input.lowercased()
    if lower.hasPrefix("0x") { return .pattern(try pattern(input, radix: 16, format: format)) }
    if lower.hasPrefix("0b") { return .pattern(try pattern(input, radix: 2, format: format)) }
    let words = ["inf", "infinity", "nan"]
    let unsigned = lower.hasPrefix("-") || lower.hasPrefix("+") ? String(lower.dropFirst()) : lower
    let decimalCharacters = lower.allSatisfy { "0123456789.e+-".contains($0) }
    guard words.contains(unsigned) || decimalCharacters, let value = Double(lower) else {
      throw FloatExplorerError(
        "\u{201C}\(input)\u{201D} is neither a bit pattern (0x3c00, 0b0011…) nor a decimal "
          + "value (0.1, -2.5e-3, inf, nan)")
    }
    return .value(value)
  }

  private static func pattern(_ input: String, radix: Int, format: FloatFormat) throws -> UInt32 {
    let kind = radix == 16 ? "hex" : "binary"
    let digits = input.dropFirst(2).filter { $0 != "_" }
    guard !digits.isEmpty, let value = UInt64(digits, radix: radix) else {
      let allowed = radix == 16 ? "0-9 and a-f" : "0 and 1"
      throw FloatExplorerError(
        "\u{201C}\(input)\u{201D} is not a \(kind) pattern: after \(input.prefix(2)) come the "
          + "digits \(allowed)")
    }
    let maxDigits = radix == 16 ? (format.totalBits + 3) / 4 : format.totalBits
    guard digits.count <= maxDigits else {
      throw FloatExplorerError(
        "\(input) has \(digits.count) \(kind) digits; \(format.name) patterns have "
          + "\(format.totalBits) bits, at most \(maxDigits) \(kind) digits")
    }
    guard value < UInt64(1) << format.totalBits else {
      throw FloatExplorerError(
        "\(input) does not fit in \(format.name)'s \(format.totalBits) bits (the largest "
          + "pattern is \(format.hex((1 << format.totalBits) - 1)))")
    }
    return UInt32(value)
  }
}

/// A bad input to the explorer, with a message of one line.
@_spi(Reference)
public struct FloatExplorerError: Error, CustomStringConvertible, Sendable, Equatable {
  /// What was wrong, in one line.
  public let message: String

  /// Creates the error from its one-line message.
  public init(_ message: String) {
    self.message = message
  }

  /// The message.
  public var description: String { message }
}

extension String {
  /// Without leading and trailing spaces, tabs and newlines.
  var trimmedOfSpaces: String {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
    return String(drop(while: isSpace).reversed().drop(while: isSpace).reversed())
  }
}
