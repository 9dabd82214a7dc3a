import Harness
import Quantization

/// Grades AffineUInt8 against PyTorch's MinMaxObserver rule computed in Double: min′ = min(min, 0),
/// max′ = max(max, 0), scale = max((max′ − min′) / 255, 2⁻²³), zero point = clamp(−round(min′ /
/// scale), 0, 255), q = clamp(round(x / scale) + zero point, 0, 255), x′ = scale × (q − zero point).
func gradeAffineUInt8(_ quantizer: some AffineUInt8, _ checks: CheckRecorder) {
  checks.check("the lesson's example tensor") {
    try requireAffine(quantizer, [-1.2, 0, 0.7, 3.9], "the lesson's example")
  }
  checks.check("exact ties round half to even, in the codes and in the zero point") {
    let values: [Float] = [2.5, 3.5, -2.5, 0.5, -0.5, 1.5]
    try requireEqual(
      try quantizer.quantize(values, scale: 1, zeroPoint: 10), [12, 14, 8, 10, 10, 12],
      "quantize(\(values), scale: 1, zeroPoint: 10)")
    // An odd zero point tells round(x / scale) + zeroPoint from round(x / scale + zeroPoint):
    // 2.5 gives 2 + 11 = 13, where rounding 13.5 would give 14.
    try requireEqual(
      try quantizer.quantize(values, scale: 1, zeroPoint: 11), [13, 15, 9, 11, 11, 13],
      "quantize(\(values), scale: 1, zeroPoint: 11): round x / scale first, then add the odd "
        + "zero point")
    // min′ / scale = −2.5 exactly: the zero point is −round(−2.5) = 2, not 3.
    let parameters = try quantizer.parameters(for: [-2.5, 252.5])
    try requireEqual(parameters.scale, 1, "parameters(for: [-2.5, 252.5]).scale")
    try requireEqual(parameters.zeroPoint, 2, "parameters(for: [-2.5, 252.5]).zeroPoint")
    let other = try quantizer.parameters(for: [-3.5, 251.5])
    try requireEqual(other.zeroPoint, 4, "parameters(for: [-3.5, 251.5]).zeroPoint")
  }
  checks.check("clamping at 0 and 255") {
    let values: [Float] = [300, -50, 245.4, 245.6, -10.4, -10.6, 3e38, -3e38]
    try requireEqual(
      try quantizer.quantize(values, scale: 1, zeroPoint: 10), [255, 0, 255, 255, 0, 0, 255, 0],
      "quantize(\(values), scale: 1, zeroPoint: 10)")
    try requireEqual(
      try quantizer.quantize([1, -1], scale: .leastNonzeroMagnitude, zeroPoint: 0), [255, 0],
      "quantize([1, -1], scale: .leastNonzeroMagnitude, zeroPoint: 0)")
    let tensor = try quantizer.quantize([-4, 0.5, 11])
    try requireCount(tensor.q.count, 3, "quantize([-4, 0.5, 11]).q")
    try requireEqual(
      [tensor.q[0], tensor.q[2]], [0, 255], "codes of the minimum and maximum of [-4, 0.5, 11]")
  }
  checks.check("all-positive and all-negative tensors still give 0.0 a code") {
    try requireAffine(quantizer, [3, 5, 4.5], "an all-positive tensor")
    try requireAffine(quantizer, [-4, -1, -2.2], "an all-negative tensor")
    let positive = try quantizer.parameters(for: [3, 5])
    try requireEqual(positive.zeroPoint, 0, "parameters(for: [3, 5]).zeroPoint (min′ = 0)")
    let negative = try quantizer.parameters(for: [-4, -1])
    try requireEqual(negative.zeroPoint, 255, "parameters(for: [-4, -1]).zeroPoint (max′ = 0)")
  }
  checks.check("an all-zero tensor: scale 2⁻²³, not 0 or NaN") {
    let zeros = [Float](repeating: 0, count: 5)
    let parameters = try quantizer.parameters(for: zeros)
    try requireScale(parameters.scale, smallestScale, "parameters(for: five zeros).scale")
    try requireEqual(parameters.zeroPoint, 0, "parameters(for: five zeros).zeroPoint")
    let tensor = try quantizer.quantize(zeros)
    try requireEqual(tensor.q, [0, 0, 0, 0, 0], "quantize(five zeros).q")
    let back = try quantizer.dequantize(tensor.q, scale: tensor.scale, zeroPoint: tensor.zeroPoint)
    try require(back == zeros, "dequantize of the codes of five zeros: expected zeros, got \(back)")
  }
  checks.check("an empty tensor and a single element") {
    let empty = try quantizer.quantize([])
    try requireEqual(empty.q, [], "quantize([]).q")
    try requireScale(empty.scale, smallestScale, "quantize([]).scale")
    try requireEqual(empty.zeroPoint, 0, "quantize([]).zeroPoint")
    try requireEqual(
      try quantizer.dequantize([], scale: 1, zeroPoint: 3), [],
      "dequantize([], scale: 1, zeroPoint: 3)")
    for x in [7, -7, 1e-30, 0, 3e38] as [Float] {
      try requireAffine(quantizer, [x], "a single element")
    }
  }
  checks.check("NaN and infinity are refused; so are bad scales and zero points") {
    let cases: [([Float], Int)] = [
      ([1, .nan, 2], 1), ([.infinity], 0), ([0, 1, -.infinity, .nan], 2),
    ]
    for (values, index) in cases {
      let calls: [(String, () throws -> Any)] = [
        ("quantize(\(values))", { try quantizer.quantize(values) }),
        ("parameters(for: \(values))", { try quantizer.parameters(for: values) }),
        (
          "quantize(\(values), scale: 1, zeroPoint: 0)",
          { try quantizer.quantize(values, scale: 1, zeroPoint: 0) }
        ),
      ]
      for (what, call) in calls { try requireNonFiniteValue(what, index: index, call) }
    }
    let isInvalidScale: (QuantizationError) -> Bool = {
      if case .invalidScale = $0 { return true } else { return false }
    }
    for scale in [0, -1, .nan, .infinity] as [Float] {
      try requireQuantizationError(
        "quantize([1], scale: \(scale), zeroPoint: 0)", expected: "QuantizationError.invalidScale",
        matches: isInvalidScale
      ) { try quantizer.quantize([1], scale: scale, zeroPoint: 0) }
      try requireQuantizationError(
        "dequantize([1], scale: \(scale), zeroPoint: 0)",
        expected: "QuantizationError.invalidScale",
        matches: isInvalidScale
      ) { try quantizer.dequantize([1], scale: scale, zeroPoint: 0) }
    }
    for zeroPoint in [-1, 256] {
      try requireQuantizationError(
        "quantize([1], scale: 1, zeroPoint: \(zeroPoint))",
        expected: "QuantizationError.invalidZeroPoint(\(zeroPoint))",
        matches: { $0 == .invalidZeroPoint(zeroPoint) }
      ) { try quantizer.quantize([1], scale: 1, zeroPoint: zeroPoint) }
    }
  }
  checks.check("seeded random tensors against the definition, |x − x′| ≤ scale / 2") {
    var random = SeededGenerator(seed: SeededGenerator.gradingSeed &+ 10)
    for round in 0..<40 {
      var values = randomTensor(count: Int.random(in: 1...1500, using: &random), using: &random)
      // Shift some tensors off-centre, like activations after a ReLU or a bias.
      if round % 3 == 0, let largest = values.map(\.magnitude).max() {
        values = values.map { $0 + largest * 0.7 }
      }
      try requireAffine(quantizer, values, "seeded tensor \(round)")
    }
  }
}

