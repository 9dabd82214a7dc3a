import Harness
import XCTest

/// Proves a grader catches one named mistake: grading `exercise` (built on a mutant, a reference
/// solution with that one mistake) must fail at least one check, and some failing check must
/// contain `symptom` in its name or its message: the words that point the student at the
/// mistake.
public func assertMutantCaught(
  _ exercise: Exercise?, mutant: String, symptom: String, file: StaticString = #filePath,
  line: UInt = #line
) {
  guard let exercise else { return XCTFail("\(mutant): no such exercise", file: file, line: line) }
  let failures = exercise.run().filter { !$0.passed }
  guard !failures.isEmpty else {
    return XCTFail(
      "\(exercise.name) lets the mutant \u{201C}\(mutant)\u{201D} pass", file: file, line: line)
  }
  XCTAssertTrue(
    failures.contains { "[\($0.check)] \($0.message)".contains(symptom) },
    "\(exercise.name), mutant \u{201C}\(mutant)\u{201D}: no failure mentions \u{201C}\(symptom)"
      + "\u{201D}; the failures say: "
      + failures.map { "[\($0.check)] \($0.message)" }.joined(separator: " | "),
    file: file, line: line)
}
