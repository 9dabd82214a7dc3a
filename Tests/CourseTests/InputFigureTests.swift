import Course
import Foundation
import XCTest

/// The inputs of a worked example are figure links too, so editing one in the prose fails the
/// course instead of leaving the computed results beside it silently wrong.
final class InputFigureTests: XCTestCase {
  private var root: URL!

  override func setUpWithError() throws {
    root = try demoWorkbook("inputs")
  }

  private func write(_ path: String, _ text: String) throws {
    try text.write(to: root.appendingPathComponent(path), atomically: true, encoding: .utf8)
  }

  /// The line of the real Checkpointing lesson that states the swap example's budget.
  private func budgetLine() throws -> String {
    let lesson = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Lessons/Checkpointing.md")
    let text = try String(contentsOf: lesson, encoding: .utf8)
    let line = text.split(separator: "\n").first { $0.contains("(fig:swap-example-budget)") }
    return try XCTUnwrap(line.map(String.init), "the lesson no longer links the swap budget")
  }

  /// Every `[text](fig:id)` of a line, as a catalogue that agrees with the line as written.
  /// `make test` proves separately that the real lesson agrees with the code.
  private func catalog(agreeingWith line: String) throws -> CourseCatalog {
    let link = try NSRegularExpression(pattern: #"\[([^\]]*)\]\(fig:([^)]*)\)"#)
    let range = NSRange(line.startIndex..., in: line)
    var figures: [String: String] = [:]
    for match in link.matches(in: line, range: range) {
      guard let text = Range(match.range(at: 1), in: line),
        let id = Range(match.range(at: 2), in: line)
      else { continue }
      figures[String(line[id])] = String(line[text])
    }
    return CourseCatalog(figures: figures, pictures: [])
  }

  private func diagnostics(_ line: String, _ catalog: CourseCatalog) throws -> [String] {
    try write("Lessons/Demo.md", "# Demo lesson\n\n\(line)\n")
    do {
      _ = try CourseLoader.load(root: root, catalog: catalog)
      return []
    } catch let errors as CourseErrors {
      return errors.diagnostics.map(\.description)
    }
  }

  func testEditingTheSwapBudgetInTheProseIsReportedWithItsLine() throws {
    let line = try budgetLine()
    let catalog = try catalog(agreeingWith: line)
    XCTAssertEqual(catalog.figures["swap-example-budget"], "6 MB")
    XCTAssertEqual(try diagnostics(line, catalog), [], "the unedited line must load cleanly")

    // A writer changes the budget and nothing else; the 20 ms beside it would now be wrong.
    let edited = line.replacingOccurrences(
      of: "[6 MB](fig:swap-example-budget)", with: "[8 MB](fig:swap-example-budget)")
    XCTAssertNotEqual(edited, line)
    XCTAssertEqual(
      try diagnostics(edited, catalog),
      [
        "Lessons/Demo.md:3: figure fig:swap-example-budget says \u{201C}8 MB\u{201D} but the code computes \u{201C}6 MB\u{201D}"
      ])
  }
}
