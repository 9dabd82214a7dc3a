import Foundation
import Harness
import XCTest

/// Proves a topic's graders on a whole edition, in this process and through the judge (each
/// exercise recorded behind the topic's recording proxies and decided by its replaying ones, as
/// `Judge` does across a pipe). With `solved` (Solutions/), every check must pass; otherwise
/// (the untouched stubs) every check must fail and one must point to the lesson. Either way the
/// checks that ran must be exactly the ones the grader plans: the count a crash report gives a
/// student must be the real one.
public func assertEdition<Graders: TopicGraders>(
  _ edition: Graders.Edition, of graders: Graders.Type, solved: Bool,
  file: StaticString = #filePath, line: UInt = #line
) {
  let exercises = Graders.exercises(edition)
  XCTAssertFalse(exercises.isEmpty, "no exercise to grade", file: file, line: line)
  for exercise in exercises {
    let judged = Graders.judgedInProcess(exercise.name, edition)
    for (results, how) in [(exercise.run(), "graded"), (judged, "judged")] {
      assertResults(results, of: exercise, how: how, solved: solved, file: file, line: line)
    }
  }
}

/// Fails unless `results` are the planned checks of `exercise`, all passing when `solved`, all
/// failing otherwise with one pointing to the lesson.
private func assertResults(
  _ results: [CheckResult], of exercise: Exercise, how: String, solved: Bool,
  file: StaticString, line: UInt
) {
  let name = exercise.name
  XCTAssertFalse(results.isEmpty, "\(name): the grader ran no check", file: file, line: line)
  XCTAssertEqual(
    results.map(\.check), exercise.plannedChecks(),
    "\(name): the \(how) checks differ from the grader's plan", file: file, line: line)
  for result in results where result.passed != solved {
    let what = solved ? ": \(result.message)" : " passes on the untouched stub"
    XCTFail("\(name) \u{2014} \(result.check) (\(how))\(what)", file: file, line: line)
  }
  if !solved {
    XCTAssertTrue(
      results.contains { $0.message.contains("not implemented yet") },
      "\(name): no \(how) check points the student to the lesson", file: file, line: line)
  }
}

/// The path of an executable SwiftPM built beside the running test bundle.
public func builtProduct(named name: String) -> URL {
  let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
  return bundle.appendingPathComponent(name)
}
