import Harness
import Quantization

// Oracles shared by the Quantization graders. They are written from the definitions in Double
// arithmetic, with Swift's `.toNearestOrEven` rounding, and share no code with any solution.

/// fp32's machine epsilon, the smallest scale a calibration may return, written as a literal.
let smallestScale = 0x1p-23

/// How far from a tie a quotient computed in fp32 can land: a few fp32 rounding errors of `t`.
/// Inside this window either neighbour is accepted; elsewhere the code must be exact.
func tieWindow(_ t: Double) -> Double {
  5 * 0x1p-24 * abs(t) + 1e-12
}

/// The codes acceptable for `t = x / scale` (plus `shift`, a zero point): round half to even,
/// clamp to `range`; near a tie both neighbours are acceptable.
func acceptableCodes(_ t: Double, shift: Int = 0, range: ClosedRange<Int>) -> ClosedRange<Int> {
  func clamp(_ value: Double) -> Int {
    Int(Swift.min(Swift.max(value, Double(range.lowerBound)), Double(range.upperBound)))
  }
  // A NaN quotient (a scale of 0 or NaN) matches no code at all.
  guard !t.isNaN else { return Int.min...Int.min }
  let below = t.rounded(.down)
  let nearTie = abs(t - (below + 0.5)) <= tieWindow(t)
  let low = nearTie ? below : t.rounded(.toNearestOrEven)
  let high = nearTie ? below + 1 : low
  // Clamp in Double first: t may be huge or infinite.
  let lowCode = clamp(Swift.min(Swift.max(low, -1e9), 1e9) + Double(shift))
  let highCode = clamp(Swift.min(Swift.max(high, -1e9), 1e9) + Double(shift))
  return lowCode...highCode
}

/// The symmetric int8 scale of `values`, from the definition: max(absmax / 127, 2⁻²³).
func symmetricScaleOracle(_ values: [Float]) -> Double {
  let absmax = values.reduce(0.0) { Swift.max($0, abs(Double($1))) }
  return Swift.max(absmax / 127, smallestScale)
}

/// Fails unless a returned scale is within two fp32 steps of the oracle's.
func requireScale(_ actual: Float, _ expected: Double, _ what: @autoclosure () -> String) throws {
  let close = actual.isFinite && abs(Double(actual) - expected) <= 2.5e-7 * expected
  try require(close, "\(what()): expected scale \(Float(expected)), got \(actual)")
}

/// Fails unless `codes` has `count` elements, saying which was asked.
func requireCount(_ actual: Int, _ expected: Int, _ what: @autoclosure () -> String) throws {
  try require(actual == expected, "\(what()): expected \(expected) elements, got \(actual)")
}

/// Fails unless `body` throws the `QuantizationError` that `matches` accepts (`requireThrown`).
func requireQuantizationError<T>(
  _ what: String, expected: String, matches: (QuantizationError) -> Bool, _ body: () throws -> T
) throws {
  try requireThrown(what, expected: expected, matches: matches, body)
}

/// Fails unless `body` throws `QuantizationError.nonFiniteValue(index:)` with this index.
func requireNonFiniteValue<T>(_ what: String, index: Int, _ body: () throws -> T) throws {
  try requireQuantizationError(
    what, expected: "QuantizationError.nonFiniteValue(index: \(index))",
    matches: { $0 == .nonFiniteValue(index: index) }, body)
}

/// A seeded tensor of `count` values drawn from one of several shapes of distribution: uniform,
/// bell-shaped, bell-shaped with a few large outliers, and uniform at extreme magnitudes.
func randomTensor(count: Int, using random: inout SeededGenerator) -> [Float] {
  let magnitude = [1.0, 0.02, 300, 1e-30, 1e-40, 1e30][Int.random(in: 0..<6, using: &random)]
  let shape = Int.random(in: 0..<3, using: &random)
  return (0..<count).map { _ in
    var value: Double
    switch shape {
    case 0:
      value = Double.random(in: -1...1, using: &random)
    case 1:
      // A sum of uniforms is bell-shaped, like trained weights.
      value = (0..<4).reduce(0.0) { sum, _ in sum + Double.random(in: -0.5...0.5, using: &random) }
    default:
      value = Double.random(in: -0.1...0.1, using: &random)
      if Int.random(in: 0..<50, using: &random) == 0 { value *= 40 }
    }
    return Float(value * magnitude)
  }
}

/// Float equality for arrays, treating NaN as equal to NaN.
func sameFloats(_ a: [Float], _ b: [Float]) -> Bool {
  a.count == b.count && zip(a, b).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }
}

/// The first index where two float arrays differ (NaN equal to NaN), for failure messages.
func firstDifference(_ a: [Float], _ b: [Float]) -> Int? {
  zip(a, b).enumerated().first {
    !($0.element.0 == $0.element.1 || ($0.element.0.isNaN && $0.element.1.isNaN))
  }?.offset
}
