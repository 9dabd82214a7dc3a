import Harness
import Quantization

/// Grades PerChannel: each row against the symmetric definition on its own, computed in Double.
func gradePerChannel(_ quantizer: some PerChannel, _ checks: CheckRecorder) {
  checks.check("the lesson's example: a row of small weights keeps its precision") {
    let weights: [Float] = [0.02, -0.011, 0.015, 3.0, -1.5, 0.5]
    try requirePerChannel(quantizer, weights, rows: 2, columns: 3, "the lesson's 2 × 3 example")
  }
  checks.check("exact ties round half to even in every row") {
    // Row absmaxes 127 and 63.5 give scales 1 and 0.5 exactly.
    let weights: [Float] = [127, 2.5, -2.5, 3.5, 63.5, 1.25, -0.75, 0]
    let tensor = try quantizer.quantize(weights, rows: 2, columns: 4)
    try requireEqual(tensor.scales, [1, 0.5], "scales of \(weights) as 2 × 4")
    try requireEqual(tensor.q, [127, 2, -2, 4, 127, 2, -2, 0], "codes of \(weights) as 2 × 4")
  }
  checks.check("each row's largest magnitude lands on −127 or 127") {
    let weights: [Float] = [0.1, -0.4, 0.2, 9, -3, 1, -0.002, 0.001, 0]
    let tensor = try quantizer.quantize(weights, rows: 3, columns: 3)
    try requireCount(tensor.q.count, 9, "quantize(\(weights), rows: 3, columns: 3).q")
    try requireEqual(
      [tensor.q[1], tensor.q[3], tensor.q[6]], [-127, 127, -127],
      "codes of each row's absmax element in \(weights) as 3 × 3")
  }
  checks.check("a row of zeros gets scale 2⁻²³ and zero codes") {
    let weights: [Float] = [1, -2, 0, 0, 0.5, 0.25]
    try requirePerChannel(quantizer, weights, rows: 3, columns: 2, "a matrix with a zero row")
    let tensor = try quantizer.quantize([Float](repeating: 0, count: 4), rows: 2, columns: 2)
    try requireEqual(tensor.q, [0, 0, 0, 0], "quantize(2 × 2 zeros).q")
    try requireCount(tensor.scales.count, 2, "quantize(2 × 2 zeros).scales")
    for scale in tensor.scales {
      try requireScale(scale, smallestScale, "quantize(2 × 2 zeros).scales")
    }
    let back = try quantizer.dequantize(tensor)
    try require(back == [0, 0, 0, 0], "dequantize(2 × 2 zero codes): expected zeros, got \(back)")
  }
  checks.check("empty matrices and a single element") {
    let noRows = try quantizer.quantize([], rows: 0, columns: 5)
    try requireEqual(noRows.q, [], "quantize([], rows: 0, columns: 5).q")
    try requireEqual(noRows.scales, [], "quantize([], rows: 0, columns: 5).scales")
    let noColumns = try quantizer.quantize([], rows: 3, columns: 0)
    try requireEqual(noColumns.q, [], "quantize([], rows: 3, columns: 0).q")
    try requireCount(noColumns.scales.count, 3, "quantize([], rows: 3, columns: 0).scales")
    for scale in noColumns.scales {
      try requireScale(
        scale, smallestScale, "quantize([], rows: 3, columns: 0).scales (empty rows)")
    }
    try requireEqual(try quantizer.dequantize(noRows), [], "dequantize(a 0 × 5 tensor)")
    for x in [0.75, -4, 0] as [Float] {
      try requirePerChannel(quantizer, [x], rows: 1, columns: 1, "a 1 × 1 matrix")
    }
  }
  checks.check("NaN, infinity and bad shapes are refused") {
    let cases: [([Float], Int)] = [
      ([1, 2, .nan, 4], 2), ([.infinity, 0, 0, 0], 0), ([0, 0, 0, -.infinity], 3),
    ]
    for (weights, index) in cases {
      try requireQuantizationError(
        "quantize(\(weights), rows: 2, columns: 2)",
        expected: "QuantizationError.nonFiniteValue(index: \(index))",
        matches: { $0 == .nonFiniteValue(index: index) }
      ) { try quantizer.quantize(weights, rows: 2, columns: 2) }
    }
    try requireQuantizationError(
      "quantize(5 weights, rows: 2, columns: 3)",
      expected: "QuantizationError.shapeMismatch(expected: 6, actual: 5)",
      matches: { $0 == .shapeMismatch(expected: 6, actual: 5) }
    ) { try quantizer.quantize([1, 2, 3, 4, 5], rows: 2, columns: 3) }
    try requireQuantizationError(
      "quantize([], rows: -1, columns: 0)", expected: "QuantizationError.negativeDimension(-1)",
      matches: { $0 == .negativeDimension(-1) }
    ) { try quantizer.quantize([], rows: -1, columns: 0) }
    let missingScale = PerChannelQuantizedTensor(rows: 2, columns: 1, q: [1, 2], scales: [1])
    try requireQuantizationError(
      "dequantize(2 rows with 1 scale)",
      expected: "QuantizationError.shapeMismatch(expected: 2, actual: 1)",
      matches: { $0 == .shapeMismatch(expected: 2, actual: 1) }
    ) { try quantizer.dequantize(missingScale) }
    let zeroScale = PerChannelQuantizedTensor(rows: 2, columns: 1, q: [1, 2], scales: [1, 0])
    try requireQuantizationError(
      "dequantize(a tensor with a scale of 0)", expected: "QuantizationError.invalidScale(0.0)",
      matches: { $0 == .invalidScale(0) }
    ) { try quantizer.dequantize(zeroScale) }
  }
  checks.check("seeded random matrices with rows of very different magnitudes") {
    var random = SeededGenerator(seed: SeededGenerator.gradingSeed &+ 20)
    for round in 0..<25 {
      let rows = Int.random(in: 1...24, using: &random)
      let columns = Int.random(in: 1...64, using: &random)
      var weights: [Float] = []
      for _ in 0..<rows {
        weights += randomTensor(count: columns, using: &random)
      }
      try requirePerChannel(
        quantizer, weights, rows: rows, columns: columns,
        "seeded \(rows) × \(columns) matrix \(round)")
    }
  }
}

