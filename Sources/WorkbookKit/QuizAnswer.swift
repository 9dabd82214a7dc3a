import Course
import Foundation

/// A typed answer to a numeric question, such as `112`, `112 GB` or `≈ 1,024.5 MB`.
public struct QuizAnswer: Sendable, Equatable {
  /// The number typed.
  public let value: Double
  /// The unit typed after it, if any.
  public let unit: String

  /// Parses a typed answer, or returns nil when it does not start with a number.
  public init?(_ text: String) {
    var rest = Substring(text.trimmingCharacters(in: .whitespaces))
    for prefix in ["≈", "~", "about"] where rest.lowercased().hasPrefix(prefix) {
      rest = rest.dropFirst(prefix.count).drop { $0 == " " }
    }
    let number = rest.prefix { "0123456789.,-+".contains($0) }
    guard let value = Double(number.replacingOccurrences(of: ",", with: "")) else { return nil }
    self.value = value
    unit = rest.dropFirst(number.count).trimmingCharacters(in: .whitespaces)
  }

  /// Whether this answer is right for `expected`: within its tolerance, and in its unit when
  /// the learner typed one.
  public func isRight(for expected: NumericAnswer) -> Bool {
    hasRightUnit(for: expected) && expected.accepts(value)
  }

  /// Whether the typed unit (if any) is the expected one, ignoring case.
  public func hasRightUnit(for expected: NumericAnswer) -> Bool {
    unit.isEmpty || expected.unit.isEmpty || unit.lowercased() == expected.unit.lowercased()
  }
}

extension NumericAnswer {
  /// The answer as the lesson writes it (`13.31 GB`): the figure's text when the registry
  /// knows it, else the value and unit.
  public var display: String {
    if let text = Registry.figures.first(where: { $0.id == figure })?.text { return text }
    guard let value else { return figure }
    let whole = value == value.rounded() && abs(value) < 1e15
    let number = whole ? String(Int(value)) : String(value)
    return unit.isEmpty ? number : "\(number) \(unit)"
  }
}
