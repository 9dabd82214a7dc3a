import ArgumentParser
import Course
import WorkbookKit

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
    let style = Terminal.style
    guard !target.hints.isEmpty else {
      print(
        "\(target.name) has no hints: read section \u{201C}\(target.section)\u{201D} of Lessons/\(target.lesson).md."
      )
      return
    }
    let seen = reset ? 0 : context.progress.hintsShown[target.name] ?? 0
    let shown = all ? target.hints.count : min(seen + 1, target.hints.count)
    let renderer = TerminalRenderer(width: Terminal.width, style: style) { _ in nil }
    print(
      style.bold("Hints for \(target.name)")
        + style.dim("  (section \u{201C}\(target.section)\u{201D})"))
    for (index, hint) in target.hints.prefix(shown).enumerated() {
      let text = renderer.inline(hint.children.first ?? hint)
      for line in wrap(text, width: Terminal.width, indent: "   ", firstIndent: " \(index + 1). ") {
        print(line)
      }
    }
    if shown < target.hints.count {
      print(
        style.dim("\(target.hints.count - shown) more: run workbook hint \(target.name) again."))
    } else {
      print(
        style.dim(
          "That was the last hint. The lesson section \u{201C}\(target.section)\u{201D} has the rest."
        ))
    }
    context.progress.hintsShown[target.name] = shown
    try context.progress.save(to: context.workspace)
  }
}
