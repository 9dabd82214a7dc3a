import Harness
import Quantization

/// Grades QuantizedInference: the quantized weights against the per-row definition, the forward
/// pass bit for bit against the contract's fp32 arithmetic on a model the grader quantized
/// itself, and the report against
/// closed forms for the bytes and a Double reference for the error.
func gradeQuantizedInference(_ runner: some QuantizedInference, _ checks: CheckRecorder) {
  checks.check("quantize: every layer per row, against the definition") {
    let model = try DenseMLP.seeded(sizes: [12, 9, 5], seed: SeededGenerator.gradingSeed)
    try requireQuantizedModel(runner, model, "a seeded 12-9-5 MLP")
  }
  checks.check("quantize: ties, the ends of the range and a zero row") {
    // Row absmaxes 127 and 63.5: scales 1 and 0.5, every quotient exact; the last row is zeros.
    let layer = try DenseLayer(
      inputs: 3, outputs: 3, weights: [127, 2.5, -3.5, 1.25, -63.5, 0.75, 0, 0, 0],
      bias: [0.5, -1, 2])
    let quantized = try runner.quantize(try DenseMLP(layers: [layer]))
    try requireCount(quantized.layers.count, 1, "quantize(a one-layer model).layers")
    let weights = quantized.layers[0].weights
    try requireEqual(
      weights.q, [127, 2, -4, 2, -127, 2, 0, 0, 0],
      "codes of [127, 2.5, -3.5 | 1.25, -63.5, 0.75 | 0, 0, 0]")
    try requireCount(weights.scales.count, 3, "scales of a 3-row layer")
    try requireEqual(Array(weights.scales.prefix(2)), [1, 0.5], "scales of the first two rows")
    try requireScale(weights.scales[2], smallestScale, "scale of the zero row")
    try requireEqual(quantized.layers[0].bias, [0.5, -1, 2], "biases (they stay fp32)")
  }
  checks.check("quantize: NaN and infinite weights are refused") {
    for bad in [Float.nan, .infinity, -.infinity] {
      let layer = try DenseLayer(inputs: 2, outputs: 1, weights: [1, bad], bias: [0])
      let model = try DenseMLP(layers: [layer])
      try requireQuantizationError(
        "quantize(a model with the weight \(bad))", expected: "QuantizationError.nonFiniteValue",
        matches: { if case .nonFiniteValue = $0 { return true } else { return false } }
      ) { try runner.quantize(model) }
    }
  }
  checks.check("forward: a model quantized by the grader, bit for bit in the contract's order") {
    var random = SeededGenerator(seed: SeededGenerator.gradingSeed &+ 50)
    for round in 0..<6 {
      let sizes = (0..<Int.random(in: 2...4, using: &random)).map { _ in
        Int.random(in: 1...20, using: &random)
      }
      let model = try DenseMLP.seeded(sizes: sizes, seed: random.next())
      let quantized = try oracleQuantize(model)
      let batch = Int.random(in: 1...5, using: &random)
      let input = (0..<batch * model.inputSize).map { _ in Float.random(in: -2...2, using: &random)
      }
      let output = try runner.forward(quantized, input: input, batch: batch)
      let expected = quantizedForwardOracle(quantized, input, batch: batch)
      try requireSameBits(
        output, expected,
        "forward(a \(sizes) model quantized by the grader, batch \(batch), round \(round))")
    }
  }
  checks.check("forward: an empty batch, a single example, bad input") {
    let model = try oracleQuantize(try DenseMLP.seeded(sizes: [3, 4, 2], seed: 7))
    try requireEqual(
      try runner.forward(model, input: [], batch: 0), [], "forward(input: [], batch: 0)")
    let single = try oracleQuantize(
      try DenseMLP(layers: [try DenseLayer(inputs: 1, outputs: 1, weights: [-0.8], bias: [0.25])]))
    try requireSameBits(
      try runner.forward(single, input: [1.5], batch: 1),
      quantizedForwardOracle(single, [1.5], batch: 1),
      "forward(a 1-1 model, input: [1.5])")
    try requireQuantizationError(
      "forward(5 inputs for a batch of 2 × 3)",
      expected: "QuantizationError.shapeMismatch(expected: 6, actual: 5)",
      matches: { $0 == .shapeMismatch(expected: 6, actual: 5) }
    ) { try runner.forward(model, input: [1, 2, 3, 4, 5], batch: 2) }
    try requireQuantizationError(
      "forward(input: [1, nan, 3])", expected: "QuantizationError.nonFiniteValue(index: 1)",
      matches: { $0 == .nonFiniteValue(index: 1) }
    ) { try runner.forward(model, input: [1, .nan, 3], batch: 1) }
  }
  checks.check("report: the output error and the bytes saved") {
    var random = SeededGenerator(seed: SeededGenerator.gradingSeed &+ 51)
    for sizes in [[16, 32, 8], [40, 24, 24, 10], [5, 3]] {
      let model = try DenseMLP.seeded(sizes: sizes, seed: random.next())
      let batch = 4
      let input = (0..<batch * model.inputSize).map { _ in Float.random(in: -1...1, using: &random)
      }
      let report = try runner.report(model, input: input, batch: batch)
      let what = "report(a seeded \(sizes) MLP, batch \(batch))"
      let weights = model.layers.reduce(0) { $0 + $1.inputs * $1.outputs }
      let rows = model.layers.reduce(0) { $0 + $1.outputs }
      try requireEqual(
        report.floatBytes, 4 * (weights + rows), "\(what).floatBytes (4 B per weight and bias)")
      try requireEqual(
        report.quantizedBytes, weights + 4 * rows + 4 * rows,
        "\(what).quantizedBytes (1 B per weight, 4 B per row scale, 4 B per bias)")
      let exact = floatForwardOracle(model, input, batch: batch)
      let approximate = quantizedForwardOracle(try oracleQuantize(model), input, batch: batch)
      let expectedError = zip(exact, approximate).reduce(0.0) {
        Swift.max($0, abs($1.0 - Double($1.1)))
      }
      let tolerance = 1e-4 * (1 + (exact.map(abs).max() ?? 0))
      try require(
        abs(Double(report.maxAbsoluteError) - expectedError) <= tolerance,
        "\(what).maxAbsoluteError: expected \(expectedError) ± \(tolerance), got \(report.maxAbsoluteError)"
      )
    }
  }
  checks.check("forward: the heap holds activations only, never a dequantized weight matrix") {
    try requireForwardHeap(runner)
  }
}

