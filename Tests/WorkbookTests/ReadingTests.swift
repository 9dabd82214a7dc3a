import Course
import Foundation
import Study
import XCTest

@testable import LearnerWorkspace

/// The real course as `workbook` and `workbook read` show it: the dashboard at the widths
/// terminals come in, and every section a grader message names reachable with `--section`.
final class ReadingTests: XCTestCase {
  private func course() throws -> Course {
    try Workspace(root: CommandRun.packageRoot).checkedCourse()
  }

  func testEverySectionAGraderNamesOpensWithSection() throws {
    let course = try course()
    XCTAssertFalse(course.exercises.isEmpty)
    for exercise in course.exercises {
      let lesson = try XCTUnwrap(course.lesson(named: exercise.lesson))
      // As Harness prints it: Lessons/X.md, section “…”.
      let quoted = "\u{201C}\(exercise.section)\u{201D}"
      let index = try lesson.sectionIndex(matching: quoted)
      XCTAssertEqual(lesson.sections[index].title, exercise.section, exercise.name)
    }
  }

  func testTheDashboardFitsSixtyHundredAndHundredSixtyColumns() throws {
    let course = try course()
    var progress = LearnerProgress()
    let verdict = { (passed: Bool) in
      LearnerProgress.Verdict(
        passed: passed, checksPassed: passed ? 3 : 1, checksTotal: 3, checkedAt: Date())
    }
    progress.exercises[course.exercises[0].name] = verdict(true)
    progress.exercises[course.exercises[2].name] = verdict(false)
    let styles = [
      TerminalStyle(color: true), TerminalStyle(color: false, unicode: false, markers: true),
    ]
    for width in [60, 100, 160] {
      for style in styles {
        let lines = Dashboard.lines(of: course, progress: progress, style: style, width: width)
        XCTAssertEqual(lines.filter { visibleWidth($0) > width }, [], "width \(width)")
        let words = Set(lines.flatMap { strip($0).split(separator: " ").map(String.init) })
        for exercise in course.exercises {
          XCTAssertTrue(words.contains(exercise.name), "\(exercise.name) whole at \(width)")
        }
        for lesson in course.lessons {
          XCTAssertTrue(
            lines.contains { strip($0).contains(lesson.title) } || width < 60,
            "\(lesson.title) on one line at \(width)")
        }
        XCTAssertTrue(
          lines.contains { strip($0).contains(course.exercises[1].file) },
          "the next exercise's file, whole, at \(width)")
      }
    }
  }

  func testTheDashboardOnADumbTerminalIsASCII() throws {
    let lines = Dashboard.lines(
      of: try course(), progress: LearnerProgress(),
      style: TerminalStyle(color: false, unicode: false, markers: true), width: 100)
    let notASCII = lines.joined().unicodeScalars.filter {
      !$0.isASCII && !"\u{201C}\u{201D}".unicodeScalars.contains($0)
    }
    XCTAssertEqual(String(String.UnicodeScalarView(notASCII)), "")
  }

  /// The text without ANSI escape sequences.
  private func strip(_ text: String) -> String {
    text.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
  }
}
