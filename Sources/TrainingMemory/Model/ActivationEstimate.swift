import Units

/// Two estimates of the activations a transformer keeps for its backward pass.
///
/// They differ by a large factor, and naming which one a figure uses is the point:
/// - `lecture`: one tokens × d_model tensor per layer (the block's output), as the lecture
///   counts it; this is exactly what full recomputation keeps.
/// - `korthikanti`: every tensor a layer keeps without recomputation, from Korthikanti et al.
///   2022 (arXiv:2205.05198), s·b·h·(34 + 5·a·s/h) bytes per layer with 16-bit activations
///   (dropout masks 1 byte) and an MLP of width 4h.
public enum ActivationEstimate {
  /// The shape the estimates need.
  public struct Shape: Equatable, Sendable {
    /// Transformer layers, L.
    public var layers: UInt64
    /// Hidden size, h (d_model).
    public var hidden: UInt64
    /// Attention heads, a.
    public var heads: UInt64
    /// Sequence length, s.
    public var sequence: UInt64
    /// Sequences per batch, b.
    public var batch: UInt64

    /// A shape; throws unless every dimension is at least 1.
    public init(layers: UInt64, hidden: UInt64, heads: UInt64, sequence: UInt64, batch: UInt64)
      throws
    {
      for (name, value) in [
        ("layers", layers), ("hidden size", hidden), ("heads", heads),
        ("sequence length", sequence), ("batch", batch),
      ] where value == 0 {
        throw TrainingMemoryError("the \(name) must be at least 1")
      }
      self.layers = layers
      self.hidden = hidden
      self.heads = heads
      self.sequence = sequence
      self.batch = batch
    }
  }

  /// The lecture's count for one layer: tokens × h elements of `type`.
  public static func lecturePerLayer(tokens: UInt64, hidden: UInt64, type: ElementType) throws
    -> UInt64
  {
    try type.bytes(
      count: Checked.multiply(tokens, hidden, "the activation elements of one layer"))
  }

  /// Korthikanti et al.'s count for one layer without recomputation, in bytes:
  /// s·b·h·34 + 5·a·s²·b = tokens × (34·h + 5·a·s), with tokens = s·b.
  public static func korthikantiPerLayer(
    tokens: UInt64, sequence: UInt64, hidden: UInt64, heads: UInt64
  ) throws -> UInt64 {
    let what = "the activation bytes of one layer"
    let perToken = try Checked.add(
      Checked.multiply(34, hidden, what),
      Checked.multiply(Checked.multiply(5, heads, what), sequence, what), what)
    return try Checked.multiply(tokens, perToken, what)
  }

  /// The lecture's estimate for the whole model: L × s·b × h elements of `type`.
  public static func lecture(_ shape: Shape, type: ElementType) throws -> UInt64 {
    let tokens = try Checked.multiply(shape.sequence, shape.batch, "the tokens of a batch")
    let perLayer = try lecturePerLayer(tokens: tokens, hidden: shape.hidden, type: type)
    return try Checked.multiply(perLayer, shape.layers, "the activation bytes of all layers")
  }

  /// Korthikanti et al.'s estimate for the whole model without recomputation (16-bit).
  public static func korthikanti(_ shape: Shape) throws -> UInt64 {
    let tokens = try Checked.multiply(shape.sequence, shape.batch, "the tokens of a batch")
    let perLayer = try korthikantiPerLayer(
      tokens: tokens, sequence: shape.sequence, hidden: shape.hidden, heads: shape.heads)
    return try Checked.multiply(perLayer, shape.layers, "the activation bytes of all layers")
  }
}
