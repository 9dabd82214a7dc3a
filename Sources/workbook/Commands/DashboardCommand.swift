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
    let dashboard = Dashboard(course: context.course, progress: context.progress)
    for line in dashboard.lines(style: Terminal.style, width: Terminal.columns) {
      print(line)
    }
  }
}
