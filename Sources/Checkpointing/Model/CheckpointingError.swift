/// Bad input to the topic's kit, said in one line: what was asked and why it cannot be done.
public struct CheckpointingError: Error, CustomStringConvertible, Equatable, Sendable, Codable {
  /// The one-line message.
  public let description: String

  /// Creates an error with its one-line message.
  public init(_ description: String) {
    self.description = description
  }
}

/// Throws a `CheckpointingError` with `message` unless `condition` holds.
func precondition(_ condition: Bool, orThrow message: @autoclosure () -> String) throws {
  if !condition { throw CheckpointingError(message()) }
}
