import Course
import Foundation
import HarnessXCTest
import LearnerWorkspace
import XCTest

/// Runs the built `workbook` with typed input, a state folder of its own and, optionally,
/// another working folder (a temporary workbook), and reads what it prints.
enum FedRun {
  static func workbook(
    _ arguments: [String], input: String = "", state: URL, in folder: URL? = nil
  ) throws -> CommandRun {
    try CommandRun.workbook(
      arguments, environment: ["WORKBOOK_STATE": state.path], input: input, in: folder)
  }

  /// A new, empty state folder.
  static func freshState() -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("state-\(UUID().uuidString)")
  }

  /// Writes a progress file with these verdicts into `state`.
  static func writeProgress(_ passed: [String: Bool], to state: URL) throws {
    let verdicts = passed.map { name, passed in
      "\"\(name)\": {\"passed\": \(passed), \"checksPassed\": 0, \"checksTotal\": 1, \"checkedAt\": \"2025-01-01T00:00:00Z\"}"
    }
    let json =
      "{\"exercises\": {\(verdicts.joined(separator: ", "))}, \"hintsShown\": {}, \"quizBoxes\": {}}"
    try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
    try Data(json.utf8).write(to: state.appendingPathComponent("progress.json"))
  }
}

/// `workbook watch` driven through a pipe (keys one per line), and `workbook list`'s statuses.
/// Nothing here saves an exercise, so nothing is built; scripts/test-watch.sh covers grading in
/// a terminal.
final class WatchCommandTests: XCTestCase {
  /// The course's exercises in order: the tests follow the course, not a fixed list.
  private var exercises: [ExerciseReference] {
    get throws { try Workspace(root: CommandRun.packageRoot).checkedCourse().exercises }
  }

  func testWatchShowsTheCurrentExerciseAndAnswersKeys() throws {
    let (first, second) = (try exercises[0], try exercises[1])
    let state = FedRun.freshState()
    try FedRun.writeProgress([first.name: true], to: state)
    let run = try FedRun.workbook(["watch"], input: "l\nh\nh\nq\n", state: state)
    XCTAssertEqual(run.status, 0, run.stderr)
    XCTAssertTrue(run.stdout.hasPrefix("Watching \(second.name)"), run.stdout)
    XCTAssertTrue(run.stdout.contains("Edit \(second.file)"))
    XCTAssertTrue(run.stdout.contains("Not checked yet"))
    XCTAssertTrue(run.stdout.contains("done     \(first.name)"), "l lists")
    XCTAssertTrue(run.stdout.contains("current  \(second.name)"), "l lists")
    XCTAssertTrue(run.stdout.contains(" 2. "), "the second h shows the second hint")
    XCTAssertTrue(run.stdout.hasSuffix("Stopped watching.\n"))
    XCTAssertFalse(run.stdout.contains("\u{1B}["), "no escape codes into a pipe")
  }

  func testWatchAndHintShareTheHintCount() throws {
    let state = FedRun.freshState()
    let watch = try FedRun.workbook(["watch", "IntegerDecoding"], input: "h\nq\n", state: state)
    XCTAssertEqual(watch.status, 0, watch.stderr)
    XCTAssertTrue(watch.stdout.contains(" 1. "))
    XCTAssertFalse(watch.stdout.contains(" 2. "), "one hint per h")
    let hint = try FedRun.workbook(["hint", "IntegerDecoding"], state: state)
    XCTAssertTrue(hint.stdout.contains(" 2. "), "workbook hint goes on where watch stopped")
  }

  func testWatchMovesToTheNextExerciseWithN() throws {
    let run = try FedRun.workbook(["watch"], input: "n\nn\n", state: FedRun.freshState())
    XCTAssertEqual(run.status, 0, run.stderr)
    let headers = run.stdout.split(separator: "\n").filter { $0.hasPrefix("Watching ") }
    XCTAssertEqual(
      headers.map { String($0.split(separator: " ")[1]) }, try exercises.prefix(3).map(\.name))
  }

  func testWatchEndsAtTheEndOfInput() throws {
    let started = Date()
    let run = try FedRun.workbook(["watch"], state: FedRun.freshState())
    XCTAssertEqual(run.status, 0, run.stderr)
    XCTAssertTrue(run.stdout.contains("Watching IntegerDecoding"))
    XCTAssertLessThan(Date().timeIntervalSince(started), 10)
  }

  func testResetInWatchAsksFirstAndCancelsOnAnythingButY() throws {
    let run = try FedRun.workbook(["watch"], input: "r\nn\nq\n", state: FedRun.freshState())
    XCTAssertTrue(run.stdout.contains("Reset IntegerDecoding to its stub? Your version is kept"))
    XCTAssertTrue(run.stdout.contains("Reset cancelled."))
    XCTAssertFalse(
      run.stdout.contains("Watching \(try exercises[1].name)"),
      "the n answered the question, not moved on")
  }

  func testUnknownExerciseIsAUsageError() throws {
    for arguments in [["watch", "IntegerDecodng"], ["watch", "--timeout", "0"]] {
      let run = try FedRun.workbook(arguments, state: FedRun.freshState())
      XCTAssertEqual(run.status, 64, "\(arguments)")
      XCTAssertEqual(run.stderr.split(separator: "\n").count, 1, run.stderr)
      XCTAssertTrue(run.stderr.hasPrefix("workbook: "), run.stderr)
    }
  }

  func testListShowsDoneCurrentFailedAndPending() throws {
    let names = try exercises.prefix(4).map(\.name)
    let state = FedRun.freshState()
    try FedRun.writeProgress([names[0]: true, names[3]: false], to: state)
    let run = try FedRun.workbook(["list"], state: state)
    XCTAssertEqual(run.status, 0, run.stderr)
    let lines = run.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    for expected in [
      "done     \(names[0])", "current  \(names[1])", "pending  \(names[2])",
      "failed   \(names[3])",
    ] {
      XCTAssertTrue(lines.contains(expected), "\(expected) in \(run.stdout)")
    }
    let json = try FedRun.workbook(["list", "--json"], state: state)
    XCTAssertTrue(json.stdout.contains("\"status\" : \"current\""), json.stdout)
    XCTAssertTrue(json.stdout.contains("\"status\" : \"done\""))
  }
}
