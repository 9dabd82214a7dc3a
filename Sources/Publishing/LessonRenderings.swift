import Markdown

/// Lessons rendered so far by one handout builder: `handout --all` shows each lesson on its own
/// page and again in the whole course's, and renders it once.
final class LessonRenderings {
  private var rendered: [String: String] = [:]

  /// The rendering of `lesson` in `format` (with answers folded or not), made by `render` the
  /// first time it is asked for.
  func rendering(
    _ lesson: String, _ format: MarkdownFormat, foldingAnswers: Bool, _ render: () -> String
  ) -> String {
    let key = "\(lesson) \(format.rawValue) \(foldingAnswers)"
    if let known = rendered[key] { return known }
    let text = render()
    rendered[key] = text
    return text
  }
}
