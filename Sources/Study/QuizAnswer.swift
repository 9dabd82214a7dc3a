import Course
import Foundation

/// A typed answer to a numeric question, such as `112`, `112 GB`, `≈ 1,024.5 MB`, `65 504`,
/// `6.552e4` or `0.112 terabytes` (the number is read by `QuizNumber`, the unit by `QuizUnit`).
public struct QuizAnswer: Sendable, Equatable {
  /// The number typed.
  public let value: Double
  /// The unit typed after it, if any.
  public let unit: String

  /// What a typed answer says.
  public enum Reading: Sendable, Equatable {
    /// One answer.
    case answer(QuizAnswer)
    /// A comma that may be a decimal comma: the answer read with it as the decimal mark, and
    /// without it. The learner is asked which was meant.
    case ambiguous(decimalComma: QuizAnswer, withoutComma: QuizAnswer)
    /// Not a number.
    case notANumber
  }

  /// Creates an answer.
  public init(value: Double, unit: String) {
    self.value = value
    self.unit = unit
  }

  /// Parses a typed answer, or returns nil when it does not start with a number or its comma
  /// may be read two ways.
  public init?(_ text: String) {
    guard case .answer(let answer) = Self.read(text) else { return nil }
    self = answer
  }

  /// Reads a typed answer: an optional `≈`, `~` or `about`, a number, an optional unit.
  public static func read(_ text: String) -> Reading {
    var rest = Substring(text.trimmingCharacters(in: .whitespaces))
    for prefix in ["≈", "~", "about"] where rest.lowercased().hasPrefix(prefix) {
      rest = rest.dropFirst(prefix.count).drop { $0 == " " }
    }
    guard let (number, typedUnit) = QuizNumber.read(String(rest)) else { return .notANumber }
    // A sentence's full stop (`448.`, `112 GB.`) is not part of the unit.
    var unit = typedUnit
    while unit.hasSuffix(".") { unit.removeLast() }
    switch number {
    case .number(let value):
      return .answer(QuizAnswer(value: value, unit: unit))
    case .ambiguous(let comma, let without):
      return .ambiguous(
        decimalComma: QuizAnswer(value: comma, unit: unit),
        withoutComma: QuizAnswer(value: without, unit: unit))
    }
  }

  /// The answer in `expectedUnit`: as typed when either unit is missing or they are the same
  /// (ignoring case), converted when both are units of bytes (`112000 MB` is 112 GB), else nil.
  public func value(in expectedUnit: String) -> Double? {
    if unit.isEmpty || expectedUnit.isEmpty || unit.lowercased() == expectedUnit.lowercased() {
      return value
    }
    return QuizUnit.convert(value, from: unit, to: expectedUnit)
  }

  /// Whether this answer is right for `expected`: within its tolerance once in its unit.
  public func isRight(for expected: NumericAnswer) -> Bool {
    value(in: expected.unit).map(expected.accepts) ?? false
  }

  /// Whether the typed unit (if any) is the expected one or converts to it.
  public func hasRightUnit(for expected: NumericAnswer) -> Bool {
    value(in: expected.unit) != nil
  }

  /// The answer written back plainly: `0.5 GB`, `65504`.
  public var display: String {
    let whole = value == value.rounded() && abs(value) < 1e15
    let number = whole ? String(Int64(value)) : String(value)
    return unit.isEmpty ? number : "\(number) \(unit)"
  }
}

extension NumericAnswer {
  /// The answer as the lesson writes it (`13.31 GB`): the figure's text when the course was
  /// checked against the code, else the value and unit.
  public var display: String {
    if let text { return text }
    guard let value else { return figure }
    let whole = value == value.rounded() && abs(value) < 1e15
    let number = whole ? String(Int(value)) : String(value)
    return unit.isEmpty ? number : "\(number) \(unit)"
  }
}
