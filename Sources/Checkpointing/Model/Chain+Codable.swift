// Tensors, layers and chains travel from a student's runner to the judge (see Harness's
// `Tape`); they are read back through their validating initialisers, so a malformed one is
// refused as it arrives rather than handed to a grader.

extension Tensor: Codable {
  private enum CodingKeys: String, CodingKey {
    case rows, columns, values
  }

  /// Reads a tensor and checks its shape as `init(rows:columns:values:)` does.
  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    try self.init(
      rows: container.decode(Int.self, forKey: .rows),
      columns: container.decode(Int.self, forKey: .columns),
      values: container.decode([Double].self, forKey: .values))
  }

  /// Writes the tensor's shape and values.
  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(rows, forKey: .rows)
    try container.encode(columns, forKey: .columns)
    try container.encode(values, forKey: .values)
  }
}

extension Layer: Codable {
  private enum CodingKeys: String, CodingKey {
    case inputWidth, outputWidth, activation, weights, bias
  }

  /// Reads a layer and checks its parameter counts as `init` does.
  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    try self.init(
      inputWidth: container.decode(Int.self, forKey: .inputWidth),
      outputWidth: container.decode(Int.self, forKey: .outputWidth),
      activation: container.decode(Activation.self, forKey: .activation),
      weights: container.decode([Double].self, forKey: .weights),
      bias: container.decode([Double].self, forKey: .bias))
  }

  /// Writes the layer's widths, activation and parameters.
  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(inputWidth, forKey: .inputWidth)
    try container.encode(outputWidth, forKey: .outputWidth)
    try container.encode(activation, forKey: .activation)
    try container.encode(weights, forKey: .weights)
    try container.encode(bias, forKey: .bias)
  }
}

extension Chain: Codable {
  private enum CodingKeys: String, CodingKey {
    case layers, loss
  }

  /// Reads a chain and checks that its layers chain, as `init(layers:loss:)` does.
  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    try self.init(
      layers: container.decode([Layer].self, forKey: .layers),
      loss: container.decode(Loss.self, forKey: .loss))
  }

  /// Writes the chain's layers and loss.
  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(layers, forKey: .layers)
    try container.encode(loss, forKey: .loss)
  }
}
