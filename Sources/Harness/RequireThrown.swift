/// Fails the current check unless `body` throws an `E` that `matches` accepts; `expected` names
/// that error in the failure. A stub's `Unimplemented` passes through, so the check fails with
/// the pointer to the lesson; any other error, or a normal return, fails saying what came back.
///
/// Each topic's graders bind `E` to the kit's error type (`QuantizationError`, `ServingError`).
public func requireThrown<E: Error, T>(
  _ what: String, expected: String, matches: (E) -> Bool, _ body: () throws -> T
) throws {
  let outcome: T
  do {
    outcome = try body()
  } catch let stub as Unimplemented {
    throw stub
  } catch let error as E {
    try require(
      matches(error), "\(what): expected \(expected), got the error \u{201C}\(error)\u{201D}")
    return
  } catch {
    throw CheckFailure("\(what): expected \(expected), got the error \(error)")
  }
  throw CheckFailure("\(what): expected \(expected) to be thrown, got \(preview(outcome))")
}

/// A short rendering of a value for a failure message: arrays show their first few elements.
public func preview<T>(_ value: T) -> String {
  if let array = value as? [Any], array.count > 8 {
    return "[" + array.prefix(8).map { "\($0)" }.joined(separator: ", ") + ", … (\(array.count))]"
  }
  return "\(value)"
}
