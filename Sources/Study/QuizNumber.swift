/// A number as a person writes it, read from the start of a typed answer: `6.552e4`, `65,504`,
/// `65 504`, `0.5`, `.5`, `1/2`, `1.234,5`, with the text after it (the unit) left over.
///
/// A comma is a thousands separator only where it can be nothing else: after one to three
/// digits that do not start with 0, before groups of exactly three digits (`65,504`,
/// `1,024.5`), or beside a point that is the decimal mark (`1.234,5` reads the comma as the
/// decimal mark). A lone comma that breaks those rules, as in `0,5` or `1,5`, may be a decimal
/// comma or a slip, so both readings are returned and the learner is asked which was meant.
public enum QuizNumber: Equatable, Sendable {
  /// One reading.
  case number(Double)
  /// A comma that may be a decimal comma: the value with the comma as the decimal mark, and
  /// the value without it.
  case ambiguous(decimalComma: Double, withoutComma: Double)

  /// The number at the start of `text` (after any spaces) and the rest of the text, trimmed;
  /// nil when `text` does not start with a number.
  public static func read(_ text: String) -> (number: QuizNumber, rest: String)? {
    var scanner = Scanner(Array(text))
    scanner.skipSpaces()
    guard let numerator = scanner.decimal() else { return nil }
    var number = numerator
    // A fraction: `1/2`, `3 / 4`; its denominator is a plain decimal number.
    let beforeSlash = scanner.position
    scanner.skipSpaces()
    if scanner.take("/") {
      scanner.skipSpaces()
      guard let denominator = scanner.decimal(), case .number(let below) = denominator,
        below != 0
      else { return nil }
      number = numerator.map { $0 / below }
    } else {
      scanner.position = beforeSlash
    }
    return (number, scanner.rest.trimmingCharacters(in: .whitespaces))
  }

  /// The same reading(s) with `transform` applied.
  func map(_ transform: (Double) -> Double) -> QuizNumber {
    switch self {
    case .number(let value): return .number(transform(value))
    case .ambiguous(let comma, let without):
      return .ambiguous(decimalComma: transform(comma), withoutComma: transform(without))
    }
  }

  /// Reads the characters of a number: sign, digits with separators, exponent.
  private struct Scanner {
    let characters: [Character]
    var position = 0

    init(_ characters: [Character]) {
      self.characters = characters
    }

    var rest: String { String(characters[position...]) }

    func peek(_ offset: Int = 0) -> Character? {
      position + offset < characters.count ? characters[position + offset] : nil
    }

    mutating func take(_ character: Character) -> Bool {
      guard peek() == character else { return false }
      position += 1
      return true
    }

    mutating func skipSpaces() {
      while let next = peek(), next.isWhitespace { position += 1 }
    }

    /// Spaces that may separate groups of digits: the space and the no-break and thin ones.
    static func isGroupSpace(_ character: Character) -> Bool {
      [" ", "\u{00A0}", "\u{2009}", "\u{202F}"].contains(character)
    }

    func isDigit(_ offset: Int) -> Bool { peek(offset)?.isASCIIDigitCharacter == true }

    /// Whether exactly three digits start at `offset` and no digit follows them.
    func isGroupOfThree(at offset: Int) -> Bool {
      isDigit(offset) && isDigit(offset + 1) && isDigit(offset + 2) && !isDigit(offset + 3)
    }

