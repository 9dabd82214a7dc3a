import Foundation
import Markdown

/// Texts made once and kept by key, from any thread: `handout --all` renders its lessons side by
/// side, then shows each on its own page and again in the whole course's.
final class OnceCache: @unchecked Sendable {
  private let lock = NSLock()
  private var texts: [String: String] = [:]

  /// The text under `key`, made by `make` the first time it is asked for. `make` runs outside
  /// the lock, so two threads may both make a text they ask for at once; it is the same text.
  func text(_ key: String, _ make: () -> String) -> String {
    if let known = lock.withLock({ texts[key] }) { return known }
    let text = make()
    lock.withLock { texts[key] = text }
    return text
  }
}

/// Lessons rendered so far by one handout builder, by lesson, format and answer folding.
final class LessonRenderings: Sendable {
  private let cache = OnceCache()

  /// The rendering of `lesson` in `format` (with answers folded or not), made by `render` the
  /// first time it is asked for.
  func rendering(
    _ lesson: String, _ format: MarkdownFormat, foldingAnswers: Bool, _ render: () -> String
  ) -> String {
    cache.text("\(lesson) \(format.rawValue) \(foldingAnswers)", render)
  }
}
