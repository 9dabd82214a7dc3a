import Foundation

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
