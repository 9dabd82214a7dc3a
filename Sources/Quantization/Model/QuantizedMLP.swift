/// A dense layer whose weights are int8 with one scale per output row; the bias stays fp32.
public struct QuantizedDenseLayer: Equatable, Sendable {
  /// The `outputs × inputs` weight codes and their per-row scales.
  public let weights: PerChannelQuantizedTensor
  /// One fp32 bias per output.
  public let bias: [Float]

  /// Creates a layer; throws `shapeMismatch` when the codes, scales or biases do not fit.
  public init(weights: PerChannelQuantizedTensor, bias: [Float]) throws {
    if weights.rows < 0 { throw QuantizationError.negativeDimension(weights.rows) }
    if weights.columns < 0 { throw QuantizationError.negativeDimension(weights.columns) }
    if weights.q.count != weights.rows * weights.columns {
      throw QuantizationError.shapeMismatch(
        expected: weights.rows * weights.columns, actual: weights.q.count)
    }
    if weights.scales.count != weights.rows {
      throw QuantizationError.shapeMismatch(expected: weights.rows, actual: weights.scales.count)
    }
    if bias.count != weights.rows {
      throw QuantizationError.shapeMismatch(expected: weights.rows, actual: bias.count)
    }
    self.weights = weights
    self.bias = bias
  }

  /// Inputs per example.
  public var inputs: Int { weights.columns }
  /// Outputs per example.
  public var outputs: Int { weights.rows }
  /// Bytes: 1 per weight code, 4 per scale, 4 per bias.
  public var storageBytes: Int { weights.storageBytes + 4 * bias.count }
}

/// A `DenseMLP` after weight-only int8 quantization.
public struct QuantizedMLP: Equatable, Sendable {
  /// The layers, input side first.
  public let layers: [QuantizedDenseLayer]

  /// Creates a model; throws `shapeMismatch` unless the layers chain and there is at least one.
  public init(layers: [QuantizedDenseLayer]) throws {
    try layers.checkChained()
    self.layers = layers
  }

  /// Inputs per example.
  public var inputSize: Int { layers[0].inputs }
  /// Outputs per example.
  public var outputSize: Int { layers[layers.count - 1].outputs }
  /// Bytes of every layer's codes, scales and biases, measured from the arrays themselves.
  public var storageBytes: Int { layers.reduce(0) { $0 + $1.storageBytes } }
}
