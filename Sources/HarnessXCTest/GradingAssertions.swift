import Foundation
import Harness
import XCTest

/// Grades one exercise of a topic's check executable in a child process and turns every failed
/// check into an XCTest failure at the caller's line.
///
/// The child process is what keeps a crash or an infinite loop in one exercise from ending the
/// whole `swift test` run: it is reported here as a failure, and the next test still runs.
public func assertExercisePasses(
  _ exercise: String, checker: String, timeout: Double = 60,
  file: StaticString = #filePath, line: UInt = #line
) {
  let outcome = IsolatedGrading.grade(
    exercise: exercise, executable: builtProduct(named: checker), timeout: timeout)
  assertPassed(outcome.results, file: file, line: line)
  if !outcome.passed && !outcome.printed.isEmpty {
    print("\(exercise) printed:\n\(outcome.printed)")
  }
}

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

/// Proves a grader is not vacuous: on an untouched stub every one of its checks must fail, and
/// at least one must say "not implemented yet".
public func assertEveryCheckFails(
  _ exercise: Exercise, file: StaticString = #filePath, line: UInt = #line
) {
  let results = exercise.run()
  XCTAssertFalse(
    results.isEmpty, "\(exercise.name): the grader ran no check", file: file, line: line)
  for result in results where result.passed {
    XCTFail(
      "\(exercise.name) \u{2014} \(result.check) passes on the untouched stub", file: file,
      line: line)
  }
  XCTAssertTrue(
    results.contains { $0.message.contains("not implemented yet") },
    "\(exercise.name): no check points the student to the lesson", file: file, line: line)
}

/// Whether this run is the maintainers' (`make test`), which also grades Solutions/ and proves
/// the stubs fail. A student's `swift test` grades only their own Exercises/.
public var isMaintainerRun: Bool {
  ProcessInfo.processInfo.environment["WORKBOOK_MAINTAINER"] == "1"
}

/// The path of an executable SwiftPM built beside the running test bundle.
public func builtProduct(named name: String) -> URL {
  let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
  return bundle.appendingPathComponent(name)
}
