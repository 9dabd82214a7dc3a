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
/// `exercise` by name, in its `- **Exercise**:` item (line breaks and indentation ignored). The
/// checkout is found above the caller's `#filePath`.
public func assertMutantsListed(
  _ names: [String], exercise: String, file: StaticString = #filePath, line: UInt = #line
) {
  var repository = URL(fileURLWithPath: "\(file)").deletingLastPathComponent()
  let manager = FileManager.default
  while !manager.fileExists(atPath: repository.appendingPathComponent("CONTRIBUTING.md").path),
    repository.pathComponents.count > 1
  {
    repository.deleteLastPathComponent()
  }
  let path = repository.appendingPathComponent("CONTRIBUTING.md")
  guard let text = try? String(contentsOf: path, encoding: .utf8) else {
    return XCTFail("cannot read CONTRIBUTING.md above \(file)", file: file, line: line)
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

/// One mistake a grader must catch: its name (as CONTRIBUTING.md lists it), the words a failing
/// check's name or message must contain, and the implementation that makes it.
public typealias Mutant<Contract> = (name: String, symptom: String, implementation: Contract)

/// Proves the grader of `exercise` catches each of `mutants`: `solutions` with `contract`
/// replaced by the mutant's implementation must fail with its symptom (`assertMutantCaught`).
/// With `listed`, CONTRIBUTING.md must name every one of them as well.
public func assertMutantsCaught<Graders: TopicGraders, Contract>(
  _ exercise: String, of graders: Graders.Type, in solutions: Graders.Edition,
  replacing contract: WritableKeyPath<Graders.Edition, Contract>, by mutants: [Mutant<Contract>],
  listed: Bool = false, file: StaticString = #filePath, line: UInt = #line
) {
  if listed { assertMutantsListed(mutants.map(\.name), exercise: exercise, file: file, line: line) }
  for mutant in mutants {
    var edition = solutions
    edition[keyPath: contract] = mutant.implementation
    let graded = exerciseNamed(exercise, in: Graders.exercises(edition), file: file, line: line)
    guard let graded else { return }
    assertMutantCaught(
      graded, mutant: mutant.name, symptom: mutant.symptom, file: file, line: line)
  }
}

/// Proves mutants are caught through the judge (recorded behind `Graders`' recording proxies,
/// decided by its replaying ones), for mistakes only a harness object sees: the heap, an
/// allocator, a pool, a store. For each `(name, implementation)` of `mutants`, put in place of
/// `contract` in `solutions`, some failing check's message must contain `symptom`.
public func assertMutantsJudged<Graders: TopicGraders, Contract>(
  _ exercise: String, of graders: Graders.Type, in solutions: Graders.Edition,
  replacing contract: WritableKeyPath<Graders.Edition, Contract>,
  by mutants: [(String, Contract)], symptom: String, file: StaticString = #filePath,
  line: UInt = #line
) {
  for (mutant, implementation) in mutants {
    var edition = solutions
    edition[keyPath: contract] = implementation
    let results = Graders.judgedInProcess(exercise, edition)
    XCTAssertTrue(
      results.contains { !$0.passed && $0.message.contains(symptom) },
      "\(mutant) is not caught through the judge: "
        + results.map { "\($0.check): \($0.message)" }.joined(separator: " | "),
      file: file, line: line)
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
