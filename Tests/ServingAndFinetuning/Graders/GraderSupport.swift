import Harness
import ServingAndFinetuning

// Helpers shared by the ServingAndFinetuning graders. Oracles are written from the lesson's
// definitions, in Double where arithmetic is involved, and share no code with any solution.

/// Fails unless `body` throws a `ServingError` for which `matches` holds (`requireThrown`).
func requireServingError<T>(
  _ what: String, expected: String, matches: (ServingError) -> Bool, _ body: () throws -> T
) throws {
  try requireThrown(what, expected: expected, matches: matches, body)
}

/// Fails unless `body` throws `ServingError.invalidConfiguration`.
func requireInvalidConfiguration<T>(_ what: String, _ body: () throws -> T) throws {
  try requireServingError(
    what, expected: "ServingError.invalidConfiguration",
    matches: {
      if case .invalidConfiguration = $0 { return true } else { return false }
    }, body)
}

/// Fails unless `body` throws `ServingError.shapeMismatch`.
func requireShapeMismatch<T>(_ what: String, _ body: () throws -> T) throws {
  try requireServingError(
    what, expected: "ServingError.shapeMismatch",
    matches: {
      if case .shapeMismatch = $0 { return true } else { return false }
    }, body)
}

/// Fails unless `body` throws `ServingError.nonFiniteValue(index: index)`.
func requireNonFinite<T>(_ what: String, index: Int, _ body: () throws -> T) throws {
  try requireServingError(
    what, expected: "ServingError.nonFiniteValue(index: \(index))",
    matches: { $0 == .nonFiniteValue(index: index) }, body)
}

/// Fails unless `actual` has the length of `expected` and each element is within
/// `absolute + relative × |expected|` of it; names the first element that is not.
func requireAllClose(
  _ actual: [Float], _ expected: [Double], absolute: Double, relative: Double,
  _ what: @autoclosure () -> String
) throws {
  try requireEqual(actual.count, expected.count, "\(what()): element count")
  for index in expected.indices {
    let (a, e) = (Double(actual[index]), expected[index])
    let bound = absolute + relative * abs(e)
    if !(abs(a - e) <= bound) {
      throw CheckFailure(
        "\(what()): element \(index): expected \(e) ± \(bound), got \(a)")
    }
  }
}

/// Uniform Floats in `range` from the grader's generator.
func randomFloats(_ count: Int, _ range: ClosedRange<Float>, _ random: inout SeededGenerator)
  -> [Float]
{
  (0..<count).map { _ in Float.random(in: range, using: &random) }
}

/// Roughly normal Floats (the sum of four uniforms, rescaled), as trained weights look.
func bellFloats(_ count: Int, sigma: Float, _ random: inout SeededGenerator) -> [Float] {
  (0..<count).map { _ in
    let sum = (0..<4).reduce(Float(0)) { total, _ in
      total + Float.random(in: -1...1, using: &random)
    }
    return sum * sigma * 0.866
  }
}
