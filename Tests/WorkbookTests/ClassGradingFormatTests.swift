import Foundation
import Grading
import XCTest

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// The gradebook's formats: CSV, JSON, JUnit XML, Gradescope's results.json and the feedback
/// Markdown, each with the characters that break it.
final class ClassGradingFormatTests: XCTestCase {
  /// A message with every character some format must escape.
  private let nasty = "expected \"a, b\"\nthen <x> & 'y' `z` *w* \u{1B}[31mred\u{0}"

  private func gradebook() -> Gradebook {
    let passed = ExerciseGrade(
      exercise: "IntegerDecoding", lesson: "NumberFormats", status: .passed, score: 2,
      maxScore: 2,
      checks: [
        CheckGrade(check: "one", passed: true, message: ""),
        CheckGrade(check: "two, with a comma", passed: true, message: ""),
      ])
    let broken = ExerciseGrade(
      exercise: "TensorSizing", lesson: "InferenceMemory", status: .crashed, score: 0, maxScore: 1,
      checks: [CheckGrade(check: "sizes", passed: false, message: nasty)], printed: "```\nboom")
    let student = StudentGrade(
      student: "=cmd|' /C calc'!A0", exercises: [passed, broken], notes: ["ignored Tests/"],
      seconds: 1.5)
    return Gradebook(
      timeoutSeconds: 30, memoryMegabytes: 1024,
      exercises: [
        .init(exercise: "IntegerDecoding", lesson: "NumberFormats", checks: ["one", "two"]),
        .init(exercise: "TensorSizing", lesson: "InferenceMemory", checks: ["sizes"]),
      ],
      students: [student])
  }

  func testCSVFieldsAreQuotedAndFormulasDefused() {
    XCTAssertEqual(GradebookCSV.field("plain"), "plain")
    XCTAssertEqual(GradebookCSV.field("a,b"), "\"a,b\"")
    XCTAssertEqual(GradebookCSV.field("say \"hi\""), "\"say \"\"hi\"\"\"")
    XCTAssertEqual(GradebookCSV.field("two\nlines"), "\"two\nlines\"")
    XCTAssertEqual(GradebookCSV.field("crlf\r\nend"), "\"crlf\r\nend\"")
    XCTAssertEqual(GradebookCSV.field("=SUM(A1)"), "'=SUM(A1)")
    XCTAssertEqual(GradebookCSV.field("-3"), "-3", "a number stays a number")
  }

  func testCSVHasOneRowPerCheckAndOnePerStudent() {
    let book = gradebook()
    let checks = GradebookCSV.checks(book)
    XCTAssertTrue(checks.hasPrefix("student,student_score,student_max_score,lesson,exercise,"))
    XCTAssertTrue(checks.contains("\r\n'=cmd|' /C calc'!A0,2,3,NumberFormats,IntegerDecoding,"))
    XCTAssertTrue(checks.contains("\"two, with a comma\",true,\r\n"))
    XCTAssertTrue(checks.contains("crashed,0,1,sizes,false,\"expected \"\"a, b\"\"\nthen"))
    let scores = GradebookCSV.scores(book).components(separatedBy: "\r\n")
    XCTAssertEqual(
      scores[0],
      "student,score,max_score,IntegerDecoding,IntegerDecoding status,TensorSizing,TensorSizing status"
    )
    XCTAssertEqual(scores[1], "'=cmd|' /C calc'!A0,2,3,2,passed,0,crashed")
  }

  func testJSONRoundTripsWithTotals() throws {
    let book = gradebook()
    let data = try JSONEncoder().encode(book)
    XCTAssertEqual(try JSONDecoder().decode(Gradebook.self, from: data), book)
    let object = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
    let student = try XCTUnwrap((object["students"] as? [[String: Any]])?.first)
    XCTAssertEqual(student["score"] as? Int, 2)
    XCTAssertEqual(student["maxScore"] as? Int, 3)
  }

  func testJUnitIsWellFormedWithOneSuitePerStudent() throws {
    let xml = JUnitReport.xml(gradebook())
    let document = try XMLDocument(data: Data(xml.utf8))
    let suites = try document.nodes(forXPath: "/testsuites/testsuite")
    XCTAssertEqual(suites.count, 1)
    let suite = try XCTUnwrap(suites.first as? XMLElement)
    XCTAssertEqual(suite.attribute(forName: "name")?.stringValue, "=cmd|' /C calc'!A0")
    XCTAssertEqual(suite.attribute(forName: "tests")?.stringValue, "3")
    XCTAssertEqual(suite.attribute(forName: "failures")?.stringValue, "1")
    let failure = try XCTUnwrap(
      try document.nodes(forXPath: "//failure").first as? XMLElement)
    let message = try XCTUnwrap(failure.attribute(forName: "message")?.stringValue)
    XCTAssertTrue(message.contains("\"a, b\"\nthen <x> & 'y'"), message)
    XCTAssertTrue(message.contains("\u{FFFD}[31mred\u{FFFD}"), "control characters replaced")
    XCTAssertEqual(failure.attribute(forName: "type")?.stringValue, "crashed")
  }

  func testGradescopeResultsFollowTheSpecification() throws {
    let student = gradebook().students[0]
    let data = try GradescopeResults(
      student, limits: CheckLimits(timeout: 30, memoryMegabytes: 512)
    )
    .json()
    let object = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
    XCTAssertEqual(object["score"] as? Double, 2)
    XCTAssertEqual(object["stdout_visibility"] as? String, "hidden")
    let tests = try XCTUnwrap(object["tests"] as? [[String: Any]])
    XCTAssertEqual(tests.count, 2)
    XCTAssertEqual(tests.map { $0["max_score"] as? Double }, [2, 1])
    XCTAssertEqual(tests.map { $0["status"] as? String }, ["passed", "failed"])
    XCTAssertEqual(tests[1]["name"] as? String, "TensorSizing (InferenceMemory)")
    XCTAssertTrue((tests[1]["output"] as? String)?.contains("**crashed**") ?? false)
    XCTAssertTrue((object["output"] as? String)?.contains("512 MB") ?? false)
  }

  func testFeedbackEscapesMarkdownAndFencesPrintedOutput() {
    let feedback = FeedbackReport.markdown(
      gradebook().students[0], limits: CheckLimits(timeout: 30, memoryMegabytes: 1024))
    XCTAssertTrue(feedback.contains("**2 / 3**"))
    XCTAssertTrue(feedback.contains("- ✓ one"))
    XCTAssertTrue(
      feedback.contains("- ✗ sizes: expected \"a, b\" then \\<x\\> & 'y' \\`z\\` \\*w\\*"))
    XCTAssertTrue(feedback.contains("````text\n```\nboom\n````"), "fence outlasts the backticks")
    XCTAssertEqual(FeedbackReport.fenced("plain"), "```text\nplain\n```")
  }

  func testPrintedOutputIsCappedOnACharacterBoundary() {
    let long = String(repeating: "é", count: 5000)
    let capped = ExerciseScoring.capped(long, limit: 101)
    XCTAssertTrue(capped.hasPrefix(String(repeating: "é", count: 50) + "\n["))
    XCTAssertTrue(capped.hasSuffix("[9900 more bytes not shown]"))
    XCTAssertEqual(ExerciseScoring.capped("short"), "short")
    let alreadyCut = String(repeating: "y", count: 200) + "\n[5000 more bytes not shown]\n"
    XCTAssertEqual(
      ExerciseScoring.capped(alreadyCut, limit: 100),
      String(repeating: "y", count: 100) + "\n[5100 more bytes not shown]",
      "what the check process's own cap dropped is counted too")
  }
}