/// Checks calibration, quantization and dequantization of one tensor against the definition.
private func requireAffine(_ quantizer: some AffineUInt8, _ values: [Float], _ label: String) throws
{
  let what = "\(label) \(preview(values))"
  let low = Swift.min(values.map(Double.init).min() ?? 0, 0)
  let high = Swift.max(values.map(Double.init).max() ?? 0, 0)
  let expectedScale = Swift.max((high - low) / 255, smallestScale)
  let parameters = try quantizer.parameters(for: values)
  try requireScale(parameters.scale, expectedScale, "parameters(for: \(what)).scale")
  let scale = Double(parameters.scale)
  // The zero point is judged against the returned scale: −round(min′ / scale), clamped.
  let allowedZero = acceptableCodes(-low / scale, range: 0...255)
  try require(
    allowedZero.contains(parameters.zeroPoint),
    "parameters(for: \(what)).zeroPoint with scale \(parameters.scale): expected \(allowedZero.lowerBound), got \(parameters.zeroPoint)"
  )
  let tensor = try quantizer.quantize(values)
  try requireEqual(
    tensor.scale, parameters.scale, "quantize(\(what)).scale against parameters(for:)")
  try requireEqual(
    tensor.zeroPoint, parameters.zeroPoint, "quantize(\(what)).zeroPoint against parameters(for:)")
  try requireCount(tensor.q.count, values.count, "quantize(\(what)).q")
  for (x, code) in zip(values, tensor.q) {
    let allowed = acceptableCodes(Double(x) / scale, shift: tensor.zeroPoint, range: 0...255)
    try require(
      allowed.contains(Int(code)),
      "quantize(\(what)): x = \(x) with scale \(tensor.scale), zero point \(tensor.zeroPoint): expected code \(allowed.lowerBound == allowed.upperBound ? "\(allowed.lowerBound)" : "\(allowed)"), got \(code)"
    )
    let error = abs(Double(x) - scale * Double(Int(code) - tensor.zeroPoint))
    try require(
      error <= scale / 2 + 2 * 0x1p-24 * (abs(Double(x)) + high - low),
      "quantize(\(what)): x = \(x) came back as \(scale * Double(Int(code) - tensor.zeroPoint)), an error of \(error) > scale / 2 = \(scale / 2)"
    )
  }
  let back = try quantizer.dequantize(tensor.q, scale: tensor.scale, zeroPoint: tensor.zeroPoint)
  let expected = tensor.q.map { Float(scale * Double(Int($0) - tensor.zeroPoint)) }
  try requireCount(back.count, values.count, "dequantize(codes of \(what))")
  if let index = firstDifference(back, expected) {
    throw CheckFailure(
      "dequantize(code \(tensor.q[index]), scale: \(tensor.scale), zeroPoint: \(tensor.zeroPoint)): expected \(expected[index]), got \(back[index])"
    )
  }
  let zero = try quantizer.quantize([0], scale: tensor.scale, zeroPoint: tensor.zeroPoint)
  try requireEqual(zero, [UInt8(tensor.zeroPoint)], "quantize([0]) with the parameters of \(what)")
}
