import ArgumentParser
import Course
import LearnerWorkspace
import Study

/// Bare `workbook`: the course dashboard.
struct DashboardCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dashboard", abstract: "Show the lessons, their exercises and the next step.")

  func run() throws {
    let context = try CourseContext.load()
    let lines = Dashboard.lines(
      of: context.course, progress: context.progress, style: Terminal.style,
      width: Terminal.columns)
    for line in lines { print(line) }
  }
}
