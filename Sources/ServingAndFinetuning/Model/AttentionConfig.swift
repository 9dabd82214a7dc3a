/// The part of a decoder model that sets the size of its key-value cache.
///
/// Multi-head attention has `kvHeads == queryHeads`; grouped-query attention (Ainslie et al.
/// 2023) has fewer key-value heads, each shared by `queryHeads / kvHeads` query heads;
/// multi-query attention (Shazeer 2019) has one.
public struct AttentionConfig: Equatable, Sendable, CustomStringConvertible {
  /// Decoder layers; each keeps its own keys and values.
  public var layers: Int
  /// Query heads per layer.
  public var queryHeads: Int
  /// Key-value heads per layer; must divide `queryHeads`.
  public var kvHeads: Int
  /// Elements per head.
  public var headDim: Int
  /// Bytes of one cached element: 2 for fp16 or bf16, 1 for an 8-bit cache.
  public var bytesPerElement: Int

  /// Creates a description; nothing is checked until a contract method reads it.
  public init(layers: Int, queryHeads: Int, kvHeads: Int, headDim: Int, bytesPerElement: Int) {
    self.layers = layers
    self.queryHeads = queryHeads
    self.kvHeads = kvHeads
    self.headDim = headDim
    self.bytesPerElement = bytesPerElement
  }

  /// `layers 32, heads 32/8, headDim 128, 2 B`.
  public var description: String {
    "layers \(layers), heads \(queryHeads)/\(kvHeads) kv, headDim \(headDim), \(bytesPerElement) B"
  }

  /// Llama 2 7B: 32 layers, 32 heads of 128, multi-head attention, fp16.
  public static let llama2With7B = AttentionConfig(
    layers: 32, queryHeads: 32, kvHeads: 32, headDim: 128, bytesPerElement: 2)
  /// Llama 2 70B: 80 layers, 64 query heads of 128 sharing 8 key-value heads, fp16.
  public static let llama2With70B = AttentionConfig(
    layers: 80, queryHeads: 64, kvHeads: 8, headDim: 128, bytesPerElement: 2)
}
