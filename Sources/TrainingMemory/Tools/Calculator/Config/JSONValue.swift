/// A JSON value as `workbook calc --config` reads a model's config.json. Numbers keep their text,
/// so an integer field is read exactly and `4096.5` or `"4096"` can be told apart from `4096`.
///
/// The kit has no Foundation: this small reader also lets a syntax error name its line and
/// column in words of our own, never a framework's.
public enum JSONValue: Equatable, Sendable {
  /// `{...}`; a repeated key keeps its last value, as Python's json module does.
  case object([String: JSONValue])
  /// `[...]`.
  case array([JSONValue])
  /// A string, unescaped.
  case string(String)
  /// A number, as written (`4096`, `1e-05`, `-0.5`).
  case number(String)
  /// `true` or `false`.
  case bool(Bool)
  /// `null`.
  case null

  /// Parses one JSON document (RFC 8259), surrounding whitespace allowed.
  ///
  /// - Throws: `JSONSyntaxError` naming the line and column of the first mistake.
  public static func parse(_ text: String) throws -> JSONValue {
    var reader = JSONReader(bytes: Array(text.utf8))
    reader.skipWhitespace()
    let value = try reader.value(depth: 0)
    reader.skipWhitespace()
    guard reader.atEnd else { throw reader.error("unexpected text after the JSON value") }
    return value
  }

  /// The value as written in a message: `4096`, `"4096"`, `true`, `null`, `an object`.
  public var shortDescription: String {
    switch self {
    case .object: return "an object"
    case .array: return "a list"
    case .string(let text): return "\u{201C}\(text)\u{201D}"
    case .number(let text): return text
    case .bool(let value): return value ? "true" : "false"
    case .null: return "null"
    }
  }
}

/// Where and why a JSON document could not be read.
public struct JSONSyntaxError: Error, Equatable, Sendable {
  /// The line of the mistake, from 1.
  public let line: Int
  /// The column of the mistake, from 1, in bytes.
  public let column: Int
  /// What was wrong, in a few words.
  public let reason: String
}

/// The parser behind `JSONValue.parse`: recursive descent over UTF-8 bytes.
private struct JSONReader {
  let bytes: [UInt8]
  var index = 0

  /// Nesting deeper than this is refused, so a hostile file cannot exhaust the stack.
  static let maximumDepth = 256

  var atEnd: Bool { index >= bytes.count }

  mutating func skipWhitespace() {
    while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
  }

  func error(_ reason: String) -> JSONSyntaxError {
    var line = 1
    var column = 1
    for byte in bytes[..<min(index, bytes.count)] {
      if byte == 0x0A {
        line += 1
        column = 1
      } else {
        column += 1
      }
    }
    return JSONSyntaxError(line: line, column: column, reason: reason)
  }

