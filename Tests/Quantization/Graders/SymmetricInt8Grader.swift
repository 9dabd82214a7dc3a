import Harness
import Quantization

/// Grades SymmetricInt8 against the definition computed in Double: scale = max(absmax / 127, 2⁻²³),
/// q = clamp(round(x / scale), −127, 127) half to even, x′ = q × scale, and the error bound.
func gradeSymmetricInt8(_ quantizer: some SymmetricInt8, _ checks: CheckRecorder) {
  checks.check("the lesson's example tensor") {
    try requireSymmetric(quantizer, [0.42, -1.27, 0.05, 0.9, -0.333], "the lesson's example")
  }
  checks.check("exact ties round half to even (x / scale = 2.5 gives 2)") {
    // absmax 63.5 makes the scale exactly 0.5, so every quotient below is exact.
    let values: [Float] = [1.25, 1.75, -1.25, -1.75, 0.25, 63.5, -0.75, 2.25]
    let tensor = try quantizer.quantize(values)
    try requireEqual(tensor.scale, 0.5, "scale of \(values)")
    try requireEqual(tensor.q, [2, 4, -2, -4, 0, 127, -2, 4], "codes of \(values) at scale 0.5")
    let halves: [Float] = [0.5, 1.5, 2.5, -0.5, -2.5, 126.5, -126.5]
    try requireEqual(
      try quantizer.quantize(halves, scale: 1), [0, 2, 2, 0, -2, 126, -126],
      "quantize(\(halves), scale: 1)")
  }
  checks.check("clamping at −127 and 127; −128 is never produced") {
    let values: [Float] = [1000, -1000, 127.4, -127.4, 127.5, -127.5, -128, 3e38, -3e38]
    try requireEqual(
      try quantizer.quantize(values, scale: 1), [127, -127, 127, -127, 127, -127, -127, 127, -127],
      "quantize(\(values), scale: 1)")
    // A tiny scale makes x / scale overflow to infinity; that must clamp too.
    try requireEqual(
      try quantizer.quantize([1, -1], scale: .leastNonzeroMagnitude), [127, -127],
      "quantize([1, -1], scale: 2⁻¹⁴⁹)")
    let tensor = try quantizer.quantize([0.3, -2.54, 1.0, 2.54])
    try requireCount(tensor.q.count, 4, "quantize([0.3, -2.54, 1.0, 2.54]).q")
    try requireEqual(
      [tensor.q[1], tensor.q[3]], [-127, 127],
      "codes of the absmax elements -2.54 and 2.54 of [0.3, -2.54, 1.0, 2.54]")
  }
  checks.check("an all-zero tensor: scale 2⁻²³, not 0 or NaN") {
    let zeros = [Float](repeating: 0, count: 7)
    try requireScale(try quantizer.scale(for: zeros), smallestScale, "scale(for: seven zeros)")
    let tensor = try quantizer.quantize(zeros)
    try requireScale(tensor.scale, smallestScale, "quantize(seven zeros).scale")
    try requireEqual(tensor.q, [Int8](repeating: 0, count: 7), "quantize(seven zeros).q")
    try requireEqual(tensor.zeroPoint, 0, "quantize(seven zeros).zeroPoint")
    let back = try quantizer.dequantize(tensor.q, scale: tensor.scale)
    try require(
      back == [Float](repeating: 0, count: 7),
      "dequantize of seven zero codes: expected zeros, got \(back)")
  }
  checks.check("an empty tensor and a single element") {
    let empty = try quantizer.quantize([])
    try requireEqual(empty.q, [], "quantize([]).q")
    try requireScale(empty.scale, smallestScale, "quantize([]).scale")
    try requireEqual(try quantizer.dequantize([], scale: 0.5), [], "dequantize([], scale: 0.5)")
    for x in [5, -0.001, 1e-30, 0, 3e38] as [Float] {
      try requireSymmetric(quantizer, [x], "a single element")
    }
  }
  checks.check(
    "NaN and infinity are refused with nonFiniteValue(index:), bad scales with invalidScale"
  ) {
    let cases: [([Float], Int)] = [
      ([1, .nan, 2], 1), ([.infinity], 0), ([0, 1, 2, -.infinity, .nan], 3),
    ]
    for (values, index) in cases {
      let calls: [(String, () throws -> Any)] = [
        ("quantize(\(values))", { try quantizer.quantize(values) }),
        ("scale(for: \(values))", { try quantizer.scale(for: values) }),
        ("quantize(\(values), scale: 1)", { try quantizer.quantize(values, scale: 1) }),
      ]
      for (what, call) in calls { try requireNonFiniteValue(what, index: index, call) }
    }
    for scale in [0, -1, .nan, .infinity] as [Float] {
      let isInvalidScale: (QuantizationError) -> Bool = {
        if case .invalidScale = $0 { return true } else { return false }
      }
      try requireQuantizationError(
        "quantize([1], scale: \(scale))", expected: "QuantizationError.invalidScale",
        matches: isInvalidScale
      ) { try quantizer.quantize([1], scale: scale) }
      try requireQuantizationError(
        "dequantize([1], scale: \(scale))", expected: "QuantizationError.invalidScale",
        matches: isInvalidScale
      ) { try quantizer.dequantize([1], scale: scale) }
    }
  }
  checks.check("seeded random tensors against the definition, |x − x′| ≤ scale / 2") {
    var random = SeededGenerator(seed: SeededGenerator.gradingSeed)
    for round in 0..<40 {
      let values = randomTensor(count: Int.random(in: 1...1500, using: &random), using: &random)
      try requireSymmetric(quantizer, values, "seeded tensor \(round)")
    }
  }
  checks.check("a given scale: the bound inside the range, the ends outside it") {
    var random = SeededGenerator(seed: SeededGenerator.gradingSeed &+ 1)
    for round in 0..<20 {
      let values = randomTensor(count: Int.random(in: 1...800, using: &random), using: &random)
      // A scale too small for the largest values, so some of them fall outside the range.
      let scale = Float(symmetricScaleOracle(values) * Double.random(in: 0.3...1.2, using: &random))
      let q = try quantizer.quantize(values, scale: scale)
      try requireCount(q.count, values.count, "quantize(seeded tensor \(round), scale: \(scale))")
      for (x, code) in zip(values, q) {
        let t = Double(x) / Double(scale)
        let allowed = acceptableCodes(t, range: -127...127)
        try require(
          allowed.contains(Int(code)),
          "quantize(seeded tensor \(round), scale: \(scale)): x = \(x) (x / scale = \(t)): expected \(allowed.lowerBound == allowed.upperBound ? "\(allowed.lowerBound)" : "\(allowed)"), got \(code)"
        )
        if abs(t) <= 127.5 {
          let error = abs(Double(x) - Double(code) * Double(scale))
          try require(
            error <= Double(scale) / 2 + 2 * 0x1p-24 * abs(Double(x)) + 1e-45,
            "x = \(x), scale \(scale): |x − x′| = \(error) exceeds scale / 2 = \(scale / 2)")
        }
      }
    }
  }
  checks.check("dequantize gives q × scale for every code, −128 included") {
    var random = SeededGenerator(seed: SeededGenerator.gradingSeed &+ 2)
    let codes = (0..<512).map { Int8(truncatingIfNeeded: $0) }
    for _ in 0..<10 {
      let scale = Float.random(in: 1e-6...10, using: &random)
      let back = try quantizer.dequantize(codes, scale: scale)
      let expected = codes.map { Float(Double($0) * Double(scale)) }
      try requireCount(back.count, codes.count, "dequantize(all 256 codes twice, scale: \(scale))")
      if let index = firstDifference(back, expected) {
        throw CheckFailure(
          "dequantize(code \(codes[index]), scale: \(scale)): expected \(expected[index]), got \(back[index])"
        )
      }
    }
  }
}

