import Harness
import Quantization

/// Grades Int8MatMul against a naive product summed in Int64, requantization computed in Double,
/// and, for the whole pipeline, the fp32 product of the original matrices within the error bound
/// the lesson derives.
func gradeInt8MatMul(_ multiplier: some Int8MatMul, _ checks: CheckRecorder) {
  checks.check("a 2 × 3 by 3 × 2 product by hand") {
    try requireEqual(
      try multiplier.multiply([1, 2, 3, 4, 5, 6], [7, 8, 9, 10, 11, 12], m: 2, k: 3, n: 2),
      [58, 64, 139, 154], "multiply([1, 2, 3, 4, 5, 6], [7, 8, 9, 10, 11, 12], m: 2, k: 3, n: 2)")
    try requireEqual(
      try multiplier.multiply([127, -128, -128, 127], [127, -128, 127, -128], m: 1, k: 4, n: 1),
      [16129 + 16384 - 16256 - 16256],
      "multiply([127, -128, -128, 127], [127, -128, 127, -128], m: 1, k: 4, n: 1)")
  }
  checks.check("131071 products of (−128)² accumulate exactly in Int32") {
    let depth = 131_071
    let column = [Int8](repeating: -128, count: depth)
    // 131071 × 2¹⁴ = 2³¹ − 2¹⁴, which is 16383 below Int32.max.
    try requireEqual(
      try multiplier.multiply(column, column, m: 1, k: depth, n: 1), [Int32(2_147_467_264)],
      "multiply(131071 × -128, 131071 × -128, m: 1, k: 131071, n: 1)")
  }
  checks.check("an inner dimension above 131071 is refused") {
    let depth = 131_072
    let column = [Int8](repeating: 1, count: depth)
    try requireQuantizationError(
      "multiply(m: 1, k: 131072, n: 1)",
      expected: "QuantizationError.accumulationMayOverflow(depth: 131072)",
      matches: { $0 == .accumulationMayOverflow(depth: depth) }
    ) { try multiplier.multiply(column, column, m: 1, k: depth, n: 1) }
  }
  checks.check("seeded random matrices against a naive Int64 product") {
    var random = SeededGenerator(seed: SeededGenerator.gradingSeed &+ 30)
    for round in 0..<40 {
      let (m, k, n) = randomDimensions(m: 20, k: 40, n: 20, &random)
      let a = (0..<m * k).map { _ in Int8.random(in: .min ... .max, using: &random) }
      let b = (0..<k * n).map { _ in Int8.random(in: .min ... .max, using: &random) }
      let c = try multiplier.multiply(a, b, m: m, k: k, n: n)
      let expected = naiveProduct(a, b, m: m, k: k, n: n)
      try requireCount(
        c.count, m * n, "multiply(seeded \(m) × \(k) by \(k) × \(n), round \(round))")
      for index in 0..<c.count where Int64(c[index]) != expected[index] {
        throw CheckFailure(
          "multiply(seeded \(m) × \(k) by \(k) × \(n), round \(round)): entry (\(index / n), \(index % n)): expected \(expected[index]), got \(c[index])"
        )
      }
    }
  }
  checks.check("k = 0, empty and single-element shapes") {
    try requireEqual(
      try multiplier.multiply([], [], m: 2, k: 0, n: 3), [0, 0, 0, 0, 0, 0],
      "multiply([], [], m: 2, k: 0, n: 3) (an empty sum is 0)")
    try requireEqual(
      try multiplier.multiply([], [1, 2], m: 0, k: 1, n: 2), [], "multiply(m: 0, k: 1, n: 2)")
    try requireEqual(
      try multiplier.multiply([1, 2], [], m: 2, k: 1, n: 0), [], "multiply(m: 2, k: 1, n: 0)")
    try requireEqual(
      try multiplier.multiply([-128], [-128], m: 1, k: 1, n: 1), [16384],
      "multiply([-128], [-128], 1 × 1 × 1)")
  }
  checks.check("bad shapes are refused") {
    try requireQuantizationError(
      "multiply(5 codes as a 2 × 3 matrix)",
      expected: "QuantizationError.shapeMismatch(expected: 6, actual: 5)",
      matches: { $0 == .shapeMismatch(expected: 6, actual: 5) }
    ) { try multiplier.multiply([1, 2, 3, 4, 5], [1, 2, 3], m: 2, k: 3, n: 1) }
    try requireQuantizationError(
      "multiply(b with 2 codes as a 3 × 1 matrix)",
      expected: "QuantizationError.shapeMismatch(expected: 3, actual: 2)",
      matches: { $0 == .shapeMismatch(expected: 3, actual: 2) }
    ) { try multiplier.multiply([1, 2, 3], [1, 2], m: 1, k: 3, n: 1) }
    try requireQuantizationError(
      "multiply(m: -1)", expected: "QuantizationError.negativeDimension(-1)",
      matches: { $0 == .negativeDimension(-1) }
    ) { try multiplier.multiply([], [], m: -1, k: 0, n: 0) }
  }
  checks.check("requantization rounds half to even and clamps to −127...127") {
    let accumulators: [Int32] = [5, 7, -5, -7, 1000, -1000, 0, 254, 255, -255, .max, .min]
    try requireEqual(
      try multiplier.requantize(accumulators, multiplier: 0.5),
      [2, 4, -2, -4, 127, -127, 0, 127, 127, -127, 127, -127],
      "requantize(\(accumulators), multiplier: 0.5)")
    try requireEqual(
      try multiplier.requantize([], multiplier: 0.5), [], "requantize([], multiplier: 0.5)")
    // The product is taken in Double: in fp32, 0.49999999999 becomes 0.5 and 7 × M a tie that
    // rounds to 4, and 16777217 becomes 16777216, whose product with 2⁻²⁵ is a tie that gives 0.
    try requireEqual(
      try multiplier.requantize([7, 16_777_217], multiplier: 0.49999999999), [3, 127],
      "requantize([7, 16777217], multiplier: 0.49999999999), accumulator × multiplier in Double")
    try requireEqual(
      try multiplier.requantize([16_777_217, -16_777_217], multiplier: 0x1p-25), [1, -1],
      "requantize([16777217, -16777217], multiplier: 2⁻²⁵), accumulator × multiplier in Double")
    for bad in [0, -1, .nan, .infinity] as [Double] {
      try requireQuantizationError(
        "requantize([1], multiplier: \(bad))", expected: "QuantizationError.invalidMultiplier",
        matches: { if case .invalidMultiplier = $0 { return true } else { return false } }
      ) { try multiplier.requantize([1], multiplier: bad) }
    }
  }
  checks.check("requantization of seeded accumulators") {
    var random = SeededGenerator(seed: SeededGenerator.gradingSeed &+ 31)
    for _ in 0..<30 {
      let m = Double.random(in: 1e-7...1e-2, using: &random)
      let accumulators = (0..<200).map { _ in Int32.random(in: -40_000...40_000, using: &random) }
      let codes = try multiplier.requantize(accumulators, multiplier: m)
      try requireCount(
        codes.count, accumulators.count, "requantize(200 seeded accumulators, multiplier: \(m))")
      for (accumulator, code) in zip(accumulators, codes) {
        let expected = requantizationOracle(accumulator, m)
        try require(
          Int(code) == expected,
          "requantize([\(accumulator)], multiplier: \(m)): expected \(expected) (accumulator × multiplier in Double, half to even), got \(code)"
        )
      }
    }
  }
  checks.check("the pipeline against the fp32 product, within the lesson's bound") {
    var random = SeededGenerator(seed: SeededGenerator.gradingSeed &+ 32)
    for round in 0..<25 {
      let (m, k, n) = randomDimensions(m: 12, k: 64, n: 12, &random)
      let a = (0..<m * k).map { _ in Float.random(in: -2...2, using: &random) }
      let b = (0..<k * n).map { _ in Float.random(in: -0.3...0.3, using: &random) }
      try requirePipeline(multiplier, a, b, m: m, k: k, n: n, "seeded round \(round)")
    }
  }
  checks.check("pipeline edges: all-zero input, bad scales and zero points") {
    let zeros = QuantizedTensor<Int8>(q: [0, 0, 0, 0], scale: Float(smallestScale), zeroPoint: 0)
    let other = QuantizedTensor<Int8>(q: [5, -7, 9, 127], scale: 0.25, zeroPoint: 0)
    let product = try multiplier.multiply(zeros, other, m: 2, k: 2, n: 2, outputScale: 0.5)
    try requireEqual(product.q, [0, 0, 0, 0], "multiply(zeros, other, outputScale: 0.5).q")
    try requireEqual(product.scale, 0.5, "multiply(zeros, other, outputScale: 0.5).scale")
    try requireEqual(product.zeroPoint, 0, "multiply(zeros, other, outputScale: 0.5).zeroPoint")
    for bad in [0, .nan, .infinity, -1] as [Float] {
      try requireQuantizationError(
        "multiply(…, outputScale: \(bad))", expected: "QuantizationError.invalidScale",
        matches: { if case .invalidScale = $0 { return true } else { return false } }
      ) { try multiplier.multiply(other, other, m: 2, k: 2, n: 2, outputScale: bad) }
    }
    let shifted = QuantizedTensor<Int8>(q: [1, 2, 3, 4], scale: 1, zeroPoint: 3)
    try requireQuantizationError(
      "multiply(a tensor with zero point 3, …)", expected: "QuantizationError.invalidZeroPoint(3)",
      matches: { $0 == .invalidZeroPoint(3) }
    ) { try multiplier.multiply(shifted, other, m: 2, k: 2, n: 2, outputScale: 1) }
  }
}

