import Harness
import XCTest

/// Proves a grader catches one named mistake: grading `exercise` (bound to a mutant, a reference
/// solution with that one mistake) must fail a check whose name or message contains `symptom`,
/// so the student is pointed at the mistake, not merely told that something is wrong.
public func assertMutantCaught(
  _ exercise: Exercise, mutant: String, symptom: String, file: StaticString = #filePath,
  line: UInt = #line
) {
  let failures = exercise.run().filter { !$0.passed }
  guard !failures.isEmpty else {
    return XCTFail(
      "\(exercise.name): the mutant \u{201C}\(mutant)\u{201D} passes every check", file: file,
      line: line)
  }
  let pointed = failures.contains { "\($0.check): \($0.message)".contains(symptom) }
  XCTAssertTrue(
    pointed,
    "\(exercise.name): the mutant \u{201C}\(mutant)\u{201D} fails, but no failure mentions "
      + "\u{201C}\(symptom)\u{201D}: "
      + failures.map { "\($0.check): \($0.message)" }.joined(separator: " | "),
    file: file, line: line)
}

/// The exercise called `name` among `exercises`, or a test failure naming it.
public func exerciseNamed(
  _ name: String, in exercises: [Exercise], file: StaticString = #filePath, line: UInt = #line
) -> Exercise? {
  let found = exercises.first { $0.name == name }
  if found == nil { XCTFail("no exercise \(name)", file: file, line: line) }
  return found
}
