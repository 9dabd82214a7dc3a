import Markdown
import XCTest

@testable import Course
@testable import Harness
@testable import HarnessXCTest

/// The words of a student's `swift test`: the summary's lines and the failure messages.
final class StudentReportTests: XCTestCase {
  private func reference(_ name: String) -> ExerciseReference {
    ExerciseReference(
      name: name, lesson: "NumberFormats", section: "Integers",
      summary: MarkdownNode(.paragraph), hints: [], line: 1)
  }

  private func outcome(_ name: String, _ passes: [Bool], stub: Bool = false) -> IsolatedOutcome {
    let results = passes.enumerated().map { index, passed in
      CheckResult(
        exercise: name, check: "check \(index + 1)", passed: passed,
        message: passed ? "" : stub ? "not implemented yet; start at X" : "expected 1, got 2")
    }
    return IsolatedOutcome(
      exercise: name, results: results, ending: .completed, printed: "", seconds: 0.1)
  }

  func testSummaryHasOneLinePerExerciseAndTheCountLast() {
    let course = ["A", "B", "C", "D"].map(reference)
    let outcomes = [
      "A": outcome("A", [true, true]),
      "B": outcome("B", [true, false, false]),
      "C": outcome("C", [false, false], stub: true),
    ]
    let lines = StudentReport.summary(course: course, outcomes: outcomes)
    XCTAssertEqual(lines.last, "1 of 4 exercises pass")
    XCTAssertTrue(lines.contains("  \u{2713} A  passed (2/2 checks)"))
    XCTAssertTrue(lines.contains("  \u{2717} B  failed (1/3 checks pass)"))
    XCTAssertTrue(lines.contains("  \u{00B7} C  not started (0/2 checks)"))
    XCTAssertTrue(lines.contains("  - D  not graded in this run"))
    XCTAssertTrue(lines.contains { $0.hasPrefix("Next: B, taught in Lessons/NumberFormats.md") })
  }

  func testTheNextExerciseGetsEveryFailureTheOthersOneLine() {
    let failing = outcome("B", [true, false, false])
    XCTAssertEqual(
      StudentReport.failures(of: failing, inFull: true),
      ["B \u{2014} check 2: expected 1, got 2", "B \u{2014} check 3: expected 1, got 2"])
    XCTAssertEqual(
      StudentReport.failures(of: failing, inFull: false),
      [
        "B: 1/3 checks pass; first failure: \u{201C}check 2\u{201D}; "
          + "`workbook check B` shows every failure"
      ])
    XCTAssertEqual(
      StudentReport.failures(of: outcome("C", [false, false], stub: true), inFull: true),
      ["C: not started; not implemented yet; start at X"])
  }
}
