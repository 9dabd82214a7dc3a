import Foundation

/// Waits for a burst of saves to settle: an editor's save can be several events (a temporary
/// file written, renamed, the folder touched), and formatters on save write twice. The files
/// are handed over once nothing has changed for `delay` seconds.
public struct WatchDebouncer: Sendable {
  /// Seconds of quiet after the last change before the changes are handed over.
  public let delay: Double
  /// The files changed since the last hand-over, in the order first seen.
  public private(set) var pending: [URL] = []
  /// When the pending changes are due (monotonic seconds), or nil when none are pending.
  public private(set) var deadline: Double?

  /// Creates a debouncer; 0.1 s is long enough for an editor's burst and short enough that
  /// the learner does not notice.
  public init(delay: Double = 0.1) {
    self.delay = delay
  }

  /// Records changes seen at `time`, which pushes the deadline back.
  public mutating func note(_ changes: [URL], at time: Double) {
    guard !changes.isEmpty else { return }
    for change in changes where !pending.contains(change) { pending.append(change) }
    deadline = time + delay
  }

  /// Milliseconds `poll()` may wait before the deadline, or nil when nothing is pending.
  public func millisecondsLeft(at time: Double) -> Int32? {
    deadline.map { Int32(max(0, min(Double(Int32.max), ($0 - time) * 1000)).rounded(.up)) }
  }

  /// The settled changes if the deadline has passed at `time` (and forgets them), else nil.
  public mutating func take(at time: Double) -> [URL]? {
    guard let deadline, time >= deadline else { return nil }
    defer {
      pending = []
      self.deadline = nil
    }
    return pending
  }

  /// Monotonic seconds, for `note` and `take`.
  public static var now: Double {
    Double(DispatchTime.now().uptimeNanoseconds) / 1e9
  }
}
