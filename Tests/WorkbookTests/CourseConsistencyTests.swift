import Course
import Figures
import Foundation
import Harness
import HarnessXCTest
import Judges
import LearnerWorkspace
import Publishing
import XCTest

/// The lessons, the graders and the code agree: this is where a wrong figure, a renamed
/// section or a missing exercise fails `make test`, naming the lesson's file and line.
final class CourseConsistencyTests: XCTestCase {
  private var workspace: Workspace { Workspace(root: CommandRun.packageRoot) }

  func testTheCourseLoadsWithoutDiagnostics() {
    do {
      let course = try workspace.checkedCourse()
      XCTAssertFalse(course.lessons.isEmpty)
    } catch let errors as CourseErrors {
      for diagnostic in errors.diagnostics { XCTFail(diagnostic.description) }
    } catch {
      XCTFail("\(error)")
    }
  }

  func testEveryExerciseHasAGraderPointingIntoItsLesson() throws {
    let course = try workspace.checkedCourse()
    for lesson in course.lessons where !lesson.exercises.isEmpty {
      let listing = try checkerListing(topic: lesson.name)
      let graded = Dictionary(listing.map { ($0[0], $0) }, uniquingKeysWith: { first, _ in first })
      let sections = Set(lesson.sections.map(\.title))
      for exercise in lesson.exercises {
        XCTAssertNotNil(
          graded[exercise.name], "\(lesson.file):\(exercise.line): no grader for \(exercise.name)")
      }
      for row in listing {
        XCTAssertTrue(
          lesson.exercises.contains { $0.name == row[0] },
          "\(lesson.file): the lesson never presents graded exercise \(row[0])")
        XCTAssertEqual(row[1], lesson.name, "grader of \(row[0]) points at the wrong lesson")
        XCTAssertTrue(
          sections.contains(row[2]),
          "grader of \(row[0]) points at section \u{201C}\(row[2])\u{201D}, which \(lesson.file) lacks"
        )
      }
    }
  }

  func testEveryTopicIsJudgedWithTheRunnersExercises() throws {
    let course = try workspace.checkedCourse()
    for lesson in course.lessons where !lesson.exercises.isEmpty {
      guard let graders = Judges.topics[lesson.name] else {
        XCTFail("\(lesson.name) has no judge: add it to Judges.topics")
        continue
      }
      let judged = graders(Tape()).map { [$0.name, $0.lesson, $0.section] }
      XCTAssertEqual(
        judged, try checkerListing(topic: lesson.name),
        "\(lesson.name): the judge's exercises differ from its runner's")
    }
  }

  /// `name, lesson, section` rows from a topic's check executable.
  private func checkerListing(topic: String) throws -> [[String]] {
    let process = Process()
    process.executableURL = builtProduct(named: topic + "Check")
    process.arguments = ["--list"]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self).split(separator: "\n").map {
      $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
    }
  }
}

/// The Swift the lessons show compiles, and prints what the lessons say it prints.
final class LessonSnippetTests: XCTestCase {
  func testEverySwiftBlockCompilesAndPrintsItsOutput() throws {
    let workspace = Workspace(root: CommandRun.packageRoot)
    let snippets = SnippetChecker.snippets(in: try workspace.checkedCourse())
    let build = builtProduct(named: "workbook").deletingLastPathComponent()
    for problem in try SnippetChecker(workspace: workspace, buildFolder: build).check(snippets) {
      XCTFail(problem)
    }
  }

  func testABrokenSnippetNamesItsLessonLine() throws {
    let workspace = Workspace(root: CommandRun.packageRoot)
    let broken = [
      SnippetChecker.Snippet(
        file: "Lessons/Demo.md", line: 10, code: "print(1 + 1)\n", expectedOutput: "3\n"),
      SnippetChecker.Snippet(
        file: "Lessons/Demo.md", line: 20, code: "print(2)\n", expectedOutput: "2\n"),
    ]
    XCTAssertEqual(
      try SnippetChecker(workspace: workspace).check(broken),
      [
        "Lessons/Demo.md:10: the Swift block prints \u{201C}2⏎\u{201D} but the lesson shows \u{201C}3⏎\u{201D}"
      ])
    let uncompilable = [
      SnippetChecker.Snippet(
        file: "Lessons/Demo.md", line: 7, code: "let x: Int = \"no\"\n", expectedOutput: nil)
    ]
    let errors = try SnippetChecker(workspace: workspace).check(uncompilable)
    XCTAssertEqual(errors.count, 1)
    XCTAssertTrue(errors.first?.hasPrefix("Lessons/Demo.md:7:") ?? false, "\(errors)")
  }
}

/// Figure and picture ids name one thing each across all topics.
final class RegistryTests: XCTestCase {
  func testIdsAreUniqueAcrossTopics() {
    let figureIds = Registry.figures.map(\.id)
    let pictureIds = Registry.pictures.map(\.id)
    XCTAssertEqual(
      Set(figureIds).count, figureIds.count, "duplicate figure ids: \(duplicates(figureIds))")
    XCTAssertEqual(
      Set(pictureIds).count, pictureIds.count, "duplicate picture ids: \(duplicates(pictureIds))")
  }

  func testEveryPictureDrawsBothWays() {
    for picture in Registry.pictures {
      let svg = picture.svg()
      XCTAssertTrue(
        svg.hasPrefix("<svg") || svg.hasPrefix("<?xml"), "\(picture.id): not an SVG document")
      XCTAssertTrue(svg.contains("</svg>"), "\(picture.id): unterminated SVG")
      XCTAssertFalse(
        picture.terminal(false).contains("\u{1B}["), "\(picture.id): ANSI without colour")
      XCTAssertFalse(picture.terminal(false).isEmpty, "\(picture.id): empty terminal drawing")
    }
  }

  private func duplicates(_ ids: [String]) -> [String] {
    Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
  }
}

/// Every figure the code computes is cited by a lesson: a figure nobody reads is dead code.
final class FigureCitationTests: XCTestCase {
  func testEveryComputedFigureIsCited() throws {
    let course = try Workspace(root: CommandRun.packageRoot).checkedCourse()
    var cited = Set<String>()
    for lesson in course.lessons {
      for block in lesson.blocks {
        cited.formUnion(FigureReference.all(in: block).map(\.id))
        if case .question(let question) = block, let numeric = question.numeric {
          cited.insert(numeric.figure)
        }
      }
    }
    let uncited = Registry.figures.map(\.id).filter { !cited.contains($0) }
    XCTAssertEqual(uncited, [], "figures no lesson cites")
  }
}
