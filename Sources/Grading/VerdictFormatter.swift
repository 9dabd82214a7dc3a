import Course
import Harness

/// Turns a verdict into the few lines a learner reads after `workbook check`.
public struct VerdictFormatter {
  /// Styling for the terminal, or plain.
  public let style: TerminalStyle

  /// Creates a formatter.
  public init(style: TerminalStyle) {
    self.style = style
  }

  /// The verdict as lines: a headline, then each failed check once (identical "not implemented
  /// yet" messages folded into one), then what the code printed when it failed.
  public func lines(for verdict: ExerciseVerdict) -> [String] {
    switch verdict.outcome {
    case .notCheckable(let line):
      return [style.bad("✗ \(verdict.exercise)") + "  " + line]
    case .doesNotCompile(let errors):
      return [style.bad("✗ \(verdict.exercise)") + "  does not compile:"]
        + errors.prefix(12).map { "    " + $0 }
    case .graded(let outcome):
      let passed = outcome.results.filter(\.passed).count
      let total = outcome.results.count
      let time = style.dim(String(format: " (%.1f s)", outcome.seconds))
      if outcome.passed {
        return [style.good("✓ \(verdict.exercise)") + "  \(passed)/\(total) checks passed" + time]
      }
      let interruption = outcome.interruption.map { " (\($0))" } ?? ""
      var lines = [
        style.bad("✗ \(verdict.exercise)") + "  \(passed)/\(total) checks passed" + interruption
          + time
      ]
      let failures = outcome.results.filter { !$0.passed && !$0.message.hasPrefix("not run:") }
      let messages = Set(failures.map(\.message))
      if messages.count == 1, let message = messages.first, message.hasPrefix("not implemented yet")
      {
        lines.append("    " + message)
        return lines
      }
      for failure in failures.prefix(6) {
        lines += wrap(
          style.bold(failure.check) + ": " + failure.message, width: 100, indent: "      ",
          firstIndent: "    ✗ ")
      }
      if failures.count > 6 {
        lines.append(style.dim("    … and \(failures.count - 6) more failed checks"))
      }
      let printed = outcome.printed.split(separator: "\n").prefix(10)
      if !printed.isEmpty {
        lines.append(style.dim("    your code printed:"))
        lines += printed.map { style.dim("      " + $0) }
      }
      return lines
    }
  }
}
