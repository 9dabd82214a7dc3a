import Course
import Foundation
import XCTest

/// Loads small workbooks written to a temporary folder, good and broken.
final class CourseLoaderTests: XCTestCase {
  private var root: URL!
  private let catalog = CourseCatalog(
    figures: ["answer": "42 GB", "bits": "8"], pictures: ["bits-demo"])

  override func setUpWithError() throws {
    root = try demoWorkbook("course")
    try write("Exercises/Demo/First.swift", "// stub\n")
  }

  private func write(_ path: String, _ text: String) throws {
    try text.write(to: root.appendingPathComponent(path), atomically: true, encoding: .utf8)
  }

  private func load(lesson: String) -> Result<Course, CourseErrors> {
    do {
      try write("Lessons/Demo.md", lesson)
      return .success(try CourseLoader.load(root: root, catalog: catalog))
    } catch let errors as CourseErrors {
      return .failure(errors)
    } catch {
      XCTFail("unexpected \(error)")
      return .failure(CourseErrors(diagnostics: []))
    }
  }

  private func diagnostics(_ lesson: String) -> [String] {
    switch load(lesson: lesson) {
    case .success: return []
    case .failure(let errors): return errors.diagnostics.map(\.description)
    }
  }

  private let good = """
    # Demo lesson

    Intro with [42 GB](fig:answer).

    ## Part one

    Text.

    ```exercise First
    summary: Do the *first* thing.
    hint: Gentle.
    hint: Less gentle,
      continued.
    ```

    ```question figure=answer tolerance=0.5
    How many GB?
    ---
    Forty-two.
    ```

    ```table
    a | b
    --|--
    1 | [8](fig:bits)
    ```

    ```errata
    notes: The notes say 7.
    correct: It is [8](fig:bits).
    why: Because.
    ```

    ```warning
    Careful.
    ```

    ```picture bits-demo
    ```
    """

  func testAGoodLessonBecomesTheModel() throws {
    let course = try load(lesson: good).get()
    XCTAssertEqual(course.title, "Demo course")
    let lesson = try XCTUnwrap(course.lesson(named: "demo"))
    XCTAssertEqual(lesson.title, "Demo lesson")
    XCTAssertEqual(lesson.sections.map(\.title), ["Part one"])
    let exercise = try XCTUnwrap(course.exercise(named: "first"))
    XCTAssertEqual(exercise.section, "Part one")
    XCTAssertEqual(exercise.hints.map(\.plainText), ["Gentle.", "Less gentle, continued."])
    XCTAssertEqual(exercise.file, "Exercises/Demo/First.swift")
    let question = try XCTUnwrap(lesson.questions.first)
    XCTAssertEqual(question.id, "Demo#1")
    XCTAssertEqual(question.numeric?.value, 42)
    XCTAssertEqual(question.numeric?.unit, "GB")
    XCTAssertTrue(question.numeric?.accepts(42.4) ?? false)
    XCTAssertFalse(question.numeric?.accepts(43) ?? true)
    let kinds = lesson.sections[0].blocks.map { String(describing: $0).split(separator: "(")[0] }
    XCTAssertEqual(
      kinds, ["markdown", "exercise", "question", "table", "errata", "callout", "picture"])
  }

  func testATableCellKeepsTextThatLooksLikeABlockMarker() throws {
    let cells = ["+ gradients", "- minus", "* star", "1. first", "2) second", "# hash", "> quote"]
    let lesson =
      "# Demo lesson\n\n## Part\n\n```table\nstage | adds\n--|--\n"
      + cells.map { "1 | \($0)" }.joined(separator: "\n") + "\n| *emphasis* | `code` |\n```\n"
    let course = try load(lesson: lesson).get()
    guard case .table(let table) = try XCTUnwrap(course.lessons.first?.sections.first?.blocks.first)
    else { return XCTFail("no table") }
    XCTAssertEqual(table.rows.map { $0[1].plainText }, cells + ["code"])
    for row in table.rows.dropLast() {
      XCTAssertEqual(row[1].children.map(\.kind), [.paragraph], "one paragraph, no block")
    }
    XCTAssertEqual(table.rows.last?[0].children.first?.children.first?.kind, .emphasis)
  }

