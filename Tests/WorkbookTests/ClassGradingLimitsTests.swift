import Foundation
import Grading
import Harness
import HarnessXCTest
import XCTest

/// The limits wrapper, the scoring of runs that ended badly, compiler-error parsing, and the
/// output folder's protection.
final class ClassGradingLimitsTests: XCTestCase {
  private var folder: URL!

  override func setUpWithError() throws {
    folder = try scratchFolder("class-limits")
  }

  private func script(_ name: String, _ body: String) throws -> URL {
    let url = folder.appendingPathComponent(name)
    try ("#!/bin/sh\n" + body).write(to: url, atomically: true, encoding: .utf8)
    chmod(url.path, 0o755)
    return url
  }

  func testTheWrapperSetsTheLimitsAndTheFolderThenExecs() throws {
    let probe = try script("probe.sh", "ulimit -v; ulimit -c; pwd; echo \"$@\"\n")
    let scratch = folder.appendingPathComponent("it's scratch")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    let wrapper = try CheckLimits(timeout: 5, memoryMegabytes: 256).writeWrapper(
      executable: probe, in: scratch, to: folder.appendingPathComponent("bin/probe-limited.sh"))
    let process = Process()
    process.executableURL = wrapper
    process.arguments = ["IntegerDecoding"]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    XCTAssertEqual(process.terminationStatus, 0)
    XCTAssertEqual(
      output.split(separator: "\n"), ["262144", "0", Substring(scratch.path), "IntegerDecoding"])
  }

  func testAnAllocationWithoutBoundEndsAtTheMemoryLimit() throws {
    // awk doubles a string until the address space runs out; without the limit it would take
    // the machine's memory. Under the wrapper it must end within seconds, and not normally.
    let hog = try script("hog.sh", "exec awk 'BEGIN { s = \"x\"; while (1) s = s s }'\n")
    let wrapper = try CheckLimits(timeout: 20, memoryMegabytes: 128).writeWrapper(
      executable: hog, in: folder, to: folder.appendingPathComponent("hog-limited.sh"))
    let clock = Date()
    let graders: (Tape) -> [Exercise] = { tape in
      [
        Exercise(name: "X", lesson: "L", section: "S") { checks in
          checks.check("answers") { _ = try tape.call("answer") { 0 } }
        }
      ]
    }
    let outcome = Judge.grade(exercise: "X", graders: graders, runner: wrapper, timeout: 20)
    XCTAssertLessThan(Date().timeIntervalSince(clock), 15, "ended by the limit, not the timeout")
    XCTAssertNotEqual(outcome.ending, .completed)
    XCTAssertFalse(outcome.passed)
    XCTAssertTrue(CheckLimits.ranOutOfMemory("Fatal error: failed to allocate 16777248 bytes"))
    XCTAssertFalse(CheckLimits.ranOutOfMemory("Fatal error: Index out of range"))
  }

  func testAProcessThatDiesHalfwayOwesTheChecksItNeverReached() {
    let scoring = ExerciseScoring(checks: ["E": ["a", "b", "c"]], memoryMegabytes: 64)
    let results = [
      CheckResult(exercise: "E", check: "a", passed: true, message: ""),
      CheckResult(
        exercise: "E", check: "b", passed: false,
        message: IsolatedGrading.describe(.crashed(signal: SIGABRT)) + " during check “b”"),
      CheckResult(exercise: "E", check: "forged", passed: true, message: ""),
    ]
    let grade = scoring.grade(
      exercise: "E", lesson: "L", file: "Exercises/L/E.swift",
      run: .ran(
        ending: .crashed(signal: SIGABRT), results: results,
        printed: "Fatal error: failed to allocate 1 bytes", seconds: 1))
    XCTAssertEqual(grade.status, .outOfMemory)
    XCTAssertEqual(grade.score, 1)
    XCTAssertEqual(grade.maxScore, 3)
    XCTAssertEqual(grade.checks.map(\.check), ["a", "b", "c"], "a forged pass is dropped")
    XCTAssertTrue(grade.checks[1].message.hasPrefix("ran out of memory (the limit is 64 MB)"))
    XCTAssertEqual(grade.checks[2].message, "not run: the process had ended at an earlier check")

    let hung = scoring.grade(
      exercise: "E", lesson: "L", file: "Exercises/L/E.swift",
      run: .ran(ending: .timedOut(seconds: 2), results: [], printed: "", seconds: 2))
    XCTAssertEqual(hung.status, .timedOut)
    XCTAssertEqual(hung.score, 0)

    let missing = scoring.grade(
      exercise: "E", lesson: "L", file: "Exercises/L/E.swift",
      run: .missing(file: "Exercises/L/E.swift"))
    XCTAssertEqual(missing.status, .missing)
    XCTAssertEqual(missing.checks.count, 3)
    XCTAssertEqual(missing.maxScore, 3)

    let allPass = ["a", "b", "c"].map {
      CheckResult(exercise: "E", check: $0, passed: true, message: "")
    }
    let passed = scoring.grade(
      exercise: "E", lesson: "L", file: "Exercises/L/E.swift",
      run: .ran(ending: .completed, results: allPass, printed: "", seconds: 1))
    XCTAssertEqual(passed.status, .passed)
    XCTAssertEqual(passed.score, 3)
  }

