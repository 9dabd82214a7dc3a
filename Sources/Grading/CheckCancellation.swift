import Foundation

/// A flag that another thread raises to stop a running check: `CheckRunner` looks at it before
/// each step (build, shadow build, grading), so once it is raised no new process is started,
/// and the caller kills the processes already running (`ProcessTree.killDescendants`).
public final class CheckCancellation: @unchecked Sendable {
  private let lock = NSLock()
  private var raised = false

  /// Creates a flag that is not raised.
  public init() {}

  /// Whether the check has been cancelled.
  public var isCancelled: Bool {
    lock.lock()
    defer { lock.unlock() }
    return raised
  }

  /// Cancels the check; it stays cancelled.
  public func cancel() {
    lock.lock()
    defer { lock.unlock() }
    raised = true
  }
}