/// Checks quantization and dequantization of one matrix, row by row.
private func requirePerChannel(
  _ quantizer: some PerChannel, _ weights: [Float], rows: Int, columns: Int, _ label: String
) throws {
  let what = "\(label) \(preview(weights))"
  let tensor = try quantizer.quantize(weights, rows: rows, columns: columns)
  try requireEqual(tensor.rows, rows, "quantize(\(what)).rows")
  try requireEqual(tensor.columns, columns, "quantize(\(what)).columns")
  try requireCount(tensor.q.count, rows * columns, "quantize(\(what)).q")
  try requireCount(tensor.scales.count, rows, "quantize(\(what)).scales")
  for row in 0..<rows {
    let slice = Array(weights[row * columns..<(row + 1) * columns])
    let scale = tensor.scales[row]
    try requireScale(scale, symmetricScaleOracle(slice), "quantize(\(what)).scales[\(row)]")
    for column in 0..<columns {
      let x = slice[column]
      let code = tensor.q[row * columns + column]
      let allowed = acceptableCodes(Double(x) / Double(scale), range: -127...127)
      try require(
        allowed.contains(Int(code)),
        "quantize(\(what)): row \(row), column \(column), w = \(x) at scale \(scale): expected code \(allowed.lowerBound), got \(code)"
      )
      let error = abs(Double(x) - Double(code) * Double(scale))
      try require(
        error <= Double(scale) / 2 + 2 * 0x1p-24 * abs(Double(x)),
        "quantize(\(what)): row \(row) w = \(x) came back as \(Double(code) * Double(scale)), an error of \(error) > scale / 2 = \(scale / 2)"
      )
    }
  }
  let back = try quantizer.dequantize(tensor)
  try requireCount(back.count, rows * columns, "dequantize(quantize(\(what)))")
  for index in 0..<back.count {
    let expected = Float(Double(tensor.q[index]) * Double(tensor.scales[index / columns]))
    try require(
      back[index] == expected,
      "dequantize(quantize(\(what))) at row \(index / columns), column \(index % columns): expected \(expected), got \(back[index])"
    )
  }
}
