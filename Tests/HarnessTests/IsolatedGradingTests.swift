import Foundation
import XCTest

@testable import Harness

/// The child-process protocol, driven by small shell scripts that behave like a check
/// executable which passes, crashes, hangs, prints a flood, or exits early.
final class IsolatedGradingTests: XCTestCase {
  private var folder: URL!

  override func setUpWithError() throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "isolated-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: folder)
  }

  private func script(_ body: String) throws -> URL {
    let url = folder.appendingPathComponent("check-\(UUID().uuidString).sh")
    try ("#!/bin/sh\n" + body).write(to: url, atomically: true, encoding: .utf8)
    chmod(url.path, 0o755)
    return url
  }

  private let started = #"{"event":"start","check":"one"}"#
  private let passed =
    #"{"event":"result","check":"one","result":{"exercise":"X","check":"one","passed":true,"message":""}}"#

  func testCompletedRunKeepsResults() throws {
    let checker = try script("echo '\(started)'\necho '\(passed)'\n")
    let outcome = IsolatedGrading.grade(exercise: "X", executable: checker, timeout: 10)
    XCTAssertEqual(outcome.ending, .completed)
    XCTAssertEqual(outcome.results.map(\.passed), [true])
    XCTAssertTrue(outcome.passed)
  }

  func testCrashDuringACheckIsReportedAgainstThatCheck() throws {
    let checker = try script(
      "echo '\(started)'\necho '\(passed)'\necho '{\"event\":\"start\",\"check\":\"two\"}'\nkill -SEGV $$\n"
    )
    let outcome = IsolatedGrading.grade(exercise: "X", executable: checker, timeout: 10)
    XCTAssertEqual(outcome.ending, .crashed(signal: SIGSEGV))
    XCTAssertEqual(outcome.results.count, 2)
    XCTAssertEqual(outcome.results.last?.check, "two")
    XCTAssertTrue(outcome.results.last?.message.contains("memory fault") ?? false)
    XCTAssertFalse(outcome.passed)
  }

  func testCrashCountsEveryPlannedCheck() throws {
    let plan = #"{"event":"plan","check":"","checks":["one","two","three","four"]}"#
    let checker = try script(
      "echo '\(plan)'\necho '\(started)'\necho '\(passed)'\n"
        + "echo '{\"event\":\"start\",\"check\":\"two\"}'\nkill -ILL $$\n")
    let outcome = IsolatedGrading.grade(exercise: "X", executable: checker, timeout: 10)
    XCTAssertEqual(outcome.results.map(\.check), ["one", "two", "three", "four"])
    XCTAssertEqual(outcome.results.map(\.passed), [true, false, false, false])
    XCTAssertTrue(outcome.results[1].message.hasPrefix("crashed with a trap"))
    XCTAssertTrue(outcome.results[3].message.hasPrefix("not run:"))
    XCTAssertEqual(outcome.interruption, "crashed in \u{201C}two\u{201D}")
  }

  func testCrashBeforeAnyCheckIsChargedToTheFirstPlannedCheck() throws {
    let plan = #"{"event":"plan","check":"","checks":["one","two"]}"#
    let checker = try script("echo '\(plan)'\nkill -SEGV $$\n")
    let outcome = IsolatedGrading.grade(exercise: "X", executable: checker, timeout: 10)
    XCTAssertEqual(outcome.results.map(\.check), ["one", "two"])
    XCTAssertEqual(outcome.interruption, "crashed in \u{201C}one\u{201D}")
  }

  func testCrashReportKeepsTheMessageAndTheStudentsFrames() {
    let report = """
      before the crash
      Swift/ContiguousArrayBuffer.swift:692: Fatal error: Index out of range
      *** Signal 4: Backtracing from 0x7f56ce96df7f... done ***
      *** Program crashed: Illegal instruction at 0x00007f56ce96df7f ***
      Thread 0 "NumberFormatsCh" crashed:
        0              0x00007f56ce96df7f closure #1 in _assertionFailure(_:_:file:line:flags:) + 623 in libswiftCore.so
        3 [ra]         0x000055ee6e9f80e7 FloatDecoder.decode(_:as:) + 86 in NumberFormatsCheck at /w/Exercises/NumberFormats/FloatDecoding.swift:13:37
        4 [ra] [thunk] 0x000055ee6e9f8037 protocol witness for FloatDecoding.decode(_:as:) + 22 in NumberFormatsCheck at //<compiler-generated>
      rax 0x0000000000000000  0
      """
    XCTAssertEqual(
      CrashReport.shorten(report),
      """
      before the crash
      Swift/ContiguousArrayBuffer.swift:692: Fatal error: Index out of range
        at Exercises/NumberFormats/FloatDecoding.swift:13:37 in FloatDecoder.decode(_:as:)
      """)
  }

  func testHangIsKilledAfterTheTimeLimit() throws {
    let checker = try script("echo '\(started)'\nexec sleep 30\n")
    let clock = Date()
    let outcome = IsolatedGrading.grade(exercise: "X", executable: checker, timeout: 0.5)
    XCTAssertLessThan(Date().timeIntervalSince(clock), 5)
    XCTAssertEqual(outcome.ending, .timedOut(seconds: 0.5))
    XCTAssertTrue(outcome.results.last?.message.contains("timed out") ?? false)
    XCTAssertEqual(outcome.results.last?.check, "one")
  }

  func testFloodOfPrintingIsCappedAndCannotForgeVerdicts() throws {
    let checker = try script(
      "head -c 3000000 /dev/zero | tr '\\0' 'x' >&2\necho '\(started)'\necho '\(passed)'\n")
    let outcome = IsolatedGrading.grade(exercise: "X", executable: checker, timeout: 20)
    XCTAssertEqual(outcome.ending, .completed)
    XCTAssertLessThan(outcome.printed.utf8.count, IsolatedGrading.printLimit + 200)
    XCTAssertTrue(outcome.printed.contains("more bytes not shown"))
  }

  func testSilentExitIsAFailureNotAPass() throws {
    let checker = try script("exit 3\n")
    let outcome = IsolatedGrading.grade(exercise: "X", executable: checker, timeout: 10)
    XCTAssertEqual(outcome.ending, .exited(status: 3))
    XCTAssertEqual(outcome.results.count, 1)
    XCTAssertFalse(outcome.passed)
  }

  func testMissingExecutableCannotStart() {
    let outcome = IsolatedGrading.grade(
      exercise: "X", executable: folder.appendingPathComponent("absent"), timeout: 1)
    guard case .couldNotStart = outcome.ending else {
      return XCTFail("expected couldNotStart, got \(outcome.ending)")
    }
    XCTAssertFalse(outcome.passed)
  }
}
