import Foundation
import HarnessXCTest
import XCTest

/// `workbook grade` and `workbook export --gradescope` as a person runs them: usage errors are
/// one line naming the argument, with status 64. (Grading a whole class builds copies of the
/// workbook and takes minutes: scripts/grade-bench.sh does that.)
final class ClassGradingCommandTests: XCTestCase {
  private var folder: URL!

  override func setUpWithError() throws {
    folder = try scratchFolder("class-command", subfolders: ["subs"])
  }

  func testUsageErrorsNameTheArgument() throws {
    let subs = folder.appendingPathComponent("subs").path
    let cases: [([String], String)] = [
      (["grade", folder.appendingPathComponent("nope").path], "SUBMISSIONS"),
      (["grade", subs], "holds no submission"),
      (["grade", subs, "--jobs", "0"], "--jobs"),
      (["grade", subs, "--timeout", "0"], "--timeout"),
      (["grade", subs, "--memory", "16"], "--memory"),
      (["grade", subs, "--output", subs + "/grades"], "--output"),
      (["grade", subs, "--work", subs + "/work"], "--work"),
      (["export"], "--gradescope"),
      (
        ["export", "--gradescope", CommandRun.packageRoot.appendingPathComponent("x").path],
        "inside"
      ),
    ]
    for (arguments, fragment) in cases {
      let run = try CommandRun.workbook(arguments)
      XCTAssertEqual(run.status, 64, "\(arguments): \(run.stderr)")
      XCTAssertEqual(run.stderr.split(separator: "\n").count, 1, "\(arguments): \(run.stderr)")
      XCTAssertTrue(run.stderr.contains(fragment), "\(arguments): \(run.stderr)")
    }
  }

  func testAForeignFileInTheOutputStopsGradingBeforeAnyBuild() throws {
    let subs = folder.appendingPathComponent("subs")
    try FileManager.default.createDirectory(
      at: subs.appendingPathComponent("ann"), withIntermediateDirectories: true)
    let output = folder.appendingPathComponent("grades")
    try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
    try "someone's".write(
      to: output.appendingPathComponent("gradebook.csv"), atomically: true, encoding: .utf8)
    let clock = Date()
    let run = try CommandRun.workbook(["grade", subs.path, "--output", output.path])
    XCTAssertEqual(run.status, 1, run.stderr)
    XCTAssertTrue(run.stderr.contains("--force"), run.stderr)
    XCTAssertLessThan(Date().timeIntervalSince(clock), 20, "refused before building anything")
    XCTAssertEqual(
      try String(contentsOf: output.appendingPathComponent("gradebook.csv"), encoding: .utf8),
      "someone's")
  }

  func testTheGradescopeBundleHoldsTheScriptsAndAStudentEdition() throws {
    let bundle = folder.appendingPathComponent("autograder")
    let run = try CommandRun.workbook(["export", "--gradescope", bundle.path, "--timeout", "12"])
    XCTAssertEqual(run.status, 0, run.stderr)
    let manager = FileManager.default
    for script in ["setup.sh", "run_autograder"] {
      XCTAssertTrue(manager.isExecutableFile(atPath: bundle.appendingPathComponent(script).path))
    }
    let runner = try String(
      contentsOf: bundle.appendingPathComponent("run_autograder"), encoding: .utf8)
    XCTAssertTrue(runner.contains("TIMEOUT=12"))
    XCTAssertTrue(runner.contains("results=/autograder/results\n"), "writes where Gradescope reads")
    XCTAssertTrue(runner.contains("\"$results/results.json\""))
    let setup = try String(contentsOf: bundle.appendingPathComponent("setup.sh"), encoding: .utf8)
    XCTAssertTrue(setup.contains("libcmark-dev"))
    let workbook = bundle.appendingPathComponent("workbook")
    XCTAssertFalse(manager.fileExists(atPath: workbook.appendingPathComponent("Solutions").path))
    XCTAssertTrue(manager.fileExists(atPath: workbook.appendingPathComponent("Exercises").path))
    let manifest = try String(
      contentsOf: workbook.appendingPathComponent("Package.swift"), encoding: .utf8)
    XCTAssertTrue(manifest.contains("let edition = \"student\""))
    let again = try CommandRun.workbook(["export", "--gradescope", bundle.path])
    XCTAssertEqual(again.status, 1, "never into a non-empty folder")
  }
}
