import Course
import Foundation
import WorkbookKit
import XCTest

final class HandoutTests: XCTestCase {
  private var workspace: Workspace { Workspace(root: CommandRun.packageRoot) }
  private var folder: URL!

  override func setUpWithError() throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "handout-\(UUID().uuidString)")
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: folder)
  }

  func testThePlainEditionRevealsNoAnswerAndTheKeyRevealsAll() throws {
    let course = try workspace.loadCourse()
    let plain = HandoutBuilder(workspace: workspace, course: course, answers: false)
      .htmlPage(title: course.title, lessons: course.lessons)
    let key = HandoutBuilder(workspace: workspace, course: course, answers: true)
      .htmlPage(title: course.title, lessons: course.lessons)
    XCTAssertFalse(plain.contains("class=\"answer\""))
    XCTAssertFalse(plain.contains("class=\"solution\""))
    for exercise in course.exercises {
      let solution = try String(
        contentsOf: workspace.url("Solutions/\(exercise.lesson)/\(exercise.name).swift"),
        encoding: .utf8)
      let solutionLines = solution.split(separator: "\n").filter {
        $0.count > 25 && !$0.contains("import")
      }
      let stub = try String(contentsOf: workspace.url(exercise.file), encoding: .utf8)
      // Lines the stub shares (declarations, signatures) are not answers.
      for line in solutionLines where !stub.contains(line.trimmingCharacters(in: .whitespaces)) {
        XCTAssertFalse(
          plain.contains(escapeHTML(String(line))), "plain edition shows solution line: \(line)")
      }
      XCTAssertTrue(key.contains("Exercise \(exercise.name)"))
    }
    let questions = course.lessons.flatMap(\.questions)
    XCTAssertEqual(key.components(separatedBy: "class=\"answer\"").count - 1, questions.count)
    XCTAssertEqual(
      key.components(separatedBy: "class=\"solution\"").count - 1, course.exercises.count)
    for external in ["<link", "<script src", "src=\"http", "url(http"] {
      XCTAssertFalse(
        plain.contains(external), "the handout must be self-contained, found \(external)")
    }
  }

  func testAFileTheToolDidNotWriteIsNeverReplaced() throws {
    let course = try workspace.loadCourse()
    let builder = HandoutBuilder(workspace: workspace, course: course, answers: false)
    let lesson = try XCTUnwrap(course.lessons.first)
    let written = try builder.write([lesson], whole: false, format: .html, to: folder, force: false)
    XCTAssertEqual(written.count, 1)
    XCTAssertNoThrow(
      try builder.write([lesson], whole: false, format: .html, to: folder, force: false),
      "its own file may be rewritten")
    try "my notes".write(to: written[0], atomically: true, encoding: .utf8)
    XCTAssertThrowsError(
      try builder.write([lesson], whole: false, format: .html, to: folder, force: false))
    XCTAssertEqual(try String(contentsOf: written[0], encoding: .utf8), "my notes", "nothing lost")
    XCTAssertNoThrow(
      try builder.write([lesson], whole: false, format: .html, to: folder, force: true))
  }

  func testLatexAndManAreWholeDocuments() throws {
    let course = try workspace.loadCourse()
    let builder = HandoutBuilder(workspace: workspace, course: course, answers: false)
    let lesson = try XCTUnwrap(course.lessons.first)
    let latex = builder.latexDocument(title: lesson.title, lessons: [lesson])
    XCTAssertTrue(latex.contains("\\begin{document}") && latex.contains("\\end{document}"))
    XCTAssertTrue(latex.contains("\\section{\(lesson.title)}"))
    let man = builder.manPage(lesson)
    XCTAssertTrue(man.hasPrefix(".TH \(lesson.name.uppercased()) 7"))
  }
}

final class StudentEditionTests: XCTestCase {
  func testTheEditionLeavesOutSolutionsAndBuilds() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "student-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let workspace = Workspace(root: CommandRun.packageRoot)
    let count = try StudentEdition(workspace: workspace).export(to: folder)
    XCTAssertGreaterThan(count, 10)
    let manager = FileManager.default
    XCTAssertFalse(manager.fileExists(atPath: folder.appendingPathComponent("Solutions").path))
    XCTAssertFalse(manager.fileExists(atPath: folder.appendingPathComponent(".git").path))
    XCTAssertTrue(manager.fileExists(atPath: folder.appendingPathComponent("Exercises").path))
    XCTAssertTrue(
      manager.fileExists(atPath: folder.appendingPathComponent("Lessons/Course.md").path))
    for exercise in try workspace.loadCourse().exercises {
      let copy = try String(
        contentsOf: folder.appendingPathComponent(exercise.file), encoding: .utf8)
      XCTAssertEqual(copy, try String(contentsOf: workspace.url(exercise.file), encoding: .utf8))
    }
    XCTAssertThrowsError(
      try StudentEdition(workspace: workspace).export(to: folder), "never into a non-empty folder")
  }
}
