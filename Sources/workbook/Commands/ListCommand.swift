import ArgumentParser
import Course
import Foundation
import LearnerWorkspace
import Study

/// `workbook list`: lessons and exercises with their status, for people or (`--json`) scripts.
struct ListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List lessons and exercises with their status.")

  @Flag(name: .long, help: "Print JSON for scripts and editors.")
  var json = false

  struct Entry: Codable {
    struct Exercise: Codable {
      var name: String
      var file: String
      var section: String
      var status: String
    }

    var name: String
    var title: String
    var file: String
    var exercises: [Exercise]
  }

  func run() throws {
    let context = try CourseContext.load()
    let entries = context.course.lessons.map { lesson in
      Entry(
        name: lesson.name, title: lesson.title, file: lesson.file,
        exercises: lesson.exercises.map { exercise in
          Entry.Exercise(
            name: exercise.name, file: exercise.file, section: exercise.section,
            status: context.progress.status(of: exercise, in: context.course).rawValue)
        })
    }
    if json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      print(String(decoding: try encoder.encode(["lessons": entries]), as: UTF8.self))
      return
    }
    let lines = CourseListing.lines(
      of: context.course, progress: context.progress, style: Terminal.style)
    for line in lines { print(line) }
  }
}
