// Reference code: it computes exercises' answers, for the figures, pictures and tools.
// Solve the exercises before you read it; contracts and harness types are one folder up.

/// The kit's own quantizers, written for clarity, behind `workbook quantize`, the figures and the
/// pictures. They are internal: the exercises are where a student writes theirs.
enum ReferenceQuantizer {
  /// One quantized row: its parameters, codes, what the codes stand for, and the largest error.
  struct Row: Equatable {
    var scale: Float
    var zeroPoint: Int
    var q: [Int]
    var dequantized: [Float]
    /// max |x − x′| over the row, computed in Double and rounded to fp32.
    var maxError: Float
  }

  /// Symmetric int8: scale = max(absmax / 127, 2⁻²³), q in −127...127, zero point 0.
  static func symmetric(_ values: [Float]) throws -> Row {
    try requireFinite(values)
    return row(values, scale: symmetricScale(values), zeroPoint: 0, codes: -127...127)
  }

  /// max(absmax / 127, 2⁻²³): the scale symmetric int8 gives `values`.
  static func symmetricScale<Values: Collection<Float>>(_ values: Values) -> Float {
    let absmax = values.reduce(Float(0)) { Swift.max($0, $1.magnitude) }
    return Swift.max(absmax / 127, QuantizationLimits.minimumScale)
  }

  /// Affine uint8, PyTorch `MinMaxObserver` convention.
  static func affine(_ values: [Float]) throws -> Row {
    try requireFinite(values)
    let low = Swift.min(values.min() ?? 0, 0)
    let high = Swift.max(values.max() ?? 0, 0)
    let scale = Swift.max((high - low) / 255, QuantizationLimits.minimumScale)
    let zeroPoint = clamp(0 - Int((low / scale).rounded(.toNearestOrEven)), 0...255)
    return row(values, scale: scale, zeroPoint: zeroPoint, codes: 0...255)
  }

  /// Quantizes with given parameters: q = clamp(round(x / scale) + zeroPoint), x′ = scale (q − zp).
  static func row(_ values: [Float], scale: Float, zeroPoint: Int, codes: ClosedRange<Int>) -> Row {
    var q: [Int] = []
    var dequantized: [Float] = []
    var maxError = 0.0
    for x in values {
      let code = clamp(Int(code(x, scale: scale)) + zeroPoint, codes)
      let back = scale * Float(code - zeroPoint)
      q.append(code)
      dequantized.append(back)
      maxError = Swift.max(maxError, abs(Double(x) - Double(back)))
    }
    return Row(
      scale: scale, zeroPoint: zeroPoint, q: q, dequantized: dequantized, maxError: Float(maxError))
  }

  /// round(x / scale), half to even, kept in range before the conversion to an integer.
  static func code(_ x: Float, scale: Float) -> Float {
    Swift.min(Swift.max((x / scale).rounded(.toNearestOrEven), -1e6), 1e6)
  }

  static func clamp(_ value: Int, _ range: ClosedRange<Int>) -> Int {
    Swift.min(Swift.max(value, range.lowerBound), range.upperBound)
  }

  static func requireFinite(_ values: [Float]) throws {
    if let bad = values.firstIndex(where: { !$0.isFinite }) {
      throw QuantizationError.nonFiniteValue(index: bad)
    }
  }

  /// The model with each weight replaced by what its per-row int8 code stands for: running this
  /// fp32 model is the same computation as running the weight-only int8 model.
  /// Each row gets `symmetric`'s scale and codes, computed in place (no row of codes is kept).
  static func dequantizedPerRow(_ model: DenseMLP) throws -> DenseMLP {
    let layers = try model.layers.map { layer -> DenseLayer in
      var weights = layer.weights
      try requireFinite(weights)
      for row in 0..<layer.outputs {
        let range = row * layer.inputs..<(row + 1) * layer.inputs
        let scale = symmetricScale(weights[range])
        for index in range {
          weights[index] = scale * Float(clamp(Int(code(weights[index], scale: scale)), -127...127))
        }
      }
      return try DenseLayer(
        inputs: layer.inputs, outputs: layer.outputs, weights: weights, bias: layer.bias)
    }
    return try DenseMLP(layers: layers)
  }

  /// Bytes of the weight-only int8 model: 1 per weight, 4 per row scale, 4 per bias.
  static func quantizedBytes(_ model: DenseMLP) -> Int {
    model.layers.reduce(0) { $0 + $1.weights.count + 4 * $1.outputs + 4 * $1.bias.count }
  }
}
