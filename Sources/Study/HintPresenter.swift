import Course
import LearnerWorkspace

/// Progressive hints, shared by `workbook hint` and the `h` key of `workbook watch`: each call
/// shows one more hint than last time, gentlest first, and remembers how many were seen.
public struct HintPresenter {
  /// Colours, or plain text.
  public let style: TerminalStyle
  /// The width to wrap at.
  public let width: Int

  /// Creates a presenter.
  public init(style: TerminalStyle, width: Int) {
    self.style = style
    self.width = width
  }

  /// The lines showing the hints of `exercise` up to one more than already seen (or all of
  /// them, or from the first again), recording the count in `progress.hintsShown`. `again`
  /// says how to see the next one, as in "run workbook hint X again".
  public func reveal(
    _ exercise: ExerciseReference, progress: inout LearnerProgress, all: Bool = false,
    restart: Bool = false, again: String
  ) -> [String] {
    guard !exercise.hints.isEmpty else {
      return [
        "\(exercise.name) has no hints: read section \u{201C}\(exercise.section)\u{201D} of Lessons/\(exercise.lesson).md."
      ]
    }
    let seen = restart ? 0 : progress.hintsShown[exercise.name] ?? 0
    let shown = all ? exercise.hints.count : min(seen + 1, exercise.hints.count)
    let renderer = TerminalRenderer(width: width, style: style) { _ in nil }
    var lines = [
      style.bold("Hints for \(exercise.name)")
        + style.dim("  (section \u{201C}\(exercise.section)\u{201D})")
    ]
    for (index, hint) in exercise.hints.prefix(shown).enumerated() {
      let text = renderer.inline(hint.children.first ?? hint)
      lines += wrap(text, width: width, indent: "   ", firstIndent: " \(index + 1). ")
    }
    if shown < exercise.hints.count {
      lines.append(style.dim("\(exercise.hints.count - shown) more: \(again)."))
    } else {
      lines.append(
        style.dim(
          "That was the last hint. The lesson section \u{201C}\(exercise.section)\u{201D} has the rest."
        ))
    }
    progress.hintsShown[exercise.name] = shown
    return lines
  }
}
