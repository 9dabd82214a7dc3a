import Course
import Foundation
import Grading
import HarnessXCTest
import LearnerWorkspace
import XCTest

/// Finding submissions and overlaying them on a grading copy: only the workbook's exercise
/// files are taken, and the copy's tests and manifest stay the workbook's own.
final class ClassGradingSubmissionTests: XCTestCase {
  private var folder: URL!
  private var exercises: [ExerciseReference] = []

  override func setUpWithError() throws {
    folder = try scratchFolder("class-grading")
    exercises = try Workspace(root: CommandRun.packageRoot).checkedCourse().exercises
    XCTAssertGreaterThanOrEqual(exercises.count, 2, "the tests need two exercises")
  }

  private func put(_ text: String, _ relative: String) throws {
    let url = folder.appendingPathComponent(relative)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try text.write(to: url, atomically: true, encoding: .utf8)
  }

  func testOnlyKnownExerciseFilesAreTakenFromAWholeEdition() throws {
    let (first, second) = (exercises[0], exercises[1])
    for (text, path) in [
      ("// mine", "subs/ada/workbook-main/\(first.file)"),
      ("// helper", "subs/ada/workbook-main/Exercises/\(first.lesson)/Helper.swift"),
      ("// all pass", "subs/ada/workbook-main/Tests/\(first.lesson)/Graders/Evil.swift"),
      ("// manifest", "subs/ada/workbook-main/Package.swift"),
      ("// secret", "outside/Secret.swift"),
    ] { try put(text, path) }
    let link = folder.appendingPathComponent("subs/ada/workbook-main/\(second.file)")
    try FileManager.default.createDirectory(
      at: link.deletingLastPathComponent(), withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
      at: link, withDestinationURL: folder.appendingPathComponent("outside/Secret.swift"))
    try put("not a folder", "subs/notes.txt")

    let (found, skipped) = try SubmissionFinder(exercises: exercises).submissions(
      in: folder.appendingPathComponent("subs"))
    XCTAssertEqual(found.map(\.name), ["ada"])
    XCTAssertEqual(skipped.count, 1)
    XCTAssertTrue(skipped[0].hasPrefix("notes.txt"))
    let ada = found[0]
    XCTAssertEqual(Array(ada.files.keys), [first.name])
    let notes = ada.notes.joined(separator: "\n")
    XCTAssertTrue(notes.contains("ignored workbook-main/\(second.file): a symbolic link"), notes)
    XCTAssertTrue(notes.contains("workbook-main/Tests, workbook-main/Package.swift"), notes)
    XCTAssertTrue(notes.contains("Helper.swift: not an exercise file"), notes)
    for exercise in exercises.dropFirst(2) {
      XCTAssertTrue(notes.contains("missing workbook-main/\(exercise.file)"), notes)
    }
    let (contents, unreadable) = ada.overrides(for: exercises)
    XCTAssertEqual(contents, [first.file: Data("// mine".utf8)])
    XCTAssertEqual(unreadable, [])
  }

  func testFlatUploadsAreFoundByName() throws {
    try put("// flat", "subs/bo/\(exercises[0].name).swift")
    try put("// topic", "subs/bo/\(exercises[1].lesson)/\(exercises[1].name).swift")
    let bo = SubmissionFinder(exercises: exercises).submission(
      named: "bo", at: folder.appendingPathComponent("subs/bo"))
    XCTAssertEqual(Set(bo.files.keys), [exercises[0].name, exercises[1].name])
  }

  func testOversizedFilesAreIgnored() throws {
    let big = String(repeating: "x", count: SubmissionFinder.maxFileBytes + 1)
    try put(big, "subs/cy/\(exercises[0].file)")
    let cy = SubmissionFinder(exercises: exercises).submission(
      named: "cy", at: folder.appendingPathComponent("subs/cy"))
    XCTAssertTrue(cy.files.isEmpty)
    XCTAssertTrue(cy.notes.contains { $0.contains("larger than") }, "\(cy.notes)")
  }

  func testTheCopyIsAStudentEditionThatKeepsItsOwnTestsAndManifest() throws {
    for (text, path) in [
      ("let edition = \"full\"\n", "book/Package.swift"), ("stub", "book/Exercises/T/A.swift"),
      ("grader", "book/Tests/T/Graders/AGrader.swift"), ("answer", "book/Solutions/T/A.swift"),
      ("fuzz", "book/Fuzz/F/main.swift"), ("object", "book/.build/debug/A.o"),
      ("the old output", "book/grades/gradebook.csv"),
    ] { try put(text, path) }
    let book = folder.appendingPathComponent("book")
    let copy = GradingCopy(
      source: book, folder: folder.appendingPathComponent("copy"),
      skipped: [book.appendingPathComponent("grades")])
    let first = try copy.sync(overrides: ["Exercises/T/A.swift": Data("student".utf8)])
    XCTAssertEqual(
      Set(first),
      [
        "Package.swift", "Exercises/T/A.swift", "Tests/T/Graders/AGrader.swift",
        "Fuzz/F/main.swift",
      ])
    let read = { (path: String) in
      try? String(contentsOf: copy.folder.appendingPathComponent(path), encoding: .utf8)
    }
    XCTAssertEqual(read("Package.swift"), "let edition = \"student\"\n")
    XCTAssertEqual(read("Exercises/T/A.swift"), "student")
    XCTAssertNil(read("Solutions/T/A.swift"))
    XCTAssertNil(read(".build/debug/A.o"))
    XCTAssertNil(read("grades/gradebook.csv"))

    // What a submission's code might do at run time is undone by the next sync, and files
    // that did not change are not touched (so SwiftPM does not rebuild them).
    try "all pass".write(
      to: copy.folder.appendingPathComponent("Tests/T/Graders/AGrader.swift"), atomically: true,
      encoding: .utf8)
    try "extra".write(
      to: copy.folder.appendingPathComponent("Tests/T/Graders/Evil.swift"), atomically: true,
      encoding: .utf8)
    let second = try copy.sync(overrides: ["Exercises/T/A.swift": Data("student".utf8)])
    XCTAssertEqual(second, ["Tests/T/Graders/AGrader.swift"])
    XCTAssertEqual(read("Tests/T/Graders/AGrader.swift"), "grader")
    XCTAssertNil(read("Tests/T/Graders/Evil.swift"))
    XCTAssertEqual(try copy.sync(), ["Exercises/T/A.swift"], "the stub comes back")
    XCTAssertEqual(read("Exercises/T/A.swift"), "stub")
  }
}
