import Foundation
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

/// Proves CONTRIBUTING.md's "What each grader is proven to catch" lists every mutant of
/// `exercise` by name, in its `- **Exercise**:` item (line breaks and indentation ignored).
///
/// - Parameter repository: the checkout's root, found from the caller's `#filePath`.
public func assertMutantsListed(
  _ names: [String], exercise: String, repository: URL, file: StaticString = #filePath,
  line: UInt = #line
) {
  let path = repository.appendingPathComponent("CONTRIBUTING.md")
  guard let text = try? String(contentsOf: path, encoding: .utf8) else {
    return XCTFail("cannot read \(path.path)", file: file, line: line)
  }
  let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  guard let start = flat.range(of: "- **\(exercise)**:") else {
    return XCTFail("CONTRIBUTING.md lists no mutants of \(exercise)", file: file, line: line)
  }
  let rest = flat[start.upperBound...]
  let item = rest[..<(rest.range(of: " - **")?.lowerBound ?? rest.endIndex)]
  for name in names where !item.contains(name) {
    XCTFail(
      "CONTRIBUTING.md does not list the \(exercise) mutant \u{201C}\(name)\u{201D}", file: file,
      line: line)
  }
}

/// The exercise called `name` among `exercises`, or a test failure naming it.
public func exerciseNamed(
  _ name: String, in exercises: [Exercise], file: StaticString = #filePath, line: UInt = #line
) -> Exercise? {
  let found = exercises.first { $0.name == name }
  if found == nil { XCTFail("no exercise \(name)", file: file, line: line) }
  return found
}
