import Course
import Foundation
import LearnerWorkspace
import Publishing
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

  /// The whole course as one HTML page, with the answers or with room to write them.
  private func wholePage(_ course: Course, answers: Bool) -> String {
    HandoutBuilder(workspace: workspace, course: course, answers: answers)
      .htmlPage(title: course.title, lessons: course.lessons)
  }

  func testThePlainEditionRevealsNoAnswerAndTheKeyRevealsAll() throws {
    let course = try workspace.checkedCourse()
    let plain = wholePage(course, answers: false)
    let key = wholePage(course, answers: true)
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
    let course = try workspace.checkedCourse()
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

  func testAnUpToDateHandoutIsLeftAloneAndAnOutdatedOneReplaced() throws {
    let course = try workspace.checkedCourse()
    let builder = HandoutBuilder(workspace: workspace, course: course, answers: false)
    let lesson = try XCTUnwrap(course.lessons.first)
    let file = try XCTUnwrap(
      try builder.write([lesson], whole: false, format: .html, to: folder, force: false).first)
    let page = try Data(contentsOf: file)
    let inode = { try FileManager.default.attributesOfItem(atPath: file.path)[.systemFileNumber] }
    let first = try XCTUnwrap(inode() as? Int)
    _ = try builder.write([lesson], whole: false, format: .html, to: folder, force: false)
    XCTAssertEqual(try inode() as? Int, first, "a page that holds these bytes is not written again")

    // The tool's own page from an older course: recorded in the manifest, other bytes.
    let older = Data("<p>an older edition</p>".utf8)
    try older.write(to: file)
    let manifest = folder.appendingPathComponent(".workbook-handout.json")
    try JSONEncoder().encode([file.lastPathComponent: fnv1a(older)]).write(to: manifest)
    _ = try builder.write([lesson], whole: false, format: .html, to: folder, force: false)
    XCTAssertEqual(try Data(contentsOf: file), page, "an outdated page of the tool's is replaced")
  }

  func testLatexAndManAreWholeDocuments() throws {
    let course = try workspace.checkedCourse()
    let builder = HandoutBuilder(workspace: workspace, course: course, answers: false)
    let lesson = try XCTUnwrap(course.lessons.first)
    let latex = builder.latexDocument(title: lesson.title, lessons: [lesson])
    XCTAssertTrue(latex.contains("\\begin{document}") && latex.contains("\\end{document}"))
    XCTAssertTrue(latex.contains("\\section{\(lesson.title)}"))
    let man = builder.manPage(lesson)
    XCTAssertTrue(man.hasPrefix(".TH \(lesson.name.uppercased()) 7"))
  }
}

extension HandoutTests {
  func testTheAnswerKeyShowsEachSolutionWhereTheStudentWrites() throws {
    let course = try workspace.checkedCourse()
    let plain = wholePage(course, answers: false)
    let key = wholePage(course, answers: true)
    XCTAssertEqual(
      plain.components(separatedBy: "<div class=\"workspace\">").count - 1, course.exercises.count)
    XCTAssertFalse(key.contains("class=\"workspace\""), "no writing space in the answer key")
    XCTAssertFalse(key.contains("class=\"stub\""), "no stub repeated before the solution")
  }

  func testHintsArePrintedOpenAndTheCourseHasATitlePageAndContents() throws {
    let course = try workspace.checkedCourse()
    let page = wholePage(course, answers: false)
    let withHints = course.exercises.filter { !$0.hints.isEmpty }
    XCTAssertGreaterThan(withHints.count, 0)
    XCTAssertEqual(
      page.components(separatedBy: "<div class=\"print-hints\">").count - 1, withHints.count)
    XCTAssertTrue(page.contains("<header class=\"title-page\">"))
    for lesson in course.lessons {
      XCTAssertTrue(page.contains("<a href=\"#\(lesson.name)\">"), "contents lists \(lesson.name)")
      for section in lesson.sections {
        let id = DocumentRenderer.anchor(lesson: lesson.name, section: section.title)
        XCTAssertTrue(page.contains("<a href=\"#\(id)\">"), "contents lists \(section.title)")
        XCTAssertTrue(page.contains("<h2 id=\"\(id)\">"), "the heading has the id \(id)")
      }
    }
  }

