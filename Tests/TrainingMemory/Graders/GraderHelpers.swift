import Harness

/// Runs `body`, which must throw an error other than the stub's: a stub's `Unimplemented` is
/// passed on (so the check fails with the lesson pointer), and returning normally fails.
func requireThrows(_ what: @autoclosure () -> String, _ body: () throws -> Void) throws {
  do {
    try body()
  } catch let stub as Unimplemented {
    throw stub
  } catch {
    return
  }
  throw CheckFailure("\(what()): expected an error, but it returned normally")
}

/// Calls `body` and turns any error other than the stub's into a failure that says what was asked.
func attempt<T>(_ what: @autoclosure () -> String, _ body: () throws -> T) throws -> T {
  do {
    return try body()
  } catch let stub as Unimplemented {
    throw stub
  } catch let failure as CheckFailure {
    throw failure
  } catch {
    throw CheckFailure("\(what()): expected a result, but it threw \(error)")
  }
}

/// A uniformly random Double in `range`, from the grading generator.
func uniform(_ range: ClosedRange<Double>, _ random: inout SeededGenerator) -> Double {
  Double.random(in: range, using: &random)
}
