import Course
import Harness

/// The words of the student's `swift test`: failure messages and the closing summary.
enum StudentReport {
  /// Where an exercise stands after grading.
  enum Standing: Equatable {
    case passed
    /// Every check failed with the stub's "not implemented yet".
    case notStarted
    case failing
    /// Not graded in this run (a `--filter` left it out).
    case notRun
  }

  /// An exercise is not started when no check passes and the first one meets the stub's
  /// "not implemented yet".
  static func standing(of outcome: IsolatedOutcome?) -> Standing {
    guard let outcome else { return .notRun }
    if outcome.passed { return .passed }
    let isStub =
      outcome.results.first?.message.hasPrefix("not implemented yet") == true
      && !outcome.results.contains(where: \.passed)
    return isStub ? .notStarted : .failing
  }

  /// The XCTest failure messages for an exercise that did not pass: every failed check when it
  /// is the student's next exercise, else one line that says where it stands.
  static func failures(of outcome: IsolatedOutcome, inFull: Bool) -> [String] {
    let name = outcome.exercise
    let failed = outcome.results.filter { !$0.passed }
    let notRun = failed.filter { $0.message.hasPrefix("not run:") }
    let ran = failed.filter { !$0.message.hasPrefix("not run:") }
    let count = "\(outcome.results.count - failed.count)/\(outcome.results.count) checks pass"
    if standing(of: outcome) == .notStarted {
      let pointer = outcome.results.first?.message ?? ""
      return inFull ? ["\(name): not started; \(pointer)"] : ["\(name): not started (\(count))"]
    }
    guard inFull else {
      let first = ran.first.map { "; first failure: \u{201C}\($0.check)\u{201D}" } ?? ""
      let ending = outcome.interruption.map { " (\($0))" } ?? ""
      return ["\(name): \(count)\(ending)\(first); `workbook check \(name)` shows every failure"]
    }
    var messages = ran.map { "\(name) \u{2014} \($0.check): \($0.message)" }
    if !notRun.isEmpty {
      messages.append("\(name): \(notRun.count) more checks did not run")
    }
    let printed = outcome.printed.split(separator: "\n").prefix(10)
    if !printed.isEmpty {
      messages.append("\(name): your code printed:\n" + printed.joined(separator: "\n"))
    }
    return messages
  }

  /// One line per exercise in course order, the next step, and `N of M exercises pass` last.
  static func summary(course: [ExerciseReference], outcomes: [String: IsolatedOutcome]) -> [String]
  {
    guard !course.isEmpty else { return ["0 of 0 exercises pass"] }
    let width = course.map(\.name.count).max() ?? 0
    var lines = ["Your exercises, in course order:"]
    var next: ExerciseReference?
    for exercise in course {
      let outcome = outcomes[exercise.name]
      let padded = exercise.name.padding(toLength: width, withPad: " ", startingAt: 0)
      let total = outcome.map { "\($0.results.count)" } ?? "?"
      let passing = outcome.map { "\($0.results.filter(\.passed).count)" } ?? "?"
      switch standing(of: outcome) {
      case .passed:
        lines.append("  \u{2713} \(padded)  passed (\(passing)/\(total) checks)")
      case .notStarted:
        lines.append("  \u{00B7} \(padded)  not started (0/\(total) checks)")
        next = next ?? exercise
      case .failing:
        let ending = outcome?.interruption.map { ", \($0)" } ?? ""
        lines.append("  \u{2717} \(padded)  failed (\(passing)/\(total) checks pass\(ending))")
        next = next ?? exercise
      case .notRun:
        lines.append("  - \(padded)  not graded in this run")
      }
    }
    if let next {
      lines.append(
        "Next: \(next.name), taught in Lessons/\(next.lesson).md, section \u{201C}\(next.section)"
          + "\u{201D} (`workbook read \(next.name)`, then `workbook check \(next.name)`).")
    }
    let passed = course.filter { standing(of: outcomes[$0.name]) == .passed }.count
    lines.append("\(passed) of \(course.count) exercises pass")
    return lines
  }
}
