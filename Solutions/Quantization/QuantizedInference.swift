import Quantization

/// Reference solution of QuantizedInference: per-row int8 weights, fp32 activations, and the row
/// scale applied once per output instead of once per weight.
public struct QuantizedMLPRunner: QuantizedInference {
  public init() {}

  public func quantize(_ model: DenseMLP) throws -> QuantizedMLP {
    let perChannel = PerChannelQuantizer()
    let layers = try model.layers.map { layer in
      try QuantizedDenseLayer(
        weights: perChannel.quantize(layer.weights, rows: layer.outputs, columns: layer.inputs),
        bias: layer.bias)
    }
    return try QuantizedMLP(layers: layers)
  }

  public func forward(_ model: QuantizedMLP, input: [Float], batch: Int) throws -> [Float] {
    if batch < 0 { throw QuantizationError.negativeDimension(batch) }
    if input.count != batch * model.inputSize {
      throw QuantizationError.shapeMismatch(expected: batch * model.inputSize, actual: input.count)
    }
    if let bad = input.firstIndex(where: { !$0.isFinite }) {
      throw QuantizationError.nonFiniteValue(index: bad)
    }
    var activations = input
    for (index, layer) in model.layers.enumerated() {
      let (inputs, outputs) = (layer.inputs, layer.outputs)
      var output = [Float](repeating: 0, count: batch * outputs)
      for b in 0..<batch {
        for o in 0..<outputs {
          // Σ q × x first, then one multiplication by the row's scale: W x = s (Q x).
          var sum: Float = 0
          for i in 0..<inputs {
            sum += Float(layer.weights.q[o * inputs + i]) * activations[b * inputs + i]
          }
          let y = layer.weights.scales[o] * sum + layer.bias[o]
          output[b * outputs + o] = index == model.layers.count - 1 ? y : Swift.max(0, y)
        }
      }
      activations = output
    }
    return activations
  }

  public func report(_ model: DenseMLP, input: [Float], batch: Int) throws
    -> QuantizedInferenceReport
  {
    let quantized = try quantize(model)
    let approximate = try forward(quantized, input: input, batch: batch)
    let exact = try model.forward(input, batch: batch)
    let maxError = zip(approximate, exact).reduce(Float(0)) { Swift.max($0, abs($1.0 - $1.1)) }
    return QuantizedInferenceReport(
      maxAbsoluteError: maxError, floatBytes: model.storageBytes,
      quantizedBytes: quantized.storageBytes)
  }
}
