import Foundation
import Harness
import XCTest

/// Fails at the caller's line for every failed check, and when there were no checks at all.
public func assertPassed(
  _ results: [CheckResult], file: StaticString = #filePath, line: UInt = #line
) {
  XCTAssertFalse(results.isEmpty, "the grader ran no check", file: file, line: line)
  for result in results where !result.passed {
    XCTFail(
      "\(result.exercise) \u{2014} \(result.check): \(result.message)", file: file, line: line)
  }
}

/// Grades a reference solution: every check passes, and the checks that ran are exactly the
/// ones the grader plans (the count a crash report gives a student must be the real one).
public func assertSolutionPasses(
  _ exercise: Exercise, file: StaticString = #filePath, line: UInt = #line
) {
  let results = exercise.run()
  assertPassed(results, file: file, line: line)
  XCTAssertEqual(
    results.map(\.check), exercise.plannedChecks(),
    "\(exercise.name): the checks run differ from the grader's plan", file: file, line: line)
}

/// Proves a grader is not vacuous: on an untouched stub every one of its checks must fail, and
/// at least one must say "not implemented yet".
public func assertEveryCheckFails(
  _ exercise: Exercise, file: StaticString = #filePath, line: UInt = #line
) {
  let results = exercise.run()
  XCTAssertFalse(
    results.isEmpty, "\(exercise.name): the grader ran no check", file: file, line: line)
  XCTAssertEqual(
    results.map(\.check), exercise.plannedChecks(),
    "\(exercise.name): the checks run differ from the grader's plan", file: file, line: line)
  for result in results where result.passed {
    XCTFail(
      "\(exercise.name) \u{2014} \(result.check) passes on the untouched stub", file: file,
      line: line)
  }
  XCTAssertTrue(
    results.contains { $0.message.contains("not implemented yet") },
    "\(exercise.name): no check points the student to the lesson", file: file, line: line)
}

/// The path of an executable SwiftPM built beside the running test bundle.
public func builtProduct(named name: String) -> URL {
  let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
  return bundle.appendingPathComponent(name)
}

/// Proves the judge's path for a whole topic: each exercise recorded with `recording` (an
/// edition behind recording proxies) and decided by `replaying` (the graders behind replaying
/// proxies), as `Judge` does across a pipe. With `solved`, every check must pass, exactly the
/// planned ones; otherwise (the stubs) every check must fail and one must point to the lesson.
public func assertJudged(
  recording: (Tape) -> [Exercise], replaying: (Tape) -> [Exercise], solved: Bool,
  file: StaticString = #filePath, line: UInt = #line
) {
  let exercises = replaying(Tape())
  XCTAssertFalse(exercises.isEmpty, "no exercise to judge", file: file, line: line)
  for exercise in exercises {
    let results = Judge.gradeInProcess(
      exercise: exercise.name, recording: recording, replaying: replaying)
    XCTAssertEqual(
      results.map(\.check), exercise.plannedChecks(),
      "\(exercise.name): the judged checks differ from the grader's plan", file: file, line: line)
    if solved {
      assertPassed(results, file: file, line: line)
    } else {
      for result in results where result.passed {
        XCTFail(
          "\(exercise.name) \u{2014} \(result.check) passes on the untouched stub", file: file,
          line: line)
      }
      XCTAssertTrue(
        results.contains { $0.message.contains("not implemented yet") },
        "\(exercise.name): no judged check points the student to the lesson", file: file,
        line: line)
    }
  }
}
