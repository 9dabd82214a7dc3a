import Foundation
import Harness

/// What happened to one exercise of one submission, before it is scored.
public enum ExerciseRun: Sendable {
  /// The submission has no file for it.
  case missing(file: String)
  /// Its file (or its topic) did not compile.
  case doesNotCompile([String])
  /// Its check process ran: how it ended, the checks it reported, what it printed.
  case ran(ending: ProcessEnding, results: [CheckResult], printed: String, seconds: Double)
}

/// Turns an exercise's run into a grade: one point per check the grader runs.
///
/// The checks a grader runs are known from grading the untouched stub, on which every check
/// runs and fails; so a process that dies halfway still owes the checks it never reached, and
/// they count as failed ("not run"). A check a student's process reports that the grader does
/// not have never scores.
public struct ExerciseScoring: Sendable {
  /// Exercise name → the names of its grader's checks, in order.
  public let checks: [String: [String]]
  /// The memory limit, for the out-of-memory message.
  public let memoryMegabytes: Int
  /// Bytes of printed output kept in the grade.
  public static let printedLimit = 4096

  /// Creates a scorer.
  public init(checks: [String: [String]], memoryMegabytes: Int) {
    self.checks = checks
    self.memoryMegabytes = memoryMegabytes
  }

  /// The grade of `run`.
  public func grade(exercise: String, lesson: String, file: String, run: ExerciseRun)
    -> ExerciseGrade
  {
    let expected = checks[exercise] ?? []
    switch run {
    case .missing(let file):
      return unrun(
        exercise, lesson, .missing, expected, "not submitted: \(file) was missing", [])
    case .doesNotCompile(let errors):
      return unrun(
        exercise, lesson, .doesNotCompile, expected, "\(file) does not compile", errors)
    case .ran(let ending, let results, let printed, let seconds):
      let status = self.status(ending: ending, results: results, printed: printed)
      var graded: [CheckGrade] = []
      var used = Set<Int>()
      for name in expected {
        if let index = results.indices.first(where: {
          !used.contains($0) && results[$0].check == name
        }) {
          used.insert(index)
          graded.append(check(results[index], status: status, ending: ending))
        } else {
          let reason =
            ending == .completed
            ? "the grader never reached it" : "the process had ended at an earlier check"
          graded.append(CheckGrade(check: name, passed: false, message: "not run: \(reason)"))
        }
      }
      for index in results.indices where !used.contains(index) {
        var extra = check(results[index], status: status, ending: ending)
        extra.scored = expected.isEmpty
        if extra.scored || !extra.passed { graded.append(extra) }
      }
      let score = graded.filter { $0.scored && $0.passed }.count
      let maxScore = expected.isEmpty ? graded.count : expected.count
      let allPassed =
        status == .failed && score == maxScore && maxScore > 0
        && graded.allSatisfy(\.passed)
      return ExerciseGrade(
        exercise: exercise, lesson: lesson, status: allPassed ? .passed : status, score: score,
        maxScore: maxScore, checks: graded, printed: Self.capped(printed), seconds: seconds)
    }
  }

  /// How the process ended, in the gradebook's words (`.failed` for a normal end).
  func status(ending: ProcessEnding, results: [CheckResult], printed: String) -> GradedStatus {
    switch ending {
    case .completed: return .failed
    case .timedOut: return .timedOut
    case .crashed, .exited:
      return CheckLimits.ranOutOfMemory(printed) ? .outOfMemory : .crashed
    case .couldNotStart: return .error
    }
  }

  private func check(_ result: CheckResult, status: GradedStatus, ending: ProcessEnding)
    -> CheckGrade
  {
    var message = result.message
    let ended = IsolatedGrading.describe(ending)
    if status == .outOfMemory, !result.passed, message.hasPrefix(ended) {
      message = "ran out of memory (the limit is \(memoryMegabytes) MB): \(message)"
    }
    return CheckGrade(check: result.check, passed: result.passed, message: message)
  }

  private func unrun(
    _ exercise: String, _ lesson: String, _ status: GradedStatus, _ expected: [String],
    _ message: String, _ errors: [String]
  ) -> ExerciseGrade {
    let names = expected.isEmpty ? ["runs"] : expected
    return ExerciseGrade(
      exercise: exercise, lesson: lesson, status: status, score: 0, maxScore: expected.count,
      checks: names.map { CheckGrade(check: $0, passed: false, message: message) },
      compilerErrors: errors)
  }

  /// `text` cut to `printedLimit` bytes on a character boundary, saying how much was cut
  /// (counting what the check process's own cap had already dropped).
  public static func capped(_ text: String, limit: Int = printedLimit) -> String {
    var body = Substring(text)
    var dropped = 0
    if let note = text.range(
      of: #"\n\[[0-9]+ more bytes not shown\]\n?$"#, options: .regularExpression)
    {
      dropped = Int(text[note].filter(\.isNumber)) ?? 0
      body = text[..<note.lowerBound]
    }
    guard body.utf8.count > limit || dropped > 0 else { return text }
    var kept = ""
    var used = 0
    for character in body {
      let size = character.utf8.count
      if used + size > limit { break }
      kept.append(character)
      used += size
    }
    dropped += body.utf8.count - used
    return kept + "\n[\(dropped) more bytes not shown]"
  }
}