  mutating func value(depth: Int) throws -> JSONValue {
    guard depth < Self.maximumDepth else { throw error("nested too deeply") }
    guard !atEnd else { throw error("the document ends where a value should be") }
    switch bytes[index] {
    case UInt8(ascii: "{"): return try object(depth: depth)
    case UInt8(ascii: "["): return try array(depth: depth)
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "t"): return try literal("true", .bool(true))
    case UInt8(ascii: "f"): return try literal("false", .bool(false))
    case UInt8(ascii: "n"): return try literal("null", .null)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
    default: throw error("expected a value")
    }
  }

  mutating func object(depth: Int) throws -> JSONValue {
    var members: [String: JSONValue] = [:]
    if enterIsEmpty(closedBy: "}") { return .object(members) }
    while true {
      skipWhitespace()
      guard !atEnd, bytes[index] == UInt8(ascii: "\"") else { throw error("expected a key") }
      let key = try string()
      skipWhitespace()
      try expect(":", "expected \u{201C}:\u{201D} after a key")
      skipWhitespace()
      members[key] = try value(depth: depth + 1)
      skipWhitespace()
      if try separator("}") { return .object(members) }
    }
  }

  mutating func array(depth: Int) throws -> JSONValue {
    var elements: [JSONValue] = []
    if enterIsEmpty(closedBy: "]") { return .array(elements) }
    while true {
      skipWhitespace()
      elements.append(try value(depth: depth + 1))
      skipWhitespace()
      if try separator("]") { return .array(elements) }
    }
  }

  /// At an opening bracket: steps past it and the white space after it; true, having stepped
  /// past the `closing` bracket too, when that follows at once (an empty object or array).
  mutating func enterIsEmpty(closedBy closing: Unicode.Scalar) -> Bool {
    index += 1
    skipWhitespace()
    guard !atEnd && bytes[index] == UInt8(ascii: closing) else { return false }
    index += 1
    return true
  }

  /// After a member or element: true at the closing bracket, false after a comma.
  mutating func separator(_ closing: Unicode.Scalar) throws -> Bool {
    guard !atEnd else { throw error("the document ends inside a bracket") }
    if bytes[index] == UInt8(ascii: closing) {
      index += 1
      return true
    }
    try expect(",", "expected \u{201C},\u{201D} or \u{201C}\(closing)\u{201D}")
    return false
  }

  mutating func expect(_ character: Unicode.Scalar, _ reason: String) throws {
    guard !atEnd, bytes[index] == UInt8(ascii: character) else { throw error(reason) }
    index += 1
  }

  mutating func literal(_ word: String, _ value: JSONValue) throws -> JSONValue {
    let text = Array(word.utf8)
    guard bytes.count - index >= text.count, Array(bytes[index..<index + text.count]) == text
    else { throw error("expected a value") }
    index += text.count
    return value
  }

  mutating func number() throws -> JSONValue {
    let start = index
    if bytes[index] == UInt8(ascii: "-") { index += 1 }
    func digits() -> Int {
      let first = index
      while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
        index += 1
      }
      return index - first
    }
    let integerStart = index
    let integerDigits = digits()
    guard integerDigits > 0 else { throw error("expected digits") }
    if integerDigits > 1 && bytes[integerStart] == UInt8(ascii: "0") {
      throw error("a number may not start with 0")
    }
    if index < bytes.count && bytes[index] == UInt8(ascii: ".") {
      index += 1
      guard digits() > 0 else { throw error("expected digits after the decimal point") }
    }
    if index < bytes.count && (bytes[index] | 0x20) == UInt8(ascii: "e") {
      index += 1
      if index < bytes.count && [UInt8(ascii: "+"), UInt8(ascii: "-")].contains(bytes[index]) {
        index += 1
      }
      guard digits() > 0 else { throw error("expected digits in the exponent") }
    }
    return .number(String(decoding: bytes[start..<index], as: UTF8.self))
  }

  mutating func string() throws -> String {
    index += 1
    var text: [UInt8] = []
    while true {
      guard !atEnd else { throw error("the document ends inside a string") }
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: "\""):
        index += 1
        return String(decoding: text, as: UTF8.self)
      case UInt8(ascii: "\\"):
        index += 1
        guard !atEnd else { throw error("the document ends inside a string") }
        let escaped = bytes[index]
        index += 1
        switch escaped {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(escaped)
        case UInt8(ascii: "b"): text.append(0x08)
        case UInt8(ascii: "f"): text.append(0x0C)
        case UInt8(ascii: "n"): text.append(0x0A)
        case UInt8(ascii: "r"): text.append(0x0D)
        case UInt8(ascii: "t"): text.append(0x09)
        case UInt8(ascii: "u"): text += String(try unicodeEscape()).utf8
        default:
          index -= 1
          throw error("unknown escape in a string")
        }
      case 0..<0x20:
        throw error("a control character inside a string")
      default:
        text.append(byte)
        index += 1
      }
    }
  }

  /// The scalar of `\uXXXX` (the `\u` already read), joining a surrogate pair; a lone
  /// surrogate becomes U+FFFD, as Python's json module would keep it unpaired.
  mutating func unicodeEscape() throws -> Character {
    let first = try hexQuad()
    if (0xD800..<0xDC00).contains(first), bytes.count - index >= 6,
      bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
    {
      let saved = index
      index += 2
      let second = try hexQuad()
      if (0xDC00..<0xE000).contains(second) {
        let scalar = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
        return Character(Unicode.Scalar(scalar) ?? "\u{FFFD}")
      }
      index = saved
    }
    return Character(Unicode.Scalar(first) ?? "\u{FFFD}")
  }

  mutating func hexQuad() throws -> UInt32 {
    guard bytes.count - index >= 4 else { throw error("expected four hex digits after \\u") }
    var value: UInt32 = 0
    for _ in 0..<4 {
      guard let digit = Character(Unicode.Scalar(bytes[index])).hexDigitValue else {
        throw error("expected four hex digits after \\u")
      }
      value = value * 16 + UInt32(digit)
      index += 1
    }
    return value
  }
}