/// The exact product, one Int64 sum per entry.
private func naiveProduct(_ a: [Int8], _ b: [Int8], m: Int, k: Int, n: Int) -> [Int64] {
  var c = [Int64](repeating: 0, count: m * n)
  for i in 0..<m {
    for j in 0..<n {
      var sum: Int64 = 0
      for l in 0..<k { sum += Int64(a[i * k + l]) * Int64(b[l * n + j]) }
      c[i * n + j] = sum
    }
  }
  return c
}

/// clamp(round(accumulator × M), −127, 127) with the product in Double and ties to even: the
/// contract fixes this arithmetic, so the codes must match exactly.
private func requantizationOracle(_ accumulator: Int32, _ multiplier: Double) -> Int {
  let rounded = (Double(accumulator) * multiplier).rounded(.toNearestOrEven)
  return Int(Swift.min(Swift.max(rounded, -127), 127))
}

/// The grader's own absmax quantization of a matrix (Double arithmetic, half to even).
private func oracleQuantize(_ values: [Float]) -> QuantizedTensor<Int8> {
  let scale = Float(symmetricScaleOracle(values))
  let q = values.map { x in
    Int8(Swift.min(Swift.max((Double(x) / Double(scale)).rounded(.toNearestOrEven), -127), 127))
  }
  return QuantizedTensor(q: q, scale: scale, zeroPoint: 0)
}