  func testCompilerErrorsNameTheirFilesRelativeToTheCopy() {
    let log = """
      [3/6] Emitting module TExercises
      /tmp/copy/Exercises/T/A.swift:2:15: error: type 'A' does not conform to protocol 'P'
        |               |- error: type 'A' does not conform to protocol 'P'
      /tmp/copy/Exercises/T/A.swift:2:15: error: type 'A' does not conform to protocol 'P'
      error: link command failed: undefined reference: error: again
      """
    let errors = CompilerError.parse(log, root: URL(fileURLWithPath: "/tmp/copy"))
    XCTAssertEqual(errors.map(\.file), ["Exercises/T/A.swift", nil])
    XCTAssertEqual(
      errors.first?.line,
      "Exercises/T/A.swift:2:15: error: type 'A' does not conform to protocol 'P'"
    )
    let silent = CompilerError.parse("one\ntwo\nthree", root: URL(fileURLWithPath: "/tmp/copy"))
    XCTAssertEqual(silent.map(\.line), ["one", "two", "three"], "never an unexplained failure")
  }

  func testTheOutputFolderNeverLosesAFileTheToolDidNotWrite() throws {
    let output = GradesOutput(folder: folder, force: false)
    let limits = CheckLimits(timeout: 1, memoryMegabytes: 128)
    let grade = ExerciseGrade(
      exercise: "E", lesson: "L", status: .passed, score: 1, maxScore: 1,
      checks: [CheckGrade(check: "a", passed: true, message: "")])
    let book = { (names: [String]) in
      Gradebook(
        timeoutSeconds: 1, memoryMegabytes: 128,
        exercises: [.init(exercise: "E", lesson: "L", checks: ["a"])],
        students: names.map {
          StudentGrade(student: $0, exercises: [grade], notes: [], seconds: 0)
        })
    }
    try "mine".write(
      to: folder.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
    let written = try output.write(book(["ann", "ben"]), limits: limits)
    XCTAssertEqual(written.count, GradesOutput.files(for: ["ann", "ben"]).count)
    XCTAssertNoThrow(try output.write(book(["ann", "ben"]), limits: limits), "its own files")
    let csv = folder.appendingPathComponent("gradebook.csv")
    try "edited by hand".write(to: csv, atomically: true, encoding: .utf8)
    XCTAssertThrowsError(try output.write(book(["ann"]), limits: limits)) { error in
      XCTAssertTrue("\(error)".contains("gradebook.csv exists and was not written"), "\(error)")
    }
    XCTAssertEqual(try String(contentsOf: csv, encoding: .utf8), "edited by hand")
    try GradesOutput(folder: folder, force: true).write(book(["ann"]), limits: limits)
    XCTAssertFalse(
      FileManager.default.fileExists(atPath: folder.appendingPathComponent("students/ben").path),
      "a student no longer graded leaves no stale feedback")
    XCTAssertEqual(
      try String(contentsOf: folder.appendingPathComponent("notes.txt"), encoding: .utf8), "mine")
  }
}
