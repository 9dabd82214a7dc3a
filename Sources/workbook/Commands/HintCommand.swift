import ArgumentParser
import Course
import LearnerWorkspace
import Study

/// `workbook hint <exercise>`: one more hint each time, gentlest first.
struct HintCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "hint", abstract: "Show the next hint of an exercise (one more each time).")

  @Argument(help: "The exercise (default: the current one).")
  var exercise: String?

  @Flag(help: "Show every hint at once.")
  var all = false

  @Flag(help: "Start the hints of this exercise over.")
  var reset = false

  func run() throws {
    var context = try CourseContext.load()
    guard let target = try exercise.map({ try context.exercise($0) }) ?? context.current else {
      print("Every exercise passes: no hint needed.")
      return
    }
    let presenter = HintPresenter(style: Terminal.style, width: Terminal.width)
    let lines = presenter.reveal(
      target, progress: &context.progress, all: all, restart: reset,
      again: "run workbook hint \(target.name) again")
    for line in lines { print(line) }
    try context.saveProgress()
  }
}