    /// A signed decimal number with separators and an exponent.
    mutating func decimal() -> QuizNumber? {
      let start = position
      var negative = false
      if take("-") || take("\u{2212}") {
        negative = true
      } else {
        _ = take("+")
      }
      var body = ""
      while let next = peek() {
        if next.isASCIIDigitCharacter || next == "." || next == "," {
          body.append(next)
          position += 1
        } else if Self.isGroupSpace(next), body.last?.isASCIIDigitCharacter == true,
          isGroupOfThree(at: 1)
        {
          // `65 504`: a space counts only before a group of exactly three digits, so `112 GB`
          // and `3 4` stop at the space.
          body.append(" ")
          position += 1
        } else {
          break
        }
      }
      // Trailing punctuation ("It is 448.") is not part of the number.
      while let last = body.last, last == "." || last == "," {
        body.removeLast()
        position -= 1
      }
      guard body.contains(where: \.isASCIIDigitCharacter), let readings = Self.interpret(body)
      else {
        position = start
        return nil
      }
      // The exponent is read into the same literal (`6.552e4`), so that `Double` rounds once
      // and 6.552e4 is exactly 65520.
      var exponent = ""
      if peek() == "e" || peek() == "E" {
        let mark = position
        position += 1
        var digits = ""
        if let sign = peek(), sign == "-" || sign == "+" {
          digits.append(sign)
          position += 1
        }
        while isDigit(0), let digit = peek() {
          digits.append(digit)
          position += 1
        }
        if digits.contains(where: \.isASCIIDigitCharacter) {
          exponent = "e" + digits
        } else {
          position = mark
        }
      }
      func value(_ literal: String) -> Double? {
        Double((negative ? "-" : "") + (literal.hasPrefix(".") ? "0" : "") + literal + exponent)
          .flatMap { $0.isFinite ? $0 : nil }
      }
      switch readings {
      case .one(let literal):
        guard let number = value(literal) else { break }
        return .number(number)
      case .two(let comma, let without):
        guard let comma = value(comma), let without = value(without) else { break }
        return .ambiguous(decimalComma: comma, withoutComma: without)
      }
      position = start
      return nil
    }

    /// What digits with separators may mean, as `Double` literals.
    enum Literals {
      case one(String)
      case two(String, String)
    }

    /// The literal(s) that digits with points, commas and group spaces stand for.
    static func interpret(_ body: String) -> Literals? {
      let compact = body.replacingOccurrences(of: " ", with: "")
      let points = compact.filter { $0 == "." }.count
      let commas = compact.filter { $0 == "," }.count
      if commas == 0 {
        if points <= 1 { return .one(compact) }
        // `1.234.567`: points as thousands separators, as in German.
        return thousands(compact, separator: ".").map { .one($0) }
      }
      if points == 0 {
        if let plain = thousands(compact, separator: ",") { return .one(plain) }
        guard commas == 1 else { return nil }
        let parts = compact.split(separator: ",", omittingEmptySubsequences: false)
        return .two(parts[0] + "." + parts[1], String(parts[0] + parts[1]))
      }
      // Both: the mark that comes last, once, is the decimal mark; the other separates groups.
      guard let lastPoint = compact.lastIndex(of: "."), let lastComma = compact.lastIndex(of: ",")
      else { return nil }
      let (decimalMark, separator): (Character, Character) =
        lastPoint > lastComma ? (".", ",") : (",", ".")
      let parts = compact.split(separator: decimalMark, omittingEmptySubsequences: false)
      guard parts.count == 2, !parts[1].contains(separator),
        let whole = thousands(String(parts[0]), separator: separator)
      else { return nil }
      return .one(whole + "." + parts[1])
    }

    /// `1,234,567` without its separators, or nil unless the groups are right: one to three
    /// digits not starting with 0 (or a lone 0), then groups of exactly three.
    static func thousands(_ text: String, separator: Character) -> String? {
      let groups = text.split(separator: separator, omittingEmptySubsequences: false)
      guard groups.count >= 2, let first = groups.first, (1...3).contains(first.count),
        first.allSatisfy(\.isASCIIDigitCharacter), !first.hasPrefix("0"),
        groups.dropFirst().allSatisfy({ $0.count == 3 && $0.allSatisfy(\.isASCIIDigitCharacter) })
      else { return nil }
      return groups.joined()
    }
  }
}

extension Character {
  /// `0` to `9` only (not other scripts' digits, which `Double` would not read).
  fileprivate var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
