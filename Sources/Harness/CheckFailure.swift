/// A failed expectation inside a grader check: what was expected and what came back.
public struct CheckFailure: Error, CustomStringConvertible, Sendable {
  /// One sentence a student can act on.
  public let description: String

  /// Creates a failure with the sentence a student will read.
  public init(_ description: String) {
    self.description = description
  }
}

/// Fails the current check with `message` unless `condition` holds.
public func require(_ condition: Bool, _ message: @autoclosure () -> String) throws {
  if !condition { throw CheckFailure(message()) }
}

/// Fails the current check unless `actual == expected`, saying both and what was asked.
///
/// - Parameter what: the question that was asked, for example `"decode(0x3C00) as fp16"`.
public func requireEqual<T: Equatable>(
  _ actual: T, _ expected: T, _ what: @autoclosure () -> String
) throws {
  if actual != expected {
    throw CheckFailure("\(what()): expected \(expected), got \(actual)")
  }
}

/// Fails the current check unless `actual` is within `tolerance` of `expected`.
public func requireClose(
  _ actual: Double, _ expected: Double, tolerance: Double, _ what: @autoclosure () -> String
) throws {
  let close = abs(actual - expected) <= tolerance || actual == expected
  if !close || actual.isNaN != expected.isNaN {
    throw CheckFailure("\(what()): expected \(expected) \u{00B1} \(tolerance), got \(actual)")
  }
}
