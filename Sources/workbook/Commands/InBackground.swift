import Foundation

/// Work started on another thread at once, whose result the caller waits for when it needs it.
final class InBackground<Value>: @unchecked Sendable {
  private let done = DispatchGroup()
  private var result: Result<Value, Error>?

  /// Starts `work`.
  init(_ work: @escaping () throws -> Value) {
    done.enter()
    Thread { [self] in
      result = Result { try work() }
      done.leave()
    }.start()
  }

  /// Waits for the work to end, and returns what it returned or throws what it threw.
  func value() throws -> Value {
    done.wait()
    return try result!.get()
  }
}
