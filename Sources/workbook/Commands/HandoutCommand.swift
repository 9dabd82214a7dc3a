import ArgumentParser
import Course
import Figures
import Foundation
import Publishing

extension HandoutFormat: ExpressibleByArgument {}

/// `workbook handout`: lessons as HTML, PDF, LaTeX or man pages, with or without answers.
struct HandoutCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "handout",
    abstract:
      "Write lesson handouts (HTML, PDF, LaTeX, man or a website), optionally with answers.",
    discussion:
      "HTML files are self-contained (inline CSS and pictures) and print one lesson per page. A file in the output folder that workbook did not write is never replaced without --force."
  )

  @Option(help: "One lesson (name, file or number).")
  var lesson: String?

  @Flag(help: "Every lesson, plus one file for the whole course.")
  var all = false

  @Option(help: "html, pdf, latex, man or site (a static website).")
  var format: HandoutFormat = .html

  @Flag(help: "The answer key: solutions and answers to every question.")
  var answers = false

  @Option(help: "The folder to write into (created if missing).")
  var output: String

  @Flag(help: "Replace files in the output folder even if workbook did not write them.")
  var force = false

  func validate() throws {
    if (lesson == nil) == !all { throw ValidationError("give either --lesson NAME or --all") }
  }

  func run() throws {
    // The whole course's file and the website show every lesson: their figures take longer to
    // compute than the course takes to load, so both run at once.
    if all || format == .site { Registry.startComputingEveryTopic() }
    let context = try CourseContext.load()
    let named = try lesson.map { [try context.lesson($0)] } ?? context.course.lessons
    // The whole course's file and the website show every lesson.
    let course = try context.checkedCourse(
      all || format == .site ? context.course.lessons : named)
    let lessons = named.compactMap { course.lesson(named: $0.name) }
    let builder = HandoutBuilder(workspace: context.workspace, course: course, answers: answers)
    let folder = URL(
      fileURLWithPath: output,
      relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
    let written = try builder.write(
      lessons, whole: all, format: format, to: folder.standardizedFileURL, force: force)
    for url in written { print(url.path) }
  }
}