/// Checks `scale(for:)`, `quantize(_:)`, `quantize(_:scale:)` and `dequantize` on one tensor.
private func requireSymmetric(
  _ quantizer: some SymmetricInt8, _ values: [Float], _ label: String
) throws {
  let expectedScale = symmetricScaleOracle(values)
  let what = "\(label) \(preview(values))"
  try requireScale(try quantizer.scale(for: values), expectedScale, "scale(for: \(what))")
  let tensor = try quantizer.quantize(values)
  try requireScale(tensor.scale, expectedScale, "quantize(\(what)).scale")
  try requireEqual(tensor.zeroPoint, 0, "quantize(\(what)).zeroPoint")
  try requireCount(tensor.q.count, values.count, "quantize(\(what)).q")
  for (x, code) in zip(values, tensor.q) {
    let t = Double(x) / Double(tensor.scale)
    let allowed = acceptableCodes(t, range: -127...127)
    try require(
      allowed.contains(Int(code)),
      "quantize(\(what)): x = \(x) at scale \(tensor.scale) (x / scale = \(t)): expected code \(allowed.lowerBound == allowed.upperBound ? "\(allowed.lowerBound)" : "\(allowed)"), got \(code)"
    )
    // Every value lies inside the calibrated range, so the bound must hold for all of them.
    let error = abs(Double(x) - Double(code) * Double(tensor.scale))
    try require(
      error <= Double(tensor.scale) / 2 + 2 * 0x1p-24 * abs(Double(x)),
      "quantize(\(what)): x = \(x) came back as \(Double(code) * Double(tensor.scale)), an error of \(error) > scale / 2 = \(tensor.scale / 2)"
    )
  }
  let withScale = try quantizer.quantize(values, scale: tensor.scale)
  try requireEqual(
    withScale, tensor.q, "quantize(\(what), scale: \(tensor.scale)) against quantize(\(what)).q")
  let back = try quantizer.dequantize(tensor.q, scale: tensor.scale)
  let expected = tensor.q.map { Float(Double($0) * Double(tensor.scale)) }
  try requireCount(back.count, values.count, "dequantize(codes of \(what))")
  if let index = firstDifference(back, expected) {
    throw CheckFailure(
      "dequantize(code \(tensor.q[index]), scale: \(tensor.scale)): expected \(expected[index]), got \(back[index])"
    )
  }
}