  func testLatexSetsFontsAndIncludesEveryPictureAsAGraphic() throws {
    let course = try workspace.checkedCourse()
    let latex = HandoutBuilder(workspace: workspace, course: course, answers: false)
      .latexDocument(title: course.title, lessons: course.lessons)
    XCTAssertTrue(latex.contains("\\setmainfont{DejaVu Serif}"))
    XCTAssertTrue(latex.contains("\\tableofcontents"))
    let pictures = course.lessons.flatMap(\.blocks).compactMap { block -> String? in
      if case .picture(let reference) = block { return reference.id } else { return nil }
    }
    XCTAssertGreaterThan(pictures.count, 0)
    for id in pictures {
      XCTAssertTrue(latex.contains("\\workbookpicture{pictures/\(id)}"), id)
    }
    XCTAssertNil(latex.range(of: "[\u{2580}-\u{259F}]", options: .regularExpression), "no text art")
  }

  func testTheCourseManPageHoldsEveryLesson() throws {
    let course = try workspace.checkedCourse()
    let written = try HandoutBuilder(workspace: workspace, course: course, answers: false)
      .write(course.lessons, whole: true, format: .man, to: folder, force: false)
    XCTAssertEqual(written.map(\.lastPathComponent).last, "course.7")
    let page = try String(contentsOf: written.last!, encoding: .utf8)
    XCTAssertTrue(page.hasPrefix(".TH COURSE 7"))
    for lesson in course.lessons {
      XCTAssertTrue(
        page.contains(".SH\n\(lesson.title)") || page.contains(".SH \(lesson.title)"), lesson.title)
    }
  }

  func testTheStudentSiteHasNoAnswerAndTheKeyFoldsThem() throws {
    let course = try workspace.checkedCourse()
    let student = folder.appendingPathComponent("student")
    let key = folder.appendingPathComponent("key")
    let files = try HandoutBuilder(workspace: workspace, course: course, answers: false)
      .write(course.lessons, whole: true, format: .site, to: student, force: false)
    _ = try HandoutBuilder(workspace: workspace, course: course, answers: true)
      .write(course.lessons, whole: true, format: .site, to: key, force: false)
    let names = Set(files.map(\.lastPathComponent))
    XCTAssertTrue(names.isSuperset(of: ["index.html", "site.css", "search.js", "search-index.js"]))
    let text = try files.map { try String(contentsOf: $0, encoding: .utf8) }.joined()
    XCTAssertFalse(text.contains("class=\"answer\""))
    XCTAssertFalse(text.contains("class=\"solution\""))
    for question in course.lessons.flatMap(\.questions) {
      let answer = question.answer.plainText
      if answer.count > 40 {
        XCTAssertFalse(text.contains(answer), "student site shows: \(answer)")
      }
    }
    for exercise in course.exercises {
      let page = try String(
        contentsOf: student.appendingPathComponent("\(exercise.lesson).html"), encoding: .utf8)
      XCTAssertTrue(page.contains("workbook check \(exercise.name)"))
    }
    var folded = 0
    for lesson in course.lessons {
      let page = try String(
        contentsOf: key.appendingPathComponent("\(lesson.name).html"), encoding: .utf8)
      folded += page.components(separatedBy: "<details class=\"answer\">").count - 1
      for other in course.lessons {
        XCTAssertTrue(page.contains("href=\"\(other.name).html\""), "sidebar links \(other.name)")
      }
    }
    XCTAssertEqual(folded, course.lessons.flatMap(\.questions).count)
    for external in ["http://", "https://"] {
      XCTAssertFalse(text.contains("src=\"\(external)") || text.contains("href=\"\(external)"))
    }
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
    for exercise in try workspace.checkedCourse().exercises {
      let copy = try String(
        contentsOf: folder.appendingPathComponent(exercise.file), encoding: .utf8)
      XCTAssertEqual(copy, try String(contentsOf: workspace.url(exercise.file), encoding: .utf8))
    }
    XCTAssertThrowsError(
      try StudentEdition(workspace: workspace).export(to: folder), "never into a non-empty folder")
  }
}
