import Foundation
import Markdown
import XCTest

@testable import Course
@testable import LearnerWorkspace
@testable import Study

/// `workbook reset`: backups that are never overwritten, stubs from the pristine copy or git.
final class ResetTests: XCTestCase {
  private var root: URL!
  private let stub =
    "struct S { func f() throws { throw Unimplemented(lesson: \"L\", section: \"S\") } }\n"
  private let exercise = ExerciseReference(
    name: "IntegerDecoding", lesson: "NumberFormats", section: "Integers",
    summary: MarkdownParser.parse("Decode."), hints: [], line: 1)

  override func setUpWithError() throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent("reset-\(UUID())")
    try FileManager.default.createDirectory(
      at: root.appendingPathComponent("Exercises/NumberFormats"), withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: root)
  }

  func testBackupNamesCarryTheTimeAndACounter() throws {
    let date = try XCTUnwrap(
      Calendar.current.date(
        from: DateComponents(year: 2025, month: 1, day: 2, hour: 3, minute: 4, second: 5)))
    XCTAssertEqual(
      ExerciseReset.backupName("IntegerDecoding", at: date, attempt: 1),
      "IntegerDecoding-20250102-030405.swift")
    XCTAssertEqual(
      ExerciseReset.backupName("IntegerDecoding", at: date, attempt: 2),
      "IntegerDecoding-20250102-030405-2.swift")
  }

  func testResetKeepsEveryVersionAndRestoresThePristineStub() throws {
    let reset = ExerciseReset(workspace: Workspace(root: root))
    try write(
      stub, to: reset.pristineFolder.appendingPathComponent("NumberFormats/IntegerDecoding.swift"))
    var progress = LearnerProgress()
    progress.exercises["IntegerDecoding"] = .init(
      passed: true, checksPassed: 3, checksTotal: 3, checkedAt: Date())
    let now = Date()
    try write("first try\n", to: file)
    let first = try reset.reset(exercise, progress: &progress, now: now)
    try write("second try\n", to: file)
    let second = try reset.reset(exercise, progress: &progress, now: now)
    let firstBackup = try XCTUnwrap(first.backup)
    let secondBackup = try XCTUnwrap(second.backup)
    XCTAssertNotEqual(firstBackup, secondBackup, "the same second, two backups")
    XCTAssertTrue(secondBackup.lastPathComponent.hasSuffix("-2.swift"), secondBackup.path)
    XCTAssertEqual(try String(contentsOf: firstBackup, encoding: .utf8), "first try\n")
    XCTAssertEqual(try String(contentsOf: secondBackup, encoding: .utf8), "second try\n")
    XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), stub)
    XCTAssertNil(progress.exercises["IntegerDecoding"], "the stub has no verdict yet")
    XCTAssertTrue(first.source.hasSuffix("pristine/NumberFormats/IntegerDecoding.swift"))
    let noop = try reset.reset(exercise, progress: &progress, now: now)
    XCTAssertEqual(noop.backup, nil, "the stub itself is not backed up")
    XCTAssertFalse(noop.wroteStub)
    let backups = try FileManager.default.contentsOfDirectory(atPath: reset.backupFolder.path)
    XCTAssertEqual(
      backups.sorted(), [firstBackup, secondBackup].map(\.lastPathComponent).sorted(),
      "no temporary file left behind")
  }

  func testTheStubComesFromGitHead() throws {
    try XCTSkipUnless(git(["--version"]), "git is not installed")
    try write(stub, to: file)
    commitEverything("stub")
    try write("mine\n", to: file)
    var progress = LearnerProgress()
    let outcome = try ExerciseReset(workspace: Workspace(root: root)).reset(
      exercise, progress: &progress)
    XCTAssertEqual(outcome.source, "git HEAD")
    XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), stub)
    XCTAssertEqual(try String(contentsOf: XCTUnwrap(outcome.backup), encoding: .utf8), "mine\n")
  }

  func testACommittedSolutionIsNotTakenForTheStub() throws {
    try XCTSkipUnless(git(["--version"]), "git is not installed")
    try write("solved\n", to: file)
    commitEverything("mine")
    assertResetRefused(leaving: "solved\n") { $0.contains("is not a stub") }
  }

  func testWithoutGitOrPristineCopyTheErrorSaysSo() throws {
    try write("mine\n", to: file)
    assertResetRefused(leaving: "mine\n") { $0.hasPrefix("no pristine stub for IntegerDecoding") }
  }

  func testTheCommandPrintsTheBackupAndRestoresTheStub() throws {
    try XCTSkipUnless(git(["--version"]), "git is not installed")
    let source = CommandRun.packageRoot
    for entry in ["Package.swift", "Lessons", "Exercises"] {
      try? FileManager.default.removeItem(at: root.appendingPathComponent(entry))
      try FileManager.default.copyItem(
        at: source.appendingPathComponent(entry), to: root.appendingPathComponent(entry))
    }
    commitEverything("stubs")
    let original = try String(contentsOf: file, encoding: .utf8)
    try write("my attempt\n", to: file)
    let state = FedRun.freshState()
    let run = try FedRun.workbook(["reset", "integerdecoding"], state: state, in: root)
    XCTAssertEqual(run.status, 0, run.stderr)
    let lines = run.stdout.split(separator: "\n").map(String.init)
    XCTAssertEqual(lines.count, 2, run.stdout)
    XCTAssertTrue(
      lines[0].hasPrefix(
        "Kept your version of IntegerDecoding as \(state.path)/backups/IntegerDecoding-"), lines[0])
    XCTAssertEqual(
      lines[1], "Restored the stub of Exercises/NumberFormats/IntegerDecoding.swift from git HEAD.")
    let backup = String(
      lines[0].dropFirst("Kept your version of IntegerDecoding as ".count).dropLast())
    XCTAssertEqual(try String(contentsOfFile: backup, encoding: .utf8), "my attempt\n")
    XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), original)
  }

  func testUnknownExerciseIsAUsageError() throws {
    let run = try CommandRun.workbook(["reset", "IntegerDecodng"])
    XCTAssertEqual(run.status, 64)
    XCTAssertEqual(
      run.stderr,
      "workbook: unknown exercise 'IntegerDecodng' (did you mean IntegerDecoding?); see workbook list\n"
    )
    let missing = try CommandRun.workbook(["reset"])
    XCTAssertEqual(missing.status, 64)
    XCTAssertTrue(missing.stderr.contains("<exercise>"), missing.stderr)
  }

  private var file: URL {
    root.appendingPathComponent("Exercises/NumberFormats/IntegerDecoding.swift")
  }

  private func write(_ text: String, to url: URL) throws {
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
  }

  /// Commits everything in the temporary workbook as `message`, in a new repository.
  private func commitEverything(
    _ message: String, file: StaticString = #filePath, line: UInt = #line
  ) {
    XCTAssertTrue(git(["init", "-q"]), file: file, line: line)
    XCTAssertTrue(git(["add", "."]), file: file, line: line)
    XCTAssertTrue(
      git(["-c", "user.name=t", "-c", "user.email=t@t.invalid", "commit", "-qm", message]),
      file: file, line: line)
  }

  /// Fails unless resetting the exercise throws an error whose text `says`, and leaves the
  /// exercise's file holding `content`.
  private func assertResetRefused(
    leaving content: String, file: StaticString = #filePath, line: UInt = #line,
    _ says: (String) -> Bool
  ) {
    var progress = LearnerProgress()
    XCTAssertThrowsError(
      try ExerciseReset(workspace: Workspace(root: root)).reset(exercise, progress: &progress),
      file: file, line: line
    ) { error in
      XCTAssertTrue(says("\(error)"), "\(error)", file: file, line: line)
    }
    XCTAssertEqual(
      try String(contentsOf: self.file, encoding: .utf8), content, "left alone", file: file,
      line: line)
  }

  /// Runs git in the temporary workbook; true when it succeeds.
  private func git(_ arguments: [String]) -> Bool {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git"] + arguments
    process.currentDirectoryURL = root
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
  }
}
