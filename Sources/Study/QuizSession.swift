import Course
import Foundation
import LearnerWorkspace
import Markdown

/// Asks the cards of a deck one at a time: the prompt, then Enter (or a number, for a numeric
/// question), the answer, and "did you know it?". Each answer moves the card's Leitner box and
/// is saved at once, re-reading the progress under the lock so another command's changes are
/// kept.
public struct QuizSession {
  /// The workbook whose progress records the boxes.
  public let workspace: Workspace
  /// Colours, or plain text.
  public let style: TerminalStyle
  /// The width to wrap at.
  public let width: Int
  /// Reads one line of input; nil at the end of input.
  public let readLine: () -> String?
  /// Prints one line.
  public let write: (String) -> Void

  /// Creates a session.
  public init(
    workspace: Workspace, style: TerminalStyle, width: Int, readLine: @escaping () -> String?,
    write: @escaping (String) -> Void
  ) {
    self.workspace = workspace
    self.style = style
    self.width = width
    self.readLine = readLine
    self.write = write
  }

  /// How a quiz went.
  public struct Summary: Sendable, Equatable {
    /// Cards answered.
    public var asked = 0
    /// Cards the learner knew.
    public var known = 0
  }

  /// Asks `cards` until the last one, `q` or the end of input.
  @discardableResult
  public func run(_ cards: [QuizCard]) throws -> Summary {
    var summary = Summary()
    for (index, card) in cards.enumerated() {
      show(card, index: index, of: cards.count)
      guard let knew = ask(card) else { break }
      let box = try LearnerProgress.update(in: workspace) {
        QuizDeck.record(knew: knew, id: card.question.id, in: &$0)
      }
      summary.asked += 1
      summary.known += knew ? 1 : 0
      write(style.dim(knew ? "→ box \(box)" : "→ back to box 1: it comes back first next time"))
      write("")
    }
    write("\(summary.known) of \(summary.asked) known.")
    return summary
  }

  /// Prints every card with its answer, reading nothing (`--non-interactive`).
  public func printAll(_ cards: [QuizCard]) {
    for (index, card) in cards.enumerated() {
      show(card, index: index, of: cards.count)
      reveal(card)
      write("")
    }
  }

  private func show(_ card: QuizCard, index: Int, of count: Int) {
    write(
      style.bold("Card \(index + 1) of \(count)")
        + style.dim("  \(card.question.id), box \(card.box)"))
    lines(card.question.prompt).forEach(write)
  }

  private func reveal(_ card: QuizCard) {
    if let numeric = card.question.numeric {
      write(style.bold("Answer: ") + numeric.display)
    } else {
      write(style.bold("Answer:"))
    }
    lines(card.question.answer).forEach(write)
  }

  /// The learner's verdict on a card: true when known, nil to stop.
  private func ask(_ card: QuizCard) -> Bool? {
    guard let numeric = card.question.numeric else {
      write(style.dim("Press Enter to see the answer (q quits)."))
      guard let line = readLine(), !isQuit(line) else { return nil }
      reveal(card)
      return askYesNo("Did you know it? [y/n]")
    }
    let unit = numeric.unit.isEmpty ? "" : " in \(numeric.unit)"
    while true {
      write(style.dim("Your answer\(unit) (Enter to give up, q quits):"))
      guard let line = readLine(), !isQuit(line) else { return nil }
      let typed = line.trimmingCharacters(in: .whitespaces)
      if typed.isEmpty {
        reveal(card)
        return false
      }
      let answer: QuizAnswer
      switch QuizAnswer.read(typed) {
      case .notANumber:
        write("\u{201C}\(typed)\u{201D} is not a number; try again.")
        continue
      case .ambiguous(let comma, let without):
        // A comma may be a decimal comma or a slip: ask rather than judge the wrong number.
        write(
          "\u{201C}\(typed)\u{201D}: did you mean \(comma.display) or \(without.display)? "
            + "Type it again with a point for decimals.")
        continue
      case .answer(let read):
        answer = read
      }
      reveal(card)
      if answer.isRight(for: numeric) {
        let converted =
          answer.unit.isEmpty || answer.unit.lowercased() == numeric.unit.lowercased()
          ? "" : ", \(typed) is \(converted(answer, to: numeric.unit))"
        write(
          style.good("✓ Right")
            + " (within \(tolerance(numeric)) of \(numeric.display)\(converted)).")
        return true
      }
      let why = answer.hasRightUnit(for: numeric) ? "" : ": the answer is in \(numeric.unit)"
      write(style.bad("✗ Not quite") + " (you said \(typed)\(why)).")
      return false
    }
  }

  private func askYesNo(_ question: String) -> Bool? {
    while true {
      write(question)
      guard let line = readLine() else { return nil }
      switch line.trimmingCharacters(in: .whitespaces).lowercased() {
      case "y", "yes": return true
      case "n", "no": return false
      case "q", "quit": return nil
      default: continue
      }
    }
  }

  private func isQuit(_ line: String) -> Bool {
    ["q", "quit"].contains(line.trimmingCharacters(in: .whitespaces).lowercased())
  }

  /// `answer` in `unit`, to four significant digits: `112 GB`.
  private func converted(_ answer: QuizAnswer, to unit: String) -> String {
    let value = answer.value(in: unit) ?? answer.value
    return String(format: "%.4g", value) + (unit.isEmpty ? "" : " \(unit)")
  }

  private func tolerance(_ numeric: NumericAnswer) -> String {
    let number = String(format: "%g", numeric.tolerance)
    return numeric.unit.isEmpty ? number : "\(number) \(numeric.unit)"
  }

  /// A Markdown document as terminal lines, without the trailing blank line.
  private func lines(_ document: MarkdownNode) -> [String] {
    let renderer = TerminalRenderer(width: width, style: style) { _ in nil }
    var lines = document.children.flatMap { renderer.render(.markdown($0)) }
    while lines.last == "" { lines.removeLast() }
    return lines
  }
}