  func testMalformedLessonsAreReportedWithFileAndLine() {
    let cases: [(String, String)] = [
      (
        "```exercise Missing\nsummary: s\n```",
        "Lessons/Demo.md:3: unknown exercise Missing: Exercises/Demo/Missing.swift does not exist"
      ),
      (
        "```exercise First\nsummary: a\n```\n\n```exercise First\nsummary: b\n```",
        "Lessons/Demo.md:7: duplicate exercise First (first in Lessons/Demo.md:3)"
      ),
      (
        "```table\na | b\n1 | 2 | 3\n```",
        "Lessons/Demo.md:5: ragged table: this row has 3 cells, the header 2"
      ),
      (
        "```question\nWhy?\n```",
        "Lessons/Demo.md:3: the question has no answer: add a `---` line, then the answer"
      ),
      (
        "```errata\nnotes: x\ncorrect: y\n```", "Lessons/Demo.md:3: the errata block is missing why"
      ),
      (
        "Figure [41 GB](fig:answer).",
        "Lessons/Demo.md:3: figure fig:answer says \u{201C}41 GB\u{201D} but the code computes \u{201C}42 GB\u{201D}"
      ),
      (
        "Figure [1](fig:anser).",
        "Lessons/Demo.md:3: unknown figure fig:anser (did you mean answer?)"
      ),
      (
        "```picture bits-dmo\n```",
        "Lessons/Demo.md:3: unknown picture bits-dmo (did you mean bits-demo?)"
      ),
      (
        "```exercise First\nhint: h\n```",
        "Lessons/Demo.md:3: exercise First has no `summary:` line"
      ),
      (
        "```question figure=nothing\nQ\n---\nA\n```",
        "Lessons/Demo.md:3: unknown figure nothing in question"
      ),
    ]
    for (body, expected) in cases {
      XCTAssertEqual(diagnostics("# T\n\n" + body + "\n"), [expected], body)
    }
  }

  func testAMissingLessonFileIsReportedInTheIndex() throws {
    try write("Lessons/Course.md", "# C\n\n1. [Gone](Gone.md)\n")
    XCTAssertThrowsError(try CourseLoader.load(root: root, catalog: catalog)) { error in
      XCTAssertEqual(
        (error as? CourseErrors)?.description, "Lessons/Course.md:3: lesson Gone.md does not exist")
    }
  }

  func testRenderersShowEveryKindOfBlock() throws {
    let lesson = try XCTUnwrap(try load(lesson: good).get().lessons.first)
    let picture: (String) -> (caption: String, svg: String, text: String)? = { _ in
      ("A demo.", "<svg></svg>", "[##]")
    }
    let html = DocumentRenderer(format: .html, answers: true, picture: picture).render(lesson)
    for fragment in [
      "<h1>Demo lesson</h1>", "<table>", "Exercise First", "Forty-two", "callout errata",
      "<svg></svg>", "42 GB",
    ] {
      XCTAssertTrue(html.contains(fragment), "HTML lacks \(fragment)")
    }
    XCTAssertFalse(html.contains("fig:"), "figure links must render as their text")
    let plain = DocumentRenderer(format: .html, answers: false, picture: picture).render(lesson)
    XCTAssertFalse(plain.contains("Forty-two"), "the plain edition must not show answers")
    let latex = DocumentRenderer(format: .latex, answers: false, picture: picture).render(lesson)
    XCTAssertTrue(latex.contains("\\begin{tabularx}{\\linewidth}"))
    let man = DocumentRenderer(format: .man, answers: false, picture: picture).render(lesson)
    XCTAssertTrue(man.contains(".SH"))
    let terminal = TerminalRenderer(width: 60, style: TerminalStyle(color: false)) { _ in "[##]" }
      .render(lesson)
    XCTAssertTrue(terminal.contains("Exercise First"))
    XCTAssertTrue(terminal.split(separator: "\n").allSatisfy { visibleWidth(String($0)) <= 60 })
    XCTAssertFalse(terminal.contains("\u{1B}["), "no ANSI without colour")
  }
}
