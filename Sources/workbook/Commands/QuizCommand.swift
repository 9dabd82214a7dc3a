import ArgumentParser
import Foundation
import LearnerWorkspace
import Study

/// `workbook quiz [<lesson>]`: the check-yourself questions as Leitner flashcards.
struct QuizCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "quiz",
    abstract: "Flashcards of the lessons' check-yourself questions; missed ones come back first.",
    discussion:
      "Each card shows a question; press Enter for the answer (or type a number for a numeric question, with or without its unit), then say whether you knew it. A known card moves up a box (1 to 5), a missed one goes back to box 1; cards are asked lowest box first. q quits; every answer is saved at once."
  )

  @Argument(help: "One lesson: its name, file or number (default: every lesson).")
  var lesson: String?

  @Flag(help: "Print every card with its answer and read no input (for scripts).")
  var nonInteractive = false

  @Option(help: "Ask at most this many cards.")
  var limit: Int?

  func validate() throws {
    if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
  }

  func run() throws {
    let context = try CourseContext.load()
    let lessons = try context.checked(
      lesson.map { [try context.lesson($0)] } ?? context.course.lessons)
    let deck = QuizDeck(lessons: lessons, progress: context.progress)
    let cards = Array(deck.cards.prefix(limit ?? deck.cards.count))
    guard !cards.isEmpty else {
      print("No check-yourself questions in \(lesson ?? "the course") yet.")
      return
    }
    let session = QuizSession(
      workspace: context.workspace, style: Terminal.style, width: Terminal.width,
      readLine: { Swift.readLine(strippingNewline: true) },
      write: { line in
        print(line)
        fflush(stdout)
      })
    if nonInteractive {
      session.printAll(cards)
    } else {
      try session.run(cards)
    }
  }
}
