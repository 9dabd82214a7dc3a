/// The shapes of the models the lesson's worked budget uses, and their parameter counts.
public struct DecoderShape: Sendable {
  /// Vocabulary size.
  public var vocabulary: Int
  /// Hidden size h.
  public var hidden: Int
  /// Feed-forward size i (three matrices: gate, up, down).
  public var intermediate: Int
  /// Decoder layers.
  public var layers: Int
  /// Attention heads (query and key-value alike in Llama 2 7B).
  public var heads: Int

  /// Llama 2 7B: V 32000, h 4096, i 11008, 32 layers, 32 heads, untied output head.
  public static let llama2With7B = DecoderShape(
    vocabulary: 32000, hidden: 4096, intermediate: 11008, layers: 32, heads: 32)

  /// Parameters in the linear layers of the decoder blocks: q, k, v, o and the three of the MLP.
  public var linearParameters: Int {
    layers * (4 * hidden * hidden + 3 * hidden * intermediate)
  }

  /// Parameters outside the linear layers: embeddings, output head, RMSNorm weights.
  public var otherParameters: Int {
    2 * vocabulary * hidden + (2 * layers + 1) * hidden
  }

  /// Every parameter.
  public var parameters: Int { linearParameters + otherParameters }
}