/// Runs the pipeline on fp32 matrices quantized by the grader and checks the codes against the
/// exact requantization, and the dequantized result against the fp32 product within
/// |error| ≤ s_a/2 Σ|b| + s_b/2 Σ|a| + k s_a s_b / 4 + s_out / 2.
private func requirePipeline(
  _ multiplier: some Int8MatMul, _ a: [Float], _ b: [Float], m: Int, k: Int, n: Int, _ label: String
) throws {
  let qa = oracleQuantize(a)
  let qb = oracleQuantize(b)
  var exact = [Double](repeating: 0, count: m * n)
  for i in 0..<m {
    for j in 0..<n {
      for l in 0..<k { exact[i * n + j] += Double(a[i * k + l]) * Double(b[l * n + j]) }
    }
  }
  let outputScale = Float(Swift.max(exact.map(abs).max() ?? 0, 1e-6) / 127)
  let what = "multiply(\(label): \(m) × \(k) by \(k) × \(n), outputScale: \(outputScale))"
  let result = try multiplier.multiply(qa, qb, m: m, k: k, n: n, outputScale: outputScale)
  try requireEqual(result.scale, outputScale, "\(what).scale")
  try requireEqual(result.zeroPoint, 0, "\(what).zeroPoint")
  try requireCount(result.q.count, m * n, "\(what).q")
  let accumulators = naiveProduct(qa.q, qb.q, m: m, k: k, n: n)
  let requantization = Double(qa.scale) * Double(qb.scale) / Double(outputScale)
  let (sa, sb, so) = (Double(qa.scale), Double(qb.scale), Double(outputScale))
  for i in 0..<m {
    for j in 0..<n {
      let index = i * n + j
      let code = Int(result.q[index])
      let expected = requantizationOracle(Int32(accumulators[index]), requantization)
      try require(
        code == expected,
        "\(what): entry (\(i), \(j)) with accumulator \(accumulators[index]) and M = \(requantization) (s_a × s_b / s_out in Double): expected code \(expected), got \(code)"
      )
      let rowSum = (0..<k).reduce(0.0) { $0 + abs(Double(a[i * k + $1])) }
      let columnSum = (0..<k).reduce(0.0) { $0 + abs(Double(b[$1 * n + j])) }
      let bound = sa / 2 * columnSum + sb / 2 * rowSum + Double(k) * sa * sb / 4 + so / 2
      let error = abs(Double(code) * so - exact[index])
      try require(
        error <= bound * (1 + 1e-6),
        "\(what): entry (\(i), \(j)) is \(Double(code) * so), the fp32 product \(exact[index]): error \(error) exceeds the bound \(bound)"
      )
    }
  }
}

/// Random dimensions of an m × k by k × n product, each drawn from 1 up to its bound, in the
/// order m, k, n.
private func randomDimensions(m: Int, k: Int, n: Int, _ random: inout SeededGenerator) -> (
  Int, Int, Int
) {
  (
    Int.random(in: 1...m, using: &random), Int.random(in: 1...k, using: &random),
    Int.random(in: 1...n, using: &random)
  )
}
