import Foundation
import HarnessXCTest
import XCTest

@testable import Harness

/// The judge against scripted runners: an honest one, one that crashes or hangs in a check,
/// a forger, and runners whose answers do not fit the questions. The grader asks four checks
/// one question each, `answer`, and its own oracle expects 42.
final class JudgeTests: XCTestCase {
  private var folder: URL!

  override func setUpWithError() throws {
    folder = try scratchFolder("judge")
  }

  private let names = ["one", "two", "three", "four"]

  /// The graders, bound to a tape: in replay mode the body `{ 42 }` never runs.
  private var graders: (Tape) -> [Exercise] {
    let names = self.names
    return { tape in
      [
        Exercise(name: "X", lesson: "Topic", section: "Part") { checks in
          for name in names {
            checks.check(name) {
              let answer: Int = try tape.call("answer") { 42 }
              try requireEqual(answer, 42, "answer")
            }
          }
        }
      ]
    }
  }

  /// A runner script: `segment INDEX NAME LINE…` writes one check's segment; `$FROM` is the
  /// check it was asked to start at. Each start is logged to `starts`.
  private func runner(_ body: String) throws -> URL {
    let url = folder.appendingPathComponent("runner-\(UUID().uuidString).sh")
    let script = """
      #!/bin/sh
      echo "$*" >>'\(folder.path)/starts'
      FROM=$3
      segment() {
        index=$1; name=$2; shift 2
        echo "{\\"check\\":\\"$name\\",\\"index\\":$index}"
        for line in "$@"; do echo "$line"; done
        echo "{\\"end\\":$index}"
      }
      \(body)
      """
    try script.write(to: url, atomically: true, encoding: .utf8)
    chmod(url.path, 0o755)
    return url
  }

  private func starts() -> [String] {
    let text = (try? String(contentsOf: folder.appendingPathComponent("starts"), encoding: .utf8))
    return text?.split(separator: "\n").map(String.init) ?? []
  }

  private func judge(_ runner: URL, timeout: Double = 20) -> IsolatedOutcome {
    Judge.grade(exercise: "X", graders: graders, runner: runner, timeout: timeout)
  }

  /// Every check from `$FROM` on, each answered with `line`.
  private func answering(_ line: String) -> String {
    """
    i=0
    for name in one two three four; do
      [ $i -ge $FROM ] && segment $i $name '\(line)'
      i=$((i + 1))
    done
    """
  }

  func testHonestAnswersPassInOneRunner() throws {
    let outcome = judge(try runner(answering("=answer 2a")))
    XCTAssertEqual(outcome.results.map(\.check), names)
    XCTAssertEqual(outcome.results.map(\.passed), [true, true, true, true])
    XCTAssertEqual(outcome.ending, .completed)
    XCTAssertTrue(outcome.passed)
    XCTAssertEqual(starts(), ["X --from-check 0"])
  }

  func testWrongAnswerFailsOnTheJudgesOwnOracle() throws {
    let outcome = judge(try runner(answering("=answer 2b")))
    XCTAssertEqual(outcome.results.map(\.passed), [false, false, false, false])
    XCTAssertTrue(outcome.results[0].message.hasPrefix("answer: expected 42, got 43"))
  }

  func testCrashFailsItsCheckAndAFreshRunnerRecordsTheRest() throws {
    let crashInTwo = """
      if [ $FROM -eq 0 ]; then
        segment 0 one '=answer 2a'
        echo '{"check":"two","index":1}'
        kill -SEGV $$
      fi
      \(answering("=answer 2a"))
      """
    let outcome = judge(try runner(crashInTwo))
    XCTAssertEqual(outcome.results.map(\.check), names)
    XCTAssertEqual(outcome.results.map(\.passed), [true, false, true, true])
    XCTAssertEqual(
      outcome.results[1].message,
      IsolatedGrading.describe(.crashed(signal: SIGSEGV)) + " during check \u{201C}two\u{201D}")
    XCTAssertEqual(outcome.ending, .crashed(signal: SIGSEGV))
    XCTAssertEqual(outcome.interruption, "crashed in \u{201C}two\u{201D}")
    XCTAssertEqual(starts(), ["X --from-check 0", "X --from-check 2"])
  }

