import Foundation

extension Array where Element: Sendable {
  /// `transform` applied to every element, on as many threads as the machine has cores, the
  /// results in the elements' order: for work whose pieces share nothing (lesson files, the
  /// topics' figures).
  package func concurrentMap<Result: Sendable>(_ transform: (Element) -> Result) -> [Result] {
    let results = ConcurrentResults<Result>(count: count)
    DispatchQueue.concurrentPerform(iterations: count) { index in
      results.set(index, transform(self[index]))
    }
    return results.values.map { $0! }
  }
}

/// Results stored from several threads, each under a lock.
private final class ConcurrentResults<Result: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private(set) var values: [Result?]

  init(count: Int) {
    values = Array(repeating: nil, count: count)
  }

  func set(_ index: Int, _ value: Result) {
    lock.withLock { values[index] = value }
  }
}