/// Checks a student's quantized model against the per-row definition, layer by layer.
private func requireQuantizedModel(
  _ runner: some QuantizedInference, _ model: DenseMLP, _ label: String
) throws {
  let quantized = try runner.quantize(model)
  try requireCount(quantized.layers.count, model.layers.count, "quantize(\(label)).layers")
  for (index, (layer, result)) in zip(model.layers, quantized.layers).enumerated() {
    let what = "quantize(\(label)), layer \(index)"
    try requireEqual(result.weights.rows, layer.outputs, "\(what): rows")
    try requireEqual(result.weights.columns, layer.inputs, "\(what): columns")
    try requireCount(
      result.weights.q.count, layer.weights.count, "\(what): codes (one byte per weight)")
    try requireCount(result.weights.scales.count, layer.outputs, "\(what): scales (one per row)")
    try requireEqual(result.bias, layer.bias, "\(what): biases")
    for row in 0..<layer.outputs {
      let slice = Array(layer.weights[row * layer.inputs..<(row + 1) * layer.inputs])
      let scale = result.weights.scales[row]
      try requireScale(scale, symmetricScaleOracle(slice), "\(what): scale of row \(row)")
      for column in 0..<layer.inputs {
        let allowed = acceptableCodes(Double(slice[column]) / Double(scale), range: -127...127)
        let code = Int(result.weights.q[row * layer.inputs + column])
        try require(
          allowed.contains(code),
          "\(what): row \(row), column \(column), w = \(slice[column]) at scale \(scale): expected code \(allowed.lowerBound), got \(code)"
        )
      }
    }
  }
}

/// The grader's own per-row quantization of every layer (Double arithmetic, half to even); the
/// heap check's model too, quantized before the measured call so that it is the student's alone.
func oracleQuantize(_ model: DenseMLP) throws -> QuantizedMLP {
  try QuantizedMLP(
    layers: model.layers.map { layer in
      var q: [Int8] = []
      var scales: [Float] = []
      for row in 0..<layer.outputs {
        let slice = Array(layer.weights[row * layer.inputs..<(row + 1) * layer.inputs])
        let scale = Float(symmetricScaleOracle(slice))
        scales.append(scale)
        q += slice.map {
          Int8(
            Swift.min(Swift.max((Double($0) / Double(scale)).rounded(.toNearestOrEven), -127), 127))
        }
      }
      return try QuantizedDenseLayer(
        weights: PerChannelQuantizedTensor(
          rows: layer.outputs, columns: layer.inputs, q: q, scales: scales),
        bias: layer.bias)
    })
}

/// The contract's arithmetic, step for step in fp32: sum = 0, sum += Float(q) × x for i in
/// increasing order, then × the row's scale, then + the bias; ReLU between layers. The order is
/// fixed, so the outputs are fixed to the bit.
private func quantizedForwardOracle(_ model: QuantizedMLP, _ input: [Float], batch: Int) -> [Float]
{
  var activations = input
  for (index, layer) in model.layers.enumerated() {
    let (inputs, outputs) = (layer.inputs, layer.outputs)
    var output = [Float](repeating: 0, count: batch * outputs)
    for b in 0..<batch {
      for o in 0..<outputs {
        var sum: Float = 0
        for i in 0..<inputs {
          let product = Float(layer.weights.q[o * inputs + i]) * activations[b * inputs + i]
          sum += product
        }
        let scaled = layer.weights.scales[o] * sum
        let y = scaled + layer.bias[o]
        output[b * outputs + o] = index == model.layers.count - 1 ? y : Swift.max(0, y)
      }
    }
    activations = output
  }
  return activations
}

/// The fp32 model evaluated in Double, ReLU between layers.
private func floatForwardOracle(_ model: DenseMLP, _ input: [Float], batch: Int) -> [Double] {
  var activations = input.map(Double.init)
  for (index, layer) in model.layers.enumerated() {
    var output = [Double](repeating: 0, count: batch * layer.outputs)
    for b in 0..<batch {
      for o in 0..<layer.outputs {
        var sum = Double(layer.bias[o])
        for i in 0..<layer.inputs {
          sum += Double(layer.weights[o * layer.inputs + i]) * activations[b * layer.inputs + i]
        }
        output[b * layer.outputs + o] = index == model.layers.count - 1 ? sum : Swift.max(0, sum)
      }
    }
    activations = output
  }
  return activations
}

/// Fails unless every output has exactly the oracle's bits.
private func requireSameBits(_ output: [Float], _ expected: [Float], _ what: String) throws {
  try requireCount(output.count, expected.count, what)
  for (index, (got, want)) in zip(output, expected).enumerated()
  where got.bitPattern != want.bitPattern {
    throw CheckFailure(
      "\(what): output \(index): expected exactly \(want) (Σ q·x in fp32, then × scale, then "
        + "+ bias), got \(got), \(got - want) off"
        + (want < 0 && got == 0 ? " (the last layer has no ReLU)" : ""))
  }
}
