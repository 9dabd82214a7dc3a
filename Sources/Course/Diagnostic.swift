/// A problem found in a lesson, reported as `file:line: message` like a compiler's.
public struct Diagnostic: Error, Sendable, Equatable, CustomStringConvertible {
  /// The lesson file, relative to the workbook, for example `Lessons/NumberFormats.md`.
  public let file: String
  /// The line the problem is on, from 1.
  public let line: Int
  /// What is wrong, in one sentence.
  public let message: String

  /// `file:line: message`.
  public var description: String { "\(file):\(line): \(message)" }
}

/// The diagnostics of a course that failed to load, all of them at once.
public struct CourseErrors: Error, Sendable, CustomStringConvertible {
  /// Every problem found, in file and line order.
  public let diagnostics: [Diagnostic]

  /// Wraps the problems found.
  public init(diagnostics: [Diagnostic]) {
    self.diagnostics = diagnostics
  }

  /// Wraps the problems found, put in file and line order.
  init(unsorted diagnostics: [Diagnostic]) {
    self.init(diagnostics: diagnostics.sorted { ($0.file, $0.line) < ($1.file, $1.line) })
  }

  /// One diagnostic per line.
  public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
