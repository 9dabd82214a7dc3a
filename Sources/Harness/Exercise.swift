/// One gradable exercise: its name, where the lesson teaches it, and the checks that judge it.
///
/// Graders are written once per exercise, generic over the contract, and wrapped in an
/// `Exercise` for whichever edition (Exercises/ or Solutions/) is being graded.
public struct Exercise: Sendable {
  /// The exercise's name, the same in the lesson, in Exercises/ and in Solutions/.
  public let name: String
  /// The lesson's name, as in `Lessons/<lesson>.md`.
  public let lesson: String
  /// The heading of the lesson section that teaches the exercise.
  public let section: String
  /// Runs every check of the exercise, reporting each to the recorder.
  public let grade: @Sendable (CheckRecorder) -> Void

  /// Creates an exercise from its grader.
  public init(
    name: String, lesson: String, section: String,
    grade: @escaping @Sendable (CheckRecorder) -> Void
  ) {
    self.name = name
    self.lesson = lesson
    self.section = section
    self.grade = grade
  }

  /// Runs the grader in this process and returns its results in order.
  ///
  /// - Parameter around: runs each check's body, given the check's index and name: the runner
  ///   marks the check's stretch of tape with it, the judge loads that stretch (see `Judge`).
  ///   What it throws fails the check as the body's own errors do.
  public func run(
    onEvent: @escaping (CheckEvent) -> Void = { _ in }, around: CheckWrapper? = nil
  ) -> [CheckResult] {
    let recorder = CheckRecorder(exercise: self, onEvent: onEvent, around: around)
    grade(recorder)
    return recorder.results
  }

  /// The names of the checks the grader runs, in order, found without running any of them.
  ///
  /// Graders declare their checks unconditionally, so this list is known before the student's
  /// code runs: a process that dies in the second of four checks is reported as "1/4", not as
  /// "1/2".
  public func plannedChecks() -> [String] {
    let recorder = CheckRecorder(exercise: self, onEvent: { _ in }, listingOnly: true)
    grade(recorder)
    return recorder.results.map(\.check)
  }
}

/// Runs one check's body: `(index, name, body)`, index 0 for the grader's first check.
public typealias CheckWrapper = (Int, String, () throws -> Void) throws -> Void

/// Something that happens while an exercise is graded, in the order it happens.
public enum CheckEvent: Sendable, Equatable {
  /// Grading is about to start with these checks, in this order.
  case planned(checks: [String])
  /// A check is about to run: if the process dies now, this check is the one that killed it.
  case started(check: String)
  /// A check finished with this result.
  case finished(CheckResult)
}

/// The verdict of one check.
public struct CheckResult: Codable, Sendable, Equatable {
  /// The exercise the check belongs to.
  public let exercise: String
  /// A short name of what was checked, for example `"every fp16 pattern"`.
  public let check: String
  /// Whether the check passed.
  public let passed: Bool
  /// Empty on a pass; otherwise what was expected, what came back, and where to read.
  public let message: String

  /// Creates a result.
  public init(exercise: String, check: String, passed: Bool, message: String) {
    self.exercise = exercise
    self.check = check
    self.passed = passed
    self.message = message
  }
}

/// Collects the checks of one exercise as its grader runs them.
public final class CheckRecorder: @unchecked Sendable {
  private let exercise: Exercise
  private let onEvent: (CheckEvent) -> Void
  private let listingOnly: Bool
  private let around: CheckWrapper?
  /// The results so far, in the order the checks ran.
  public private(set) var results: [CheckResult] = []

  init(
    exercise: Exercise, onEvent: @escaping (CheckEvent) -> Void, listingOnly: Bool = false,
    around: CheckWrapper? = nil
  ) {
    self.exercise = exercise
    self.onEvent = onEvent
    self.listingOnly = listingOnly
    self.around = around
  }

  /// Runs one check. It passes when `body` returns; a thrown `CheckFailure` or `Unimplemented`
  /// fails it with that message, and any other error fails it naming the error.
  public func check(_ name: String, _ body: () throws -> Void) {
    if listingOnly {
      results.append(CheckResult(exercise: exercise.name, check: name, passed: false, message: ""))
      return
    }
    onEvent(.started(check: name))
    let message: String?
    do {
      if let around {
        try around(results.count, name, body)
      } else {
        try body()
      }
      message = nil
    } catch let stub as Unimplemented {
      message = stub.description
    } catch let ended as RunnerEnded {
      message = ended.description
    } catch let failure as CheckFailure {
      message = "\(failure.description) (see \(pointer))"
    } catch {
      message = "threw \(error) (see \(pointer))"
    }
    let result = CheckResult(
      exercise: exercise.name, check: name, passed: message == nil, message: message ?? "")
    results.append(result)
    onEvent(.finished(result))
  }

  private var pointer: String {
    "Lessons/\(exercise.lesson).md, section \u{201C}\(exercise.section)\u{201D}"
  }
}
