import ArgumentParser
import Course
import WorkbookKit

/// `workbook read <lesson>`: a lesson for the terminal, through the pager when interactive.
struct ReadCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "read", abstract: "Read a lesson in the terminal.")

  @Argument(help: "The lesson: its name (NumberFormats), file or number (1).")
  var lesson: String

  func run() throws {
    let context = try CourseContext.load(checkingFigures: true)
    let lesson = try context.lesson(lesson)
    let style = Terminal.style
    let renderer = TerminalRenderer(width: Terminal.width, style: style) { id in
      Registry.picture(id)?.terminal(style.color)
    }
    Terminal.page(renderer.render(lesson))
  }
}