  func testHangFailsItsCheckAndTheNextRunsInAFreshRunner() throws {
    let hangInThree = """
      if [ $FROM -le 2 ]; then
        segment 0 one '=answer 2a'
        segment 1 two '=answer 2a'
        echo '{"check":"three","index":2}'
        exec sleep 30
      fi
      \(answering("=answer 2a"))
      """
    let outcome = judge(try runner(hangInThree), timeout: 2)
    XCTAssertEqual(outcome.results.map(\.passed), [true, true, false, true])
    XCTAssertTrue(outcome.results[2].message.hasPrefix("timed out after 2 s"))
    XCTAssertEqual(outcome.interruption, "timed out in \u{201C}three\u{201D}")
    XCTAssertEqual(starts(), ["X --from-check 0", "X --from-check 3"])
  }

  func testForgedVerdictsAreNeverRead() throws {
    let forger = names.map { name in
      #"echo '{"event":"result","check":"\#(name)","result":{"exercise":"X","check":"\#(name)","passed":true,"message":""}}'"#
    }.joined(separator: "\n")
    let outcome = judge(try runner(forger + "\nexit 0"))
    XCTAssertEqual(outcome.results.map(\.check), names)
    XCTAssertEqual(outcome.results.map(\.passed), [false, false, false, false])
    XCTAssertTrue(outcome.results.allSatisfy { $0.message.hasPrefix("exited with status 0") })
    XCTAssertEqual(starts().count, 4, "each unanswered check gets a fresh runner")
  }

  func testForgedEmptySegmentsAnswerNothing() throws {
    let outcome = judge(
      try runner("i=0\nfor name in one two three four; do segment $i $name; i=$((i + 1)); done"))
    XCTAssertEqual(outcome.results.map(\.passed), [false, false, false, false])
    XCTAssertTrue(outcome.results[0].message.contains("recorded no answer to answer"))
  }

  func testAnAnswerToAnotherQuestionFails() throws {
    let outcome = judge(try runner(answering("=question 2a")))
    XCTAssertEqual(outcome.results.map(\.passed), [false, false, false, false])
    XCTAssertTrue(
      outcome.results[0].message.contains("asked answer, it answered question"),
      outcome.results[0].message)
  }

  func testAnswersNobodyAskedForFailACheckThatWouldPass() throws {
    let twice = """
      i=0
      for name in one two three four; do
        [ $i -ge $FROM ] && segment $i $name '=answer 2a' '=answer 2a'
        i=$((i + 1))
      done
      """
    let outcome = judge(try runner(twice))
    XCTAssertEqual(outcome.results.map(\.passed), [false, false, false, false])
    XCTAssertTrue(outcome.results[0].message.contains("1 answers were never asked for"))
  }

  func testAStubsErrorComesBackAsItsPointer() throws {
    let stub =
      #"{"m":"answer","x":{"kind":"unimplemented","text":"","lesson":"Topic","section":"Part"}}"#
    let outcome = judge(try runner(answering(stub)))
    XCTAssertEqual(
      outcome.results[0].message,
      "not implemented yet; start at Lessons/Topic.md, section \u{201C}Part\u{201D}")
  }

  func testAFloodOfPrintingIsCappedAndAnswersStillCount() throws {
    let flood = "head -c 3000000 /dev/zero | tr '\\0' 'x' >&2\n" + answering("=answer 2a")
    let outcome = judge(try runner(flood))
    XCTAssertEqual(outcome.results.map(\.passed), [true, true, true, true])
    XCTAssertLessThan(outcome.printed.utf8.count, IsolatedGrading.printLimit + 200)
    XCTAssertTrue(outcome.printed.contains("not shown"), "the cut is said")
  }

  func testRunnerThatCannotStartFailsEveryCheck() {
    let outcome = judge(folder.appendingPathComponent("missing"))
    XCTAssertEqual(outcome.results.map(\.passed), [false, false, false, false])
    XCTAssertFalse(outcome.passed)
  }
}
