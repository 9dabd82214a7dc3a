// A quantized model travels from a student's runner to the judge (see Harness's `Tape`); it is
// read back through the validating initialisers, so a malformed one is refused as it arrives
// rather than handed to a grader.

extension QuantizedDenseLayer: Codable {
  private enum CodingKeys: String, CodingKey {
    case weights, bias
  }

  /// Reads a layer and checks its shapes as `init(weights:bias:)` does.
  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    try self.init(
      weights: container.decode(PerChannelQuantizedTensor.self, forKey: .weights),
      bias: container.decode([Float].self, forKey: .bias))
  }

  /// Writes the layer's weights and bias.
  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(weights, forKey: .weights)
    try container.encode(bias, forKey: .bias)
  }
}

extension QuantizedMLP: Codable {
  private enum CodingKeys: String, CodingKey {
    case layers
  }

  /// Reads a model and checks that its layers chain, as `init(layers:)` does.
  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    try self.init(layers: container.decode([QuantizedDenseLayer].self, forKey: .layers))
  }

  /// Writes the model's layers.
  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(layers, forKey: .layers)
  }
}
